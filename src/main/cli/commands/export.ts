import { resolve } from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import type { Command } from '../command'
import { writeJsonLine } from '../command'
import { openCliApp } from '../open-app'
import { createProgressBar } from '../progress-bar'

export const exportCommand: Command = {
  name: 'export',
  summary:
    'Curate the captured exchanges and write a dataset: train.jsonl, valid.jsonl, manifest.json and a\n' +
    'few-shot Modelfile, atomically, into --out. Prints the dataset as one JSON line.',
  options: {
    out: { type: 'string', valueName: 'DIR', description: 'Folder to create (required; must not exist)' },
    name: { type: 'string', valueName: 'NAME', description: 'Dataset name' },
    'min-score': { type: 'string', valueName: 'N', description: 'Minimum quality score, 1-5 (default: Ajustes, 4)' },
    'include-demo': { type: 'boolean', description: 'Include demo data (excluded by default)' },
    'reviewed-only': { type: 'boolean', description: 'Only exchanges the owner approved or corrected' },
  },
  async run(values, io) {
    if (!values.out) {
      io.stderr.write('--out DIR is required\n')
      return 2
    }
    const minScore = values['min-score'] === undefined ? undefined : Number(values['min-score'])
    if (minScore !== undefined && !(Number.isInteger(minScore) && minScore >= 1 && minScore <= 5)) {
      io.stderr.write(`--min-score must be a whole number from 1 to 5, got "${String(values['min-score'])}"\n`)
      return 2
    }
    const app = await openCliApp(values, io)
    const bar = createProgressBar(io.stderr as NodeJS.WritableStream & { isTTY?: boolean })
    const unsubscribe = app.events.subscribe((event, payload) => {
      if (event === 'dataset.progress') {
        const p = payload as { stage: string; done: number; total: number }
        bar(p.stage, p.done, p.total)
      }
    })
    try {
      const options = {
        includeDemo: Boolean(values['include-demo']),
        ...(values.name ? { name: values.name as string } : {}),
        ...(minScore === undefined ? {} : { minScore }),
        ...(values['reviewed-only'] ? { includeUnreviewed: false } : {}),
      }
      const dataset = await app.datasets.create(options, resolve(values.out as string))
      writeJsonLine(io, dataset)
      return 0
    } catch (error) {
      io.stderr.write(`${error instanceof ApiError || error instanceof Error ? error.message : String(error)}\n`)
      // The app's message points to its demo switch; here the flag is the switch.
      if (!values['include-demo'] && app.repos.trainingData.countDemo() > 0) io.stderr.write('To export the demo exchanges too, add --include-demo.\n')
      return 1
    } finally {
      unsubscribe()
      await app.close()
    }
  },
}

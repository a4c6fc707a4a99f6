import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Command } from '../command'
import { writeJsonLine } from '../command'
import { openCliApp } from '../open-app'
import { createProgressBar } from '../progress-bar'
import { findLlamaTools } from '../../training/llama-tools'
import { fineTuneWithLlamaCpp } from '../../training/llamacpp-finetune'
import { TrainingError } from '../../training/training-errors'

export const trainCommand: Command = {
  name: 'train',
  summary:
    'Fine-tune a base GGUF on a dataset folder (train.jsonl, valid.jsonl) with llama.cpp: real weights.\n' +
    'Progress on stderr; at the end one JSON line on stdout: lossFirst, lossLast, basePerplexity,\n' +
    'candidatePerplexity (on the validation split) and model (the trained GGUF).',
  options: {
    backend: { type: 'string', valueName: 'llamacpp', description: 'Training backend (only llamacpp trains weights)' },
    base: { type: 'string', valueName: 'FILE.gguf', description: 'Base model, F32/F16/BF16 GGUF (required)' },
    dataset: { type: 'string', valueName: 'DIR', description: 'Dataset folder from `export` or "Generar dataset" (required)' },
    out: { type: 'string', valueName: 'DIR', description: 'Folder for the trained model (required)' },
    epochs: { type: 'string', valueName: 'N', description: 'Epochs (default: Ajustes, 3)' },
    ctx: { type: 'string', valueName: 'N', description: 'Tokens per training sequence (default: Ajustes, 256)' },
    lr: { type: 'string', valueName: 'X', description: 'Learning rate (default: Ajustes, 1e-4)' },
    'freeze-layers': { type: 'string', valueName: 'N', description: 'Leave the first N layers untrained (default 0)' },
  },
  async run(values, io) {
    const backend = (values.backend as string | undefined) ?? 'llamacpp'
    if (backend !== 'llamacpp') {
      io.stderr.write(`--backend ${backend}: only llamacpp trains from the command line (prompt and import run from the app)\n`)
      return 2
    }
    for (const required of ['base', 'dataset', 'out'] as const) {
      if (!values[required]) {
        io.stderr.write(`--${required} is required\n`)
        return 2
      }
    }
    const number = (name: string, integer: boolean): number | undefined | null => {
      const raw = values[name]
      if (raw === undefined) return undefined
      const n = Number(raw)
      return Number.isFinite(n) && n > 0 && (!integer || Number.isInteger(n)) ? n : null
    }
    const epochs = number('epochs', true)
    const ctx = number('ctx', true)
    const lr = number('lr', false)
    const freeze = values['freeze-layers'] === undefined ? undefined : Number(values['freeze-layers'])
    if (epochs === null || ctx === null || lr === null || (freeze !== undefined && !(Number.isInteger(freeze) && freeze >= 0))) {
      io.stderr.write('--epochs, --ctx and --freeze-layers take whole numbers, --lr a positive number\n')
      return 2
    }
    const app = await openCliApp(values, io)
    try {
      const training = app.settings.get().training
      const tools = findLlamaTools({ configuredDir: training.llamaBinDir, env: io.env })
      if (!tools) {
        io.stderr.write('The llama.cpp tools are missing: run `npm run build:llama` (or set AUTODIDACTA_LLAMA_BIN).\n')
        return 1
      }
      const outDir = resolve(values.out as string)
      mkdirSync(outDir, { recursive: true })
      const bar = createProgressBar(io.stderr as NodeJS.WritableStream & { isTTY?: boolean })
      const params = {
        epochs: epochs ?? training.epochs,
        contextTokens: ctx ?? training.contextTokens,
        learningRate: lr ?? training.learningRate,
        freezeLayers: freeze ?? training.freezeLayers,
        seed: 42,
      }
      const result = await fineTuneWithLlamaCpp({
        tools,
        basePath: resolve(values.base as string),
        datasetDir: resolve(values.dataset as string),
        workDir: outDir,
        outPath: join(outDir, 'model-f32.gguf'),
        params,
        evaluate: true,
        onProgress: (p) => {
          if (p.stage !== 'training') {
            io.stderr.write(`${p.stage}…\n`)
            return
          }
          const detail = [p.loss !== null ? `loss ${p.loss.toFixed(3)}` : '', p.etaSeconds !== null ? `ETA ${Math.round(p.etaSeconds)} s` : ''].filter(Boolean).join('  ')
          bar(`época ${p.epoch}/${p.epochs}`, (p.epoch - 1) * p.steps + p.step, p.steps * p.epochs, detail)
        },
      })
      writeJsonLine(io, {
        lossFirst: result.lossFirst,
        lossLast: result.lossLast,
        basePerplexity: result.basePerplexity,
        candidatePerplexity: result.candidatePerplexity,
        model: result.trainedPath,
        quantized: result.quantizedPath,
        evaluatedOn: result.evaluatedOn,
        examples: result.examples,
        seconds: Math.round(result.seconds * 10) / 10,
      })
      return 0
    } catch (error) {
      io.stderr.write(`${error instanceof TrainingError || error instanceof Error ? error.message : String(error)}\n`)
      return 1
    } finally {
      await app.close()
    }
  },
}

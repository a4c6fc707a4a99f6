import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { curateInWorker, findCurationWorker } from '../../../src/main/curate/curate-in-worker'
import { curate } from '../../../src/main/curate/curator'
import type { CurationProgress } from '../../../src/main/curate/types'
import { FIXTURE_CANDIDATES, SYSTEM_PROMPT } from '../../fixtures/curation/candidates'
import { tempDir } from '../../support/test-app'
import { generateSyntheticCandidates } from '../../support/synthetic-candidates'

// Each case starts a real worker thread from the TypeScript sources (through tsx).
describe('curateInWorker', () => {
  it('returns exactly what curate returns in-process, with the progress forwarded', async () => {
    // Enough rows for several row and result messages each way (1000 per message).
    const candidates = [...FIXTURE_CANDIDATES, ...generateSyntheticCandidates(6000, 'worker')]
    const options = { systemPrompt: SYSTEM_PROMPT, validationRatio: 0.2, maxPerCategoryShare: 0.4 }
    const seen: CurationProgress[] = []
    const inWorker = await curateInWorker(candidates, options, (p) => seen.push(p))
    const inProcess = curate(candidates, options)

    expect(inWorker.train.length + inWorker.validation.length).toBeGreaterThan(2000)
    expect(JSON.stringify(inWorker)).toBe(JSON.stringify(inProcess))
    const stages = [...new Set(seen.map((p) => p.stage))]
    expect(stages).toEqual(['filter', 'scrub', 'dedupe', 'balance', 'split'])
    expect(seen.at(-1)).toEqual({ stage: 'split', done: inProcess.report.kept, total: inProcess.report.kept })
  })

  it('rejects with the error curate throws, by name and message', async () => {
    const error = await curateInWorker(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT, validationRatio: 2 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'RangeError', message: 'validationRatio must be in [0, 1), got 2' })
  })

  it('rejects with the abort once the signal aborts mid-run, and at once for an aborted signal', async () => {
    const controller = new AbortController()
    const candidates = generateSyntheticCandidates(20_000, 'abort')
    let progress = 0
    const running = curateInWorker(candidates, { systemPrompt: SYSTEM_PROMPT }, () => {
      progress++
      controller.abort()
    }, { signal: controller.signal })
    await expect(running).rejects.toMatchObject({ name: 'AbortError' })
    expect(progress).toBe(1)

    const reason = new Error('cerrando')
    await expect(curateInWorker(candidates, { systemPrompt: SYSTEM_PROMPT }, undefined, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
  })
})

describe('findCurationWorker', () => {
  const dir = tempDir()
  afterAll(() => dir.remove())

  it('finds the built entry from an entry file and from a shared chunk', () => {
    const main = join(dir.path, 'out', 'main')
    mkdirSync(join(main, 'chunks'), { recursive: true })
    writeFileSync(join(main, 'curation-worker.js'), '')
    const expected = pathToFileURL(join(main, 'curation-worker.js')).href
    expect(findCurationWorker(pathToFileURL(join(main, 'cli.js')).href)).toEqual({ url: new URL(expected), typescript: false })
    expect(findCurationWorker(pathToFileURL(join(main, 'chunks', 'create-app-abc123.js')).href)).toEqual({ url: new URL(expected), typescript: false })
  })

  it('finds the TypeScript entry next to the sources, and says so when there is none', () => {
    const found = findCurationWorker()
    expect(found.typescript).toBe(true)
    expect(found.url.pathname.endsWith('/src/main/curate/curation-worker.ts')).toBe(true)
    expect(() => findCurationWorker(pathToFileURL(join(dir.path, 'nowhere', 'x.js')).href)).toThrow(/No se encontró el programa de curación/)
  })
})

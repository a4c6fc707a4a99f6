import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../src/shared/api/errors'
import type { DatasetProgress } from '../../src/shared/types'
import { curate } from '../../src/main/curate/curator'
import { DATASET_FILES } from '../../src/main/curate/dataset-format'
import { writeDataset } from '../../src/main/curate/dataset-writer'
import { toCandidate } from '../../src/main/curate/dataset-service'
import { generateDemoData } from '../../src/main/demo/demo-data'
import { buildTestApp, callApi, tempDir, type TestApp } from '../support/test-app'
import { fillShopName } from '../../src/shared/persona'

// Curation runs on a worker thread: the same files as in-process, and the main thread keeps
// turning while it runs (the thread that answers customers and the HTTP API).
describe('datasets.create curates on a worker thread', () => {
  let app: TestApp | undefined
  let out: ReturnType<typeof tempDir> | undefined
  afterEach(async () => {
    await app?.dispose()
    out?.remove()
    app = out = undefined
  })

  it('writes byte for byte the files that curate run in-process writes from the same rows', async () => {
    app = await buildTestApp()
    // Demo customers have names, so the customer-name scrub runs on these rows too.
    generateDemoData(app.repos, app.repos.accounts.ensureShopAccount('Mi tienda').id, { count: 3000, seed: 12 })
    const dataset = await callApi(app, 'datasets.create', { includeDemo: true, name: 'igual', maxPerCategoryShare: 0.3 })
    expect(dataset.trainCount).toBeGreaterThan(100)
    const manifest = dataset.manifest as { createdAt: string; filters: Record<string, unknown> }

    const settings = app.settings.get()
    const systemPrompt = fillShopName(settings.persona.systemPrompt, settings.persona.shopName)
    const candidates = app.repos.trainingData.curationRows(true).map(toCandidate)
    const result = curate(candidates, { ...manifest.filters, systemPrompt })
    out = tempDir()
    const dir = join(out.path, 'en-proceso')
    await writeDataset(dir, result, {
      name: dataset.name,
      createdAt: new Date(manifest.createdAt),
      filters: manifest.filters,
      modelfileFrom: settings.llm.model,
      systemPrompt,
    })

    for (const file of Object.values(DATASET_FILES)) {
      const viaWorker = readFileSync(join(dataset.path!, file))
      const inProcess = readFileSync(join(dir, file))
      expect(viaWorker.equals(inProcess), file).toBe(true)
    }
  })

  it('keeps the event loop turning while a large export is read and curated, and stops when the app closes', { timeout: 120_000 }, async () => {
    app = await buildTestApp()
    generateDemoData(app.repos, app.repos.accounts.ensureShopAccount('Mi tienda').id, { count: 30_000, withMessages: false, seed: 5 })

    // Ticks of a 20 ms timer while the rows are read, and between then and the last curation
    // progress. Read in one call and curated in-process, each stretch is one synchronous step
    // in which no tick can land.
    let ticks = 0
    let ticksAtLoading: number | null = null
    let ticksAtLoaded: number | null = null
    let ticksAtCurated: number | null = null
    const timer = setInterval(() => ticks++, 20)
    const unsubscribe = app.events.subscribe((event, payload) => {
      if (event !== 'dataset.progress') return
      const p = payload as DatasetProgress
      if (p.stage === 'loading' && p.done === 0) ticksAtLoading = ticks
      if (p.stage === 'loading' && p.done === p.total) ticksAtLoaded = ticks
      if (p.stage === 'splitting' && p.total > 0 && p.done === p.total) ticksAtCurated = ticks
    })
    const started = performance.now()
    try {
      const dataset = await callApi(app, 'datasets.create', { includeDemo: true })
      expect(dataset.status).toBe('ready')
      // Without a name it is named for the owner, who reads it on Entrenamiento: "lote-20261205-232632".
      expect(dataset.name).toMatch(/^lote-\d{8}-\d{6}$/)
    } finally {
      clearInterval(timer)
      unsubscribe()
    }
    const elapsed = performance.now() - started
    expect(ticksAtLoading).not.toBeNull()
    expect(ticksAtLoaded).not.toBeNull()
    expect(ticksAtCurated).not.toBeNull()
    const duringLoading = ticksAtLoaded! - ticksAtLoading!
    expect(duringLoading, `${duringLoading} ticks while 30,000 rows were read`).toBeGreaterThanOrEqual(3)
    const duringCuration = ticksAtCurated! - ticksAtLoaded!
    expect(duringCuration, `${duringCuration} ticks during curation, export ${elapsed.toFixed(0)} ms`).toBeGreaterThanOrEqual(5)

    // Closing the app mid-curation stops the thread instead of waiting for it.
    const curating = new Promise<void>((resolve) => {
      const stop = app!.events.subscribe((event, payload) => {
        if (event === 'dataset.progress' && (payload as DatasetProgress).stage === 'filtering') {
          stop()
          resolve()
        }
      })
    })
    const building = app.datasets.create({ includeDemo: true })
    await curating
    await app.close()
    const error = await building.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/se cerró mientras se preparaba el lote de ejemplos/) })
  })
})

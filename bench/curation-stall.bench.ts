// Issue 12 §2: curating a large export must not stall the main thread, the one that answers
// customers and the HTTP API. `npx tsx bench/curation-stall.bench.ts` (part of `npm run bench`).
// 100,000 varied exchanges are exported twice in one process, with perf_hooks'
// monitorEventLoopDelay on: as before (curate called in-process, as the dataset service did)
// and as now (app.datasets.create: the rows read a page at a time, curated on a worker thread).
// A 5 ms timer also records which dataset stages were reported inside the longest stall (or the
// stage it fell in), to say what is left.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createApp, type App } from '../src/main/app/create-app'
import { curate } from '../src/main/curate/curator'
import { writeDataset } from '../src/main/curate/dataset-writer'
import { toCandidate } from '../src/main/curate/dataset-service'
import { silentLogger } from '../src/main/kernel/logger'
import type { DatasetProgress } from '../src/shared/types'
import { storeSyntheticExchanges } from './synthetic-store'

const EXCHANGES = 100_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Stall {
  elapsedMs: number
  maxDelayMs: number
  p99DelayMs: number
  longestGapMs: number
  stagesInLongestGap: string[]
}

async function measure(app: App, run: () => Promise<void>): Promise<Stall> {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  let stages = new Set<string>()
  let longestGap = 0
  let stagesInLongestGap: string[] = []
  let stage = 'none'
  let last = performance.now()
  const unsubscribe = app.events.subscribe((event, payload) => {
    if (event !== 'dataset.progress') return
    stage = (payload as DatasetProgress).stage
    stages.add(stage)
  })
  const timer = setInterval(() => {
    const now = performance.now()
    if (now - last > longestGap) {
      longestGap = now - last
      stagesInLongestGap = stages.size > 0 ? [...stages] : [`within ${stage}`]
    }
    stages = new Set()
    last = now
  }, 5)
  histogram.enable()
  // The histogram's timer starts on the next turn: a stall right after enable() would go unseen.
  await sleep(50)
  const started = performance.now()
  let elapsedMs: number
  try {
    await run()
    elapsedMs = performance.now() - started
    await sleep(50)
  } finally {
    histogram.disable()
    clearInterval(timer)
    unsubscribe()
  }
  return {
    elapsedMs,
    maxDelayMs: histogram.max / 1e6,
    p99DelayMs: histogram.percentile(99) / 1e6,
    longestGapMs: longestGap,
    stagesInLongestGap,
  }
}

/** The dataset service's steps before issue 12, with its progress events: curate on this thread. */
async function exportInProcess(app: App, dir: string): Promise<void> {
  const progress = (stage: DatasetProgress['stage']) => app.events.emit('dataset.progress', { datasetId: 'bench', stage, done: 1, total: 1 })
  const settings = app.settings.get()
  const systemPrompt = settings.persona.systemPrompt.replaceAll('{shopName}', settings.persona.shopName)
  progress('loading')
  const candidates = app.repos.trainingData.curationRows(true).map(toCandidate)
  progress('filtering')
  const result = curate(candidates, { systemPrompt })
  progress('splitting')
  await writeDataset(dir, result, { name: 'antes', createdAt: new Date(), filters: {}, modelfileFrom: settings.llm.model, systemPrompt }, () => progress('writing'))
}

const dir = mkdtempSync(join(tmpdir(), 'autodidacta-bench-'))
try {
  const app = await createApp({ dataDir: dir, version: 'bench', logger: silentLogger, env: { OLLAMA_HOST: 'http://127.0.0.1:9' } })
  try {
    storeSyntheticExchanges(app, EXCHANGES)
    // Before the pages, the rows were read in one synchronous call: timed alone.
    const started = performance.now()
    const rows = app.repos.trainingData.curationRows(true).map(toCandidate).length
    const loadMs = performance.now() - started
    // The first export after the load pays for flushing the fixture to disk (the dataset's
    // fsyncs): tens of seconds here, and not what is measured.
    await exportInProcess(app, join(dir, 'warmup'))

    const before = await measure(app, () => exportInProcess(app, join(dir, 'before')))
    let kept = ''
    const after = await measure(app, async () => {
      const dataset = await app.datasets.create({ includeDemo: true }, join(dir, 'after'))
      kept = `${dataset.trainCount} train / ${dataset.validationCount} valid`
    })
    const row = (label: string, s: Stall) =>
      `| ${label} | ${s.maxDelayMs.toFixed(0)} ms | ${s.p99DelayMs.toFixed(0)} ms | ${s.longestGapMs.toFixed(0)} ms (${s.stagesInLongestGap.join(', ')}) | ${(s.elapsedMs / 1000).toFixed(1)} s |`
    console.log(`${rows.toLocaleString('en')} exchanges (${kept}); reading them in one call: ${loadMs.toFixed(0)} ms`)
    console.log('| 100k export | max event-loop delay | p99 delay | longest stall (stages reported in it) | export time |')
    console.log('|---|---|---|---|---|')
    console.log(row('before: curate on the main thread', before))
    console.log(row('now: curate on a worker thread', after))
  } finally {
    await app.close()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

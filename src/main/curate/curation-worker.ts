// A worker thread's entry (its own build input, out/main/curation-worker.js): runs `curate` off
// the main thread, which also answers customers and the HTTP API. Started by curate-in-worker.ts.
import { parentPort, workerData } from 'node:worker_threads'
import { curate } from './curator'
import type { CurationWorkerData, FromWorker, ToWorker } from './curation-worker-protocol'
import type { CurationCandidate, CurationProgress, DatasetExample } from './types'

/** Progress at most this often within a stage: enough for a progress bar, no flood of messages. */
const PROGRESS_EVERY_MS = 100

const port = parentPort
if (!port) throw new Error('curation-worker.ts must be started as a worker thread')
const { options, resultBatch } = workerData as CurationWorkerData
const post = (message: FromWorker) => port.postMessage(message)

const candidates: CurationCandidate[] = []
let pending: (() => void) | null = null

port.on('message', (message: ToWorker) => {
  if (message.type === 'rows') {
    for (const row of message.rows) candidates.push(row)
  } else if (message.type === 'end') {
    run().catch(fail)
  } else if (message.type === 'more') {
    const next = pending
    pending = null
    next?.()
  }
})

async function run(): Promise<void> {
  let stage: CurationProgress['stage'] | null = null
  let last = 0
  const result = curate(candidates, options, (progress) => {
    const now = performance.now()
    if (progress.stage === stage && progress.done < progress.total && now - last < PROGRESS_EVERY_MS) return
    stage = progress.stage
    last = now
    post({ type: 'progress', progress })
  })
  candidates.length = 0
  // One batch at a time, each after the main thread took the one before: it decodes a message in
  // one stretch, and Node hands it every queued message at once, so unpaced batches would add up
  // to the very stall this thread exists to avoid.
  await sendAll('train', result.train)
  await sendAll('validation', result.validation)
  post({ type: 'done', report: result.report })
}

async function sendAll(split: 'train' | 'validation', examples: DatasetExample[]): Promise<void> {
  for (let i = 0; i < examples.length; i += resultBatch) {
    const taken = new Promise<void>((resolve) => (pending = resolve))
    post({ type: 'examples', split, examples: examples.slice(i, i + resultBatch) })
    await taken
  }
}

function fail(error: unknown): void {
  const e = error instanceof Error ? error : new Error(String(error))
  post({ type: 'error', name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) })
}

import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { CurationWorkerData, FromWorker, ToWorker } from './curation-worker-protocol'
import type { CurationCandidate, CurationInputOptions, CurationProgress, CurationResult, DatasetExample } from './types'

/**
 * Rows per message to the thread. Encoding a message blocks the main thread (100k rows at once:
 * ~0.6 s), so the rows go in slices with a turn of the event loop between them.
 */
const ROW_BATCH = 1000
/** Examples per message back; decoding blocks the main thread the same way. */
const RESULT_BATCH = 1000

export interface CurateInWorkerOptions {
  /** Stops the thread; the promise rejects with the signal's reason. */
  signal?: AbortSignal
}

/** The thread failed or stopped before it finished (not a cancellation). */
class CurationWorkerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'CurationWorkerError'
  }
}

/**
 * `curate`, run on a worker thread so a large export never stalls the main thread (the one that
 * answers customers and serves the API): the same result, the same progress callbacks, byte for
 * byte. The thread is always ended when the promise settles.
 */
export function curateInWorker(
  /** The rows, or pages of them as they are read (the main thread then never holds them all). */
  candidates: readonly CurationCandidate[] | AsyncIterable<readonly CurationCandidate[]>,
  options: CurationInputOptions,
  onProgress?: (progress: CurationProgress) => void,
  { signal }: CurateInWorkerOptions = {},
): Promise<CurationResult> {
  if (signal?.aborted) return Promise.reject(abortReason(signal))
  const entry = findCurationWorker()
  const workerData: CurationWorkerData = { options, resultBatch: RESULT_BATCH }
  return new Promise<CurationResult>((resolve, reject) => {
    const worker = entry.typescript
      ? new Worker(tsxBootstrap(entry.url), { eval: true, workerData })
      : new Worker(entry.url, { workerData })
    const train: DatasetExample[] = []
    const validation: DatasetExample[] = []
    let settled = false

    const finish = (error: unknown, result?: CurationResult) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      worker.terminate().catch(() => undefined)
      if (result) resolve(result)
      else reject(error)
    }
    const onAbort = () => finish(abortReason(signal!))
    signal?.addEventListener('abort', onAbort, { once: true })
    const send = (message: ToWorker) => worker.postMessage(message)

    worker.on('message', (message: FromWorker) => {
      if (settled) return
      try {
        switch (message.type) {
          case 'progress':
            onProgress?.(message.progress)
            break
          case 'examples':
            for (const example of message.examples) (message.split === 'train' ? train : validation).push(example)
            send({ type: 'more' })
            break
          case 'done':
            finish(null, { train, validation, report: message.report })
            break
          case 'error':
            finish(rebuildError(message))
            break
        }
      } catch (error) {
        finish(error)
      }
    })
    worker.on('error', (error) => finish(new CurationWorkerError(`La curación falló: ${error.message}`, { cause: error })))
    worker.on('messageerror', (error) => finish(new CurationWorkerError(`La curación falló: ${error.message}`, { cause: error })))
    worker.on('exit', (code) => finish(new CurationWorkerError(`La curación se detuvo antes de terminar (código ${code}).`)))

    const sendRows = async () => {
      const pages = Symbol.asyncIterator in candidates ? candidates : inBatches(candidates)
      for await (const page of pages) {
        if (settled) return
        for (let i = 0; i < page.length && !settled; i += ROW_BATCH) {
          send({ type: 'rows', rows: page.slice(i, i + ROW_BATCH) })
          await nextTurn()
        }
      }
      if (!settled) send({ type: 'end' })
    }
    sendRows().catch(finish)
  })
}

async function* inBatches(rows: readonly CurationCandidate[]): AsyncGenerator<readonly CurationCandidate[]> {
  for (let i = 0; i < rows.length; i += ROW_BATCH) yield rows.slice(i, i + ROW_BATCH)
}

/**
 * Where the thread's entry is. Built, it is `out/main/curation-worker.js` (its own build input)
 * while this code sits in `out/main/` or in a shared chunk under `out/main/chunks/`; from the
 * sources it is the `.ts` file next to this one.
 */
export function findCurationWorker(from: string = import.meta.url): { url: URL; typescript: boolean } {
  for (const relative of ['./curation-worker.js', '../curation-worker.js', './curation-worker.ts']) {
    const url = new URL(relative, from)
    if (existsSync(fileURLToPath(url))) return { url, typescript: relative.endsWith('.ts') }
  }
  throw new CurationWorkerError(`No se encontró el programa de curación (curation-worker.js) junto a ${fileURLToPath(from)}.`)
}

/**
 * From the sources (tests, `npm run cli`) the entry is TypeScript, which tsx compiles. Node 20
 * ignores a loader given to a worker with `--import`, so the thread imports the entry through
 * tsx's API instead. The build never takes this path (tsx is a dev dependency).
 */
function tsxBootstrap(entry: URL): string {
  // The ESM build of the API: its CommonJS build cannot find its own files from a worker.
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports
  const api = pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href
  return `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`
}

function rebuildError(message: Extract<FromWorker, { type: 'error' }>): Error {
  // Same name and message as `curate` threw in the thread: callers word their errors from them.
  const error = new Error(message.message)
  error.name = message.name
  if (message.stack) error.stack = message.stack
  return error
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The curation was cancelled', 'AbortError')
}

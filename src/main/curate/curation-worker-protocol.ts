// The messages between curate-in-worker.ts (main thread) and curation-worker.ts (the thread).
// Types only, so that neither side pulls the other's code into its bundle chunk.
import type { CurationCandidate, CurationInputOptions, CurationProgress, CurationReport, DatasetExample } from './types'

export interface CurationWorkerData {
  options: CurationInputOptions
  /** Examples per result message (the main thread decodes each one in a single stretch). */
  resultBatch: number
}

export type ToWorker =
  | { type: 'rows'; rows: CurationCandidate[] }
  /** Every row has been sent: curate them. */
  | { type: 'end' }
  /** The main thread has taken the last result batch: send the next. */
  | { type: 'more' }

export type FromWorker =
  | { type: 'progress'; progress: CurationProgress }
  | { type: 'examples'; split: 'train' | 'validation'; examples: DatasetExample[] }
  | { type: 'done'; report: CurationReport }
  | { type: 'error'; name: string; message: string; stack?: string }

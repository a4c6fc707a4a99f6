import type { CaptureHealth } from '../../shared/types'
import type { Logger } from '../kernel/logger'

interface Task {
  label: string
  run: () => void
  attempts: number
}

const MAX_ATTEMPTS_IN_LINE = 6
const PARKED_RETRY_MS = 60_000
/** One batch holds the event loop for at most this long before letting replies through. */
const BATCH_BUDGET_MS = 15

/** Runs `fn` in one transaction; a call inside it must become a savepoint. */
export type RunInTransaction = <T>(fn: () => T) => T

export interface LearningWorkerDeps {
  transaction: RunInTransaction
  logger: Logger
  /** Called whenever what waits or failed changes (`capture.health`). */
  onHealth: (health: CaptureHealth) => void
}

/**
 * Writes the learning loop's records (captures, evaluations) after the reply has gone out,
 * one at a time and in order, so an evaluation never overtakes the capture it closes.
 * A failing write is retried with backoff; one that keeps failing is parked (retried every
 * minute) so it cannot block the rest. Nothing is dropped, and the health says what waits.
 * What is queued is written in one transaction (each task in its own savepoint), so a burst
 * of exchanges costs one disk sync instead of one per record.
 */
export class LearningWorker {
  private readonly queue: Task[] = []
  private readonly parked: Task[] = []
  private scheduled = false
  private retryTimer: NodeJS.Timeout | null = null
  private parkedTimer: NodeJS.Timeout | null = null
  private captured = 0
  private failedAttempts = 0
  private lastError: string | null = null
  private lastErrorAt: number | null = null
  private idleWaiters: (() => void)[] = []
  private closed = false

  constructor(private readonly deps: LearningWorkerDeps) {}

  enqueue(label: string, run: () => void): void {
    this.queue.push({ label, run, attempts: 0 })
    this.schedule()
  }

  health(): CaptureHealth {
    return {
      pending: this.queue.length + this.parked.length,
      captured: this.captured,
      failedAttempts: this.failedAttempts,
      lastError: this.lastError,
      lastErrorAt: this.lastErrorAt,
    }
  }

  /** Resolves when the queue is empty (parked tasks excepted). */
  idle(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /** Drains what it can now; tasks that still fail stay counted in the health it logs. */
  close(): void {
    this.closed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    if (this.parkedTimer) clearTimeout(this.parkedTimer)
    this.drain()
    const left = this.queue.length + this.parked.length
    if (left > 0) this.deps.logger.error('Learning records not written at shutdown; bot replies are recaptured at next start', { left })
  }

  private schedule(): void {
    if (this.scheduled || this.retryTimer || this.closed) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.drain()
    })
  }

  private drain(): void {
    let changed = false
    while (this.queue.length > 0) {
      const outcome = this.runBatch()
      if (outcome.written > 0) changed = true
      if (outcome.failed) {
        this.deps.onHealth(this.health())
        return
      }
      if (outcome.yielded && !this.closed) {
        // Let the reply path run between batches; the rest follows on the next turn.
        if (changed) this.deps.onHealth(this.health())
        this.schedule()
        return
      }
    }
    if (changed) this.deps.onHealth(this.health())
    for (const resolve of this.idleWaiters.splice(0)) resolve()
  }

  /**
   * Writes queued tasks in order inside one transaction until one fails or the time budget is
   * spent. Tasks leave the queue only after the commit, so a failed commit loses nothing.
   */
  private runBatch(): { written: number; failed: boolean; yielded: boolean } {
    const started = performance.now()
    let done = 0
    let failure: { task: Task; error: unknown } | null = null
    try {
      this.deps.transaction(() => {
        while (done < this.queue.length) {
          if (done > 0 && performance.now() - started > BATCH_BUDGET_MS) return
          const task = this.queue[done]!
          try {
            this.deps.transaction(task.run)
            done++
          } catch (error) {
            failure = { task, error }
            return
          }
        }
      })
    } catch (error) {
      // The commit itself failed: nothing in the batch was written; retry it from the start.
      failure = { task: this.queue[0]!, error }
      done = 0
    }
    this.queue.splice(0, done)
    this.captured += done
    if (failure) this.recordFailure(failure.task, failure.error)
    return { written: done, failed: failure !== null && this.queue[0] === failure.task, yielded: done > 0 && failure === null && this.queue.length > 0 }
  }

  private recordFailure(task: Task, error: unknown): void {
    task.attempts++
    this.failedAttempts++
    this.lastError = `${task.label}: ${error instanceof Error ? error.message : String(error)}`
    this.lastErrorAt = Date.now()
    this.deps.logger.error('Learning record write failed', { task: task.label, attempts: task.attempts, error })
    if (task.attempts >= MAX_ATTEMPTS_IN_LINE) {
      // Parked: the rest of the queue goes on without it.
      this.queue.splice(this.queue.indexOf(task), 1)
      this.parked.push(task)
      this.scheduleParked()
      return
    }
    if (!this.closed) {
      const delay = Math.min(30_000, 100 * 2 ** task.attempts)
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null
        this.drain()
      }, delay)
      this.retryTimer.unref()
    }
  }

  private scheduleParked(): void {
    if (this.parkedTimer || this.closed) return
    this.parkedTimer = setTimeout(() => {
      this.parkedTimer = null
      this.queue.push(...this.parked.splice(0).map((t) => ({ ...t, attempts: 0 })))
      this.drain()
    }, PARKED_RETRY_MS)
    this.parkedTimer.unref()
  }
}

import type { Logger } from '../kernel/logger'

import { isDiskFull, type WriteHealth } from '../store/disk-full'


export interface StorageHealthOptions {
  logger: Logger
  /** The status changed (the status bar shows it). */
  onChange: () => void
  /**
   * Retries what a full disk held back (customer messages kept in memory, replies not
   * stored, sends not marked); the pieces report through `writeFailed`.
   */
  retry: () => Promise<void>
  retryMs?: number
}

/**
 * Whether the disk refused the app's writes. While it does, what could not be written is
 * retried every few seconds; a round of retries in which nothing failed for lack of space
 * means the space is back.
 */
export class StorageHealth implements WriteHealth {
  private fullSince: number | null = null
  private failedThisRound = false
  private timer: NodeJS.Timeout | null = null
  private retrying = false
  private closed = false

  constructor(private readonly options: StorageHealthOptions) {}

  get diskFull(): boolean {
    return this.fullSince !== null
  }

  writeFailed(error: unknown): boolean {
    if (!isDiskFull(error)) return false
    this.failedThisRound = true
    if (this.fullSince === null) {
      this.fullSince = Date.now()
      this.options.logger.error('The disk is full: writes fail; what was not written is kept and retried', { error })
      this.options.onChange()
    }
    this.schedule()
    return true
  }

  writeSucceeded(): void {
    if (this.fullSince === null) return
    this.fullSince = null
    this.options.logger.warn('The disk accepts writes again')
    this.options.onChange()
    // What is still held back goes in now rather than at the next tick.
    this.schedule(0)
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(delayMs = this.options.retryMs ?? 5_000): void {
    if (this.closed || this.timer || this.retrying) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.round()
    }, delayMs)
    this.timer.unref?.()
  }

  private async round(): Promise<void> {
    if (this.closed) return
    this.retrying = true
    this.failedThisRound = false
    try {
      await this.options.retry()
    } catch (error) {
      if (!this.writeFailed(error)) this.options.logger.error('Retrying held-back writes failed', { error })
    } finally {
      this.retrying = false
    }
    if (this.failedThisRound) this.schedule()
    else this.writeSucceeded()
  }
}

import type { Logger } from '../kernel/logger'

export interface JudgeQueueDeps {
  /** True while a customer's message waits for its answer or one is being written. */
  customerWaiting: () => boolean
  /** Asks the judge about one exchange; `signal` aborts it when a customer writes meanwhile. */
  judge: (exchangeId: string, signal: AbortSignal) => Promise<void>
  logger: Logger
  /** How long a busy shop is left alone before the queue looks again (ms). */
  retryMs?: number
  /** The most exchanges kept waiting for a judge; the oldest are dropped first (the rules' score stands). */
  capacity?: number
}

/**
 * The LLM judge's work, done only while the shop's model has nothing better to do. A judge call
 * is a generation on the same model that answers customers: run beside a reply it would slow the
 * reply down, so the queue waits for a quiet moment, takes one exchange at a time (newest first:
 * the owner reviews recent ones), and stops the judge the moment a customer writes — that
 * exchange goes back to the queue and is judged at the next quiet moment.
 */
export class JudgeQueue {
  private readonly waiting: string[] = []
  private running: { id: string; controller: AbortController } | null = null
  private timer: NodeJS.Timeout | null = null
  private closed = false

  constructor(private readonly deps: JudgeQueueDeps) {}

  get size(): number {
    return this.waiting.length + (this.running ? 1 : 0)
  }

  add(exchangeId: string): void {
    if (this.closed || this.running?.id === exchangeId) return
    const at = this.waiting.indexOf(exchangeId)
    if (at >= 0) this.waiting.splice(at, 1)
    this.waiting.unshift(exchangeId)
    const capacity = this.deps.capacity ?? 200
    if (this.waiting.length > capacity) this.waiting.length = capacity
    this.schedule(0)
  }

  /** A customer wrote: the judge at work stops now, and its exchange waits for the next quiet moment. */
  interrupt(): void {
    if (!this.running) return
    this.running.controller.abort()
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.running?.controller.abort()
    this.waiting.length = 0
  }

  private schedule(delayMs: number): void {
    if (this.closed || this.timer || this.running || this.waiting.length === 0) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.next()
    }, delayMs)
    this.timer.unref?.()
  }

  private async next(): Promise<void> {
    if (this.closed || this.running) return
    if (this.deps.customerWaiting()) return this.schedule(this.deps.retryMs ?? 5_000)
    const id = this.waiting.shift()
    if (!id) return
    const controller = new AbortController()
    this.running = { id, controller }
    try {
      await this.deps.judge(id, controller.signal)
    } catch (error) {
      if (!controller.signal.aborted) this.deps.logger.warn('LLM judge failed; keeping the rule score', { exchangeId: id, error })
    } finally {
      this.running = null
    }
    // Stopped for a customer: judged again later, unless newer ones filled the queue meanwhile.
    if (controller.signal.aborted && !this.closed && !this.waiting.includes(id)) this.waiting.push(id)
    this.schedule(controller.signal.aborted ? (this.deps.retryMs ?? 5_000) : 0)
  }
}

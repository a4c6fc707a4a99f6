export interface SendLimits {
  /** Minimum spacing between two messages to the same chat. */
  perChatMinIntervalMs: number
  /** Sustained messages per minute across all chats. */
  globalPerMinute: number
  /** Messages that may go back to back before the per-minute rate applies. */
  globalBurst: number
  /** Random extra delay, so sends do not tick like a machine. */
  jitterMs: number
}

/**
 * Conservative on purpose. Baileys links the shop's own number as a companion device; WhatsApp
 * restricts numbers that send like bulk senders (many messages per second, perfectly regular
 * spacing, many chats at once). A shop answering its customers sends a few messages a minute,
 * so 20 per minute (burst 5), 1.5 s between messages to one chat and up to 0.7 s of jitter
 * cost nothing in normal use and keep the pattern human-like during a rush.
 */
export const DEFAULT_SEND_LIMITS: SendLimits = { perChatMinIntervalMs: 1_500, globalPerMinute: 20, globalBurst: 5, jitterMs: 700 }

const FORGET_AFTER_MS = 10 * 60_000

/** Reserves send slots: per chat spacing plus a global token bucket. */
export class SendThrottle {
  private readonly lastByChat = new Map<string, number>()
  /** When the global bucket next has a token, as a virtual time line of reserved slots. */
  private globalSlots: number[] = []

  constructor(
    private readonly limits: SendLimits,
    private readonly clock: { now(): number },
    private readonly random: () => number = Math.random,
  ) {}

  /** Milliseconds to wait before sending to `chatId`; the slot is taken. */
  reserve(chatId: string): number {
    const now = this.clock.now()
    this.forgetIdle(now)
    let at = now
    const last = this.lastByChat.get(chatId)
    if (last !== undefined) at = Math.max(at, last + this.limits.perChatMinIntervalMs)
    // Token bucket as a sliding window: at most `burst` sends in any `burst / rate` minutes.
    const windowMs = (this.limits.globalBurst / this.limits.globalPerMinute) * 60_000
    this.globalSlots = this.globalSlots.filter((t) => t > now - windowMs)
    if (this.globalSlots.length >= this.limits.globalBurst) {
      const oldestInWindow = this.globalSlots[this.globalSlots.length - this.limits.globalBurst]!
      at = Math.max(at, oldestInWindow + windowMs)
    }
    if (this.limits.jitterMs > 0 && at > now) at += Math.floor(this.random() * this.limits.jitterMs)
    this.globalSlots.push(at)
    this.globalSlots.sort((a, b) => a - b)
    this.lastByChat.set(chatId, at)
    return at - now
  }

  private forgetIdle(now: number): void {
    if (this.lastByChat.size < 1_000) return
    for (const [chat, at] of this.lastByChat) if (at < now - FORGET_AFTER_MS) this.lastByChat.delete(chat)
  }
}

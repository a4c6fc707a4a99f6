import type { Clock } from '../kernel/clock'
export interface SendLimits {
  /** Minimum spacing between two messages to the same chat. */
  perChatMinIntervalMs: number
  /** Sustained messages per minute across all chats (the token bucket's refill rate). */
  globalPerMinute: number
  /** Messages that may go back to back across chats before the per-minute rate applies (the bucket's size). */
  globalBurst: number
  /** Up to this much random extra wait on a send that has to wait anyway, so delayed sends do not tick like a clock. */
  jitterMs: number
}

/**
 * Conservative on purpose. Baileys links the shop's own number as a companion device of
 * the phone, and WhatsApp restricts or bans numbers that behave like bulk senders. It
 * publishes no thresholds, and Baileys' README only warns against spam and "bulk or
 * automated messaging", so these are not tuned to a known limit; they are set far below
 * anything bulk-like while costing nothing to a shop that answers its customers:
 * - the bot only ever replies in chats a customer opened, a few messages a minute in a busy
 *   hour; 20 a minute with bursts of 5 (then one every 3 s) is never reached in normal use,
 *   and caps the damage of a bug that loops replies to one or many chats;
 * - 1.5 s between two messages to the same chat is about the fastest a person types two
 *   short lines, and keeps a multi-part answer in order on the customer's phone;
 * - up to 0.7 s of random extra wait on any delayed send, so a queue does not drain at
 *   machine-regular intervals (the first reply is already irregular: the model's latency).
 * Settings expose the per-chat spacing and the per-minute rate (settings-defaults.ts mirrors these).
 */
export const DEFAULT_SEND_LIMITS: Readonly<SendLimits> = Object.freeze({ perChatMinIntervalMs: 1_500, globalPerMinute: 20, globalBurst: 5, jitterMs: 700 })

const SWEEP_EVERY_MS = 1_000

/** Float slack when comparing token counts built from divisions. */
const EPSILON = 1e-9

/**
 * Reserves send slots: a minimum spacing per chat, plus a global token bucket (size
 * `globalBurst`, refilled at `globalPerMinute`). `reserve` returns how long to wait before
 * sending and books that moment, so concurrent sends line up instead of all waiting for the
 * same free slot. Sends to an idle chat are not held back by another chat's queue: a chat's
 * spacing only delays that chat; only the bucket is shared.
 *
 * Memory is bounded by what still constrains a future send: a chat is forgotten within a
 * second of its spacing having elapsed, and booked moments that have passed are folded into
 * the bucket's level.
 */
export class SendThrottle {
  private readonly limits: SendLimits
  private readonly refillMs: number
  /** Earliest moment each chat may get its next message. */
  private readonly nextByChat = new Map<string, number>()
  /** Booked send moments still ahead, ascending. */
  private booked: number[] = []
  /** The bucket after every booked moment that has passed. */
  private bucket: { at: number; tokens: number }
  private lastNow = Number.NEGATIVE_INFINITY
  private lastSweepAt = Number.NEGATIVE_INFINITY

  constructor(
    limits: SendLimits,
    private readonly clock: Clock,
    private readonly random: () => number = Math.random,
  ) {
    this.limits = sanitize(limits)
    this.refillMs = 60_000 / this.limits.globalPerMinute
    this.bucket = { at: Number.NEGATIVE_INFINITY, tokens: this.limits.globalBurst }
  }

  /** Milliseconds to wait before sending to `chatId`; the slot is taken. */
  reserve(chatId: string): number {
    const now = this.observeClock()
    this.fold(now)
    this.forgetIdle(now)
    const chatReady = Math.max(now, this.nextByChat.get(chatId) ?? now)
    let at = this.earliestGlobalSlot(chatReady)
    if (at > now && this.limits.jitterMs > 0) {
      at = this.earliestGlobalSlot(at + Math.floor(clamp01(this.random()) * this.limits.jitterMs))
    }
    this.book(at)
    this.fold(now)
    this.nextByChat.set(chatId, at + this.limits.perChatMinIntervalMs)
    return at - now
  }

  /** Chats whose spacing still applies (for tests and diagnostics). */
  get trackedChats(): number {
    return this.nextByChat.size
  }

  /** Booked sends still ahead (for tests and diagnostics). */
  get bookedSends(): number {
    return this.booked.length
  }

  /**
   * A wall clock set back (NTP, the owner changing the time) would otherwise hold every chat
   * for as long as it jumped: shift what is stored so waits stay relative to now.
   */
  private observeClock(): number {
    const now = this.clock()
    if (now < this.lastNow) {
      const shift = this.lastNow - now
      this.booked = this.booked.map((t) => t - shift)
      this.bucket = { at: this.bucket.at - shift, tokens: this.bucket.tokens }
      this.lastSweepAt -= shift
      for (const [chat, next] of this.nextByChat) this.nextByChat.set(chat, next - shift)
    }
    this.lastNow = now
    return now
  }

  /** New sends are never booked before `now`, so passed moments only matter through the level they left. */
  private fold(now: number): void {
    let passed = 0
    while (passed < this.booked.length && this.booked[passed]! <= now) {
      this.bucket = { at: this.booked[passed]!, tokens: this.refill(this.bucket, this.booked[passed]!) - 1 }
      passed++
    }
    if (passed > 0) this.booked = this.booked.slice(passed)
  }

  /** A sweep per call would make a burst to many chats quadratic; once a second is enough. */
  private forgetIdle(now: number): void {
    if (now - this.lastSweepAt < SWEEP_EVERY_MS) return
    this.lastSweepAt = now
    for (const [chat, next] of this.nextByChat) if (next <= now) this.nextByChat.delete(chat)
  }

  /**
   * The earliest moment at or after `from` where one more send keeps every booked send
   * within the bucket. A send that lacks a token waits for the refill; one that would take
   * the token a later booked send counts on goes after that send instead: a token taken
   * later leaves less time to refill before that send, so no moment in between can work.
   */
  private earliestGlobalSlot(from: number): number {
    let at = from
    for (let guard = 0; guard < 4 * this.booked.length + 8; guard++) {
      const shortfall = this.shortfall(at)
      if (shortfall === null) return at
      at = shortfall.kind === 'new' ? at + Math.max(1, Math.ceil((1 - shortfall.tokens) * this.refillMs)) : shortfall.at
    }
    return at
  }

  /** Replays the bucket with a send inserted at `at` (after sends booked at the same moment). */
  private shortfall(at: number): { kind: 'new'; tokens: number } | { kind: 'booked'; at: number } | null {
    let state = this.bucket
    let inserted = false
    for (const booked of this.booked) {
      if (!inserted && booked > at) {
        const tokens = this.refill(state, at)
        if (tokens < 1 - EPSILON) return { kind: 'new', tokens }
        state = { at, tokens: tokens - 1 }
        inserted = true
      }
      const tokens = this.refill(state, booked)
      if (tokens < 1 - EPSILON) return { kind: 'booked', at: booked }
      state = { at: booked, tokens: tokens - 1 }
    }
    if (!inserted) {
      const tokens = this.refill(state, at)
      if (tokens < 1 - EPSILON) return { kind: 'new', tokens }
    }
    return null
  }

  private refill(state: { at: number; tokens: number }, to: number): number {
    return Math.min(this.limits.globalBurst, state.tokens + Math.max(0, to - state.at) / this.refillMs)
  }

  private book(at: number): void {
    let index = this.booked.length
    while (index > 0 && this.booked[index - 1]! > at) index--
    this.booked.splice(index, 0, at)
  }
}

/** Settings come from the owner: a zero or nonsense value falls back to the default instead of disabling a guard. */
function sanitize(limits: SendLimits): SendLimits {
  const positive = (value: number, fallback: number) => (Number.isFinite(value) && value > 0 ? value : fallback)
  return {
    perChatMinIntervalMs: Number.isFinite(limits.perChatMinIntervalMs) && limits.perChatMinIntervalMs >= 0 ? limits.perChatMinIntervalMs : DEFAULT_SEND_LIMITS.perChatMinIntervalMs,
    globalPerMinute: positive(limits.globalPerMinute, DEFAULT_SEND_LIMITS.globalPerMinute),
    globalBurst: Math.max(1, Math.floor(positive(limits.globalBurst, DEFAULT_SEND_LIMITS.globalBurst))),
    jitterMs: Number.isFinite(limits.jitterMs) && limits.jitterMs >= 0 ? limits.jitterMs : DEFAULT_SEND_LIMITS.jitterMs,
  }
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(0.999_999, Math.max(0, value)) : 0
}

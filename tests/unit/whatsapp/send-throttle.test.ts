import { describe, expect, it } from 'vitest'
import { DEFAULT_SEND_LIMITS, SendThrottle, type SendLimits } from '../../../src/main/whatsapp/send-throttle'
import { fakeClock, seeded } from './fixtures'

const noJitter: SendLimits = { perChatMinIntervalMs: 1_500, globalPerMinute: 20, globalBurst: 5, jitterMs: 0 }
/** 20 a minute refills one token every 3 s. */
const REFILL_MS = 3_000

describe('DEFAULT_SEND_LIMITS', () => {
  it('is conservative and cannot be changed by accident', () => {
    expect(DEFAULT_SEND_LIMITS).toEqual({ perChatMinIntervalMs: 1_500, globalPerMinute: 20, globalBurst: 5, jitterMs: 700 })
    expect(Object.isFrozen(DEFAULT_SEND_LIMITS)).toBe(true)
  })
})

describe('SendThrottle', () => {
  it('spaces messages to one chat', () => {
    const clock = fakeClock(10_000)
    const throttle = new SendThrottle(noJitter, clock.now)
    expect([throttle.reserve('a'), throttle.reserve('a'), throttle.reserve('a')]).toEqual([0, 1_500, 3_000])
    clock.advance(1_000)
    expect(throttle.reserve('a')).toBe(3_500) // booked after the third, at 14 500
    clock.advance(60_000)
    expect(throttle.reserve('a')).toBe(0)
  })

  it('does not hold other chats behind one chat’s spacing', () => {
    const throttle = new SendThrottle(noJitter, fakeClock().now)
    expect([throttle.reserve('a'), throttle.reserve('a'), throttle.reserve('b'), throttle.reserve('c')]).toEqual([0, 1_500, 0, 0])
  })

  it('lets a burst through, then one send per refill across all chats', () => {
    const clock = fakeClock()
    const throttle = new SendThrottle(noJitter, clock.now)
    const waits = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((chat) => throttle.reserve(chat))
    expect(waits).toEqual([0, 0, 0, 0, 0, REFILL_MS, 2 * REFILL_MS, 3 * REFILL_MS])
    // A quiet stretch refills the bucket (to its size, not beyond).
    clock.advance(10 * 60_000)
    expect(['i', 'j', 'k', 'l', 'm', 'n'].map((chat) => throttle.reserve(chat))).toEqual([0, 0, 0, 0, 0, REFILL_MS])
  })

  it('never takes the token a send booked later counts on', () => {
    const throttle = new SendThrottle({ ...noJitter, globalBurst: 2 }, fakeClock().now)
    // Chat a: now, and at 1.5 s (its spacing); the bucket has 2 tokens and refills one per 3 s.
    expect([throttle.reserve('a'), throttle.reserve('a')]).toEqual([0, 1_500])
    // A token is free right now, but taking it leaves a's booked send at 1.5 s with half a
    // token; any moment before 1.5 s does the same, so c goes after it, when a token is back.
    expect(throttle.reserve('c')).toBe(3_000)
    // With the burst spent, the next waits for the refill after c.
    expect(throttle.reserve('d')).toBe(6_000)
  })

  it('adds bounded jitter only to sends that wait anyway', () => {
    const clock = fakeClock()
    const throttle = new SendThrottle({ ...noJitter, jitterMs: 700 }, clock.now, () => 0.999)
    expect(throttle.reserve('a')).toBe(0)
    const wait = throttle.reserve('a')
    expect(wait).toBeGreaterThan(1_500)
    expect(wait).toBeLessThan(1_500 + 700)
    const low = new SendThrottle({ ...noJitter, jitterMs: 700 }, fakeClock().now, () => 0)
    low.reserve('a')
    expect(low.reserve('a')).toBe(1_500)
  })

  it('keeps every booked schedule within the bucket and the per-chat spacing, whatever the traffic', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seeded(seed)
      const clock = fakeClock(1_000_000)
      const limits = { perChatMinIntervalMs: 1_500, globalPerMinute: 20, globalBurst: 5, jitterMs: 700 }
      const throttle = new SendThrottle(limits, clock.now, seeded(seed + 100))
      const sends: { chat: string; at: number; askedAt: number }[] = []
      for (let i = 0; i < 400; i++) {
        if (random() < 0.4) clock.advance(Math.floor(random() * 5_000))
        const chat = `chat-${Math.floor(random() * 6)}`
        const wait = throttle.reserve(chat)
        expect(wait).toBeGreaterThanOrEqual(0)
        sends.push({ chat, at: clock.now() + wait, askedAt: clock.now() })
      }
      const times = sends.map((s) => s.at).sort((x, y) => x - y)
      // Token bucket: between any two sends, at most `burst` plus what refills in between.
      let worstExcess = Number.NEGATIVE_INFINITY
      for (let i = 0; i < times.length; i++) {
        for (let j = i; j < times.length; j++) worstExcess = Math.max(worstExcess, j - i + 1 - (limits.globalBurst + (times[j]! - times[i]!) / REFILL_MS))
      }
      expect(worstExcess).toBeLessThanOrEqual(1e-6)
      const byChat = new Map<string, number[]>()
      for (const send of sends) byChat.set(send.chat, [...(byChat.get(send.chat) ?? []), send.at])
      let closest = Number.POSITIVE_INFINITY
      for (const list of byChat.values()) {
        const sorted = [...list].sort((x, y) => x - y)
        for (let i = 1; i < sorted.length; i++) closest = Math.min(closest, sorted[i]! - sorted[i - 1]!)
      }
      expect(closest).toBeGreaterThanOrEqual(limits.perChatMinIntervalMs)
      // The sustained rate is used, not wasted: over the whole run the throttle stays close to it.
      const span = times.at(-1)! - times[0]!
      expect(times.length).toBeGreaterThan(span / REFILL_MS)
    }
  })

  it('forgets chats and past sends once they no longer constrain anything', () => {
    const clock = fakeClock()
    const throttle = new SendThrottle({ ...noJitter, globalPerMinute: 1_000_000, globalBurst: 1_000_000 }, clock.now)
    for (let i = 0; i < 10_000; i++) throttle.reserve(`customer-${i}`)
    expect(throttle.trackedChats).toBe(10_000) // each still within its 1.5 s spacing
    expect(throttle.bookedSends).toBe(0) // all went now: nothing ahead to keep
    clock.advance(1_500)
    throttle.reserve('one-more')
    expect(throttle.trackedChats).toBe(1)
    // With the real limits, what is kept is the queue of sends still ahead.
    const busy = new SendThrottle(noJitter, clock.now)
    for (let i = 0; i < 50; i++) busy.reserve(`c-${i}`)
    expect(busy.bookedSends).toBe(45)
    clock.advance(50 * REFILL_MS)
    busy.reserve('later')
    expect([busy.bookedSends, busy.trackedChats]).toEqual([0, 1])
  })

  it('keeps waits relative when the wall clock is set back', () => {
    const clock = fakeClock(5_000_000)
    const throttle = new SendThrottle(noJitter, clock.now)
    throttle.reserve('a')
    clock.set(5_000_000 - 3_600_000) // an hour back
    expect(throttle.reserve('a')).toBe(1_500)
    expect(throttle.reserve('b')).toBe(0)
  })

  it('falls back to the defaults for nonsense limits instead of dropping a guard', () => {
    const throttle = new SendThrottle({ perChatMinIntervalMs: Number.NaN, globalPerMinute: 0, globalBurst: -1, jitterMs: -5 }, fakeClock().now, () => 0)
    expect([throttle.reserve('a'), throttle.reserve('a')]).toEqual([0, 1_500])
    const flood = ['b', 'c', 'd', 'e', 'f'].map((chat) => throttle.reserve(chat))
    expect(flood).toEqual([0, 0, 0, 3_000, 6_000])
  })
})

import { NO_MESSAGE_FOUND_ERROR_TEXT, proto, type WAMessage } from '@whiskeysockets/baileys'
import { describe, expect, it } from 'vitest'
import { DecryptFailureTracker, decryptionFailureContact, isDecryptionFailure } from '../../../src/main/whatsapp/decrypt-failures'
import { CUSTOMER_LID, CUSTOMER_PN, fakeClock, waMessage } from './fixtures'

const CIPHERTEXT = proto.WebMessageInfo.StubType.CIPHERTEXT
/** What Baileys upserts when decryption fails (Utils/decode-wa-message.js). */
const undecryptable = (reason: string, remoteJid = CUSTOMER_PN): WAMessage =>
  waMessage(null, { key: { remoteJid }, extra: { messageStubType: CIPHERTEXT, messageStubParameters: [reason] } })

describe('isDecryptionFailure', () => {
  it.each(['Bad MAC', 'No matching sessions found for message', 'No SenderKeyRecord found for decryption', 'Key used already or never filled'])('recognises "%s"', (reason) => {
    expect(isDecryptionFailure(undecryptable(reason))).toBe(true)
  })

  it('does not count a message that simply came without content (Baileys fetches it from the phone)', () => {
    expect(isDecryptionFailure(undecryptable(NO_MESSAGE_FOUND_ERROR_TEXT))).toBe(false)
    expect(NO_MESSAGE_FOUND_ERROR_TEXT).toBe('Message absent from node')
  })

  it('is false for everything else', () => {
    expect(isDecryptionFailure(waMessage({ conversation: 'hola' }))).toBe(false)
    expect(isDecryptionFailure(waMessage(null, { extra: { messageStubType: proto.WebMessageInfo.StubType.E2E_ENCRYPTED } }))).toBe(false)
    expect(isDecryptionFailure(waMessage(null, { extra: { messageStubType: CIPHERTEXT } }))).toBe(true) // no reason given: still a failure
    for (const bogus of [null, undefined, 42, {}]) expect(isDecryptionFailure(bogus as unknown as WAMessage)).toBe(false)
  })
})

describe('decryptionFailureContact', () => {
  it('names the 1:1 contact, without device suffix, and nobody for groups, status or channels', () => {
    expect(decryptionFailureContact(undecryptable('Bad MAC', '573001234567:2@s.whatsapp.net'))).toBe(CUSTOMER_PN)
    expect(decryptionFailureContact(undecryptable('Bad MAC', CUSTOMER_LID))).toBe(CUSTOMER_LID)
    expect(decryptionFailureContact(undecryptable('No SenderKeyRecord found', '120363041234567890@g.us'))).toBeNull()
    expect(decryptionFailureContact(undecryptable('Bad MAC', 'status@broadcast'))).toBeNull()
    expect(decryptionFailureContact(undecryptable('Bad MAC', '120363123456789012@newsletter'))).toBeNull()
    expect(decryptionFailureContact(undecryptable(NO_MESSAGE_FOUND_ERROR_TEXT))).toBeNull()
    expect(decryptionFailureContact(waMessage({ conversation: 'hola' }))).toBeNull()
  })
})

describe('DecryptFailureTracker', () => {
  it('asks for a reset when one contact reaches the threshold within the window, once', () => {
    const clock = fakeClock()
    const tracker = new DecryptFailureTracker({ threshold: 3, windowMs: 60_000, maxTracked: 100 }, clock.now)
    expect([tracker.record('a'), tracker.record('a')]).toEqual(['ok', 'ok'])
    clock.advance(30_000)
    expect(tracker.record('a')).toBe('reset')
    // Counting starts over: the new session gets a chance before another reset.
    expect([tracker.record('a'), tracker.record('a')]).toEqual(['ok', 'ok'])
    expect(tracker.record('a')).toBe('reset')
  })

  it('counts contacts separately', () => {
    const tracker = new DecryptFailureTracker({ threshold: 2, windowMs: 60_000, maxTracked: 100 }, fakeClock().now)
    expect([tracker.record('a'), tracker.record('b'), tracker.record('c')]).toEqual(['ok', 'ok', 'ok'])
    expect(tracker.record('b')).toBe('reset')
    expect(tracker.tracked).toBe(2)
  })

  it('forgets failures that slid out of the window', () => {
    const clock = fakeClock()
    const tracker = new DecryptFailureTracker({ threshold: 3, windowMs: 10_000, maxTracked: 100 }, clock.now)
    tracker.record('a')
    clock.advance(6_000)
    tracker.record('a')
    clock.advance(6_000) // the first is now 12 s old
    expect(tracker.record('a')).toBe('ok')
    clock.advance(1_000)
    expect(tracker.record('a')).toBe('reset') // 7 s, 1 s and now
  })

  it('stays bounded under a flood from many contacts, forgetting the quietest first', () => {
    const clock = fakeClock()
    const tracker = new DecryptFailureTracker({ threshold: 3, windowMs: 60_000, maxTracked: 50 }, clock.now)
    const steady: string[] = []
    for (let i = 0; i < 10_000; i++) {
      tracker.record(`flood-${i}`)
      // A contact that keeps failing stays among the most recent and is not evicted.
      if (i % 20 === 0 && i < 60) steady.push(tracker.record('steady'))
    }
    expect(steady).toEqual(['ok', 'ok', 'reset'])
    expect(tracker.tracked).toBe(50)
    const quiet = new DecryptFailureTracker({ threshold: 2, windowMs: 60_000, maxTracked: 3 }, clock.now)
    quiet.record('old')
    for (const jid of ['x', 'y', 'z']) quiet.record(jid)
    expect(quiet.record('old')).toBe('ok') // evicted: its first failure was forgotten
  })

  it('tolerates a wall clock set back and nonsense config', () => {
    const clock = fakeClock(100_000)
    const tracker = new DecryptFailureTracker({ threshold: 2, windowMs: 60_000, maxTracked: 10 }, clock.now)
    tracker.record('a')
    clock.set(10_000)
    expect(tracker.record('a')).toBe('ok') // the "future" failure cannot be placed in the window
    const odd = new DecryptFailureTracker({ threshold: 0, windowMs: Number.NaN, maxTracked: -1 }, clock.now)
    expect(odd.record('a')).toBe('reset')
    expect(odd.tracked).toBe(0)
  })
})

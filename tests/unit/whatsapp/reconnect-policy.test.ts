import { DisconnectReason } from '@whiskeysockets/baileys'
import { describe, expect, it } from 'vitest'
import { closeStatusCode, decideOnClose, type CloseDecision } from '../../../src/main/whatsapp/reconnect-policy'
import { boom } from './fixtures'

const config = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 8 }
const delayOf = (decision: CloseDecision): number => (decision.action === 'reconnect' ? decision.delayMs : Number.NaN)

describe('closeStatusCode', () => {
  it('reads the status code of the Boom errors Baileys closes with, and nothing else', () => {
    expect(closeStatusCode(boom('Connection Failure', 401))).toBe(401)
    expect(closeStatusCode({ output: { statusCode: 515 } })).toBe(515)
    for (const other of [new Error('socket hang up'), null, undefined, 'closed', 408, { output: null }, { output: { statusCode: '515' } }, { statusCode: 401 }]) {
      expect(closeStatusCode(other)).toBeUndefined()
    }
  })
})

describe('decideOnClose', () => {
  it('reconnects at once when WhatsApp asks for a restart, without counting a failure', () => {
    const decision = decideOnClose(boom('restart required', DisconnectReason.restartRequired), 5, config, () => 0.9)
    expect(decision).toEqual({ action: 'reconnect', delayMs: 0, resetAttempts: true, reason: expect.stringContaining('reiniciar') })
    // Even past the attempt limit: a restart is part of the handshake, not a failure.
    expect(decideOnClose(boom('restart required', 515), 99, config)).toMatchObject({ action: 'reconnect', delayMs: 0 })
  })

  it('stops on a logout and on a device mismatch: the session has to be paired again', () => {
    expect(decideOnClose(boom('Intentional Logout', DisconnectReason.loggedOut), 0, config)).toEqual({ action: 'logged_out' })
    expect(decideOnClose(boom('Multi-device beta not joined', DisconnectReason.multideviceMismatch), 0, config)).toEqual({ action: 'logged_out' })
  })

  it('does not fight another WhatsApp Web session that took over', () => {
    expect(decideOnClose(boom('Stream Errored (conflict)', DisconnectReason.connectionReplaced), 0, config)).toEqual({ action: 'replaced' })
  })

  it('gives up at once, in Spanish, when the number is forbidden', () => {
    const decision = decideOnClose(boom('Connection Failure', DisconnectReason.forbidden), 0, config)
    expect(decision).toEqual({ action: 'give_up', reason: expect.stringMatching(/restringido/) })
  })

  it('retries a bad session and hints at resetting the Signal sessions', () => {
    const decision = decideOnClose(boom('Stream Errored (unknown)', DisconnectReason.badSession), 0, config, () => 0.5)
    expect(decision).toMatchObject({ action: 'reconnect', delayMs: 1_000, resetSignalSessions: true })
    expect(decideOnClose(boom('lost', 408), 0, config, () => 0.5)).not.toHaveProperty('resetSignalSessions')
  })

  it.each([
    ['connection lost / timed out', boom('Connection was lost', DisconnectReason.connectionLost), 'Se perdió la conexión'],
    ['connection closed', boom('Connection Terminated', DisconnectReason.connectionClosed), 'WhatsApp cerró la conexión'],
    ['service unavailable', boom('Connection Failure', DisconnectReason.unavailableService), 'WhatsApp no está disponible en este momento'],
    ['a code Baileys does not name', boom('Connection Failure', 405), 'Se cortó la conexión con WhatsApp'],
    ['a plain error', new Error('socket hang up'), 'Se cortó la conexión con WhatsApp'],
    ['nothing at all', undefined, 'Se cortó la conexión con WhatsApp'],
  ])('backs off on %s, with a Spanish reason for the status line', (_name, error, prefix) => {
    const decision = decideOnClose(error, 3, config, () => 1)
    expect(decision).toEqual({ action: 'reconnect', delayMs: 8_000, reason: `${prefix}; reintentando en 8 s.` })
  })

  it('doubles the ceiling per attempt up to the cap (random = 1 picks the ceiling)', () => {
    const delays = Array.from({ length: 8 }, (_, attempt) => delayOf(decideOnClose(boom('lost', 408), attempt, config, () => 1)))
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000])
  })

  it('spreads reconnects over [base, ceiling] with full jitter', () => {
    expect(delayOf(decideOnClose(boom('lost', 408), 4, config, () => 0))).toBe(1_000)
    expect(delayOf(decideOnClose(boom('lost', 408), 4, config, () => 0.5))).toBe(8_000)
    expect(delayOf(decideOnClose(boom('lost', 408), 4, config, () => 0.25))).toBe(4_000)
    expect(delayOf(decideOnClose(boom('lost', 408), 0, config, () => 0.01))).toBe(1_000) // never below base: no hot loop
    for (let i = 0; i < 200; i++) {
      const delay = delayOf(decideOnClose(boom('lost', 408), 6, config))
      expect(delay).toBeGreaterThanOrEqual(1_000)
      expect(delay).toBeLessThanOrEqual(60_000)
    }
  })

  it('says minutes for long waits', () => {
    const decision = decideOnClose(boom('lost', 408), 7, { baseMs: 1_000, maxMs: 300_000, maxAttempts: 10 }, () => 1)
    expect(decision).toMatchObject({ delayMs: 128_000, reason: 'Se perdió la conexión; reintentando en 2 min.' })
  })

  it('gives up after maxAttempts failures, with a reason the owner can act on', () => {
    expect(decideOnClose(boom('lost', 408), 7, config, () => 1)).toMatchObject({ action: 'reconnect' })
    const decision = decideOnClose(boom('lost', 408), 8, config, () => 1)
    expect(decision).toEqual({ action: 'give_up', reason: 'No se pudo reconectar con WhatsApp tras 8 intentos. Revisa la conexión a internet y vuelve a conectar.' })
    expect(decideOnClose(new Error('x'), 1, { ...config, maxAttempts: 1 })).toMatchObject({ action: 'give_up', reason: expect.stringContaining('tras 1 intento.') })
  })

  it('survives odd input: bad attempts, bad random, bad config, huge caps', () => {
    expect(delayOf(decideOnClose(boom('lost', 408), Number.NaN, config, () => 1))).toBe(1_000)
    expect(delayOf(decideOnClose(boom('lost', 408), -3, config, () => 1))).toBe(1_000)
    expect(delayOf(decideOnClose(boom('lost', 408), 2, config, () => Number.NaN))).toBe(2_000)
    expect(delayOf(decideOnClose(boom('lost', 408), 2, config, () => 7))).toBe(4_000)
    expect(decideOnClose(boom('lost', 408), 1_000, { ...config, maxAttempts: Number.POSITIVE_INFINITY }, () => 1)).toMatchObject({ action: 'reconnect', delayMs: 60_000 })
    expect(decideOnClose(boom('lost', 408), 0, { baseMs: 0, maxMs: -1, maxAttempts: 3 }, () => 1)).toMatchObject({ action: 'reconnect', delayMs: 1_000 })
    // Node fires timers over 2^31-1 ms at once: a cap above that must not become an instant retry.
    expect(delayOf(decideOnClose(boom('lost', 408), 60, { baseMs: 1_000, maxMs: 1e12, maxAttempts: 100 }, () => 1))).toBe(2 ** 31 - 1)
  })
})

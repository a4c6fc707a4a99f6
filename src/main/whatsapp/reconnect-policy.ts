import { DisconnectReason } from '@whiskeysockets/baileys'

export interface ReconnectConfig {
  /** Smallest wait between attempts, and the first step of the exponential ladder. */
  baseMs: number
  /** The ladder's ceiling. */
  maxMs: number
  /** Failed attempts in a row before giving up (a successful open resets the count upstream). */
  maxAttempts: number
}

export type CloseDecision =
  | {
      action: 'reconnect'
      delayMs: number
      /** For the status line, in Spanish. */
      reason: string
      /** This close is part of a normal handshake, not a failure: do not count it. */
      resetAttempts?: boolean
      /**
       * The server reported a bad session (500). Also Baileys' code for any stream error it
       * cannot name (Utils/generics.js getErrorCodeFromStreamError), so a hint to act on when it
       * repeats, not an order to wipe keys on the first one.
       */
      resetSignalSessions?: boolean
    }
  /** The phone unlinked this device (or WhatsApp wants it paired again): the stored session is dead. */
  | { action: 'logged_out' }
  /** Another WhatsApp Web session took over; reconnecting in a loop would fight it forever. */
  | { action: 'replaced' }
  | { action: 'give_up'; reason: string }

/**
 * Baileys ends a socket with a @hapi/boom error whose `output.statusCode` is a
 * DisconnectReason (or the server's own code); anything else has no code.
 */
export function closeStatusCode(error: unknown): number | undefined {
  if (!error || typeof error !== 'object') return undefined
  const code = (error as { output?: { statusCode?: unknown } | null }).output?.statusCode
  return typeof code === 'number' && Number.isFinite(code) ? code : undefined
}

/**
 * What to do when the socket closes. Everything but a logout, a takeover by another session
 * or a ban is retried: at once when WhatsApp asks for a restart (right after the QR is
 * scanned), otherwise after a capped exponential wait with full jitter, so many shops coming
 * back after an outage do not all knock at the same second, and given up after
 * `maxAttempts`, visibly, instead of retrying forever.
 *
 * `attempt` is the number of failed attempts so far (0 on the first close).
 */
export function decideOnClose(error: unknown, attempt: number, config: ReconnectConfig, random: () => number = Math.random): CloseDecision {
  const code = closeStatusCode(error)
  switch (code) {
    case DisconnectReason.restartRequired:
      return { action: 'reconnect', delayMs: 0, reason: 'WhatsApp pidió reiniciar la conexión; reconectando.', resetAttempts: true }
    case DisconnectReason.loggedOut:
    case DisconnectReason.multideviceMismatch:
      return { action: 'logged_out' }
    case DisconnectReason.connectionReplaced:
      return { action: 'replaced' }
    case DisconnectReason.forbidden:
      return {
        action: 'give_up',
        reason: 'WhatsApp rechazó la conexión: el número puede estar bloqueado o restringido. Revisa WhatsApp en el teléfono antes de volver a conectar.',
      }
  }

  const { baseMs, maxMs, maxAttempts } = sanitize(config)
  const failures = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0
  if (failures >= maxAttempts) {
    return {
      action: 'give_up',
      reason: `No se pudo reconectar con WhatsApp tras ${maxAttempts} ${maxAttempts === 1 ? 'intento' : 'intentos'}. Revisa la conexión a internet y vuelve a conectar.`,
    }
  }
  // Full jitter over [base, ceiling]: never 0, so a server that closes at once cannot spin us.
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 52))
  const delayMs = Math.max(baseMs, Math.round(ceiling * clamp01(random())))
  const decision: CloseDecision = { action: 'reconnect', delayMs, reason: `${describe(code)}; reintentando en ${formatWait(delayMs)}.` }
  return code === DisconnectReason.badSession ? { ...decision, resetSignalSessions: true } : decision
}

function describe(code: number | undefined): string {
  switch (code) {
    case DisconnectReason.connectionLost: // also timedOut: both are 408
      return 'Se perdió la conexión'
    case DisconnectReason.connectionClosed:
      return 'WhatsApp cerró la conexión'
    case DisconnectReason.unavailableService:
      return 'WhatsApp no está disponible en este momento'
    case DisconnectReason.badSession:
      return 'La sesión de WhatsApp dio un error'
    default:
      return 'Se cortó la conexión con WhatsApp'
  }
}

function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return `${seconds} s`
  return `${Math.round(seconds / 60)} min`
}

/** Node fires a timer longer than this at once, which would turn the backoff into a hot loop. */
const MAX_TIMER_MS = 2 ** 31 - 1

function sanitize(config: ReconnectConfig): ReconnectConfig {
  const baseMs = Number.isFinite(config.baseMs) && config.baseMs > 0 ? Math.min(config.baseMs, MAX_TIMER_MS) : 1_000
  const maxMs = Number.isFinite(config.maxMs) && config.maxMs >= baseMs ? Math.min(config.maxMs, MAX_TIMER_MS) : baseMs
  // Infinity is a valid "never give up".
  const maxAttempts = config.maxAttempts >= 0 ? Math.floor(config.maxAttempts) : 0
  return { baseMs, maxMs, maxAttempts }
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5
}

import { DisconnectReason } from '@whiskeysockets/baileys'

export interface ReconnectConfig {
  baseMs: number
  maxMs: number
  maxAttempts: number
}

export type CloseDecision =
  | { action: 'reconnect'; delayMs: number; reason: string; resetAttempts?: boolean; resetSignalSessions?: boolean }
  | { action: 'logged_out' }
  | { action: 'replaced' }
  | { action: 'give_up'; reason: string }

/** Baileys closes with @hapi/boom errors; only their status code matters here. */
export function closeStatusCode(error: unknown): number | undefined {
  const code = (error as { output?: { statusCode?: unknown } } | null | undefined)?.output?.statusCode
  return typeof code === 'number' ? code : undefined
}

/**
 * What to do when the socket closes. Every close but a logout or a takeover by another
 * session is retried — at once when WhatsApp asks for a restart (after scanning the QR),
 * otherwise with capped exponential backoff and full jitter so many shops coming back after
 * an outage do not reconnect in lockstep — and given up after `maxAttempts`, visibly.
 */
export function decideOnClose(error: unknown, attempt: number, config: ReconnectConfig, random: () => number = Math.random): CloseDecision {
  const code = closeStatusCode(error)
  switch (code) {
    case DisconnectReason.restartRequired:
      return { action: 'reconnect', delayMs: 0, reason: 'WhatsApp pidió reiniciar la conexión.', resetAttempts: true }
    case DisconnectReason.loggedOut:
    case DisconnectReason.multideviceMismatch:
      return { action: 'logged_out' }
    case DisconnectReason.connectionReplaced:
      return { action: 'replaced' }
    case DisconnectReason.forbidden:
      return {
        action: 'give_up',
        reason: 'WhatsApp rechazó la conexión (el número puede estar restringido). Revisa WhatsApp en el teléfono antes de reintentar.',
      }
  }
  if (attempt >= config.maxAttempts) {
    return { action: 'give_up', reason: `No se pudo reconectar tras ${config.maxAttempts} intentos. Revisa la conexión a internet y pulsa «Reintentar ahora».` }
  }
  const ceiling = Math.min(config.maxMs, config.baseMs * 2 ** attempt)
  const delayMs = Math.max(config.baseMs, Math.round(ceiling * random()))
  const seconds = Math.max(1, Math.round(delayMs / 1000))
  const what = code === DisconnectReason.badSession ? 'La sesión tuvo un error' : code === DisconnectReason.timedOut ? 'Se perdió la conexión' : 'Se cerró la conexión'
  return {
    action: 'reconnect',
    delayMs,
    reason: `${what}; reintentando en ${seconds} s.`,
    ...(code === DisconnectReason.badSession ? { resetSignalSessions: true } : {}),
  }
}

import type { Clock } from '../kernel/clock'
import {
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  jidNormalizedUser,
  NO_MESSAGE_FOUND_ERROR_TEXT,
  WAMessageStubType,
  type WAMessage,
} from '@whiskeysockets/baileys'

export interface DecryptFailureConfig {
  /** Failures from one contact within `windowMs` that call for a session reset. */
  threshold: number
  windowMs: number
  /** Contacts tracked at most; the least recently failing are forgotten first, so a flood cannot grow memory. */
  maxTracked: number
}

/**
 * Baileys upserts a message it could not decrypt as a CIPHERTEXT stub with the error text as
 * the first stub parameter ("Bad MAC", "No matching sessions found for message", "No
 * SenderKeyRecord found…"; Utils/decode-wa-message.js), after asking the sender to retry
 * (Socket/messages-recv.js). One exception carries the same stub without any failure: a
 * message that came with nothing to decrypt ("Message absent from node", e.g. the first
 * message from a click-to-WhatsApp ad), whose content Baileys requests from the phone and
 * upserts later under the same id. That one says nothing about the contact's session.
 */
export function isDecryptionFailure(message: WAMessage): boolean {
  if (!message || typeof message !== 'object') return false
  if (message.messageStubType !== WAMessageStubType.CIPHERTEXT) return false
  const params: unknown = message.messageStubParameters
  const reason = Array.isArray(params) ? params[0] : undefined
  return reason !== NO_MESSAGE_FOUND_ERROR_TEXT
}

/**
 * The contact whose Signal session a failure points at, or null where resetting a 1:1
 * session would not help (groups and status use sender keys; channels are not encrypted
 * per contact).
 */
export function decryptionFailureContact(message: WAMessage): string | null {
  if (!isDecryptionFailure(message)) return null
  const jid = message.key?.remoteJid
  if (typeof jid !== 'string' || !jid || isJidGroup(jid) || isJidBroadcast(jid) || isJidNewsletter(jid)) return null
  return jidNormalizedUser(jid) || null
}

/**
 * Counts decryption failures per contact in a sliding window and says 'reset' once when a
 * contact reaches the threshold: Baileys' retry receipts fix a single bad message, but a
 * session that keeps failing stays broken until it is dropped and rebuilt. The contact is
 * then forgotten, so the next failures have to reach the threshold again before another
 * reset (the new session gets a chance to settle).
 */
export class DecryptFailureTracker {
  private readonly config: DecryptFailureConfig
  /** Failure moments per contact. A Map keeps insertion order; re-inserting on each failure makes it an LRU. */
  private readonly failures = new Map<string, number[]>()

  constructor(
    config: DecryptFailureConfig,
    private readonly clock: Clock,
  ) {
    this.config = {
      threshold: Math.max(1, Math.floor(Number.isFinite(config.threshold) ? config.threshold : 1)),
      windowMs: Number.isFinite(config.windowMs) && config.windowMs > 0 ? config.windowMs : 0,
      maxTracked: Math.max(1, Math.floor(Number.isFinite(config.maxTracked) ? config.maxTracked : 1)),
    }
  }

  record(jid: string): 'ok' | 'reset' {
    const now = this.clock()
    const { threshold, windowMs, maxTracked } = this.config
    // Moments "ahead" of now mean the clock was set back; they can no longer be placed in the window.
    const recent = (this.failures.get(jid) ?? []).filter((t) => t > now - windowMs && t <= now)
    recent.push(now)
    this.failures.delete(jid)
    if (recent.length >= threshold) return 'reset'
    this.failures.set(jid, recent)
    while (this.failures.size > maxTracked) {
      const oldest = this.failures.keys().next()
      if (oldest.done) break
      this.failures.delete(oldest.value)
    }
    return 'ok'
  }

  /** Contacts with failures on record. */
  get tracked(): number {
    return this.failures.size
  }
}

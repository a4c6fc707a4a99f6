import { proto, type WAMessage } from '@whiskeysockets/baileys'

export interface DecryptFailureConfig {
  /** Failures from one contact within `windowMs` that trigger a session reset. */
  threshold: number
  windowMs: number
  /** Contacts tracked at most; the least recently seen are forgotten (a flood cannot grow memory). */
  maxTracked: number
}

/**
 * Baileys stores a message it could not decrypt as a CIPHERTEXT stub with the reason ("Bad
 * MAC", "No matching sessions found…") as a stub parameter (Utils/decode-wa-message.js).
 */
export function isDecryptionFailure(message: WAMessage): boolean {
  return message.messageStubType === proto.WebMessageInfo.StubType.CIPHERTEXT
}

/** Counts decryption failures per contact; says "reset" once when one contact keeps failing. */
export class DecryptFailureTracker {
  /** Insertion order is recency order: a Map re-inserted on every hit is an LRU. */
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly config: DecryptFailureConfig,
    private readonly clock: { now(): number },
  ) {}

  record(jid: string): 'ok' | 'reset' {
    const now = this.clock.now()
    const recent = (this.failures.get(jid) ?? []).filter((t) => t > now - this.config.windowMs)
    recent.push(now)
    this.failures.delete(jid)
    if (recent.length >= this.config.threshold) return 'reset'
    this.failures.set(jid, recent)
    while (this.failures.size > this.config.maxTracked) {
      const oldest = this.failures.keys().next().value
      if (oldest === undefined) break
      this.failures.delete(oldest)
    }
    return 'ok'
  }

  get tracked(): number {
    return this.failures.size
  }
}

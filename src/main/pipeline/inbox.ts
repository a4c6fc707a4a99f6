import type { ConversationPublisher } from '../conversations/conversation-publisher'
import type { Clock } from '../kernel/clock'
import { ApiError } from '../../shared/api/errors'
import type { ReplyState, TransportKind } from '../../shared/types'
import type { EventBus } from '../kernel/event-bus'
import { toMessageDto } from '../conversations/dto'
import type { SettingsService } from '../settings/settings-service'
import { DISK_FULL_MESSAGE, type WriteHealth } from '../store/disk-full'
import type { Repositories } from '../store/repositories'
import type { Message } from '../store/repositories/messages-repository'
import type { InboundMedia, InboundMessage, StoredInbound } from '../transport/transport'
import { storedMessageId } from '../transport/message-id'

/** The repositories this module uses, and no others. */
type UsedRepositories = Pick<Repositories, 'contacts' | 'conversations' | 'messages' | 'transaction'>

export interface InboxHandlers {
  /** A customer message was stored: evaluate, then route it. */
  customer(stored: StoredInbound & { transport: TransportKind; replyState: ReplyState | null }): void
  /** The owner wrote in the chat from the phone: a takeover. */
  owner(stored: StoredInbound & { at: Date }): void
}

/**
 * First stop of every message a transport receives: it is committed to SQLite before anything
 * else happens to it, so a crash after this point loses nothing. A redelivered message (same
 * transport id) — or the echo of a message the app itself sent — is recognised and dropped.
 */
export interface InboxDeps {
  /** Tells every screen a conversation changed, as stored. */
  publisher: ConversationPublisher
  repos: UsedRepositories
  accountId: string
  settings: SettingsService
  events: EventBus
  handlers: InboxHandlers
  clock?: Clock
  /** Told when the disk refuses a write (the batch is then held and retried). */
  health?: WriteHealth | null
  /** A stored customer message came with a photo or voice note: fetch it (MediaIntake.accept). */
  media?: (messageId: string, media: InboundMedia, answer: boolean) => void
}

export class Inbox {
  /** Batches already acknowledged to the sender that the disk refused, oldest first. */
  private readonly held: HeldBatch[] = []
  private closed = false

  private readonly clock: Clock
  private readonly health: WriteHealth | null

  constructor(private readonly deps: InboxDeps) {
    this.clock = deps.clock ?? Date.now
    this.health = deps.health ?? null
  }

  /**
   * For a sender that waits for the answer (the simulator): when the disk is full the message
   * is not acknowledged, and the error says so in Spanish.
   */
  receive(transport: TransportKind, inbound: InboundMessage): StoredInbound | null {
    try {
      return this.receiveMany(transport, [inbound])[0] ?? null
    } catch (error) {
      if (this.health?.writeFailed(error)) throw new ApiError('unavailable', DISK_FULL_MESSAGE)
      throw error
    }
  }

  /**
   * For a transport that has already acknowledged what it hands over (Baileys acks WhatsApp
   * messages as they arrive, so WhatsApp will not send them again): a batch the full disk
   * refuses is kept in memory and written when space returns — later batches wait behind it
   * so every chat keeps its order. Resolves once stored; rejects only on other errors or when
   * the app closes with the disk still full.
   */
  receiveAcknowledged(transport: TransportKind, batch: InboundMessage[]): Promise<(StoredInbound | null)[]> {
    if (this.held.length === 0) {
      try {
        return Promise.resolve(this.receiveMany(transport, batch))
      } catch (error) {
        if (!this.health?.writeFailed(error)) return Promise.reject(error)
      }
    }
    if (this.closed) return Promise.reject(new Error('The inbox is closed'))
    return new Promise((resolve, reject) => this.held.push({ transport, batch, resolve, reject }))
  }

  /** Writes what the full disk held back, in order; stops at the first batch it still refuses. */
  retryHeld(): void {
    while (this.held.length > 0 && !this.closed) {
      const next = this.held[0]!
      try {
        const results = this.receiveMany(next.transport, next.batch)
        this.held.shift()
        next.resolve(results)
      } catch (error) {
        if (this.health?.writeFailed(error)) return
        this.held.shift()
        next.reject(error)
      }
    }
  }

  /** Shutdown: what is still held cannot be written; say so instead of hanging the transport. */
  close(): void {
    this.closed = true
    for (const batch of this.held.splice(0)) batch.reject(new Error(`${batch.batch.length} message(s) not stored: the disk is full`))
  }

  /**
   * Stores a batch in one transaction (one disk sync for a burst of 50, not 50), then tells
   * the rest of the app about each new message, in order. Redeliveries come back as null.
   */
  receiveMany(transport: TransportKind, batch: InboundMessage[]): (StoredInbound | null)[] {
    const stored = this.deps.repos.transaction(() => batch.map((inbound) => this.store(transport, inbound)))
    this.health?.writeSucceeded()
    const results: (StoredInbound | null)[] = []
    for (const [i, entry] of stored.entries()) {
      if (!entry) {
        results.push(null)
        continue
      }
      const { message, replyState } = entry
      const inbound = batch[i]!
      this.deps.events.emit('message.added', toMessageDto(message))
      this.deps.publisher.changed(message.conversationId)
      const result = { conversationId: message.conversationId, messageId: message.id }
      // Before the router hears of it, so the responder finds the download under way. The owner's
      // own photos from the phone are stored too (never transcribed or described: nothing answers them).
      if (inbound.media) this.deps.media?.(message.id, inbound.media, replyState === 'pending')
      if (inbound.fromOwner === true) this.deps.handlers.owner({ ...result, at: inbound.timestamp })
      else this.deps.handlers.customer({ ...result, transport, replyState })
      results.push(result)
    }
    return results
  }

  private store(transport: TransportKind, inbound: InboundMessage): { message: Message; replyState: ReplyState | null } | null {
    const owner = inbound.fromOwner === true
    const replyState = owner ? null : this.replyStateFor(inbound)
    const contact = this.deps.repos.contacts.upsert(this.deps.accountId, transport, inbound.from, owner ? null : inbound.displayName)
    const conversation = this.deps.repos.conversations.ensureForContact(this.deps.accountId, contact.id)
    const message = this.deps.repos.messages.insertIfNew({
      conversationId: conversation.id,
      externalId: storedMessageId(transport, inbound.externalId),
      direction: owner ? 'out' : 'in',
      author: owner ? 'owner' : 'customer',
      kind: inbound.kind,
      text: inbound.text,
      status: owner ? 'sent' : 'received',
      replyState,
      error: replyState === 'skipped' ? this.skipReason(inbound) : null,
      raw: inbound.raw ?? null,
      ...(inbound.media ? { mediaMime: inbound.media.mimeType, mediaDurationSec: inbound.media.seconds } : {}),
      createdAt: inbound.timestamp,
      sentAt: owner ? inbound.timestamp : null,
    })
    if (!message) return null
    this.deps.repos.conversations.recordActivity(conversation.id, inbound.timestamp, inbound.text ?? `[${inbound.kind}]`, !owner)
    return { message, replyState }
  }

  /**
   * Messages that arrive long after they were written (the app was off) are kept but not
   * answered: a reply hours later to "¿siguen abiertos?" does more harm than good. Reactions,
   * edits, deletions and unknown types are never answered either.
   */
  private replyStateFor(inbound: InboundMessage): ReplyState {
    if (NEVER_ANSWERED.has(inbound.kind)) return 'skipped'
    const maxAgeMs = this.deps.settings.get().whatsapp.maxAnswerAgeMinutes * 60_000
    if (this.clock() - inbound.timestamp.getTime() > maxAgeMs) return 'skipped'
    if (inbound.answerable === false && this.deps.settings.get().whatsapp.unsupportedReply === null) return 'skipped'
    return 'pending'
  }

  private skipReason(inbound: InboundMessage): string {
    if (NEVER_ANSWERED.has(inbound.kind)) return `No se responde a: ${inbound.kind}`
    if (inbound.answerable === false) return 'Tipo de mensaje que el bot no lee; respuesta automática desactivada'
    return 'Llegó cuando la app estaba cerrada y ya es antiguo; no se respondió'
  }
}

interface HeldBatch {
  transport: TransportKind
  batch: InboundMessage[]
  resolve: (results: (StoredInbound | null)[]) => void
  reject: (error: unknown) => void
}

/**
 * `unknown` included: a message type newer than Baileys can decode looks like an empty one, and
 * a stray "I can only read text" to what may be protocol noise would puzzle customers.
 */
const NEVER_ANSWERED = new Set(['reaction', 'edit', 'delete', 'poll_vote', 'unknown'])

import type { ConversationPublisher } from '../conversations/conversation-publisher'
import { ApiError } from '../../shared/api/errors'
import type { MessageAuthor, TransportKind } from '../../shared/types'
import type { EventBus } from '../kernel/event-bus'
import { toMessageDto } from '../conversations/dto'
import type { Logger } from '../kernel/logger'
import type { Repositories } from '../store/repositories'
import type { Message } from '../store/repositories/messages-repository'
import { storedMessageId, transportMessageId } from '../transport/message-id'
import { isStatusUpgrade, type DeliveryStatus } from '../transport/delivery-order'
import { TransportUnavailableError, type Transport } from '../transport/transport'
import { DISK_FULL_MESSAGE, type WriteHealth } from '../store/disk-full'

/** The repositories this module uses, and no others. */
type UsedRepositories = Pick<Repositories, 'conversations' | 'messages' | 'transaction'>

export interface OutgoingMessage {
  conversationId: string
  text: string
  author: Exclude<MessageAuthor, 'customer'>
  model?: string | null
  /** A fixed message of the bot rather than a model answer (left out of the learning loop). */
  template?: Message['template']
  productId?: string | null
  guardrails?: string[]
  /** A photo (stored under the data folder's media/); `text` is then its caption. */
  image?: { path: string; thumbPath: string | null; mimeType: string; bytes: number }
}

export interface OutboxOptions {
  /** Called once a message is confirmed sent (the learning loop captures bot replies here). */
  onSent?: (message: Message) => void
  /** Retry delays while the transport is unavailable; after the last one the message fails. */
  retryDelaysMs?: number[]
  /** Told when the disk refuses a write (the message then stays queued for the disk-full retry). */
  health?: WriteHealth
}

export interface OutboxDeps {
  /** Tells every screen a conversation changed, as stored. */
  publisher: ConversationPublisher
  repos: UsedRepositories
  transports: ReadonlyMap<TransportKind, Transport>
  events: EventBus
  logger: Logger
  options?: OutboxOptions
  /** Reads a stored photo for sending (MediaStore.read). */
  readMedia?: (path: string) => Promise<Uint8Array>
}

const DEFAULT_RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000]

/**
 * Every outgoing message is stored as `queued`, with the transport's message id already
 * chosen, before the transport sees it; then marked `sent` (or `failed`, with the reason).
 * While the link is down it is retried with backoff, and what a crash left queued is sent at
 * the next start with the same id — so nothing is lost and nothing arrives twice. The id also
 * lets the inbox recognise the echo WhatsApp sends back of the app's own messages.
 */
export class Outbox {
  private readonly retryTimers = new Map<string, NodeJS.Timeout>()
  private readonly inFlight = new Set<string>()
  private closed = false

  private readonly options: OutboxOptions

  constructor(private readonly deps: OutboxDeps) {
    this.options = deps.options ?? {}
  }

  /** Stores the message and sends it. */
  async send(outgoing: OutgoingMessage): Promise<Message> {
    let queued: Message
    try {
      queued = this.deps.repos.transaction(() => this.enqueue(outgoing))
    } catch (error) {
      // The owner's message was not stored: say why in words the owner can act on.
      if (this.options.health?.writeFailed(error)) throw new ApiError('unavailable', DISK_FULL_MESSAGE)
      throw error
    }
    return this.dispatch(queued)
  }

  /**
   * Stores the message as `queued` and returns it, without sending it. Called inside the
   * caller's transaction, the row commits together with whatever else the caller writes there
   * (the customer messages marked answered): a crash leaves both or neither, so a restart never
   * sends the stored reply and then answers the same messages a second time. Hand the row to
   * `dispatch` once the transaction has committed.
   */
  enqueue(outgoing: OutgoingMessage): Message {
    const conversation = this.deps.repos.conversations.get(outgoing.conversationId)
    if (!conversation) throw new Error(`Conversation ${outgoing.conversationId} does not exist`)
    const transportKind = conversation.contact.transport
    const transportId = this.deps.transports.get(transportKind)?.newMessageId?.()
    const now = new Date()
    return this.deps.repos.transaction(() => {
      const message = this.deps.repos.messages.insertIfNew({
        conversationId: outgoing.conversationId,
        externalId: transportId ? storedMessageId(transportKind, transportId) : null,
        direction: 'out',
        author: outgoing.author,
        kind: outgoing.image ? 'image' : 'text',
        text: outgoing.text,
        ...(outgoing.image
          ? { mediaPath: outgoing.image.path, mediaThumbPath: outgoing.image.thumbPath, mediaMime: outgoing.image.mimeType, mediaBytes: outgoing.image.bytes }
          : {}),
        status: 'queued',
        model: outgoing.model ?? null,
        template: outgoing.template ?? null,
        productId: outgoing.productId ?? null,
        guardrails: outgoing.guardrails && outgoing.guardrails.length > 0 ? outgoing.guardrails : null,
        createdAt: now,
      })
      if (!message) throw new Error('Outgoing message was not stored')
      this.deps.repos.conversations.recordActivity(outgoing.conversationId, now, outgoing.image ? `📷 ${outgoing.text}`.trim() : outgoing.text, false)
      return message
    })
  }

  /** Tells the app about a committed `enqueue`d message and sends it (retries included). */
  dispatch(queued: Message): Promise<Message> {
    this.deps.events.emit('message.added', toMessageDto(queued))
    this.deps.publisher.changed(queued.conversationId)
    return this.attempt(queued, 0)
  }

  /**
   * Sends what is still queued: at start (a crash), when a transport can send again and when
   * the disk has space again. Resolves once every attempt has settled; never rejects.
   */
  resendQueued(transport?: TransportKind): Promise<void> {
    const attempts: Promise<unknown>[] = []
    for (const message of this.deps.repos.messages.queuedOutbound()) {
      if (this.inFlight.has(message.id)) continue
      const conversation = this.deps.repos.conversations.get(message.conversationId)
      if (!conversation || (transport && conversation.contact.transport !== transport)) continue
      const timer = this.retryTimers.get(message.id)
      if (timer) clearTimeout(timer)
      this.retryTimers.delete(message.id)
      attempts.push(this.attempt(message, 0).catch((error: unknown) => this.deps.logger.error('Sending a queued message failed', { messageId: message.id, error })))
    }
    return Promise.all(attempts).then(() => {})
  }

  /** A delivery receipt: statuses only move forward (read never goes back to delivered). */
  delivery(transport: TransportKind, transportId: string, status: DeliveryStatus): void {
    const message = this.deps.repos.messages.findByExternalId(storedMessageId(transport, transportId))
    if (!message || message.direction !== 'out') return
    if (!isStatusUpgrade(message.status, status)) return
    const updated = this.deps.repos.messages.setStatus(message.id, { status, ...(status === 'failed' ? { error: 'WhatsApp no pudo entregar el mensaje' } : {}) })
    if (updated) this.deps.events.emit('message.updated', toMessageDto(updated))
  }

  close(): void {
    this.closed = true
    for (const timer of this.retryTimers.values()) clearTimeout(timer)
    this.retryTimers.clear()
  }

  /** A photo: read from the data folder at send time (a retry after a crash finds it there too). */
  private async sendImage(transport: Transport, to: string, message: Message, path: string, options: { messageId?: string }): Promise<{ externalId: string }> {
    if (!transport.sendImage || !this.deps.readMedia) throw new Error('Este canal no puede enviar fotos')
    const bytes = await this.deps.readMedia(path)
    return transport.sendImage(to, { bytes, mimeType: message.mediaMime ?? 'image/jpeg', caption: message.text ?? '' }, options)
  }

  private async attempt(message: Message, retry: number): Promise<Message> {
    const conversation = this.deps.repos.conversations.get(message.conversationId)
    if (!conversation || this.closed) return message
    const transportKind = conversation.contact.transport
    const transport = this.deps.transports.get(transportKind)
    const transportId = transportMessageId(transportKind, message.externalId)
    this.inFlight.add(message.id)
    let final: Message | undefined
    try {
      if (!transport) throw new TransportUnavailableError(`No ${transportKind} transport is running`)
      const sendOptions = transportId ? { messageId: transportId } : {}
      const { externalId } =
        message.kind === 'image' && message.mediaPath
          ? await this.sendImage(transport, conversation.contact.externalId, message, message.mediaPath, sendOptions)
          : await transport.send(conversation.contact.externalId, message.text ?? '', sendOptions)
      final = this.deps.repos.messages.setStatus(message.id, { status: 'sent', externalId: storedMessageId(transportKind, externalId), sentAt: new Date(), error: null })
    } catch (error) {
      // The disk refused to record the outcome: the row stays queued and the disk-full retry
      // sends it again with the same transport id (the same message, not a second one).
      if (this.options.health?.writeFailed(error)) return message
      const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
      const reason = error instanceof Error ? error.message : String(error)
      if (error instanceof TransportUnavailableError && retry < delays.length && !this.closed) {
        // Stays queued (visible as such) and is tried again, or sooner when the link is back.
        this.deps.logger.warn('Transport unavailable; the message stays queued', { messageId: message.id, retry })
        final = this.deps.repos.messages.setStatus(message.id, { status: 'queued', error: reason })
        const timer = setTimeout(() => {
          this.retryTimers.delete(message.id)
          void this.attempt(final ?? message, retry + 1).catch((error: unknown) => this.deps.logger.error('Retrying a message failed', { messageId: message.id, error }))
        }, delays[retry])
        timer.unref?.()
        this.retryTimers.set(message.id, timer)
      } else {
        this.deps.logger.error('Sending a message failed', { conversationId: message.conversationId, error })
        final = this.deps.repos.messages.setStatus(message.id, { status: 'failed', error: reason })
      }
    } finally {
      this.inFlight.delete(message.id)
    }
    const result = final ?? message
    this.deps.events.emit('message.updated', toMessageDto(result))
    if (result.status === 'sent') this.options.onSent?.(result)
    return result
  }
}

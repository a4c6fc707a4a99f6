import type { MessageAuthor } from '../../shared/types'
import type { EventBus } from '../app/event-bus'
import { toConversationDto, toMessageDto } from '../conversations/dto'
import type { Logger } from '../logging/logger'
import type { Repositories } from '../store/repositories'
import type { Message } from '../store/repositories/messages-repository'
import type { Transport } from '../transport/transport'
import type { TransportKind } from '../../shared/types'

export interface OutgoingMessage {
  conversationId: string
  text: string
  author: Exclude<MessageAuthor, 'customer'>
  model?: string | null
}

/**
 * Every reply is stored as `queued` before the transport sees it, then marked `sent` (or
 * `failed`, with the reason). A crash between the two leaves a visible queued message
 * instead of a reply that silently never existed.
 */
export class Outbox {
  constructor(
    private readonly repos: Repositories,
    private readonly transports: ReadonlyMap<TransportKind, Transport>,
    private readonly events: EventBus,
    private readonly logger: Logger,
  ) {}

  async send(outgoing: OutgoingMessage): Promise<Message> {
    const conversation = this.repos.conversations.get(outgoing.conversationId)
    if (!conversation) throw new Error(`Conversation ${outgoing.conversationId} does not exist`)
    const now = new Date()
    const queued = this.repos.transaction(() => {
      const message = this.repos.messages.insertIfNew({
        conversationId: outgoing.conversationId,
        externalId: null,
        direction: 'out',
        author: outgoing.author,
        kind: 'text',
        text: outgoing.text,
        status: 'queued',
        model: outgoing.model ?? null,
        createdAt: now,
      })
      if (!message) throw new Error('Outgoing message was not stored')
      this.repos.conversations.recordActivity(outgoing.conversationId, now, outgoing.text, false)
      return message
    })
    this.events.emit('message.added', toMessageDto(queued))
    const updatedConversation = this.repos.conversations.get(outgoing.conversationId)
    if (updatedConversation) this.events.emit('conversation.updated', toConversationDto(updatedConversation))

    const transport = this.transports.get(conversation.contact.transport)
    let final: Message | undefined
    try {
      if (!transport) throw new Error(`No ${conversation.contact.transport} transport is running`)
      const { externalId } = await transport.send(conversation.contact.externalId, outgoing.text)
      final = this.repos.messages.setStatus(queued.id, {
        status: 'sent',
        externalId: `${conversation.contact.transport}:${externalId}`,
        sentAt: new Date(),
        error: null,
      })
    } catch (error) {
      this.logger.error('Sending a message failed', { conversationId: outgoing.conversationId, error })
      final = this.repos.messages.setStatus(queued.id, {
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
      })
    }
    const result = final ?? queued
    this.events.emit('message.updated', toMessageDto(result))
    return result
  }
}

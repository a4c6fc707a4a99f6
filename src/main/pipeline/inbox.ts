import type { TransportKind } from '../../shared/types'
import type { EventBus } from '../app/event-bus'
import { toConversationDto, toMessageDto } from '../conversations/dto'
import type { Repositories } from '../store/repositories'
import type { InboundMessage, StoredInbound } from '../transport/transport'

/**
 * First stop of every customer message: it is committed to SQLite before anything else
 * happens to it, so a crash after this point loses nothing. A redelivered message (same
 * transport id) is recognised and dropped here.
 */
export class Inbox {
  constructor(
    private readonly repos: Repositories,
    private readonly accountId: string,
    private readonly events: EventBus,
    private readonly onStored: (stored: StoredInbound) => void,
  ) {}

  receive(transport: TransportKind, inbound: InboundMessage): StoredInbound | null {
    const stored = this.repos.transaction(() => {
      const contact = this.repos.contacts.upsert(this.accountId, transport, inbound.from, inbound.displayName)
      const conversation = this.repos.conversations.ensureForContact(this.accountId, contact.id)
      const message = this.repos.messages.insertIfNew({
        conversationId: conversation.id,
        externalId: `${transport}:${inbound.externalId}`,
        direction: 'in',
        author: 'customer',
        kind: inbound.kind,
        text: inbound.text,
        status: 'received',
        replyState: 'pending',
        raw: inbound.raw ?? null,
        createdAt: inbound.timestamp,
      })
      if (!message) return null
      this.repos.conversations.recordActivity(conversation.id, inbound.timestamp, inbound.text ?? `[${inbound.kind}]`, true)
      return message
    })
    if (!stored) return null

    this.events.emit('message.added', toMessageDto(stored))
    const conversation = this.repos.conversations.get(stored.conversationId)
    if (conversation) this.events.emit('conversation.updated', toConversationDto(conversation))
    const result = { conversationId: stored.conversationId, messageId: stored.id }
    this.onStored(result)
    return result
  }
}

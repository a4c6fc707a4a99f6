import type { EventBus } from '../kernel/event-bus'
import type { ConversationWithContact } from '../store/repositories/conversations-repository'
import { toConversationDto } from './dto'

/**
 * After any write to a conversation (a message in or out, the bot paused, an alert raised or
 * cleared), the one way to tell every screen: read the conversation back as stored and emit
 * `conversation.updated` with it. One place, so what the screens see is always what is stored.
 */
export class ConversationPublisher {
  constructor(
    private readonly conversations: { get(conversationId: string): ConversationWithContact | null | undefined },
    private readonly events: EventBus,
  ) {}

  /** Publishes the conversation as stored now; returns it (null when it does not exist). */
  changed(conversationId: string): ConversationWithContact | null {
    const conversation = this.conversations.get(conversationId) ?? null
    if (conversation) this.events.emit('conversation.updated', toConversationDto(conversation))
    return conversation
  }
}

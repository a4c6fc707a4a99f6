import { ApiError } from '../../shared/api/errors'
import type { HandlerSlice } from '../api/handler-table'
import type { EventBus } from '../kernel/event-bus'
import type { Repositories } from '../store/repositories'
import type { ConversationWithContact } from '../store/repositories/conversations-repository'
import type { Message } from '../store/repositories/messages-repository'
import { toConversationDto, toMessageDto } from './dto'
import type { Takeover } from './takeover'

/**
 * What the owner's reply box needs of the outbox. Declared here so that conversations does not
 * import the pipeline, which imports conversations' DTOs (the outbox fits it as it is).
 */
export interface OwnerReplySender {
  send(outgoing: { conversationId: string; text: string; author: 'owner' }): Promise<Message>
}

export function conversationsHandlers(
  repos: Repositories,
  accountId: string,
  events: EventBus,
  onTakeover: (conversationId: string) => void,
  outbox: OwnerReplySender,
  takeover: Takeover,
): HandlerSlice<'conversations.list' | 'conversations.messages' | 'conversations.markRead' | 'conversations.setBotMode' | 'conversations.reply'> {
  const existing = (conversationId: string): ConversationWithContact => {
    const found = repos.conversations.get(conversationId)
    if (!found) {
      throw new ApiError('not_found', `Conversation ${conversationId} does not exist`, [
        { path: 'conversationId', message: 'no such conversation' },
      ])
    }
    return found
  }
  return {
    'conversations.list': ({ limit, before }) =>
      repos.conversations.list(accountId, limit, before ? new Date(before) : undefined).map(toConversationDto),
    'conversations.messages': ({ conversationId, limit }) => {
      existing(conversationId)
      return repos.messages.recent(conversationId, limit).map(toMessageDto)
    },
    'conversations.setBotMode': ({ conversationId, mode }) => {
      const before = existing(conversationId)
      if (before.conversation.botMode === mode) return toConversationDto(before)
      repos.conversations.setBotMode(conversationId, mode)
      // Back to the bot: whatever the chat was flagged for has been seen to.
      if (mode === 'bot') repos.conversations.setAttention(conversationId, null, null)
      // The owner stepping in means the bot's last answer was not good enough.
      if (mode === 'human') onTakeover(conversationId)
      const dto = toConversationDto(existing(conversationId))
      events.emit('conversation.updated', dto)
      return dto
    },
    'conversations.reply': async ({ conversationId, text }) => {
      existing(conversationId)
      // The owner answering from the app is a takeover, as from the phone.
      takeover.ownerWrote(conversationId, new Date())
      return toMessageDto(await outbox.send({ conversationId, text, author: 'owner' }))
    },
    'conversations.markRead': ({ conversationId }) => {
      const before = existing(conversationId)
      if (before.conversation.unreadCount === 0) return toConversationDto(before)
      repos.conversations.markRead(conversationId)
      const dto = toConversationDto(existing(conversationId))
      events.emit('conversation.updated', dto)
      return dto
    },
  }
}

import type { HandlerSlice } from '../api/handler-table'
import type { ConversationsService } from './conversations-service'

export function conversationsHandlers(
  conversations: ConversationsService,
): HandlerSlice<'conversations.list' | 'conversations.messages' | 'conversations.markRead' | 'conversations.setBotMode' | 'conversations.reply'> {
  return {
    'conversations.list': ({ limit, before, query, show }) => conversations.list(limit, before, { query, show }),
    'conversations.messages': ({ conversationId, limit }) => conversations.messages(conversationId, limit),
    'conversations.setBotMode': ({ conversationId, mode }) => conversations.setBotMode(conversationId, mode),
    'conversations.reply': ({ conversationId, text }) => conversations.reply(conversationId, text),
    'conversations.markRead': ({ conversationId }) => conversations.markRead(conversationId),
  }
}

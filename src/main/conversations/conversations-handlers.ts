import type { HandlerSlice } from '../api/handler-table'
import { decodeBase64 } from '../media/base64'
import type { ConversationsService } from './conversations-service'

export function conversationsHandlers(
  conversations: ConversationsService,
  /** Whether demo conversations count (the app's demo mode), when a request does not say. */
  demoMode: () => boolean,
): HandlerSlice<'conversations.list' | 'conversations.messages' | 'conversations.markRead' | 'conversations.setBotMode' | 'conversations.reply' | 'conversations.sendPhoto'> {
  return {
    'conversations.list': ({ limit, before, query, show, includeDemo }) => conversations.list(limit, before, { query, show, includeDemo: includeDemo ?? demoMode() }),
    'conversations.messages': ({ conversationId, limit }) => conversations.messages(conversationId, limit),
    'conversations.setBotMode': ({ conversationId, mode }) => conversations.setBotMode(conversationId, mode),
    'conversations.reply': ({ conversationId, text }) => conversations.reply(conversationId, text),
    'conversations.sendPhoto': ({ conversationId, dataBase64, caption }) => conversations.sendPhoto(conversationId, decodeBase64(dataBase64), caption),
    'conversations.markRead': ({ conversationId }) => conversations.markRead(conversationId),
  }
}

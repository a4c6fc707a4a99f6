import { ApiError } from '../../shared/api/errors'
import type { HandlerSlice } from '../api/handler-table'
import type { Repositories } from '../store/repositories'
import { toConversationDto, toMessageDto } from './dto'

export function conversationsHandlers(
  repos: Repositories,
  accountId: string,
): HandlerSlice<'conversations.list' | 'conversations.messages'> {
  return {
    'conversations.list': ({ limit, before }) =>
      repos.conversations.list(accountId, limit, before ? new Date(before) : undefined).map(toConversationDto),
    'conversations.messages': ({ conversationId, limit }) => {
      if (!repos.conversations.get(conversationId)) {
        throw new ApiError('not_found', `Conversation ${conversationId} does not exist`, [
          { path: 'conversationId', message: 'no such conversation' },
        ])
      }
      return repos.messages.recent(conversationId, limit).map(toMessageDto)
    },
  }
}

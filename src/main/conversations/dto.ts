import type { ConversationDto, MessageDto } from '../../shared/types'
import type { ConversationWithContact } from '../store/repositories/conversations-repository'
import type { Message } from '../store/repositories/messages-repository'

export function toConversationDto({ conversation, contact, focusProductName }: ConversationWithContact): ConversationDto {
  return {
    id: conversation.id,
    contact: {
      id: contact.id,
      transport: contact.transport,
      externalId: contact.externalId,
      displayName: contact.displayName,
    },
    botMode: conversation.botMode,
    lastMessageAt: conversation.lastMessageAt?.getTime() ?? null,
    lastMessagePreview: conversation.lastMessagePreview,
    unreadCount: conversation.unreadCount,
    attention: conversation.attention,
    attentionAt: conversation.attentionAt?.getTime() ?? null,
    focusProduct: conversation.focusProductId && focusProductName ? { id: conversation.focusProductId, name: focusProductName } : null,
    isDemo: conversation.isDemo,
  }
}

export function toMessageDto(message: Message): MessageDto {
  return {
    id: message.id,
    conversationId: message.conversationId,
    direction: message.direction,
    author: message.author,
    kind: message.kind,
    text: message.text,
    status: message.status,
    replyState: message.replyState,
    model: message.model,
    template: message.template,
    guardrails: message.guardrails ?? [],
    error: message.error,
    createdAt: message.createdAt.getTime(),
    media: message.mediaPath
      ? { mimeType: message.mediaMime ?? 'application/octet-stream', bytes: message.mediaBytes, durationSec: message.mediaDurationSec, thumbnail: message.mediaThumbPath !== null }
      : null,
    transcript: message.transcript,
    transcriptStatus: message.transcriptStatus,
    mediaDescription: message.mediaDescription,
  }
}

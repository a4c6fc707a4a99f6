import type { ConversationPublisher } from './conversation-publisher'
import { ApiError } from '../../shared/api/errors'
import type { BotMode, ConversationDto, MessageDto } from '../../shared/types'
import type { Repositories } from '../store/repositories'
import type { ConversationListFilter, ConversationWithContact } from '../store/repositories/conversations-repository'
import type { Message } from '../store/repositories/messages-repository'
import { toConversationDto, toMessageDto } from './dto'
import type { Takeover } from './takeover'

/**
 * What the owner's reply box needs of the outbox. Declared here so that conversations does not
 * import the pipeline, which imports conversations' DTOs (the outbox fits it as it is).
 */
export interface OwnerReplySender {
  send(outgoing: {
    conversationId: string
    text: string
    author: 'owner'
    image?: { path: string; thumbPath: string | null; mimeType: string; bytes: number }
  }): Promise<Message>
}

/** Prepares and stores a photo the owner sends (media/), returning what the outbox needs. */
export type OwnerPhotoStore = (bytes: Uint8Array) => Promise<{ path: string; thumbPath: string | null; mimeType: string; bytes: number }>

export interface ConversationsDeps {
  /** Tells every screen a conversation changed, as stored. */
  publisher: ConversationPublisher
  /** The messages it only reads (a reply goes out through the outbox, which stores it). */
  repos: { conversations: Repositories['conversations']; messages: Pick<Repositories['messages'], 'recent'> }
  accountId: string
  /** The owner switched a chat to themselves: the bot's last answer was not good enough. */
  onTakeover: (conversationId: string) => void
  outbox: OwnerReplySender
  takeover: Pick<Takeover, 'ownerWrote'>
  /** Absent: the reply box sends text only. */
  storePhoto?: OwnerPhotoStore
}

/** The chats as the owner sees and steers them from the app: read, answer, switch the bot. */
export class ConversationsService {
  constructor(private readonly deps: ConversationsDeps) {}

  list(limit: number, before?: number, filter: ConversationListFilter = {}): ConversationDto[] {
    return this.deps.repos.conversations.list(this.deps.accountId, limit, before ? new Date(before) : undefined, filter).map(toConversationDto)
  }

  messages(conversationId: string, limit: number): MessageDto[] {
    this.existing(conversationId)
    return this.deps.repos.messages.recent(conversationId, limit).map(toMessageDto)
  }

  setBotMode(conversationId: string, mode: BotMode): ConversationDto {
    const before = this.existing(conversationId)
    if (before.conversation.botMode === mode) return toConversationDto(before)
    this.deps.repos.conversations.setBotMode(conversationId, mode)
    // Back to the bot: whatever the chat was flagged for has been seen to.
    if (mode === 'bot') this.deps.repos.conversations.setAttention(conversationId, null, null)
    // The owner stepping in means the bot's last answer was not good enough.
    if (mode === 'human') this.deps.onTakeover(conversationId)
    return this.publish(conversationId)
  }

  async reply(conversationId: string, text: string): Promise<MessageDto> {
    this.existing(conversationId)
    // The owner answering from the app is a takeover, as from the phone.
    this.deps.takeover.ownerWrote(conversationId, new Date())
    return toMessageDto(await this.deps.outbox.send({ conversationId, text, author: 'owner' }))
  }

  /** A photo from the reply box: a takeover like a typed reply; the caption may be empty. */
  async sendPhoto(conversationId: string, bytes: Uint8Array, caption: string): Promise<MessageDto> {
    this.existing(conversationId)
    if (!this.deps.storePhoto) throw new ApiError('precondition', 'Esta versión de la app no puede enviar fotos.')
    const image = await this.deps.storePhoto(bytes)
    this.deps.takeover.ownerWrote(conversationId, new Date())
    return toMessageDto(await this.deps.outbox.send({ conversationId, text: caption, author: 'owner', image }))
  }

  markRead(conversationId: string): ConversationDto {
    const before = this.existing(conversationId)
    if (before.conversation.unreadCount === 0) return toConversationDto(before)
    this.deps.repos.conversations.markRead(conversationId)
    return this.publish(conversationId)
  }

  private publish(conversationId: string): ConversationDto {
    const dto = toConversationDto(this.deps.publisher.changed(conversationId) ?? this.existing(conversationId))
    return dto
  }

  private existing(conversationId: string): ConversationWithContact {
    const found = this.deps.repos.conversations.get(conversationId)
    if (!found) {
      throw new ApiError('not_found', 'Esa conversación ya no existe. Recarga la página.', [{ path: 'conversationId', message: 'Esa conversación ya no existe.' }])
    }
    return found
  }
}

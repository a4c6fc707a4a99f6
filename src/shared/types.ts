// Data shapes that cross the process boundary (main ↔ renderer, server ↔ browser).
// Plain JSON: timestamps are epoch milliseconds.

export type TransportKind = 'simulator' | 'whatsapp'
export type BotMode = 'bot' | 'paused' | 'human'
export type MessageAuthor = 'customer' | 'bot' | 'owner'
export type MessageStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed'
export type ReplyState = 'pending' | 'answered' | 'skipped' | 'waiting_model' | 'failed'

export interface ContactDto {
  id: string
  transport: TransportKind
  externalId: string
  displayName: string | null
}

export interface ConversationDto {
  id: string
  contact: ContactDto
  botMode: BotMode
  lastMessageAt: number | null
  lastMessagePreview: string | null
  unreadCount: number
}

export interface MessageDto {
  id: string
  conversationId: string
  direction: 'in' | 'out'
  author: MessageAuthor
  kind: string
  text: string | null
  status: MessageStatus
  replyState: ReplyState | null
  model: string | null
  error: string | null
  createdAt: number
}

/**
 * Where the language model stands, as the app last saw it.
 * `unreachable`: nothing answers at the host; `model_missing`: the server answers but the
 * chosen model is not installed; `error`: it answered with something else that failed.
 */
export type LlmState = 'unknown' | 'ready' | 'unreachable' | 'model_missing' | 'error'

export interface LlmStatus {
  state: LlmState
  provider: 'ollama'
  host: string
  model: string
  detail: string | null
  checkedAt: number | null
}

export type WhatsappState = 'unpaired' | 'connecting' | 'open' | 'closed' | 'logged_out'

export interface AppStatus {
  version: string
  whatsapp: { state: WhatsappState }
  llm: LlmStatus
  /** Customer messages stored but not answered because the model was not available. */
  waitingForModel: number
}

export interface Settings {
  llm: {
    host: string
    model: string
    temperature: number
  }
  persona: {
    shopName: string
    systemPrompt: string
  }
  /** How many earlier messages of the chat the bot sees. */
  historyMessages: number
  locale: 'es' | 'en'
}

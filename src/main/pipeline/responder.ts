import type { EventBus } from '../app/event-bus'
import { toMessageDto } from '../conversations/dto'
import type { ChatMessage } from '../llm/llm-provider'
import { LlmUnavailableError } from '../llm/llm-provider'
import type { LlmService } from '../llm/llm-service'
import type { Logger } from '../logging/logger'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'
import type { Message } from '../store/repositories/messages-repository'
import type { Outbox } from './outbox'

/** What the responder asks of the chat's transport while it works (WhatsApp; the simulator ignores it). */
export interface ChatPresence {
  /** Blue ticks for the customer messages the bot is about to answer. */
  markRead(conversationId: string, messageIds: string[]): Promise<void>
  /** "Escribiendo…" while the model thinks. */
  typing(conversationId: string, on: boolean): Promise<void>
}

/**
 * Answers a conversation: everything the customer wrote since the bot last spoke is
 * answered at once, with the recent history as context. If the model is not available the
 * customer's messages stay stored as `waiting_model` and are answered when it is back.
 */
export class Responder {
  constructor(
    private readonly repos: Repositories,
    private readonly llm: LlmService,
    private readonly outbox: Outbox,
    private readonly settings: SettingsService,
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly presence: ChatPresence,
    private readonly clock: () => number = Date.now,
  ) {}

  async respond(conversationId: string): Promise<void> {
    const settings = this.settings.get()
    const all = this.repos.messages.awaitingReply(conversationId)
    // Still pending after a long stop: too late to answer well.
    const maxAgeMs = settings.whatsapp.maxAnswerAgeMinutes * 60_000
    const stale = all.filter((m) => this.clock() - m.createdAt.getTime() > maxAgeMs)
    if (stale.length > 0) this.mark(stale.map((m) => m.id), 'skipped', 'Demasiado antiguo para responder')
    const waiting = all.filter((m) => !stale.includes(m))
    if (waiting.length === 0) return
    const ids = waiting.map((m) => m.id)
    await this.presence.markRead(conversationId, ids)

    if (waiting.every((m) => m.text === null)) {
      // Only stickers, audio, locations…: the polite configured answer, not the model.
      const text = settings.whatsapp.unsupportedReply
      if (text) await this.outbox.send({ conversationId, text, author: 'bot', model: null })
      this.mark(ids, text ? 'answered' : 'skipped', text ? null : 'Tipo de mensaje que el bot no lee')
      return
    }
    const history = this.repos.messages.recent(conversationId, Math.max(settings.historyMessages, waiting.length))
    const prompt: ChatMessage[] = [
      { role: 'system', content: settings.persona.systemPrompt.replaceAll('{shopName}', settings.persona.shopName) },
      ...toChatHistory(history),
    ]

    let reply: { text: string; model: string }
    await this.presence.typing(conversationId, true)
    try {
      reply = await this.llm.chat(prompt)
      if (!reply.text) throw new Error('The model returned an empty answer')
    } catch (error) {
      await this.presence.typing(conversationId, false)
      const unavailable = error instanceof LlmUnavailableError
      this.logger.warn('No answer for a conversation', { conversationId, error })
      this.mark(ids, unavailable ? 'waiting_model' : 'failed', unavailable ? null : errorText(error))
      return
    }
    await this.presence.typing(conversationId, false)
    // The outbox owns it from here (retries included); the capture follows once it is sent.
    await this.outbox.send({ conversationId, text: reply.text, author: 'bot', model: reply.model })
    this.mark(ids, 'answered', null)
  }

  private mark(ids: string[], state: 'answered' | 'waiting_model' | 'failed' | 'skipped', error: string | null): void {
    for (const message of this.repos.messages.setReplyState(ids, state, error)) {
      this.events.emit('message.updated', toMessageDto(message))
    }
  }
}

function toChatHistory(history: Message[]): ChatMessage[] {
  const out: ChatMessage[] = []
  for (const message of history) {
    if (!message.text) continue
    const role = message.direction === 'in' ? 'user' : 'assistant'
    const last = out[out.length - 1]
    // Chat templates expect alternating turns; a burst of customer lines is one turn.
    if (last && last.role === role) last.content += `\n${message.text}`
    else out.push({ role, content: message.text })
  }
  return out
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

import type { EventBus } from '../app/event-bus'
import { toMessageDto } from '../conversations/dto'
import type { ChatMessage } from '../llm/llm-provider'
import { LlmUnavailableError } from '../llm/llm-provider'
import type { LlmService } from '../llm/llm-service'
import type { Logger } from '../logging/logger'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'
import type { Message } from '../store/repositories/messages-repository'
import type { CaptureService } from '../learning/capture-service'
import type { Outbox } from './outbox'

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
    private readonly capture: CaptureService,
  ) {}

  async respond(conversationId: string): Promise<void> {
    const waiting = this.repos.messages.awaitingReply(conversationId)
    if (waiting.length === 0) return
    const ids = waiting.map((m) => m.id)
    const settings = this.settings.get()
    const history = this.repos.messages.recent(conversationId, Math.max(settings.historyMessages, waiting.length))
    const prompt: ChatMessage[] = [
      { role: 'system', content: settings.persona.systemPrompt.replaceAll('{shopName}', settings.persona.shopName) },
      ...toChatHistory(history),
    ]

    let reply: { text: string; model: string }
    try {
      reply = await this.llm.chat(prompt)
      if (!reply.text) throw new Error('The model returned an empty answer')
    } catch (error) {
      const unavailable = error instanceof LlmUnavailableError
      this.logger.warn('No answer for a conversation', { conversationId, error })
      this.mark(ids, unavailable ? 'waiting_model' : 'failed', unavailable ? null : errorText(error))
      return
    }
    const sent = await this.outbox.send({ conversationId, text: reply.text, author: 'bot', model: reply.model })
    this.mark(ids, 'answered', null)
    // Queued, not written here: the learning loop never delays or breaks a reply.
    if (sent.status === 'sent') this.capture.captureReply(sent.id)
  }

  private mark(ids: string[], state: 'answered' | 'waiting_model' | 'failed', error: string | null): void {
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

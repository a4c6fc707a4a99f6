import { OWNER_ANSWERS_MODEL, type CaptureHealth, type ChatTurn } from '../../shared/types'
import type { EventBus } from '../kernel/event-bus'
import { detectCategory } from '../evaluate/category'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'
import type { Message } from '../store/repositories/messages-repository'
import { toExchangeDto } from '../learning/exchange-dto'
import type { LearningWorker } from '../learning/learning-worker'
import { processedPrefix } from '../../shared/text-bounds'

export interface CaptureMeta {
  productId?: string | null
  productName?: string | null
}

/**
 * Stage 1 of the loop (the seed's TrainingCaptureService): one training_data row per bot
 * reply. It runs on the learning worker, after the reply is sent, and builds the row from the
 * stored messages, so the same code recaptures replies a crash left uncaptured.
 */
export interface CaptureDeps {
  /** Writes only training examples; the chat and the catalog it only reads. */
  repos: {
    messages: Pick<Repositories['messages'], 'get' | 'before'>
    conversations: Pick<Repositories['conversations'], 'get'>
    products: Pick<Repositories['products'], 'get'>
    trainingData: Repositories['trainingData']
  }
  accountId: string
  /** The learning writes' queue, off the reply path; its health is what `capture.health` reports. */
  worker: LearningWorker
  settings: SettingsService
  events: EventBus
}

export class CaptureService {
  constructor(private readonly deps: CaptureDeps) {}

  /** How the learning writes are doing: what waits, what failed (Revisión shows it). */
  health(): CaptureHealth {
    return this.deps.worker.health()
  }

  /** Called on the reply path: returns at once. */
  captureReply(botMessageId: string, meta: CaptureMeta = {}): void {
    this.deps.worker.enqueue(`capture ${botMessageId}`, () => this.capture(botMessageId, meta))
  }

  /**
   * The owner answered a customer from the phone: the best kind of example there is, kept as
   * an approved exchange with top score (it still shows in Revisión, where the owner can undo).
   */
  captureOwnerReply(messageId: string): void {
    this.deps.worker.enqueue(`capture owner ${messageId}`, () => this.capture(messageId, {}, true))
  }

  /** Captures bot replies that have no row yet (the app stopped before writing them). */
  recaptureMissing(): number {
    const ids = this.deps.repos.trainingData.uncapturedBotMessageIds(10_000)
    for (const id of ids) this.captureReply(id)
    return ids.length
  }

  private capture(botMessageId: string, meta: CaptureMeta, byOwner = false): void {
    const bot = this.deps.repos.messages.get(botMessageId)
    // Fixed messages (holding reply, handoff, after-hours) are not answers to learn from.
    if (!bot || bot.author !== (byOwner ? 'owner' : 'bot') || !bot.text || bot.template) return
    if (this.deps.repos.trainingData.findByBotMessage(botMessageId)) return
    const conversation = this.deps.repos.conversations.get(bot.conversationId)
    if (!conversation) return
    const historyLimit = this.deps.settings.get().historyMessages
    // The bot's fixed lines (holding reply, after-hours notice) do not end what the customer asked.
    const earlier = this.deps.repos.messages.before(bot.conversationId, bot.createdAt, historyLimit + 20).filter((m) => !m.template)
    // The owner stepping in after the bot answered: the owner's answer is the better answer to
    // the same question, so the bot's reply in between is not part of the example.
    if (byOwner) while (earlier.length > 0 && earlier.at(-1)!.author === 'bot') earlier.pop()
    const { asked, context } = splitTurn(earlier, historyLimit)
    if (asked.length === 0) return // the bot spoke first: nothing was asked
    const userMessage = asked.map((m) => m.text ?? `[${m.kind}]`).join('\n')
    // The seed's productContext: the product the bot had in focus when it answered.
    const productId = meta.productId ?? bot.productId ?? (byOwner ? conversation.conversation.focusProductId : null) ?? null
    const productName = meta.productName ?? (productId ? (this.deps.repos.products.get(productId)?.name ?? null) : null)
    const id = this.deps.repos.trainingData.insertCapture({
      userId: this.deps.accountId,
      conversationId: bot.conversationId,
      userMessage,
      botResponse: bot.text,
      context,
      productId,
      productName,
      category: detectCategory(processedPrefix(userMessage)),
      model: byOwner ? OWNER_ANSWERS_MODEL : bot.model,
      createdAt: bot.createdAt,
      userMessageId: asked.at(-1)!.id,
      botMessageId: bot.id,
      reviewPriority: 1,
      isDemo: conversation.conversation.isDemo,
    })
    if (byOwner) {
      this.deps.repos.trainingData.applyAutoScore(id, {
        autoScore: 5,
        autoScoreSource: 'owner',
        autoConfidence: 1,
        wasSuccessful: null,
        reviewPriority: 0,
        evaluatedAt: bot.createdAt,
      })
      this.deps.repos.trainingData.setStatus([id], 'approved', bot.createdAt)
    }
    const stored = this.deps.repos.trainingData.get(id)
    if (stored) this.deps.events.emit('exchange.updated', toExchangeDto(stored))
  }
}

/**
 * The customer's messages since the last outgoing one are what the reply answered; the
 * turns before them are its context (consecutive messages of one side merged into a turn).
 */
function splitTurn(earlier: Message[], contextLimit: number): { asked: Message[]; context: ChatTurn[] } {
  let start = earlier.length
  while (start > 0 && earlier[start - 1]!.direction === 'in') start--
  const asked = earlier.slice(start)
  const turns: ChatTurn[] = []
  for (const m of earlier.slice(0, start)) {
    if (!m.text) continue
    const role = m.direction === 'in' ? 'user' : 'assistant'
    const last = turns.at(-1)
    if (last && last.role === role) last.content += `\n${m.text}`
    else turns.push({ role, content: m.text })
  }
  return { asked, context: contextLimit > 0 ? turns.slice(-contextLimit) : [] }
}

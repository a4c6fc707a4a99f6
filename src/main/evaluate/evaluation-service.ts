import type { EventBus } from '../kernel/event-bus'
import { blendScores } from './blended-scorer'
import { OwnerClassifier } from './owner-classifier'
import { catalogTerms, scoreMessage, type CatalogTerms } from './message-scorer'
import { SentimentModel, type EncodedSentimentModel } from './sentiment-model'
import type { LlmService } from '../llm/llm-service'
import type { Logger } from '../kernel/logger'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'
import type { TrainingRow } from '../store/repositories/training-data-repository'
import { toExchangeDto } from '../learning/exchange-dto'
import type { LearningWorker } from '../learning/learning-worker'
import { reviewPriority } from './review-priority'
import { JudgeQueue } from './judge-queue'
import { judgeMessages, parseJudgeScore, withJudge } from './llm-judge'
import { processedPrefix } from '../../shared/text-bounds'

/** The fewest owner reviews worth training on at all; blending waits for the setting's minimum. */
const MIN_TRAINING_REVIEWS = 5

export interface EvaluationDeps {
  repos: Pick<Repositories, 'messages' | 'trainingData' | 'transaction'>
  /** The learning writes' queue (shared with capture, so an evaluation never overtakes its capture). */
  worker: LearningWorker
  settings: SettingsService
  /** Only for the optional LLM judge. */
  llm: Pick<LlmService, 'chat'>
  events: EventBus
  logger: Logger
  /**
   * The shop's products as the scorer reads them (names and keywords): a customer naming one
   * after an offer is ordering. Optional; read again after each `catalog.changed`.
   */
  catalog?: { products(): readonly { name: string; keywords?: readonly string[] }[] }
  /** The learned half of the scorer; the app passes the shipped weights, tests may pass none. */
  sentimentWeights?: EncodedSentimentModel | null
  /**
   * True while a customer's message waits for its answer: the optional LLM judge only runs when
   * it is false (a judge call is a generation on the model that answers customers).
   */
  customerWaiting?: () => boolean
  /** How long the judge leaves a busy shop alone before looking again (ms). */
  judgeRetryMs?: number
}

/**
 * Stage 2 of the loop (the seed's TrainingEvaluationService): scores each exchange from what
 * happened next — the customer's next message, no reply within the window, the owner taking
 * the chat over — and, once the owner has reviewed enough, from what it learned of the owner.
 */
export class EvaluationService {
  private classifier: OwnerClassifier | null = null
  private reviewCount = 0
  private classifierStale = true
  private sweepTimer: NodeJS.Timeout | null = null
  private readonly sentiment: SentimentModel | null
  private catalogCache: CatalogTerms | null = null
  private readonly unsubscribe: () => void
  private readonly judges: JudgeQueue

  constructor(private readonly deps: EvaluationDeps) {
    this.sentiment = deps.sentimentWeights ? SentimentModel.decode(deps.sentimentWeights) : null
    this.judges = new JudgeQueue({
      customerWaiting: deps.customerWaiting ?? (() => false),
      judge: (id, signal) => this.judge(id, signal),
      logger: deps.logger,
      ...(deps.judgeRetryMs === undefined ? {} : { retryMs: deps.judgeRetryMs }),
    })
    this.unsubscribe = deps.events.subscribe((event, payload) => {
      if (event === 'catalog.changed') this.catalogCache = null
      // A customer wrote: the judge gives the model back at once.
      if (event === 'message.added' && (payload as { author?: string }).author === 'customer') this.judges.interrupt()
    })
  }

  /** A customer message arrived: it closes the exchange it reacts to. */
  customerReplied(messageId: string): void {
    this.deps.worker.enqueue(`evaluate ${messageId}`, () => this.evaluateWith(messageId))
  }

  /**
   * Evaluates again the exchanges whose customer answered but whose evaluation was lost (the
   * learning connection commits without a disk sync). Queued behind the recaptures made at
   * start, so those are evaluated too.
   */
  reevaluateMissing(): void {
    this.deps.worker.enqueue('re-evaluate lost evaluations', () => {
      for (const messageId of this.deps.repos.trainingData.customerRepliesToUnevaluated(10_000)) this.evaluateWith(messageId)
    })
  }

  /** The owner took the chat over: the bot's last answer was not good enough. */
  ownerTookOver(conversationId: string): void {
    this.deps.worker.enqueue(`takeover ${conversationId}`, () => {
      const row = this.deps.repos.trainingData.latestInConversation(conversationId)
      if (!row || row.manualScore !== null || row.autoScoreSource === 'sale') return
      const score = Math.min(row.autoScore ?? 2, 2)
      this.apply(row, { score, source: 'takeover', confidence: 0.6, conflict: false, wasSuccessful: row.wasSuccessful, evaluatedAt: row.evaluatedAt ?? new Date() })
    })
  }

  /** The owner's scores changed: retrain before the next evaluation. */
  ownerReviewed(): void {
    this.classifierStale = true
  }

  /** Exchanges the customer never answered within the window count as not engaging. */
  sweepNoReply(now: Date = new Date()): number {
    const windowMs = this.deps.settings.get().learning.noReplyHours * 3_600_000
    let total = 0
    for (;;) {
      const rows = this.deps.repos.trainingData.unevaluatedBefore(new Date(now.getTime() - windowMs), 500)
      if (rows.length === 0) return total
      this.deps.repos.transaction(() => {
        for (const row of rows) this.apply(row, { score: 2, source: 'no_reply', confidence: 0.35, conflict: false, wasSuccessful: false, evaluatedAt: now })
      })
      total += rows.length
    }
  }

  startSweeping(everyMs = 10 * 60_000): void {
    const run = () => this.deps.worker.enqueue('no-reply sweep', () => void this.sweepNoReply())
    run()
    this.sweepTimer = setInterval(run, everyMs)
    this.sweepTimer.unref()
  }

  stop(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer)
    this.sweepTimer = null
    this.judges.close()
    this.unsubscribe()
  }

  /** Exchanges waiting for the LLM judge (it runs only while no customer waits). */
  get judgeBacklog(): number {
    return this.judges.size
  }

  /** What the learned scorer currently knows, for the docs and the status. */
  ownerModel(): { reviews: number; active: boolean } {
    this.refreshClassifier()
    return { reviews: this.reviewCount, active: this.reviewCount >= this.deps.settings.get().learning.ownerClassifierMinReviews }
  }

  private evaluateWith(messageId: string): void {
    const message = this.deps.repos.messages.get(messageId)
    if (!message || message.direction !== 'in') return
    const row = this.deps.repos.trainingData.latestUnevaluated(message.conversationId, message.createdAt)
    if (!row) return
    // The customer's next message, as far as the scorer reads it (the message is stored whole).
    const text = processedPrefix(message.text ?? '')
    // The context the rules alone ignore: the answer the customer reacts to, what they asked.
    const rules = scoreMessage({ text, answer: processedPrefix(row.botResponse), previous: [processedPrefix(row.userMessage)] }, { sentiment: this.sentiment, catalog: this.catalogTerms() })
    this.refreshClassifier()
    const owner = this.classifier && text ? this.classifier.predict(text, rules.score) : null
    const blended = blendScores(rules, owner, this.reviewCount, { minReviews: this.deps.settings.get().learning.ownerClassifierMinReviews })
    const updated = this.apply(row, {
      score: blended.score,
      source: blended.source,
      confidence: blended.confidence,
      conflict: blended.conflict,
      wasSuccessful: rules.wasSuccessful,
      evaluatedAt: new Date(),
      userFeedback: message.text ?? `[${message.kind}]`,
      feedbackMessageId: message.id,
    })
    if (updated && this.deps.settings.get().learning.llmJudge) this.judges.add(updated.id)
  }

  private apply(
    row: TrainingRow,
    score: {
      score: number
      source: 'rules' | 'classifier' | 'llm_judge' | 'no_reply' | 'takeover'
      confidence: number
      conflict: boolean
      wasSuccessful: boolean | null
      evaluatedAt: Date
      userFeedback?: string
      feedbackMessageId?: string
    },
  ): TrainingRow | undefined {
    const updated = this.deps.repos.trainingData.applyAutoScore(row.id, {
      autoScore: score.score,
      autoScoreSource: score.source,
      autoConfidence: score.confidence,
      wasSuccessful: score.wasSuccessful,
      evaluatedAt: score.evaluatedAt,
      reviewPriority: reviewPriority(score),
      ...(score.userFeedback === undefined ? {} : { userFeedback: score.userFeedback, feedbackMessageId: score.feedbackMessageId ?? null }),
    })
    const dto = updated && this.deps.repos.trainingData.get(updated.id)
    if (dto) this.deps.events.emit('exchange.updated', toExchangeDto(dto))
    return updated
  }

  private catalogTerms(): CatalogTerms | null {
    if (!this.deps.catalog) return null
    this.catalogCache ??= catalogTerms(this.deps.catalog.products())
    return this.catalogCache
  }

  private refreshClassifier(): void {
    if (!this.classifierStale) return
    this.classifierStale = false
    const reviews = this.deps.repos.trainingData.ownerReviews()
    this.reviewCount = reviews.length
    if (reviews.length < MIN_TRAINING_REVIEWS) {
      this.classifier = null
      return
    }
    const classifier = new OwnerClassifier()
    // The automatic score of each reviewed text is a feature: a few reviews then say where the
    // owner departs from it instead of relearning Spanish sentiment from scratch.
    classifier.train(reviews.map((r) => ({ text: r.text, score: clampScore(r.score), base: scoreMessage({ text: r.text }, { sentiment: this.sentiment }).score })))
    this.classifier = classifier
  }

  /** Optional second opinion from the model itself (off by default: it costs a generation). */
  private async judge(exchangeId: string, signal: AbortSignal): Promise<void> {
    const row = this.deps.repos.trainingData.get(exchangeId)
    if (!row || row.autoScore === null || row.manualScore !== null) return
    const { text } = await this.deps.llm.chat(
      judgeMessages({ question: processedPrefix(row.userMessage), answer: row.botResponse, reaction: processedPrefix(row.userFeedback ?? '') }),
      // A digit is the whole answer; a model that explains itself is cut short (the digit comes first).
      { purpose: 'judge', signal, maxTokens: 8 },
    )
    const judged = parseJudgeScore(text)
    if (judged === null || signal.aborted) return
    this.deps.worker.enqueue(`judge ${exchangeId}`, () => {
      const current = this.deps.repos.trainingData.get(exchangeId)
      if (!current || current.autoScore === null || current.manualScore !== null) return
      const opinion = withJudge(current.autoScore, current.autoConfidence, judged)
      this.apply(current, {
        ...opinion,
        source: 'llm_judge',
        wasSuccessful: current.wasSuccessful,
        evaluatedAt: current.evaluatedAt ?? new Date(),
      })
    })
  }
}

function clampScore(score: number): 1 | 2 | 3 | 4 | 5 {
  return Math.min(5, Math.max(1, Math.round(score))) as 1 | 2 | 3 | 4 | 5
}

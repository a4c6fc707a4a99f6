import type { Category } from '../../shared/types'
import { CATEGORIES } from '../../shared/types'
import { detectCategory } from '../evaluate/category'
import { assessReply } from '../evaluate/reply-scorer'
import { reviewPriority } from '../evaluate/review-priority'
import type { Repositories } from '../store/repositories'
import { newId } from '../kernel/ids'
import type { NewTrainingRow } from '../store/repositories/training-data-repository'
import { DEMO_ANSWERS, DEMO_NAMES, DEMO_PRODUCTS, DEMO_QUESTIONS, DEMO_REACTIONS } from './demo-catalog'
import { mulberry32 } from '../kernel/hash'
import { formatCop } from '../../shared/money'

/** The repositories this module uses, and no others. */
type UsedRepositories = Pick<Repositories, 'contacts' | 'conversations' | 'messages' | 'trainingData' | 'llmCalls' | 'transaction'>

export interface DemoDataOptions {
  /** Exchanges to create. */
  count: number
  seed?: number
  /** Also store the messages behind each exchange (false: exchanges only, for big benchmarks). */
  withMessages?: boolean
  days?: number
  now?: Date
  onProgress?: (done: number, total: number) => void
}

const MODELS = ['llama3.1:8b', 'autodidacta-tienda:v1', 'autodidacta-tienda:v2']

/** The model live at a point of the demo period (0 = its start, 1 = now). */
function modelAt(position: number): string {
  return MODELS[position < 0.4 ? 0 : position < 0.7 ? 1 : 2]!
}

/** The cloud fallback of the demo shop, as Ajustes → Nube names it by default. */
const DEMO_CLOUD_MODEL = 'llama-3.1-8b-instant'

/**
 * Share of answers the cloud wrote at a point of the demo period: often at first (the base
 * model could not answer or was off), rarely once the shop's own versions took over — the
 * trend "Menos nube" is there to show.
 */
function cloudShareAt(position: number): number {
  return Math.max(0.04, 0.45 - 0.45 * position)
}

/**
 * Fills the store with synthetic Spanish conversations, every row flagged `isDemo` so demo
 * data never mixes silently with the shop's real customers. Scores come from the real scorer.
 */
export function generateDemoData(repos: UsedRepositories, accountId: string, options: DemoDataOptions): { conversations: number; exchanges: number } {
  const random = mulberry32(options.seed ?? 42)
  // Its own draws: the cloud's share leaves every other demo field what it was for a given seed.
  const cloudRandom = mulberry32((options.seed ?? 42) + 7919)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const now = (options.now ?? new Date()).getTime()
  const spanMs = (options.days ?? 30) * 86_400_000
  const withMessages = options.withMessages ?? true
  const perConversation = 3
  let exchanges = 0
  let conversations = 0
  const batch: NewTrainingRow[] = []

  const flush = () => {
    repos.trainingData.insertMany(batch.splice(0))
    options.onProgress?.(exchanges, options.count)
  }

  while (exchanges < options.count) {
    repos.transaction(() => {
      for (let c = 0; c < 200 && exchanges < options.count; c++) {
        const name = `${pick(DEMO_NAMES)} (demo ${conversations + 1})`
        const contact = repos.contacts.upsert(accountId, 'simulator', `demo-${options.seed ?? 42}-${conversations}`, name)
        const conversation = repos.conversations.ensureForContact(accountId, contact.id, true)
        conversations++
        let at = now - Math.floor(random() * spanMs)
        const turns: { role: 'user' | 'assistant'; content: string }[] = []
        for (let e = 0; e < perConversation && exchanges < options.count; e++) {
          const product = pick(DEMO_PRODUCTS)
          const category: Category = pick(CATEGORIES)
          const question = pick(DEMO_QUESTIONS[category]).replaceAll('{p}', product.name)
          const answer = pick(DEMO_ANSWERS[category]).replaceAll('{p}', product.name).replaceAll('{$}', formatCop(product.price))
          const reaction = pick(DEMO_REACTIONS)
          // Versions follow one another as they would in a shop: the base first, then v1, then v2.
          // The draw is kept so every other demo field stays what it was for a given seed.
          random()
          const position = (at - (now - spanMs)) / spanMs
          const byCloud = cloudRandom() < cloudShareAt(position)
          const model = byCloud ? `cloud:${DEMO_CLOUD_MODEL}` : modelAt(position)
          const assessed = assessReply(reaction)
          const askedAt = new Date(at)
          const answeredAt = new Date(at + 20_000)
          const reactedAt = new Date(at + 120_000)
          at += 180_000
          let userMessageId: string | null = null
          let botMessageId: string | null = null
          let feedbackMessageId: string | null = null
          if (byCloud) recordDemoCloudCall(repos, answeredAt, question, answer, cloudRandom)
          if (withMessages) {
            userMessageId = insertMessage(repos, conversation.id, 'in', question, askedAt, null)
            botMessageId = insertMessage(repos, conversation.id, 'out', answer, answeredAt, model)
            feedbackMessageId = insertMessage(repos, conversation.id, 'in', reaction, reactedAt, null)
            repos.conversations.recordActivity(conversation.id, reactedAt, reaction, false)
          }
          const review = random()
          const manualScore = review < 0.15 ? Math.min(5, Math.max(1, assessed.score + (random() < 0.3 ? -1 : 0))) : null
          const reviewStatus = manualScore === null ? 'pending' : ownerVerdict(manualScore, review)
          batch.push({
            userId: accountId,
            conversationId: conversation.id,
            userMessage: question,
            botResponse: answer,
            context: turns.slice(-4),
            productId: product.id,
            productName: product.name,
            category: detectCategory(question),
            qualityScore: manualScore ?? assessed.score,
            wasSuccessful: assessed.wasSuccessful,
            userFeedback: reaction,
            createdAt: answeredAt,
            evaluatedAt: reactedAt,
            model,
            autoScore: assessed.score,
            autoScoreSource: 'rules',
            autoConfidence: assessed.confidence,
            manualScore,
            reviewStatus,
            correctedResponse: reviewStatus === 'corrected' ? `${answer} Además, hoy tienes envío gratis.` : null,
            reviewedAt: reviewStatus === 'pending' && manualScore === null ? null : reactedAt,
            userMessageId,
            botMessageId,
            feedbackMessageId,
            reviewPriority: reviewPriority({ score: assessed.score, confidence: assessed.confidence, conflict: false }),
            isDemo: true,
          })
          turns.push({ role: 'user', content: question }, { role: 'assistant', content: answer }, { role: 'user', content: reaction })
          exchanges++
          if (batch.length >= 500) flush()
        }
      }
      if (batch.length > 0) flush()
    })
  }
  return { conversations, exchanges }
}

/**
 * The paid call behind a cloud answer: a prompt of about a thousand tokens (instructions,
 * catalog, examples) and the answer's own; now and then one that failed before it (a limit reached).
 */
function recordDemoCloudCall(repos: UsedRepositories, at: Date, question: string, answer: string, random: () => number): void {
  const call = { route: 'cloud' as const, provider: 'Groq', model: DEMO_CLOUD_MODEL, purpose: 'reply' as const, estimated: false, isDemo: true }
  if (random() < 0.05) repos.llmCalls.record({ ...call, at: new Date(at.getTime() - 4_000), promptTokens: 0, completionTokens: 0, ok: false })
  const promptTokens = 850 + Math.floor(random() * 300) + Math.ceil(question.length / 3.3)
  repos.llmCalls.record({ ...call, at, promptTokens, completionTokens: Math.ceil(answer.length / 3.3) + 4, ok: true })
}

function insertMessage(repos: UsedRepositories, conversationId: string, direction: 'in' | 'out', text: string, at: Date, model: string | null): string {
  const message = repos.messages.insertIfNew({
    conversationId,
    externalId: `demo:${newId()}`,
    direction,
    author: direction === 'in' ? 'customer' : 'bot',
    kind: 'text',
    text,
    status: direction === 'in' ? 'received' : 'sent',
    replyState: direction === 'in' ? 'answered' : null,
    model,
    createdAt: at,
    sentAt: direction === 'out' ? at : null,
  })
  if (!message) throw new Error('demo message collided')
  return message.id
}

/**
 * What an owner does with an answer they scored: approves the good ones, rewrites the middling
 * ones (and some bad ones), rejects the rest. Approving a 2 is not something an owner does, and a
 * demo that did it taught the dataset that overruled scores of 1–3 were the best lines.
 */
function ownerVerdict(score: number, draw: number): 'approved' | 'corrected' | 'rejected' {
  if (score >= 4) return 'approved'
  if (score === 3) return 'corrected'
  return draw < 0.08 ? 'corrected' : 'rejected'
}

import type { Category, ChatTurn, ExchangeDto } from '../../shared/types'
import type { TrainingRowWithCustomer } from '../store/repositories/training-data-repository'

export function toExchangeDto(row: TrainingRowWithCustomer): ExchangeDto {
  return {
    id: row.id,
    conversationId: row.conversationId,
    customerName: row.customerName,
    userMessage: row.userMessage,
    botResponse: row.botResponse,
    correctedResponse: row.correctedResponse,
    context: contextTurns(row.context),
    productId: row.productId,
    productName: row.productName,
    category: (row.category as Category | null) ?? null,
    qualityScore: row.qualityScore,
    autoScore: row.autoScore,
    autoScoreSource: row.autoScoreSource,
    autoConfidence: row.autoConfidence,
    manualScore: row.manualScore,
    wasSuccessful: row.wasSuccessful,
    userFeedback: row.userFeedback,
    reviewStatus: row.reviewStatus,
    model: row.model,
    isDemo: row.isDemo,
    createdAt: row.createdAt.getTime(),
    evaluatedAt: row.evaluatedAt?.getTime() ?? null,
    reviewedAt: row.reviewedAt?.getTime() ?? null,
  }
}

/** `context` is stored as the seed stores it (the history array); older rows may hold anything. */
export function contextTurns(context: unknown): ChatTurn[] {
  const history = Array.isArray(context) ? context : (context as { historial?: unknown } | null)?.historial
  if (!Array.isArray(history)) return []
  return history.filter(
    (t): t is ChatTurn =>
      typeof t === 'object' && t !== null && ((t as ChatTurn).role === 'user' || (t as ChatTurn).role === 'assistant') && typeof (t as ChatTurn).content === 'string',
  )
}

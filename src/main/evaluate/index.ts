// Stage 2 of the loop, evaluate: the service that scores each exchange from what happened next,
// and the scorers it is made of (pure functions and a small in-memory model), which the demo
// data, the CLI and the guardrails use too.
export { EvaluationService, type EvaluationDeps } from './evaluation-service'
export { assessReply, type ReplyAssessment } from './reply-scorer'
export { CATEGORIES, categoryOf, detectCategory, type Category } from './category'
export { blendScores } from './blended-scorer'
export { OwnerClassifier } from './owner-classifier'
export { reviewPriority } from './review-priority'
export { scoreMessage, catalogTerms, type MessageInput, type MessageScore, type CatalogTerms } from './message-scorer'
export { SentimentModel } from './sentiment-model'

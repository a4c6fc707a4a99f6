// Rules and the owner's learned scale, combined. Until the owner has reviewed enough exchanges
// the hand-written rules decide alone: a classifier trained on a dozen reviews has seen too
// little to overrule them. From `minReviews` on, the classifier takes part with a weight that
// grows with the number of reviews (from an even say towards 90%), and within that with how sure
// each side is about this particular reply: an unfamiliar message keeps the rules in charge, a
// message like many the owner already scored lets the owner's pattern win.

import type { OwnerPrediction } from './owner-classifier'
import type { ReplyAssessment } from './reply-scorer'

export interface BlendOptions {
  /** Reviews needed before the classifier takes part (default 30). */
  minReviews?: number
}

export interface BlendedScore {
  score: 1 | 2 | 3 | 4 | 5
  confidence: number
  source: 'rules' | 'classifier'
  /** Rules and classifier are two or more points apart: worth the owner's look. */
  conflict: boolean
}

export const DEFAULT_MIN_REVIEWS = 30
/** Share of the classifier when it starts taking part, and the share it approaches. */
const START_WEIGHT = 0.5
const MAX_WEIGHT = 0.9
/** Reviews past the minimum over which the classifier's share closes ~63% of the gap to MAX_WEIGHT. */
const GROWTH_REVIEWS = 100

/** The classifier's share of the vote after `reviewCount` reviews (0 below the minimum). */
export function classifierWeight(reviewCount: number, minReviews = DEFAULT_MIN_REVIEWS): number {
  if (reviewCount < minReviews) return 0
  return MAX_WEIGHT - (MAX_WEIGHT - START_WEIGHT) * Math.exp(-(reviewCount - minReviews) / GROWTH_REVIEWS)
}

/** The rules' verdict as a distribution: their confidence on their score, the rest on the neighbours. */
export function rulesDistribution(rules: ReplyAssessment): number[] {
  const spread = [0, 0, 0, 0, 0].map((_, k) => (k + 1 === rules.score ? 0 : 1 / (1 + Math.abs(k + 1 - rules.score))))
  const total = spread.reduce((a, b) => a + b, 0)
  const confidence = Math.min(1, Math.max(0, rules.confidence))
  return spread.map((s, k) => (k + 1 === rules.score ? confidence : ((1 - confidence) * s) / total))
}

export function blendScores(rules: ReplyAssessment, owner: OwnerPrediction | null, reviewCount: number, options: BlendOptions = {}): BlendedScore {
  const minReviews = options.minReviews ?? DEFAULT_MIN_REVIEWS
  const conflict = owner !== null && Math.abs(owner.score - rules.score) >= 2
  const weight = owner ? classifierWeight(reviewCount, minReviews) : 0
  if (!owner || weight === 0) return { score: rules.score, confidence: rules.confidence, source: 'rules', conflict }

  // Each side's say is its share times its confidence on this reply.
  const ownerSay = weight * Math.max(owner.confidence, 0.05)
  const rulesSay = (1 - weight) * Math.max(rules.confidence, 0.05)
  const w = ownerSay / (ownerSay + rulesSay)
  const fromRules = rulesDistribution(rules)
  const blended = fromRules.map((r, k) => w * (owner.distribution[k] ?? 0) + (1 - w) * r)
  let best = 0
  for (let k = 1; k < blended.length; k++) if (blended[k]! > blended[best]!) best = k
  const confidence = Math.round(Math.min(0.95, blended[best]! * (conflict ? 0.8 : 1)) * 1000) / 1000
  return { score: (best + 1) as BlendedScore['score'], confidence, source: 'classifier', conflict }
}

import { describe, expect, it } from 'vitest'
import { blendScores, classifierWeight, DEFAULT_MIN_REVIEWS } from '../../../src/main/evaluate/blended-scorer'
import { OwnerClassifier, type OwnerExample, type OwnerPrediction } from '../../../src/main/evaluate/owner-classifier'
import { assessReply, type ReplyAssessment } from '../../../src/main/evaluate/reply-scorer'

/**
 * An owner who disagrees with the rules systematically: for them a bare acknowledgement ("ok",
 * "listo", "👍") is a neutral 3, where the rules say 4. Everything else matches the rules.
 */
function ownerReviews(count: number): OwnerExample[] {
  const acks = ['ok', 'okis', 'listo', 'ok gracias', 'dale', 'vale', 'bueno', '👍', 'listo gracias', 'okey']
  const others: OwnerExample[] = [
    { text: 'me lo llevo', score: 5 },
    { text: 'pásame el link', score: 5 },
    { text: 'excelente, gracias', score: 5 },
    { text: 'no me gusta', score: 1 },
    { text: 'no me sirve', score: 1 },
    { text: 'no entiendo', score: 2 },
    { text: 'muy caro', score: 2 },
    { text: 'cuánto cuesta?', score: 3 },
    { text: 'hacen envíos?', score: 3 },
    { text: 'aceptan nequi?', score: 4 },
  ]
  return Array.from({ length: count }, (_, i) => (i % 2 === 0 ? { text: acks[(i / 2) % acks.length]!, score: 3 as const } : others[((i - 1) / 2) % others.length]!))
}

function classifierAfter(reviews: number) {
  const model = new OwnerClassifier()
  model.train(ownerReviews(reviews))
  return model
}

const prediction = (score: 1 | 2 | 3 | 4 | 5, confidence: number): OwnerPrediction => {
  const distribution = [1, 2, 3, 4, 5].map((k) => (k === score ? confidence : (1 - confidence) / 4))
  return { score, expected: distribution.reduce((a, p, k) => a + p * (k + 1), 0), distribution, confidence }
}
const rules = (score: 1 | 2 | 3 | 4 | 5, confidence: number): ReplyAssessment => ({ score, confidence, wasSuccessful: false, signals: [] })

describe('blendScores', () => {
  it('lets the rules decide below the minimum number of reviews', () => {
    const owner = classifierAfter(20).predict('ok')
    expect(owner.score).toBe(3)
    const blended = blendScores(assessReply('ok'), owner, 20)
    expect(blended).toMatchObject({ score: 4, source: 'rules' })
    expect(blended.confidence).toBe(assessReply('ok').confidence)
    expect(blendScores(assessReply('ok'), null, 500)).toMatchObject({ score: 4, source: 'rules', conflict: false })
  })

  it('follows the owner once enough reviews exist: the owner scores "ok" as 3, the rules as 4', () => {
    expect(assessReply('ok').score).toBe(4)
    const reviews = DEFAULT_MIN_REVIEWS + 10
    const model = classifierAfter(reviews)
    for (const text of ['ok', 'listo', 'okis']) {
      expect(blendScores(assessReply(text), model.predict(text), reviews), text).toMatchObject({ score: 3, source: 'classifier' })
    }
    // where the owner agrees with the rules, nothing changes
    expect(blendScores(assessReply('me lo llevo'), model.predict('me lo llevo'), reviews).score).toBe(5)
    expect(blendScores(assessReply('no me gusta'), model.predict('no me gusta'), reviews).score).toBe(1)
  })

  it('honours a custom minimum', () => {
    const model = classifierAfter(12)
    expect(blendScores(assessReply('ok'), model.predict('ok'), 12, { minReviews: 10 })).toMatchObject({ score: 3, source: 'classifier' })
    expect(blendScores(assessReply('ok'), model.predict('ok'), 12, { minReviews: 50 })).toMatchObject({ score: 4, source: 'rules' })
  })

  it('weighs the classifier more as reviews grow', () => {
    expect(classifierWeight(29)).toBe(0)
    expect(classifierWeight(30)).toBeCloseTo(0.5, 10)
    let previous = 0
    for (const n of [30, 50, 100, 200, 500, 2000]) {
      const w = classifierWeight(n)
      expect(w).toBeGreaterThan(previous)
      expect(w).toBeLessThan(0.9 + 1e-9)
      previous = w
    }
    // a disagreement the classifier loses with few reviews it wins with many
    const r = rules(4, 0.7)
    const o = prediction(2, 0.6)
    expect(blendScores(r, o, 30).score).toBe(4)
    expect(blendScores(r, o, 400).score).toBe(2)
  })

  it('keeps the rules in charge of a reply the classifier knows nothing about', () => {
    expect(blendScores(rules(5, 0.9), prediction(2, 0.05), 1000).score).toBe(5)
  })

  it('flags a conflict when rules and classifier are two or more points apart', () => {
    expect(blendScores(rules(4, 0.6), prediction(2, 0.9), 100).conflict).toBe(true)
    expect(blendScores(rules(4, 0.6), prediction(3, 0.9), 100).conflict).toBe(false)
    // also below the minimum: the review queue should see it even while the rules decide
    expect(blendScores(rules(5, 0.9), prediction(1, 0.9), 5)).toMatchObject({ source: 'rules', conflict: true })
  })

  it('returns a confidence within 0..1', () => {
    for (const n of [0, 30, 100, 10_000]) {
      const { confidence } = blendScores(rules(3, 0.2), prediction(1, 0.99), n)
      expect(confidence).toBeGreaterThanOrEqual(0)
      expect(confidence).toBeLessThanOrEqual(1)
    }
  })
})

import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../src/main/kernel/hash'
import { analyzeSpanish } from '../../../src/main/kernel/spanish-text'
import { sentimentFeatures, SentimentModel, trainSentimentModel } from '../../../src/main/evaluate/sentiment-model'
import { SENTIMENT_WEIGHTS } from '../../../src/main/evaluate/sentiment-weights'

const BUCKETS = 1 << 12
const features = (text: string) => sentimentFeatures(analyzeSpanish(text), BUCKETS)

describe('sentiment features', () => {
  it('marks negation within the clause, so "no me gustó" and "me gustó" differ beyond the word "no"', () => {
    const liked = new Set(features('me gustó'))
    const notLiked = features('no me gustó')
    expect(notLiked.filter((f) => !liked.has(f)).length).toBeGreaterThan(2)
  })

  it('shares most character trigrams between a word and its misspelling', () => {
    const right = new Set(sentimentFeatures(analyzeSpanish('excelente'), 1 << 20))
    const typo = sentimentFeatures(analyzeSpanish('exelente'), 1 << 20)
    expect(typo.filter((f) => right.has(f)).length).toBeGreaterThanOrEqual(4)
  })
})

describe('training and the shipped weights', () => {
  it('learns a toy set, and its int8 encoding predicts like the float model', () => {
    const good = ['me encantó', 'excelente servicio', 'muy rico todo', 'volvería feliz', 'todo perfecto']
    const bad = ['pésimo servicio', 'horrible todo', 'nunca más', 'muy malo', 'qué asco']
    const examples = [...good.map((t) => ({ features: features(t), score: 5 as const })), ...bad.map((t) => ({ features: features(t), score: 1 as const }))]
    const model = trainSentimentModel(examples, { buckets: BUCKETS, epochs: 30, l2: 1e-6, learningRate: 0.3, seed: 1 }, mulberry32(1), 'toy')
    const decoded = SentimentModel.decode(model.encode())
    for (const text of [...good, ...bad]) {
      const a = model.predict(analyzeSpanish(text))
      const b = decoded.predict(analyzeSpanish(text))
      expect(a.indexOf(Math.max(...a))).toBe(b.indexOf(Math.max(...b)))
      for (let k = 0; k < 5; k++) expect(Math.abs(a[k]! - b[k]!)).toBeLessThan(0.02)
    }
    expect(decoded.predict(analyzeSpanish('excelente servicio'))[4]).toBeGreaterThan(0.5)
    expect(decoded.predict(analyzeSpanish('pésimo servicio'))[0]).toBeGreaterThan(0.5)
  })

  it('learns a three-level label as the distribution it stands for, not as one score', () => {
    // "Positive" without a level: half a 4, half a 5. Trained on the distribution, the model
    // splits its belief over both; trained on `score` alone it would put it all on the 4.
    const texts = ['buen trato', 'lindo lugar', 'muy recomendable', 'gente amable']
    const options = { buckets: BUCKETS, epochs: 40, l2: 1e-6, learningRate: 0.3, seed: 1 }
    const soft = trainSentimentModel(texts.map((t) => ({ features: features(t), score: 4 as const, target: [0, 0, 0, 0.5, 0.5] })), options, mulberry32(1), 'soft')
    const hard = trainSentimentModel(texts.map((t) => ({ features: features(t), score: 4 as const })), options, mulberry32(1), 'hard')
    const p = soft.predict(analyzeSpanish('buen trato'))
    expect(p[3]).toBeGreaterThan(0.35)
    expect(p[4]).toBeGreaterThan(0.35)
    expect(p[0]! + p[1]! + p[2]!).toBeLessThan(0.2)
    expect(hard.predict(analyzeSpanish('buen trato'))[4]).toBeLessThan(0.1)
  })

  it('ships weights of a sensible size that decode to a model', () => {
    expect(SENTIMENT_WEIGHTS.weights.length).toBeLessThan(3 * 1024 * 1024)
    const model = SentimentModel.decode(SENTIMENT_WEIGHTS)
    const p = model.predict(analyzeSpanish('pésimo, no lo recomiendo'))
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6)
    expect(p[0]! + p[1]!).toBeGreaterThan(p[3]! + p[4]!)
  })

  it('refuses weights that do not match their header', () => {
    expect(() => SentimentModel.decode({ ...SENTIMENT_WEIGHTS, buckets: 1 << 10 })).toThrow(/bucket/)
  })
})

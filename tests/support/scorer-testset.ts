// The labeled scorer test set and the deterministic measures over it (accuracy against the seed's
// rules, agreement with an owner as reviews grow). The unit tests assert on them and
// bench/scorer-accuracy.ts prints them, so both read the same numbers.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { mulberry32 } from '../../src/main/kernel/hash'
import { blendScores } from '../../src/main/evaluate/blended-scorer'
import { categoryOf, type Category } from '../../src/main/evaluate/category'
import { analyzeSpanish } from '../../src/main/kernel/spanish-text'
import { OwnerClassifier, type Score } from '../../src/main/evaluate/owner-classifier'
import { assessReply, extractSignals, resolveSignals } from '../../src/main/evaluate/reply-scorer'
import { seedDetectCategory, seedQualityScore, seedWasSuccessful } from './seed-rules'

export interface LabeledReply {
  text: string
  score: Score
  wasSuccessful: boolean
  category: Category
}

const FIXTURE = fileURLToPath(new URL('../fixtures/scorer-testset.jsonl', import.meta.url))

/**
 * Parts of the test set, by line, in the order they were written (docs/scorer.md tells the story):
 * the first part was written together with the rules, the second after the rules were frozen and
 * then used to fix them, the third after everything was frozen and never used to change anything.
 */
export const PARTS = [
  { name: 'written with the rules', from: 0, to: 516 },
  { name: 'blind set 1 (later used for fixes)', from: 516, to: 686 },
  { name: 'blind set 2 (never used for fixes)', from: 686, to: Infinity },
] as const

export function loadTestSet(path = FIXTURE): LabeledReply[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const row = JSON.parse(line) as LabeledReply
      if (typeof row.text !== 'string' || ![1, 2, 3, 4, 5].includes(row.score) || typeof row.wasSuccessful !== 'boolean') throw new Error(`line ${i + 1}: bad row`)
      return row
    })
}

export interface Accuracy {
  n: number
  exact: number
  withinOne: number
  success: number
  category: number
}

export function accuracy(rows: readonly LabeledReply[], scorer: 'seed' | 'ours'): Accuracy {
  let exact = 0
  let withinOne = 0
  let success = 0
  let category = 0
  for (const row of rows) {
    let score: number
    let wasSuccessful: boolean
    let cat: string
    if (scorer === 'seed') {
      score = seedQualityScore(row.text)
      wasSuccessful = seedWasSuccessful(row.text)
      cat = seedDetectCategory(row.text)
    } else {
      const analyzed = analyzeSpanish(row.text)
      const assessed = resolveSignals(extractSignals(analyzed), analyzed)
      score = assessed.score
      wasSuccessful = assessed.wasSuccessful
      cat = categoryOf(analyzed)
    }
    if (score === row.score) exact++
    if (Math.abs(score - row.score) <= 1) withinOne++
    if (wasSuccessful === row.wasSuccessful) success++
    if (cat === row.category) category++
  }
  const n = rows.length
  return { n, exact: exact / n, withinOne: withinOne / n, success: success / n, category: category / n }
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const random = mulberry32(seed)
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/**
 * An owner whose scale differs from the labeling guide in three systematic ways — the case the
 * classifier exists for: only a sale is a 5, a bare acknowledgement is neutral, and haggling over
 * the price is engagement rather than a bad answer.
 */
export function stricterOwner(row: LabeledReply): Score {
  if (row.score === 5 && !row.wasSuccessful) return 4
  if (row.score === 4 && !row.wasSuccessful && row.category === 'general') return 3
  if (row.score === 2 && row.category === 'consulta_precio') return 3
  return row.score
}

export interface CurvePoint {
  reviews: number
  rules: number
  classifier: number | null
  blended: number
}

/**
 * Agreement with the owner on a fixed held-out part as the owner reviews more: N reviews are the
 * first N of a seeded shuffle of the rest, averaged over `seeds` shuffles.
 */
export function learningCurve(rows: readonly LabeledReply[], owner: (row: LabeledReply) => Score, sizes: readonly number[], seeds = 5, heldOutShare = 0.3): CurvePoint[] {
  const split = shuffled(rows, 20240601)
  const heldOutSize = Math.round(rows.length * heldOutShare)
  const heldOut = split.slice(0, heldOutSize)
  const pool = split.slice(heldOutSize)
  const rules = heldOut.map((row) => assessReply(row.text))
  const truth = heldOut.map(owner)
  const rulesAgreement = rules.filter((r, i) => r.score === truth[i]).length / heldOut.length
  return sizes.map((reviews) => {
    if (reviews > pool.length) throw new RangeError(`only ${pool.length} rows outside the held-out part, asked for ${reviews}`)
    let classifierHits = 0
    let blendedHits = 0
    for (let seed = 1; seed <= seeds; seed++) {
      const reviewed = shuffled(pool, seed).slice(0, reviews)
      const model = new OwnerClassifier()
      if (reviews > 0) model.train(reviewed.map((row) => ({ text: row.text, score: owner(row) })))
      heldOut.forEach((row, i) => {
        const prediction = reviews > 0 ? model.predict(row.text) : null
        if (prediction?.score === truth[i]) classifierHits++
        if (blendScores(rules[i]!, prediction, reviews).score === truth[i]) blendedHits++
      })
    }
    const total = heldOut.length * seeds
    return { reviews, rules: rulesAgreement, classifier: reviews > 0 ? classifierHits / total : null, blended: blendedHits / total }
  })
}

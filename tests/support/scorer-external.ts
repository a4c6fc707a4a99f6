// The external development set (public reviews none of us wrote, rebuilt by
// scripts/scorer/build-dev-set.ts into .cache/, never committed) and the measures the issue
// names: 3-class polarity macro-F1, 5-level score within ±1, confusion matrices, reliability.
// The training script, the bench and the tests read the same functions.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface ExternalRow {
  text: string
  score: 1 | 2 | 3 | 4 | 5
  source: string
  group: string
  part: 'tuning' | 'blind'
  /** 3: labelled only positive / neutral / negative, stored as 4 / 3 / 2 — only polarity is measured. */
  levels?: 3
}

/** Rows whose label has five levels: the ones ±1, exact, confusion and reliability can be read on. */
export const fiveLevels = <T extends { levels?: 3 }>(rows: readonly T[]): T[] => rows.filter((r) => r.levels !== 3)

export const EXTERNAL_DEV_PATH = fileURLToPath(new URL('../../.cache/scorer-dev/external.jsonl', import.meta.url))
export const EXTERNAL_MISSING =
  'external development set not built: run `npx tsx scripts/scorer/build-dev-set.ts` (needs a snapshot of its public source, see docs/scorer.md)'

export function loadExternal(path = EXTERNAL_DEV_PATH): ExternalRow[] | null {
  if (!existsSync(path)) return null
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ExternalRow)
}

/** 1 negative (≤ 2), 2 neutral (3), 3 positive (≥ 4): the hidden check's 3-class mapping. */
export const polarityOf = (score: number): 0 | 1 | 2 => (score <= 2 ? 0 : score === 3 ? 1 : 2)

export function macroF1(gold: readonly number[], predicted: readonly number[], classes: readonly number[]): number {
  let total = 0
  for (const c of classes) {
    let tp = 0
    let fp = 0
    let fn = 0
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === c && gold[i] === c) tp++
      else if (predicted[i] === c) fp++
      else if (gold[i] === c) fn++
    }
    total += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
  }
  return total / classes.length
}

export interface ScoreMeasures {
  n: number
  polarityMacroF1: number
  withinOne: number
  exact: number
}

export function scoreMeasures(gold: readonly number[], predicted: readonly number[]): ScoreMeasures {
  const n = gold.length
  let withinOne = 0
  let exact = 0
  for (let i = 0; i < n; i++) {
    if (Math.abs(gold[i]! - predicted[i]!) <= 1) withinOne++
    if (gold[i] === predicted[i]) exact++
  }
  return {
    n,
    polarityMacroF1: macroF1(gold.map(polarityOf), predicted.map(polarityOf), [0, 1, 2]),
    withinOne: n ? withinOne / n : 0,
    exact: n ? exact / n : 0,
  }
}

export function f1(gold: readonly boolean[], predicted: readonly boolean[]): number {
  let tp = 0
  let fp = 0
  let fn = 0
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i] && gold[i]) tp++
    else if (predicted[i]) fp++
    else if (gold[i]) fn++
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
}

export function confusion(gold: readonly number[], predicted: readonly number[]): string {
  const m = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0])
  for (let i = 0; i < gold.length; i++) m[gold[i]! - 1]![predicted[i]! - 1]!++
  return ['| label ↓ / predicted → | 1 | 2 | 3 | 4 | 5 |', '|---|---|---|---|---|---|', ...m.map((r, i) => `| ${i + 1} | ${r.join(' | ')} |`)].join('\n')
}

/** Confidence bins against exact accuracy: does a 0.8 mean right four times in five? */
export function reliability(confidences: readonly number[], correct: readonly boolean[], edges = [0, 0.3, 0.45, 0.6, 0.75, 0.9, 1.01]): { from: number; to: number; n: number; accuracy: number | null; meanConfidence: number | null }[] {
  return edges.slice(1).map((to, i) => {
    const from = edges[i]!
    const at = confidences.map((c, j) => ({ c, ok: correct[j]! })).filter((x) => x.c >= from && x.c < to)
    const n = at.length
    return {
      from,
      to: Math.min(1, to),
      n,
      accuracy: n ? at.filter((x) => x.ok).length / n : null,
      meanConfidence: n ? at.reduce((a, x) => a + x.c, 0) / n : null,
    }
  })
}

// The blended scorer's confidence is the probability it gives its own score. Measured on text it
// was not trained on, that probability is optimistic (a "0.9" was right about 3 times in 4), and
// the review queue orders by it. So the training script fits, on held-out data, how often a score
// that sure was exactly right — separately for short messages (chat replies, where the rules know
// the phrases) and long ones (where the model weighs everything) — and the scorer reads its raw
// confidence through that curve. Isotonic: a surer raw score never reads as less sure.

export interface CalibrationCurve {
  /** Messages of up to this many words; null: any length (the last curve). */
  maxWords: number | null
  /** [raw confidence, how often right], raw ascending, rate non-decreasing. */
  knots: [number, number][]
}

/** One curve per length band, shortest first. */
export type ConfidenceCalibration = CalibrationCurve[]

/** A held-out score: how sure the scorer was, the message's length, and whether it was exactly right. */
export interface CalibrationSample {
  raw: number
  words: number
  correct: boolean
}

const FLOOR = 0.02
const CEILING = 0.98
const round3 = (x: number) => Math.round(x * 1000) / 1000

/** The calibrated confidence; the raw one when no curve covers the length. */
export function calibrateConfidence(raw: number, words: number, calibration: ConfidenceCalibration | null | undefined): number {
  const curve = calibration?.find((c) => c.maxWords === null || words <= c.maxWords)
  if (!curve || curve.knots.length === 0) return raw
  const knots = curve.knots
  if (raw <= knots[0]![0]) return knots[0]![1]
  for (let i = 1; i < knots.length; i++) {
    const [x1, y1] = knots[i]!
    if (raw <= x1) {
      const [x0, y0] = knots[i - 1]!
      return round3(x1 === x0 ? y1 : y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0))
    }
  }
  return knots.at(-1)![1]
}

/**
 * Fits one isotonic curve per length band: samples sorted by raw confidence, cut into bins of
 * at least `minPerBin`, each bin's hit rate, then adjacent bins pooled until the rates rise
 * (pool-adjacent-violators). Bands are given by their upper word counts, the last open.
 */
export function fitCalibration(samples: readonly CalibrationSample[], bandMaxWords: readonly number[], minPerBin = 40): ConfidenceCalibration {
  const bands: (number | null)[] = [...bandMaxWords, null]
  let lower = 0
  const curves: ConfidenceCalibration = []
  for (const maxWords of bands) {
    const inBand = samples.filter((s) => s.words > lower && (maxWords === null || s.words <= maxWords))
    curves.push({ maxWords, knots: isotonicKnots(inBand, minPerBin) })
    if (maxWords !== null) lower = maxWords
  }
  return curves
}

function isotonicKnots(samples: readonly CalibrationSample[], minPerBin: number): [number, number][] {
  if (samples.length < minPerBin) return []
  const sorted = [...samples].sort((a, b) => a.raw - b.raw)
  const binCount = Math.max(1, Math.floor(sorted.length / minPerBin))
  type Block = { sumX: number; hits: number; n: number }
  const blocks: Block[] = []
  for (let b = 0; b < binCount; b++) {
    const from = Math.floor((b * sorted.length) / binCount)
    const to = Math.floor(((b + 1) * sorted.length) / binCount)
    const bin = sorted.slice(from, to)
    blocks.push({ sumX: bin.reduce((a, s) => a + s.raw, 0), hits: bin.filter((s) => s.correct).length, n: bin.length })
    // Pool while the newest block's rate is below the one before it.
    while (blocks.length > 1 && blocks.at(-1)!.hits / blocks.at(-1)!.n < blocks.at(-2)!.hits / blocks.at(-2)!.n) {
      const last = blocks.pop()!
      const prev = blocks.at(-1)!
      prev.sumX += last.sumX
      prev.hits += last.hits
      prev.n += last.n
    }
  }
  return blocks.map((b) => [round3(b.sumX / b.n), round3(Math.min(CEILING, Math.max(FLOOR, b.hits / b.n)))])
}

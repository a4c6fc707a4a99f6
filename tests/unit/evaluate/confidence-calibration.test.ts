import { describe, expect, it } from 'vitest'
import { calibrateConfidence, fitCalibration, type CalibrationSample } from '../../../src/main/evaluate/confidence-calibration'
import { scoreMessage } from '../../../src/main/evaluate/message-scorer'
import { SentimentModel } from '../../../src/main/evaluate/sentiment-model'
import { SENTIMENT_WEIGHTS } from '../../../src/main/evaluate/sentiment-weights'
import { analyzeSpanish } from '../../../src/main/kernel/spanish-text'
import { mulberry32 } from '../../../src/main/kernel/hash'

/** Samples from a scorer that claims `raw` but is right with probability `truth(raw)`. */
function samples(n: number, words: number, truth: (raw: number) => number, seed = 7): CalibrationSample[] {
  const random = mulberry32(seed)
  return Array.from({ length: n }, () => {
    const raw = 0.2 + 0.75 * random()
    return { raw, words, correct: random() < truth(raw) }
  })
}

describe('confidence calibration', () => {
  it('learns how often an overconfident scorer was right, per length band, and never reads a surer score as less sure', () => {
    // Long messages: right far less often than claimed; short ones: about as often as claimed.
    const fitted = fitCalibration([...samples(4000, 40, (raw) => raw * 0.6), ...samples(4000, 5, (raw) => raw, 11)], [12])
    expect(fitted.map((c) => c.maxWords)).toEqual([12, null])
    for (const curve of fitted) {
      const rates = curve.knots.map(([, y]) => y)
      expect(rates).toEqual([...rates].sort((a, b) => a - b))
    }
    expect(calibrateConfidence(0.9, 40, fitted)).toBeGreaterThan(0.45)
    expect(calibrateConfidence(0.9, 40, fitted)).toBeLessThan(0.62)
    expect(calibrateConfidence(0.9, 5, fitted)).toBeGreaterThan(0.8)
    expect(calibrateConfidence(0.5, 40, fitted)).toBeLessThan(calibrateConfidence(0.8, 40, fitted))
    // Outside the fitted range: the nearest end, not an extrapolation.
    expect(calibrateConfidence(0.01, 40, fitted)).toBe(fitted[1]!.knots[0]![1])
    expect(calibrateConfidence(0.999, 40, fitted)).toBe(fitted[1]!.knots.at(-1)![1])
  })

  it('pools bins whose hit rates go down, and leaves a band without enough samples raw', () => {
    const noisy: CalibrationSample[] = [
      ...Array.from({ length: 40 }, (_, i) => ({ raw: 0.3, words: 30, correct: i < 20 })),
      ...Array.from({ length: 40 }, (_, i) => ({ raw: 0.5, words: 30, correct: i < 10 })),
      ...Array.from({ length: 40 }, (_, i) => ({ raw: 0.7, words: 30, correct: i < 30 })),
    ]
    const [short, long] = fitCalibration(noisy, [12])
    expect(short!.knots).toEqual([])
    expect(calibrateConfidence(0.77, 4, [short!, long!])).toBe(0.77)
    expect(long!.knots).toEqual([
      [0.4, 0.375],
      [0.7, 0.75],
    ])
  })

  it('is part of the shipped model, and the blended scorer reads a long message through it', () => {
    const model = SentimentModel.decode(SENTIMENT_WEIGHTS)
    expect(model.calibration?.length).toBe(2)
    const text = 'El hotel estaba bien ubicado, la habitación era amplia aunque el desayuno dejó que desear y el personal tardó en atendernos'
    const calibrated = scoreMessage({ text }, { sentiment: model })
    const raw = scoreMessage({ text }, { sentiment: model.withCalibration(null) })
    expect(calibrated.score).toBe(raw.score)
    expect(calibrated.confidence).toBeCloseTo(calibrateConfidence(raw.confidence, analyzeSpanish(text).words.length, model.calibration), 2)
    expect(calibrated.confidence).not.toBe(raw.confidence)
    // Encoded and decoded again, the curve comes along.
    expect(SentimentModel.decode(model.encode()).calibration).toEqual(model.calibration)
  })
})

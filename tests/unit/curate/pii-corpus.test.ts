// The labeled corpus in tests/fixtures/pii (regenerate with `npx tsx tests/fixtures/pii/generate.ts`).
// "dev" frames were used while the scrubber was written; "holdout" frames were not tuned on.
// The holdout threshold is what the first run on it measured, so that a change that loses
// recall there fails here. Numbers are reported in docs/privacy.md and BENCHMARKS.md.
import { describe, expect, it } from 'vitest'
import { evaluate, loadCorpus } from '../../fixtures/pii/evaluate'

describe('personal-data corpus', () => {
  it('is big and broad enough to mean something', () => {
    const { pii, stay } = loadCorpus()
    expect(pii.length).toBeGreaterThanOrEqual(300)
    expect(stay.length).toBeGreaterThanOrEqual(300)
    expect(new Set(pii.map((c) => c.country)).size).toBeGreaterThanOrEqual(10)
    for (const kind of ['phone', 'email', 'nationalId', 'card', 'address', 'name']) {
      expect(pii.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(20)
    }
    expect(pii.filter((c) => c.split === 'holdout').length).toBeGreaterThanOrEqual(100)
    expect(stay.filter((c) => c.split === 'holdout').length).toBeGreaterThanOrEqual(60)
  })

  it('dev part: every value removed, nothing else touched', () => {
    const score = evaluate(['dev'])
    expect(score.misses).toEqual([])
    expect(score.falsePositives).toEqual([])
    expect(score.recall).toBeGreaterThanOrEqual(0.98)
    expect(score.rightKind / score.cases).toBeGreaterThanOrEqual(0.95)
  })

  it('held-out part: recall at least what it first measured, no false positive', () => {
    const score = evaluate(['holdout'])
    expect(score.recall).toBeGreaterThanOrEqual(0.93)
    // Prices, sizes, dates, order numbers and shop chat: not one changed.
    expect(score.falsePositives).toEqual([])
    expect(score.stayPrecision).toBe(1)
  })

  it('removes values from at least 10 countries in full', () => {
    const score = evaluate(['dev', 'holdout'])
    const complete = Object.values(score.byCountry).filter((c) => c.removed === c.values)
    expect(complete.length).toBeGreaterThanOrEqual(10)
  })
})

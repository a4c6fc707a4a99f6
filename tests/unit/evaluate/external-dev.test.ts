// The external development set (public reviews none of us wrote). It is rebuilt, not
// committed: without it these tests skip and say how to build it.
import { describe, expect, it } from 'vitest'
import { scoreMessage } from '../../../src/main/evaluate/message-scorer'
import { SentimentModel } from '../../../src/main/evaluate/sentiment-model'
import { SENTIMENT_WEIGHTS } from '../../../src/main/evaluate/sentiment-weights'
import { EXTERNAL_MISSING, fiveLevels, loadExternal, scoreMeasures } from '../../support/scorer-external'

const rows = loadExternal()
if (!rows) console.warn(`skipping external-dev tests: ${EXTERNAL_MISSING}`)

describe.skipIf(!rows)('external development set', () => {
  const model = SentimentModel.decode(SENTIMENT_WEIGHTS)
  const blind = (rows ?? []).filter((r) => r.part === 'blind')

  it('keeps whole towns on one side of the split', () => {
    const tuningTowns = new Set((rows ?? []).filter((r) => r.part === 'tuning').map((r) => r.group))
    expect(blind.length).toBeGreaterThan(1000)
    for (const row of blind) expect(tuningTowns.has(row.group)).toBe(false)
  })

  it('the learned model lifts polarity and ±1 on the blind part over the rules alone', () => {
    const reviews = fiveLevels(blind)
    const gold = reviews.map((r) => r.score)
    const rules = scoreMeasures(gold, reviews.map((r) => scoreMessage({ text: r.text }, { sentiment: null }).score))
    const blended = scoreMeasures(gold, reviews.map((r) => scoreMessage({ text: r.text }, { sentiment: model }).score))
    expect(blended.polarityMacroF1).toBeGreaterThan(rules.polarityMacroF1 + 0.05)
    expect(blended.withinOne).toBeGreaterThan(rules.withinOne + 0.05)
  })

  it('lifts polarity on press opinions too: short general text, labelled on three levels only', () => {
    const press = blind.filter((r) => r.levels === 3)
    if (press.length === 0) return console.warn('no three-level source in the development set (rebuild it with the press snapshot)')
    for (const row of press) expect([2, 3, 4]).toContain(row.score)
    const gold = press.map((r) => r.score)
    const rules = scoreMeasures(gold, press.map((r) => scoreMessage({ text: r.text }, { sentiment: null }).score))
    const blended = scoreMeasures(gold, press.map((r) => scoreMessage({ text: r.text }, { sentiment: model }).score))
    expect(blended.polarityMacroF1).toBeGreaterThan(rules.polarityMacroF1 + 0.1)
  })
})

// The external development set (public reviews none of us wrote). It is rebuilt, not
// committed: without it these tests skip and say how to build it.
import { describe, expect, it } from 'vitest'
import { scoreMessage } from '../../../src/main/evaluate/message-scorer'
import { SentimentModel } from '../../../src/main/evaluate/sentiment-model'
import { SENTIMENT_WEIGHTS } from '../../../src/main/evaluate/sentiment-weights'
import { EXTERNAL_MISSING, loadExternal, scoreMeasures } from '../../support/scorer-external'

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
    const gold = blind.map((r) => r.score)
    const rules = scoreMeasures(gold, blind.map((r) => scoreMessage({ text: r.text }, { sentiment: null }).score))
    const blended = scoreMeasures(gold, blind.map((r) => scoreMessage({ text: r.text }, { sentiment: model }).score))
    expect(blended.polarityMacroF1).toBeGreaterThan(rules.polarityMacroF1 + 0.05)
    expect(blended.withinOne).toBeGreaterThan(rules.withinOne + 0.05)
  })
})

import { describe, expect, it } from 'vitest'
import type { DatasetExample } from '../../../src/main/curate/types'
import { judge, type SideResult } from '../../../src/main/training/validation-gate'

/*
 * Issue 15: the report said "se parecen menos… (chrF 22,5 → 22,5)". The gate's reasons are
 * the technical details behind the report, and they must agree with the numbers they show.
 */

const example = (q: string, a: string): DatasetExample =>
  ({ messages: [{ role: 'user', content: q }, { role: 'assistant', content: a }] }) as unknown as DatasetExample

const DATA = [
  example('¿Cuánto cuestan los audífonos?', 'Los audífonos cuestan $45.000 y te llegan mañana.'),
  example('¿Tienen cargadores tipo C?', 'Sí, tenemos cargadores tipo C de 20 W a $25.000.'),
]

const side = (model: string, perplexity: SideResult['perplexity'], answers: string[] | null): SideResult => ({ model, perplexity, answers })

/** The "a → b" numbers a reason shows. */
function arrowPair(reason: string): [string, string] {
  const match = /([\d.,]+) → ([\d.,]+)/.exec(reason)
  if (!match) throw new Error(`no "a → b" in: ${reason}`)
  return [match[1]!, match[2]!]
}

describe('the gate’s reasons agree with their numbers', () => {
  it('shows two close perplexities with the decimals that tell them apart', () => {
    // 22,49 and 22,46 both round to "22,5" at one decimal: the reason said "no mejora (22,5 → 22,5)".
    const report = judge(
      { measured: DATA, generated: [] },
      side('live', { nll: Math.log(22.49), tokens: 100 }, null),
      side('candidate', { nll: Math.log(22.46), tokens: 100 }, null),
      true,
    )
    expect(report.better).toBe(false)
    const reason = report.reasons.find((r) => r.includes('perplejidad'))!
    const [before, after] = arrowPair(reason)
    expect(before).not.toBe(after)
    expect([before, after]).toEqual(['22,49', '22,46'])
  })

  it('never says "más" or "menos" when both sides answered the same', () => {
    const answers = ['Los audífonos cuestan $45.000.', 'Sí, tenemos cargadores.']
    const report = judge({ measured: DATA, generated: DATA }, side('live', null, answers), side('candidate', null, answers), true)
    const reason = report.reasons.find((r) => r.includes('chrF'))!
    const [before, after] = arrowPair(reason)
    expect(before).toBe(after)
    expect(reason).not.toMatch(/se parecen (más|menos)/)
    expect(reason).toContain('se parecen igual')
    // Equal is not better when it is the only measure: the live model stays.
    expect(report.better).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { pngFileName } from '../../src/renderer/src/screens/stats/chart-png'
import { addDays, categoryRows, continuousDays, deltas, distributionRows, growthWithMarkers, modelLabel, tickLineChars, toStatsInput, wrapLabel } from '../../src/renderer/src/screens/stats/stats-model'
import type { StatsModelPoint } from '../../src/shared/types'

const model = (over: Partial<StatsModelPoint>): StatsModelPoint => ({
  model: 'm',
  version: null,
  source: null,
  createdAt: null,
  deployedAt: null,
  live: false,
  firstDay: '2026-12-01',
  lastDay: '2026-12-01',
  exchanges: 1,
  meanScore: null,
  successRate: null,
  ...over,
})

describe('the dashboard’s chart data', () => {
  it('stacks each category by score, unscored apart, busiest category first', () => {
    expect(
      categoryRows([
        { category: 'general', qualityScore: null, count: 2 },
        { category: 'general', qualityScore: 5, count: 1 },
        { category: 'consulta_precio', qualityScore: 1, count: 4 },
        { category: 'consulta_precio', qualityScore: 4, count: 3 },
      ]),
    ).toEqual([
      { category: 'consulta_precio', total: 7, s0: 0, s1: 4, s2: 0, s3: 0, s4: 3, s5: 0 },
      { category: 'general', total: 3, s0: 2, s1: 0, s2: 0, s3: 0, s4: 0, s5: 1 },
    ])
  })

  it('turns the score distribution into one bar per scorer', () => {
    const rows = distributionRows([1, 2, 3, 4, 5].map((score) => ({ score, auto: score * 10, owner: score === 2 ? 7 : 0 })))
    expect(rows).toEqual([
      { source: 'auto', total: 150, s1: 10, s2: 20, s3: 30, s4: 40, s5: 50 },
      { source: 'owner', total: 7, s1: 0, s2: 7, s3: 0, s4: 0, s5: 0 },
    ])
  })

  it('puts every calendar day on the axis, quiet days as gaps, across month ends and DST changes', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30') // Europe's DST change is on the 29th
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    const days = continuousDays([
      { day: '2026-11-29', exchanges: 4, meanScore: 3.5, successRate: 0.25, highQuality: 2, backlog: 1 },
      { day: '2026-12-02', exchanges: 1, meanScore: 5, successRate: null, highQuality: 1, backlog: 0 },
    ])
    expect(days.map((d) => d.day)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'])
    expect(days[0]).toMatchObject({ meanScore: 3.5, successPct: 25 })
    expect(days[1]).toMatchObject({ exchanges: 0, meanScore: null, successPct: null })
    expect(days[3]).toMatchObject({ meanScore: 5, successPct: null })
    expect(continuousDays([])).toEqual([])
  })

  it('compares each version with the one before it, and names versions by number', () => {
    const versions = [model({ version: 0, meanScore: 3.1, successRate: 0.2 }), model({ version: 1, meanScore: 3.5, successRate: 0.18 }), model({ version: 2, meanScore: null })]
    expect(deltas(versions)).toEqual([
      { meanScore: null, successRate: null },
      { meanScore: 0.4, successRate: -0.02 },
      { meanScore: null, successRate: null },
    ])
    const versionLabel = (version: number): string => `Versión ${version}`
    const modelName = (name: string): string => `«${name}»`
    expect(modelLabel(versions[1]!, '?', versionLabel, modelName)).toBe('Versión 1')
    expect(modelLabel(model({ model: 'qwen2.5:7b' }), '?', versionLabel, modelName)).toBe('«qwen2.5:7b»')
    expect(modelLabel(model({ model: '' }), 'desconocido', versionLabel, modelName)).toBe('desconocido')
  })

  it('asks the core for whole local days and leaves out filters that are not set', () => {
    const now = new Date(2026, 11, 2, 15, 30)
    expect(toStatsInput({ period: '7d', fromDay: '', toDay: '', category: '', model: '', includeDemo: false }, now)).toEqual({
      includeDemo: false,
      from: new Date(2026, 10, 26).getTime(),
    })
    expect(toStatsInput({ period: 'custom', fromDay: '2026-11-01', toDay: '2026-11-30', category: 'general', model: 'v1', includeDemo: true }, now)).toEqual({
      includeDemo: true,
      category: 'general',
      model: 'v1',
      from: new Date(2026, 10, 1).getTime(),
      to: new Date(2026, 11, 1).getTime() - 1,
    })
  })

  it('names the saved PNG after the chart, without accents or spaces', () => {
    expect(pngFileName('Nota media y tasa de éxito por día', new Date(2026, 11, 2))).toBe('estadisticas-nota-media-y-tasa-de-exito-por-dia-2026-12-02.png')
    expect(pngFileName('¿¿??', new Date(2026, 0, 5))).toBe('estadisticas-grafico-2026-01-05.png')
  })

  it('wraps a long version label into short lines instead of one line that overlaps its neighbour', () => {
    expect(wrapLabel('v2 (en uso)', 14, 3)).toEqual(['v2 (en uso)'])
    expect(wrapLabel('Versión 1 (entrenada el 3 de dic.)', 14, 3)).toEqual(['Versión 1 ', '(entrenada el ', '3 de dic.)'])
    expect(wrapLabel('Versión 1 (entrenada el 3 de dic.) (en uso)', 14, 3)).toEqual(['Versión 1 ', '(entrenada el ', '3 de dic.) (e…'])
    // A name without spaces is cut, and its pieces join back without a space.
    const cut = wrapLabel('autodidacta-tecnovariedades-d-s:v1', 14, 3)
    expect(cut).toEqual(['autodidacta-te', 'cnovariedades-', 'd-s:v1'])
    expect(wrapLabel('llama3.1:8b (en uso)', 14, 3).join('')).toBe('llama3.1:8b (en uso)')
    expect(wrapLabel('autodidacta-tienda:v1', 14, 3).join('')).toBe('autodidacta-tienda:v1')
    for (const line of wrapLabel('qwen2.5:3b-instruct-q4_K_M (en uso)', 14, 3)) expect(line.trimEnd().length).toBeLessThanOrEqual(14)
  })

  it('gives every lote in the period a place on the growth curve, even on a day nothing was added', () => {
    const points = [
      { day: '2026-12-03', added: 5, cumulative: 40 },
      { day: '2026-12-05', added: 2, cumulative: 42 },
    ]
    const lote = (id: string, day: string) => ({ id, name: `lote-${id}`, day, trainCount: 9, validationCount: 1 })
    // One prepared right after midnight (no exchange yet that day), one on a quiet day between, one before the period.
    const { points: drawn, markers } = growthWithMarkers(points, [lote('a', '2026-11-20'), lote('b', '2026-12-04'), lote('c', '2026-12-06')], 6)
    expect(markers.map((m) => m.id)).toEqual(['b', 'c'])
    expect(drawn).toEqual([
      { day: '2026-12-03', added: 5, cumulative: 40 },
      { day: '2026-12-04', added: 0, cumulative: 40 },
      { day: '2026-12-05', added: 2, cumulative: 42 },
      { day: '2026-12-06', added: 0, cumulative: 42 },
    ])
    expect(growthWithMarkers(points, [lote('a', '2026-12-05')], 6).points).toEqual(points)
    expect(growthWithMarkers([], [lote('a', '2026-12-05')], 6)).toEqual({ points: [], markers: [] })
    // Only the latest few are drawn.
    expect(growthWithMarkers(points, [lote('b', '2026-12-04'), lote('c', '2026-12-05')], 1).markers.map((m) => m.id)).toEqual(['c'])
  })

  it('wraps axis labels to the width their bar group has: sooner on a phone than on a desktop', () => {
    // Four versions on a 390 px phone share about 240 px; on a desktop about 480.
    expect(tickLineChars(240, 4)).toBe(9)
    expect(tickLineChars(480, 4)).toBe(14)
    expect(tickLineChars(60, 4)).toBe(6)
    expect(tickLineChars(Number.NaN, 4)).toBe(14)
    for (const line of wrapLabel('autodidacta-tienda:v1', tickLineChars(240, 4), 3)) expect(line.length).toBeLessThanOrEqual(9)
  })
})

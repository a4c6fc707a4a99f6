import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { es } from '../../src/renderer/src/i18n/es'
import { I18nProvider, type Translate } from '../../src/renderer/src/i18n/i18n'
import { formatters } from '../../src/renderer/src/number-format'
import { CloudShareChart, summary } from '../../src/renderer/src/screens/stats/CloudShareChart'
import { formatUsd, parsePrice } from '../../src/shared/usd'
import type { StatsCloudWeek, StatsDto } from '../../src/shared/types'

/* "Menos nube" in words: the sentence the owner reads under the chart, in the shop's locale. */

const t: Translate = (key, vars) => {
  const template: string = es[key]
  return vars ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : template
}
const fmt = formatters('es-CO', t)
const plain = (text: string) => text.replace(/\u00a0/g, ' ')

const week = (over: Partial<StatsCloudWeek>): StatsCloudWeek => ({
  week: '2026-11-02',
  localAnswers: 0,
  cloudAnswers: 0,
  cloudShare: null,
  cloudCalls: 0,
  failedCalls: 0,
  promptTokens: 0,
  completionTokens: 0,
  estimated: false,
  costUsd: null,
  versions: [],
  ...over,
})

const NOW = new Date(2026, 11, 5, 10) // Saturday 5 Dec 2026: its week starts on Monday 30 Nov.

describe('the key sentence of "Menos nube"', () => {
  it('says this week\'s share and cost, the trend since the first week and the versions that went live', () => {
    const weeks = [
      week({ week: '2026-11-02', localAnswers: 60, cloudAnswers: 40, cloudShare: 0.4, costUsd: 3.1 }),
      week({ week: '2026-11-09', versions: [{ name: 'autodidacta-tienda:v1', version: 1, deployedAt: new Date(2026, 10, 11).getTime() }] }),
      week({ week: '2026-11-30', localAnswers: 92, cloudAnswers: 8, cloudShare: 0.08, costUsd: 1200 }),
    ]
    expect(plain(summary(t, fmt, weeks, true, NOW))).toBe(
      'Esta semana el 92 % de las respuestas las escribió tu modelo local; la nube costó US$ 1.200,00. ' +
        'La nube escribe menos que antes: en la semana del 2 de nov escribía el 40 %. ' +
        'Versiones puestas en uso: v1 (9 de nov).',
    )
  })

  it('without prices: the tokens, and where to set the price; a past week is named by its date', () => {
    const weeks = [week({ week: '2026-11-23', localAnswers: 3, cloudAnswers: 1, cloudShare: 0.25, promptTokens: 12_000, completionTokens: 345, estimated: true })]
    expect(plain(summary(t, fmt, weeks, false, NOW))).toBe(
      'La semana del 23 de nov el 75 % de las respuestas las escribió tu modelo local; la nube usó 12.345 tokens. ' +
        'Pon el precio en Ajustes → Nube para ver el costo. Algunos tokens son estimados: el servicio no dijo cuántos usó.',
    )
  })

  it('warns when the cloud writes more than before', () => {
    const weeks = [week({ week: '2026-11-23', cloudShare: 0.1, localAnswers: 9, cloudAnswers: 1 }), week({ week: '2026-11-30', cloudShare: 0.5, localAnswers: 5, cloudAnswers: 5, costUsd: 0.0042 })]
    expect(plain(summary(t, fmt, weeks, true, NOW))).toContain('la nube costó US$ 0,0042. La nube escribe más que antes: en la semana del 23 de nov escribía el 10 %. ¿Está encendido tu modelo local?')
  })

  it('shows the empty sentence when no answer and no call is in the period', () => {
    const stats = { cloudUsage: { weeks: [week({})], priced: false } } as unknown as StatsDto
    const html = renderToStaticMarkup(createElement(I18nProvider, { locale: 'es', numberLocale: 'es-CO', children: createElement(CloudShareChart, { stats }) }))
    expect(html).toContain('data-empty="true"')
    expect(html).toContain('Aún no hay respuestas del bot en este periodo.')
  })
})

describe('cloud prices as the owner types them', () => {
  it('reads a decimal comma or point, a dollar sign, blank as no price, and nothing else', () => {
    expect(parsePrice('0,59')).toBe(0.59)
    expect(parsePrice(' 0.79 ')).toBe(0.79)
    expect(parsePrice('US$ 2,5')).toBe(2.5)
    expect(parsePrice('')).toBeNull()
    expect(parsePrice('cero coma ocho')).toBeUndefined()
    expect(parsePrice('-1')).toBeUndefined()
  })

  it('writes fractions of a cent with the digits they need', () => {
    expect(plain(formatUsd('es-CO', 0.00059))).toBe('US$ 0,00059')
    expect(plain(formatUsd('es-CO', 1200))).toBe('US$ 1.200,00')
    expect(plain(formatUsd('es-CO', 0))).toBe('US$ 0,00')
  })
})

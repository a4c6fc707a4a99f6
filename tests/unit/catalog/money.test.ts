import { describe, expect, it } from 'vitest'
import { formatCop, parseMoneyField, parseNumeral } from '../../../src/shared/money'

describe('parseNumeral', () => {
  it.each([
    ['89000', 89000],
    ['89.000', 89000],
    ['89,000', 89000],
    ['1.200.000', 1200000],
    ['1,200,000', 1200000],
    ["1'200.000", 1200000],
    ['1’200.000', 1200000],
    ['89.000,50', 89000.5],
    ['89,000.50', 89000.5],
    ['1.200.000,00', 1200000],
    ['89.5', 89.5],
    ['25,99', 25.99],
    ['89000.5', 89000.5],
    // the ambiguous shape: one mark followed by three digits groups thousands
    ['1.200', 1200],
    ['1,200', 1200],
    // shapes that cannot be grouping are decimals
    ['0.500', 0.5],
    ['1234.567', 1234.567],
  ])('%s → %d', (numeral, value) => {
    expect(parseNumeral(numeral)).toBe(value)
  })

  it.each(['1.2.3', '15.03.2026', '89.000,45.000', '1.20.000', '1,000.000,5', '1.000,5,5', '', '.5', '89.'])('rejects %j', (numeral) => {
    expect(parseNumeral(numeral)).toBeNull()
  })
})

describe('parseMoneyField', () => {
  it.each([
    ['89000', 89000],
    ['89.000', 89000],
    ['$89.000', 89000],
    ['$ 89.000 COP', 89000],
    ['89,000', 89000],
    ['89.000,50', 89000.5],
    ['89,000.50', 89000.5],
    ['1.200.000', 1200000],
    ["1'200.000", 1200000],
    ['89000.5', 89000.5],
    ['89 mil', 89000],
    ['89mil', 89000],
    ['89k', 89000],
    ['1,2 millones', 1200000],
    ['1.5 millones', 1500000],
    ['1 millón 200 mil', 1200000],
    ['un millón', 1000000],
    ['medio millón', 500000],
    ['89 000', 89000],
    ['  $\u00a089.000  ', 89000],
    ['1.200', 1200],
    ['gratis', 0],
  ])('%j → %d', (raw, value) => {
    expect(parseMoneyField(raw)).toMatchObject({ ok: true, value })
  })

  it('reads the currency the field itself names', () => {
    expect(parseMoneyField('$ 89.000 COP')).toEqual({ ok: true, value: 89000, currency: 'COP' })
    expect(parseMoneyField('89.000 pesos')).toEqual({ ok: true, value: 89000, currency: 'COP' })
    expect(parseMoneyField('US$ 25,99')).toEqual({ ok: true, value: 25.99, currency: 'USD' })
    expect(parseMoneyField('USD 25')).toEqual({ ok: true, value: 25, currency: 'USD' })
    expect(parseMoneyField('2,5 millones de pesos')).toEqual({ ok: true, value: 2500000, currency: 'COP' })
    // "$" alone is pesos in Colombia and dollars elsewhere: it names nothing
    expect(parseMoneyField('$89.000')).toEqual({ ok: true, value: 89000, currency: null })
  })

  it.each(['', '   ', 'a convenir', 'A convenir.', 'Consultar', 'por consultar', 'Precio a convenir', '-', 'N/A'])('%j is "no price"', (raw) => {
    expect(parseMoneyField(raw)).toEqual({ ok: true, value: null, currency: null })
  })

  it('accepts numbers as they come from JSON', () => {
    expect(parseMoneyField(89000)).toEqual({ ok: true, value: 89000, currency: null })
    expect(parseMoneyField(25.99)).toMatchObject({ ok: true, value: 25.99 })
    expect(parseMoneyField(Number.NaN)).toMatchObject({ ok: false })
    expect(parseMoneyField(Number.POSITIVE_INFINITY)).toMatchObject({ ok: false })
  })

  it('keeps the sign so validation can say the price is negative', () => {
    expect(parseMoneyField('-89.000')).toMatchObject({ ok: true, value: -89000 })
    expect(parseMoneyField('-$89.000')).toMatchObject({ ok: true, value: -89000 })
  })

  it('rejects what is not a price, quoting it in Spanish', () => {
    const result = parseMoneyField('abc')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/^«abc» no es un precio/)
    for (const raw of ['$', '1.2.3', '89.000 500', '200 mil 1 millón', 'ochenta', '89 W', 'USD 25 COP', '15.03.2026']) {
      expect(parseMoneyField(raw), raw).toMatchObject({ ok: false })
    }
  })
})

describe('formatCop', () => {
  it('writes pesos as the shop does: "$", dots, no cents', () => {
    expect(formatCop(89000)).toBe('$89.000')
    expect(formatCop(1200000)).toBe('$1.200.000')
    expect(formatCop(1200)).toBe('$1.200')
    expect(formatCop(999)).toBe('$999')
    expect(formatCop(0)).toBe('$0')
    expect(formatCop(89000.4)).toBe('$89.000')
    expect(formatCop(-5000)).toBe('-$5.000')
    expect(formatCop(45000, 'cop')).toBe('$45.000')
  })

  it('writes other currencies with Intl es-CO symbols and their decimals', () => {
    expect(formatCop(25.99, 'USD')).toBe('US$25,99')
    expect(formatCop(25, 'USD')).toBe('US$25,00')
    expect(formatCop(1200.5, 'USD')).toBe('US$1.200,50')
    expect(formatCop(25.99, 'EUR')).toBe('EUR 25,99')
    expect(formatCop(5, 'XYZ')).toBe('XYZ 5,00')
  })
})

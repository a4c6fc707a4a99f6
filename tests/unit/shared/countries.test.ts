import { describe, expect, it } from 'vitest'
import { COUNTRIES, countryByCode, isCountryLocale, isKnownCurrency, isValidTimeZone } from '../../../src/shared/countries'

const SPANISH_SPEAKING_AMERICAS = ['AR', 'BO', 'CL', 'CO', 'CR', 'CU', 'DO', 'EC', 'SV', 'GT', 'HN', 'MX', 'NI', 'PA', 'PY', 'PE', 'PR', 'UY', 'VE']

describe('the countries a shop picks from', () => {
  it('lists every Spanish-speaking country of the Americas, Spain, the United States and Brazil, once each', () => {
    const codes = COUNTRIES.map((c) => c.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect([...codes].sort()).toEqual([...SPANISH_SPEAKING_AMERICAS, 'ES', 'US', 'BR'].sort())
  })

  it.each(COUNTRIES.map((c) => [c.code, c] as const))('%s: a currency Intl knows and formats, in a locale Intl formats with', (_code, country) => {
    expect(Intl.supportedValuesOf('currency')).toContain(country.currency)
    expect(isKnownCurrency(country.currency)).toBe(true)
    // The locale is one Intl supports as it is, not a fallback to another language.
    expect(Intl.NumberFormat.supportedLocalesOf([country.locale])).toEqual([country.locale])
    const price = new Intl.NumberFormat(country.locale, { style: 'currency', currency: country.currency }).format(1234)
    expect(price).toMatch(/1.?234/)
    expect(new Intl.DateTimeFormat(country.locale, { dateStyle: 'long' }).format(new Date(Date.UTC(2025, 4, 12, 12)))).toMatch(/12/)
    expect(country.locale.slice(0, 2)).toBe(country.code === 'BR' ? 'pt' : 'es')
    expect(country.callingCode).toMatch(/^[1-9]\d{0,2}$/)
  })

  it.each(COUNTRIES.map((c) => [c.code, c] as const))('%s: at least one time zone, every one valid for Intl', (_code, country) => {
    expect(country.timeZones.length).toBeGreaterThan(0)
    expect(new Set(country.timeZones).size).toBe(country.timeZones.length)
    for (const zone of country.timeZones) {
      expect(() => new Intl.DateTimeFormat('es', { timeZone: zone })).not.toThrow()
      expect(isValidTimeZone(zone)).toBe(true)
    }
  })

  it('gives the countries with several time zones their most populous one first', () => {
    expect(countryByCode('MX')?.timeZones[0]).toBe('America/Mexico_City')
    expect(countryByCode('US')?.timeZones[0]).toBe('America/New_York')
    expect(countryByCode('BR')?.timeZones[0]).toBe('America/Sao_Paulo')
    expect(countryByCode('ES')?.timeZones[0]).toBe('Europe/Madrid')
    expect(countryByCode('CL')?.timeZones[0]).toBe('America/Santiago')
    expect(countryByCode('EC')?.timeZones).toEqual(['America/Guayaquil', 'Pacific/Galapagos'])
  })

  it('looks countries, locales, currencies and zones up, and refuses what is not there', () => {
    expect(countryByCode('co')).toMatchObject({ name: 'Colombia', currency: 'COP', locale: 'es-CO', callingCode: '57' })
    expect(countryByCode('ZZ')).toBeNull()
    expect(countryByCode(null)).toBeNull()
    expect(isCountryLocale('es-MX')).toBe(true)
    expect(isCountryLocale('fr-FR')).toBe(false)
    expect(isKnownCurrency('EUR')).toBe(true)
    expect(isKnownCurrency('XYZ')).toBe(false)
    expect(isKnownCurrency('cop')).toBe(false)
    expect(isValidTimeZone('America/Atlantida')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
})

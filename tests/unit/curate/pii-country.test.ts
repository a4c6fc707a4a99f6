import { describe, expect, it } from 'vitest'
import { curate } from '../../../src/main/curate/curator'
import { scrubPersonalData } from '../../../src/main/curate/pii-scrubber'
import { COUNTRIES } from '../../../src/shared/countries'
import { phonePlanOf } from '../../../src/main/curate/pii/phone-plans'

describe('scrubPersonalData with the shop country', () => {
  // National formats the all-markets rule cannot take for everyone: each is read once the shop is there.
  it.each([
    ['BR', 'me escribes al 11 91234-5678', 'me escribes al [TELEFONO]'],
    ['BR', 'meu número é 11912345678 ok', 'meu número é [TELEFONO] ok'],
    ['BR', '(21) 98765-4321', '[TELEFONO]'],
    ['BR', '5511912345678', '[TELEFONO]'],
    ['PE', 'en Lima al 01 4567890', 'en Lima al [TELEFONO]'],
    ['PE', '014567890', '[TELEFONO]'],
    ['AR', 'pasame al 11 15 4123 4567', 'pasame al [TELEFONO]'],
  ])('%s: «%s» is scrubbed whole', (country, text, expected) => {
    const without = scrubPersonalData(text).text
    const withCountry = scrubPersonalData(text, { country })
    expect(withCountry.text).toBe(expected)
    expect(withCountry.counts.phone).toBe(1)
    // Without the country the number is missed or only half of it goes: the country is what reads it.
    expect(without).not.toBe(expected)
  })

  it('keeps the international numbers of every country, and every market, with a shop country', () => {
    for (const text of ['+57 300 123 4567', '+52 1 55 1234 5678', '0034 612 345 678', '+1 (555) 123-4567', 'mi número es 300 123 4567']) {
      expect(scrubPersonalData(text, { country: 'BR' }).counts.phone).toBe(1)
    }
  })

  it('keeps prices, order numbers and sizes as they are', () => {
    for (const country of ['BR', 'PE', 'ES', 'MX']) {
      for (const text of ['son 3 cursos de 1.200.000', 'pedido 12345678901', 'precio $89.000', 'tallas 36 37 38 39', 'guía 7700123456789']) {
        expect(scrubPersonalData(text, { country }).text).toBe(text)
      }
    }
  })

  it('has a phone plan for every listed country, and reads every market without one', () => {
    for (const country of COUNTRIES) expect(phonePlanOf(country.code)?.callingCode).toBe(country.callingCode)
    expect(phonePlanOf(null)).toBeNull()
    expect(phonePlanOf('ZZ')).toBeNull()
    expect(scrubPersonalData('escríbeme al 3001234567', { country: null }).text).toBe('escríbeme al [TELEFONO]')
  })

  it('curation scrubs training lines with the shop country it is given', () => {
    const candidate = {
      id: 'x1',
      userMessage: 'Oi, me liga no 11 91234-5678',
      response: 'Claro, te llamamos.',
      context: [],
      category: 'general',
      productName: null,
      qualityScore: 5,
      reviewStatus: 'approved' as const,
      createdAt: 1,
    }
    const line = (country: string | null) => {
      const result = curate([candidate], { systemPrompt: 'Eres un asistente', validationRatio: 0, country })
      return [...result.train, ...result.validation][0]!.messages.find((m) => m.role === 'user')!.content
    }
    expect(line('BR')).toBe('Oi, me liga no [TELEFONO]')
    expect(line(null)).not.toBe('Oi, me liga no [TELEFONO]')
  })
})

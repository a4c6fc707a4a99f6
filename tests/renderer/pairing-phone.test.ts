import { describe, expect, it } from 'vitest'
import { draftToPhone } from '../../src/renderer/src/screens/pairing/phone'

describe('Vincular WhatsApp: the country code box and the number', () => {
  it('the form puts the country code box in front, unless the number brings its own', () => {
    expect(draftToPhone({ prefix: '+57', number: '300 123 4567' }, 'CO')).toEqual({ ok: true, phone: '+573001234567' })
    expect(draftToPhone({ prefix: '57', number: '(300) 123-4567' }, 'CO')).toEqual({ ok: true, phone: '+573001234567' })
    expect(draftToPhone({ prefix: '+57', number: '+52 55 1234 5678' }, 'CO')).toEqual({ ok: true, phone: '+525512345678' })
    expect(draftToPhone({ prefix: '', number: '300 123 4567' }, 'CO')).toMatchObject({ ok: false, reason: 'country_code' })
    expect(draftToPhone({ prefix: '+', number: '300 123 4567' }, 'CO')).toMatchObject({ ok: false, reason: 'country_code' })
  })
})

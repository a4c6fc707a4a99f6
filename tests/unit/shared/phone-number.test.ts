import { describe, expect, it } from 'vitest'
import { checkLinkPhone } from '../../../src/shared/phone-number'

describe('the number to link WhatsApp by code', () => {
  it('takes a number with + as written, separators and all', () => {
    expect(checkLinkPhone('+57 300 123-4567', 'CO')).toEqual({ ok: true, phone: '+573001234567' })
    expect(checkLinkPhone('0052 55 1234 5678', 'CO')).toEqual({ ok: true, phone: '+525512345678' })
    expect(checkLinkPhone('+34 612 345 678', null)).toEqual({ ok: true, phone: '+34612345678' })
  })

  it('takes one without + when it starts with the shop’s country code', () => {
    expect(checkLinkPhone('573001234567', 'CO')).toEqual({ ok: true, phone: '+573001234567' })
  })

  it('refuses a national number, naming the shop’s country code and how to write it', () => {
    const colombia = checkLinkPhone('300 123 4567', 'CO')
    expect(colombia).toMatchObject({ ok: false, reason: 'country_code' })
    expect(colombia.ok || colombia.message).toBe('Al número le falta el código de país. En Colombia es +57: escríbelo así, +57 3001234567.')
    // Mexico's code is 52; a national number starting with 55 is not one.
    expect(checkLinkPhone('5512345678', 'MX')).toMatchObject({ ok: false, reason: 'country_code' })
    expect(checkLinkPhone('3001234567', null)).toMatchObject({ ok: false, reason: 'country_code' })
  })

  it('refuses what is not a phone number', () => {
    expect(checkLinkPhone('300 12', 'CO')).toMatchObject({ ok: false, reason: 'format' })
    expect(checkLinkPhone('+57 300 abc 4567', 'CO')).toMatchObject({ ok: false, reason: 'format' })
    expect(checkLinkPhone('+1234567890123456', 'CO')).toMatchObject({ ok: false, reason: 'format' })
  })
})

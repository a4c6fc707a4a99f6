import { describe, expect, it } from 'vitest'
import {
  closedSpellStart,
  defaultBusinessHours,
  describeNextOpening,
  isOpen,
  nextOpening,
  renderAfterHoursMessage,
  validateBusinessHours,
} from '../../../src/main/guardrails/business-hours'
import type { BusinessHours } from '../../../src/shared/types'

const at = (iso: string) => new Date(iso)

/** Bogotá is UTC−5 all year: 8:00 local is 13:00Z. */
const bogota: BusinessHours = { ...defaultBusinessHours(), enabled: true }

/** Madrid, every day 8:00–18:00, plus a Sunday night range that spans the clock change. */
const madrid: BusinessHours = {
  ...defaultBusinessHours(),
  enabled: true,
  timezone: 'Europe/Madrid',
  week: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '08:00', close: '18:00' })),
}

describe('defaultBusinessHours', () => {
  it('is Mon–Fri 8–18 and Sat 9–13 in Bogotá, off, answering after the message', () => {
    const h = defaultBusinessHours()
    expect(h.enabled).toBe(false)
    expect(h.timezone).toBe('America/Bogota')
    expect(h.mode).toBe('message_and_answer')
    expect(h.message).toContain('{apertura}')
    expect(h.week).toEqual([
      { day: 1, open: '08:00', close: '18:00' },
      { day: 2, open: '08:00', close: '18:00' },
      { day: 3, open: '08:00', close: '18:00' },
      { day: 4, open: '08:00', close: '18:00' },
      { day: 5, open: '08:00', close: '18:00' },
      { day: 6, open: '09:00', close: '13:00' },
    ])
    expect(validateBusinessHours(h)).toEqual([])
  })

  it('returns a fresh object each time', () => {
    const a = defaultBusinessHours()
    a.week.push({ day: 0, open: '10:00', close: '12:00' })
    expect(defaultBusinessHours().week).toHaveLength(6)
  })
})

describe('validateBusinessHours', () => {
  const withWeek = (week: BusinessHours['week']): BusinessHours => ({ ...bogota, week })

  it('rejects an overnight range and says how to split it', () => {
    const problems = validateBusinessHours(withWeek([{ day: 5, open: '22:00', close: '02:00' }]))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^Viernes: el cierre \(02:00\) debe ser después de la apertura \(22:00\)/)
    expect(problems[0]).toContain('medianoche')
  })

  it('rejects a close equal to the open', () => {
    expect(validateBusinessHours(withWeek([{ day: 1, open: '09:00', close: '09:00' }]))).toHaveLength(1)
  })

  it('rejects malformed times', () => {
    for (const bad of ['8', '8:0', '25:00', '08:60', '8h', '', '24:00']) {
      expect(validateBusinessHours(withWeek([{ day: 1, open: bad, close: '23:00' }])), bad).toHaveLength(1)
    }
    expect(validateBusinessHours(withWeek([{ day: 1, open: '08:00', close: '18:5' }]))[0]).toContain('hora de cierre "18:5" no es válida')
  })

  it('accepts H:MM and a close at 24:00', () => {
    expect(validateBusinessHours(withWeek([{ day: 1, open: '8:00', close: '24:00' }]))).toEqual([])
  })

  it('rejects an unknown time zone, checked with Intl', () => {
    expect(validateBusinessHours({ ...bogota, timezone: 'America/Medellin' })).toEqual([
      'La zona horaria "America/Medellin" no existe. Usa un nombre como America/Bogota.',
    ])
    expect(validateBusinessHours({ ...bogota, timezone: '' })).toHaveLength(1)
  })

  it('rejects a day outside 0–6 and overlapping ranges', () => {
    expect(validateBusinessHours(withWeek([{ day: 7, open: '08:00', close: '09:00' }]))[0]).toContain('El día 7 no es válido')
    expect(
      validateBusinessHours(withWeek([{ day: 3, open: '08:00', close: '12:00' }, { day: 3, open: '11:00', close: '14:00' }]))[0],
    ).toBe('Miércoles: las franjas 08:00–12:00 y 11:00–14:00 se cruzan.')
  })

  it('rejects an empty message on an enabled schedule', () => {
    expect(validateBusinessHours({ ...bogota, message: '  ' })).toEqual(['El mensaje para fuera de horario está vacío.'])
  })
})

describe('isOpen in Bogotá (no DST)', () => {
  it('opens at exactly the opening minute', () => {
    expect(isOpen(bogota, at('2024-06-10T12:59:59Z'))).toBe(false) // Mon 7:59:59
    expect(isOpen(bogota, at('2024-06-10T13:00:00Z'))).toBe(true) // Mon 8:00
  })

  it('is closed at exactly the closing time', () => {
    expect(isOpen(bogota, at('2024-06-07T22:59:59Z'))).toBe(true) // Fri 17:59:59
    expect(isOpen(bogota, at('2024-06-07T23:00:00Z'))).toBe(false) // Fri 18:00
  })

  it('keeps Saturday short and Sunday closed', () => {
    expect(isOpen(bogota, at('2024-06-08T17:30:00Z'))).toBe(true) // Sat 12:30
    expect(isOpen(bogota, at('2024-06-08T18:00:00Z'))).toBe(false) // Sat 13:00
    expect(isOpen(bogota, at('2024-06-09T17:00:00Z'))).toBe(false) // Sun 12:00
  })

  it('uses the shop zone, not UTC: Mon 02:00Z is still Sunday night in Bogotá', () => {
    expect(isOpen({ ...bogota, week: [{ day: 0, open: '20:00', close: '22:00' }] }, at('2024-06-10T02:00:00Z'))).toBe(true)
  })

  it('is always open when disabled, and always closed with an empty week', () => {
    const off = { ...bogota, enabled: false }
    expect(isOpen(off, at('2024-06-09T17:00:00Z'))).toBe(true)
    expect(closedSpellStart(off, at('2024-06-09T17:00:00Z'))).toBeNull()
    expect(nextOpening(off, at('2024-06-09T17:00:00Z'))).toBeNull()
    const never = { ...bogota, week: [] }
    expect(isOpen(never, at('2024-06-10T15:00:00Z'))).toBe(false)
    expect(nextOpening(never, at('2024-06-10T15:00:00Z'))).toBeNull()
  })

  it('fails open with a time zone that does not exist', () => {
    expect(isOpen({ ...bogota, timezone: 'Mars/Olympus' }, at('2024-06-09T17:00:00Z'))).toBe(true)
  })

  it('treats adjacent ranges as one open spell', () => {
    const split = { ...bogota, week: [{ day: 1, open: '08:00', close: '12:00' }, { day: 1, open: '12:00', close: '18:00' }] }
    expect(isOpen(split, at('2024-06-10T17:00:00Z'))).toBe(true) // Mon 12:00
    expect(closedSpellStart(split, at('2024-06-10T23:30:00Z'))).toEqual(at('2024-06-10T23:00:00Z'))
  })
})

describe('closed spells and next opening across a weekend (Bogotá)', () => {
  const saturdayClose = at('2024-06-08T18:00:00Z') // Sat 13:00

  it('gives the whole weekend one spell start, so the message goes once', () => {
    for (const iso of ['2024-06-08T18:00:00Z', '2024-06-09T03:00:00Z', '2024-06-09T17:00:00Z', '2024-06-10T12:59:00Z']) {
      expect(closedSpellStart(bogota, at(iso)), iso).toEqual(saturdayClose)
    }
  })

  it('starts a new spell after the shop opened in between', () => {
    expect(closedSpellStart(bogota, at('2024-06-08T12:00:00Z'))).toEqual(at('2024-06-07T23:00:00Z')) // Sat 7:00 → since Fri 18:00
    expect(closedSpellStart(bogota, at('2024-06-08T15:00:00Z'))).toBeNull() // open
  })

  it('finds Monday 8:00 from Saturday afternoon and Sunday', () => {
    expect(nextOpening(bogota, at('2024-06-08T19:00:00Z'))).toEqual(at('2024-06-10T13:00:00Z'))
    expect(nextOpening(bogota, at('2024-06-09T17:00:00Z'))).toEqual(at('2024-06-10T13:00:00Z'))
    expect(nextOpening(bogota, at('2024-06-10T15:00:00Z'))).toBeNull() // open now
  })

  it('describes it in Spanish relative to the shop’s day', () => {
    expect(describeNextOpening(bogota, at('2024-06-08T19:00:00Z'))).toBe('el lunes a las 8:00 a. m.') // Sat 14:00
    expect(describeNextOpening(bogota, at('2024-06-09T17:00:00Z'))).toBe('mañana a las 8:00 a. m.') // Sun 12:00
    expect(describeNextOpening(bogota, at('2024-06-10T11:00:00Z'))).toBe('hoy a las 8:00 a. m.') // Mon 6:00
    expect(describeNextOpening(bogota, at('2024-06-08T00:00:00Z'))).toBe('mañana a las 9:00 a. m.') // Fri 19:00
    expect(describeNextOpening(bogota, at('2024-06-08T04:30:00Z'))).toBe('mañana a las 9:00 a. m.') // Fri 23:30, already Sat in UTC
    expect(describeNextOpening(bogota, at('2024-06-08T05:30:00Z'))).toBe('hoy a las 9:00 a. m.') // Sat 0:30
  })

  it('says "a la 1" for one o’clock and adds the date a week ahead', () => {
    const mondays = { ...bogota, week: [{ day: 1, open: '13:30', close: '15:00' }] }
    expect(describeNextOpening(mondays, at('2024-06-10T15:00:00Z'))).toBe('hoy a la 1:30 p. m.') // Mon 10:00
    expect(describeNextOpening(mondays, at('2024-06-10T21:00:00Z'))).toBe('el lunes 17 de junio a la 1:30 p. m.') // Mon 16:00
  })

  it('describes in English on request', () => {
    expect(describeNextOpening(bogota, at('2024-06-08T19:00:00Z'), 'en')).toBe('on Monday at 8:00 AM')
    expect(describeNextOpening(bogota, at('2024-06-09T17:00:00Z'), 'en')).toBe('tomorrow at 8:00 AM')
  })

  it('keeps the empty-week spell start stable', () => {
    const never = { ...bogota, week: [] }
    const a = closedSpellStart(never, at('2024-06-10T15:00:00Z'))
    expect(a).not.toBeNull()
    expect(closedSpellStart(never, at('2024-06-12T15:00:00Z'))).toEqual(a)
  })
})

describe('Madrid around the DST changes (last Sunday of March and October)', () => {
  it('opens at 8:00 on the wall clock on both sides of the spring change', () => {
    // Sat 30 March, CET (UTC+1): 8:00 is 07:00Z.
    expect(isOpen(madrid, at('2024-03-30T06:59:00Z'))).toBe(false)
    expect(isOpen(madrid, at('2024-03-30T07:00:00Z'))).toBe(true)
    // Sun 31 March, CEST (UTC+2) from 01:00Z: 8:00 is 06:00Z, 18:00 is 16:00Z.
    expect(isOpen(madrid, at('2024-03-31T05:59:00Z'))).toBe(false)
    expect(isOpen(madrid, at('2024-03-31T06:00:00Z'))).toBe(true)
    expect(isOpen(madrid, at('2024-03-31T15:59:00Z'))).toBe(true)
    expect(isOpen(madrid, at('2024-03-31T16:00:00Z'))).toBe(false)
  })

  it('finds the next opening across the spring change', () => {
    const saturdayNight = at('2024-03-30T20:00:00Z') // Sat 21:00 CET
    expect(nextOpening(madrid, saturdayNight)).toEqual(at('2024-03-31T06:00:00Z'))
    expect(closedSpellStart(madrid, saturdayNight)).toEqual(at('2024-03-30T17:00:00Z'))
    expect(describeNextOpening(madrid, saturdayNight)).toBe('mañana a las 8:00 a. m.')
  })

  it('opens at 8:00 on the wall clock on both sides of the autumn change', () => {
    // Sat 26 October, CEST: 8:00 is 06:00Z. Sun 27 October, CET from 01:00Z: 8:00 is 07:00Z.
    expect(isOpen(madrid, at('2024-10-26T06:00:00Z'))).toBe(true)
    expect(isOpen(madrid, at('2024-10-27T06:30:00Z'))).toBe(false)
    expect(isOpen(madrid, at('2024-10-27T07:00:00Z'))).toBe(true)
    expect(isOpen(madrid, at('2024-10-27T16:59:00Z'))).toBe(true)
    expect(isOpen(madrid, at('2024-10-27T17:00:00Z'))).toBe(false)
    expect(nextOpening(madrid, at('2024-10-26T17:00:00Z'))).toEqual(at('2024-10-27T07:00:00Z'))
    expect(closedSpellStart(madrid, at('2024-10-27T06:30:00Z'))).toEqual(at('2024-10-26T16:00:00Z'))
  })

  it('handles a night range that spans the skipped hour', () => {
    const night = { ...madrid, week: [{ day: 0, open: '01:00', close: '04:00' }] }
    // 01:00 CET is 00:00Z; 04:00 CEST is 02:00Z: two real hours that day.
    expect(isOpen(night, at('2024-03-30T23:59:00Z'))).toBe(false)
    expect(isOpen(night, at('2024-03-31T00:00:00Z'))).toBe(true)
    expect(isOpen(night, at('2024-03-31T01:30:00Z'))).toBe(true)
    expect(isOpen(night, at('2024-03-31T02:00:00Z'))).toBe(false)
    expect(closedSpellStart(night, at('2024-03-31T05:00:00Z'))).toEqual(at('2024-03-31T02:00:00Z'))
  })
})

describe('renderAfterHoursMessage', () => {
  it('fills {apertura} with the next opening, without a doubled period', () => {
    expect(renderAfterHoursMessage(bogota.message, bogota, at('2024-06-08T19:00:00Z'))).toBe(
      '¡Hola! 👋 En este momento estamos fuera del horario de atención. Volvemos el lunes a las 8:00 a. m. Déjanos tu mensaje y te respondemos lo antes posible.',
    )
  })

  it('fills every placeholder and leaves other text alone', () => {
    expect(renderAfterHoursMessage('Abrimos {apertura} ({apertura}) 🙌', bogota, at('2024-06-09T17:00:00Z'))).toBe(
      'Abrimos mañana a las 8:00 a. m. (mañana a las 8:00 a. m.) 🙌',
    )
  })

  it('says "pronto" when no opening is in sight', () => {
    expect(renderAfterHoursMessage('Volvemos {apertura}.', { ...bogota, week: [] }, at('2024-06-09T17:00:00Z'))).toBe('Volvemos pronto.')
  })
})

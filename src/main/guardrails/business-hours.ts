// Opening hours in the shop's own time zone. Everything is computed from Intl (no offset
// tables), so a daylight-saving change is handled the way the shop's wall clock handles it:
// "open 8:00–18:00" means 8:00–18:00 on the clock that day, whether the day has 23, 24 or
// 25 hours. Ranges never cross midnight (validation says so); a shop open late splits the
// night into "…–24:00" and "00:00–…" on the next day, and adjacent ranges merge into one spell.

import type { BusinessHours } from '../../shared/types'

export type DescribeLocale = 'es' | 'en'

const DAY = 86_400_000
/** How far ahead the next opening is looked for: a weekly schedule repeats within 7 days. */
const SEARCH_DAYS = 8

const DAY_NAMES_ES = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'] as const

/** "8:00", "08:00" or, as a closing time only, "24:00" (end of the day) → minutes after midnight. */
function parseTime(value: string, isClose: boolean): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim())
  if (!match) return null
  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (minutes > 59) return null
  if (hours === 24 && minutes === 0 && isClose) return 1440
  return hours <= 23 ? hours * 60 + minutes : null
}

function isValidTimeZone(timezone: string): boolean {
  if (timezone.trim() === '') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone })
    return true
  } catch {
    return false
  }
}

function dayLabel(day: number): string {
  const name = DAY_NAMES_ES[day]
  return name ? name[0]!.toUpperCase() + name.slice(1) : `Día ${day}`
}

/** Problems with a schedule, in Spanish for the owner; empty when it can be used as is. */
export function validateBusinessHours(h: BusinessHours): string[] {
  const problems: string[] = []
  if (!isValidTimeZone(h.timezone)) {
    problems.push(`La zona horaria "${h.timezone}" no existe. Usa un nombre como America/Bogota.`)
  }
  const byDay = new Map<number, { open: number; close: number; label: string }[]>()
  for (const range of h.week) {
    const label = `${range.open}–${range.close}`
    if (!Number.isInteger(range.day) || range.day < 0 || range.day > 6) {
      problems.push(`El día ${range.day} no es válido: usa 0 (domingo) a 6 (sábado).`)
      continue
    }
    const open = parseTime(range.open, false)
    const close = parseTime(range.close, true)
    if (open === null) problems.push(`${dayLabel(range.day)}: la hora de apertura "${range.open}" no es válida; usa el formato HH:MM, por ejemplo 08:00.`)
    if (close === null) problems.push(`${dayLabel(range.day)}: la hora de cierre "${range.close}" no es válida; usa el formato HH:MM, por ejemplo 18:00.`)
    if (open === null || close === null) continue
    if (close <= open) {
      problems.push(
        `${dayLabel(range.day)}: el cierre (${range.close}) debe ser después de la apertura (${range.open}). ` +
          'Un horario que pasa de medianoche no se admite: divídelo en dos franjas, una hasta 24:00 y otra desde 00:00 del día siguiente.',
      )
      continue
    }
    const sameDay = byDay.get(range.day) ?? []
    for (const other of sameDay) {
      if (open < other.close && other.open < close) problems.push(`${dayLabel(range.day)}: las franjas ${other.label} y ${label} se cruzan.`)
    }
    byDay.set(range.day, [...sameDay, { open, close, label }])
  }
  if (h.enabled && h.message.trim() === '') problems.push('El mensaje para fuera de horario está vacío.')
  return problems
}

/** A civil date in the shop's zone; `weekday` is 0 = Sunday. */
interface LocalDate {
  year: number
  month: number
  day: number
  weekday: number
}

interface LocalTime extends LocalDate {
  hour: number
  minute: number
}

/** One formatter per call, passed down: building it is the expensive part. */
interface Zone {
  format: Intl.DateTimeFormat
}

function zoneFor(timezone: string): Zone | null {
  if (!isValidTimeZone(timezone)) return null
  return {
    format: new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
  }
}

function wallClock(zone: Zone, instant: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = zone.format.formatToParts(instant)
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  // `% 24`: some ICU versions still print midnight as "24" under h23.
  return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour') % 24, minute: value('minute'), second: value('second') }
}

function localTime(zone: Zone, instant: number): LocalTime {
  const w = wallClock(zone, instant)
  return { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, weekday: new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() }
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(zone: Zone, instant: number): number {
  const w = wallClock(zone, instant)
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000)
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSecond
}

/**
 * The instant the zone's clock shows `minutes` past midnight of a civil date. Two passes
 * settle the offset; a time inside a spring-forward gap (02:30 when clocks jump 02:00→03:00)
 * lands just after the gap, and a time repeated at a fall-back lands on its later occurrence.
 */
function zonedInstant(zone: Zone, date: LocalDate, minutes: number): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes)
  const first = wall - offsetAt(zone, wall)
  return wall - offsetAt(zone, first)
}

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() }
}

function dayNumber(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY
}

interface Spell {
  start: number
  end: number
}

/** Open spells for the civil days `from`..`to` around `at` (in days), sorted, adjacent ones merged. */
function openSpells(h: BusinessHours, zone: Zone, at: number, from: number, to: number): Spell[] {
  const today = localTime(zone, at)
  const ranges = h.week.flatMap((r) => {
    const open = parseTime(r.open, false)
    const close = parseTime(r.close, true)
    return open !== null && close !== null && close > open ? [{ day: r.day, open, close }] : []
  })
  const spells: Spell[] = []
  for (let k = from; k <= to; k++) {
    const date = addDays(today, k)
    for (const r of ranges) {
      if (r.day !== date.weekday) continue
      const start = zonedInstant(zone, date, r.open)
      const end = zonedInstant(zone, date, r.close)
      if (end > start) spells.push({ start, end })
    }
  }
  spells.sort((a, b) => a.start - b.start)
  const merged: Spell[] = []
  for (const s of spells) {
    const last = merged.at(-1)
    if (last && s.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end) }
    else merged.push(s)
  }
  return merged
}

/**
 * Is the shop open at `at`? A disabled schedule is always open (the guardrail is off), and so
 * is one whose time zone does not exist: failing open keeps the bot answering as it did before
 * the owner touched the setting, and validateBusinessHours tells the owner what is wrong.
 * An enabled schedule with no ranges is always closed. The closing minute itself is closed.
 */
export function isOpen(h: BusinessHours, at: Date): boolean {
  if (!h.enabled) return true
  const zone = zoneFor(h.timezone)
  if (!zone) return true
  const t = at.getTime()
  return openSpells(h, zone, t, -1, 1).some((s) => s.start <= t && t < s.end)
}

/**
 * When the closed spell that contains `at` began, or null while the shop is open. The caller
 * remembers it per chat and sends the after-hours message once per spell. With no opening in
 * the schedule at all the spell has no start; the epoch stands in for it, the same instant on
 * every call, so the message still goes out only once.
 */
export function closedSpellStart(h: BusinessHours, at: Date): Date | null {
  if (isOpen(h, at)) return null
  const zone = zoneFor(h.timezone)
  if (!zone) return null
  const t = at.getTime()
  const ended = openSpells(h, zone, t, -SEARCH_DAYS, 0).filter((s) => s.end <= t)
  const last = ended.at(-1)
  return new Date(last ? last.end : 0)
}

/** When the shop opens next, if it is closed at `at`; null while open or with no opening within 8 days. */
export function nextOpening(h: BusinessHours, at: Date): Date | null {
  if (isOpen(h, at)) return null
  const zone = zoneFor(h.timezone)
  if (!zone) return null
  const t = at.getTime()
  const next = openSpells(h, zone, t, 0, SEARCH_DAYS).find((s) => s.start > t)
  return next ? new Date(next.start) : null
}

/**
 * The next opening in words, in the shop's zone: "hoy a las 8:00 a. m.", "mañana a las
 * 9:00 a. m.", "el lunes a las 8:00 a. m." (a date is added a week or more ahead). Null when
 * nextOpening is null.
 */
export function describeNextOpening(h: BusinessHours, at: Date, locale: DescribeLocale = 'es'): string | null {
  const next = nextOpening(h, at)
  const zone = zoneFor(h.timezone)
  if (!next || !zone) return null
  const when = localTime(zone, next.getTime())
  const days = dayNumber(when) - dayNumber(localTime(zone, at.getTime()))
  const tag = locale === 'es' ? 'es-CO' : 'en-US'
  // Intl puts narrow no-break spaces in "8:00 a. m."; WhatsApp users type plain spaces.
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')
  const time = plain(new Intl.DateTimeFormat(tag, { timeZone: h.timezone, hour: 'numeric', minute: '2-digit', hour12: true }).format(next))
  const parts = new Intl.DateTimeFormat(tag, { timeZone: h.timezone, weekday: 'long', day: 'numeric', month: 'long' }).formatToParts(next)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  if (locale === 'en') {
    const day = days === 0 ? 'today' : days === 1 ? 'tomorrow' : days < 7 ? `on ${part('weekday')}` : `on ${part('weekday')}, ${part('month')} ${part('day')}`
    return `${day} at ${time}`
  }
  // "a la 1:00 p. m." but "a las 2:00 p. m.": Spanish agrees the article with the hour.
  const article = when.hour % 12 === 1 ? 'a la' : 'a las'
  const day = days === 0 ? 'hoy' : days === 1 ? 'mañana' : days < 7 ? `el ${part('weekday')}` : `el ${part('weekday')} ${part('day')} de ${part('month')}`
  return `${day} ${article} ${time}`
}

/**
 * The owner's after-hours template with every `{apertura}` filled in. With no opening in sight
 * (an empty week) "pronto" keeps the sentence readable instead of leaving the placeholder.
 * "8:00 a. m." already ends in a period, so the template's own period after it is dropped
 * ("Volvemos {apertura}." must not read "a. m..").
 */
export function renderAfterHoursMessage(template: string, h: BusinessHours, at: Date): string {
  const when = describeNextOpening(h, at, 'es') ?? 'pronto'
  const [first = '', ...rest] = template.split('{apertura}')
  return rest.reduce((out, piece) => out + when + (when.endsWith('.') && piece.startsWith('.') && !piece.startsWith('..') ? piece.slice(1) : piece), first)
}

/** Mon–Fri 8:00–18:00 and Sat 9:00–13:00 in Bogotá, switched off until the owner turns it on. */
export function defaultBusinessHours(): BusinessHours {
  return {
    enabled: false,
    timezone: 'America/Bogota',
    week: [
      ...[1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '18:00' })),
      { day: 6, open: '09:00', close: '13:00' },
    ],
    message: '¡Hola! 👋 En este momento estamos fuera del horario de atención. Volvemos {apertura}. Déjanos tu mensaje y te respondemos lo antes posible.',
    mode: 'message_and_answer',
  }
}

/** Minutes past midnight on the zone's clock at `at`; null for a zone that does not exist. */
export function wallMinutes(timezone: string, at: Date): number | null {
  const zone = zoneFor(timezone)
  if (!zone) return null
  const local = localTime(zone, at.getTime())
  return local.hour * 60 + local.minute
}

/** The first instant after `at` when the zone's clock shows `minutes` past midnight; null for a zone that does not exist. */
export function nextWallClock(timezone: string, at: Date, minutes: number): Date | null {
  const zone = zoneFor(timezone)
  if (!zone) return null
  const t = at.getTime()
  const today = localTime(zone, t)
  for (let k = 0; k <= 2; k++) {
    const instant = zonedInstant(zone, addDays(today, k), minutes)
    if (instant > t) return new Date(instant)
  }
  return null
}

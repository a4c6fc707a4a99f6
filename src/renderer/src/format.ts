import type { ContactDto } from '../../shared/types'

/** Time today, or day and time for older messages, in the shop's locale (`useNumberLocale()`; undefined: the browser's). */
export function formatTime(epochMs: number, now: Date = new Date(), locale?: string): string {
  const date = new Date(epochMs)
  const sameDay = date.toDateString() === now.toDateString()
  return sameDay
    ? date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(locale, { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' })
}

/** "m:ss" until a moment, never negative. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/**
 * The phone number behind a WhatsApp address ("573001234567@s.whatsapp.net" → "+573001234567").
 * LID addresses hide the number, and simulator contacts are names: those give null.
 */
export function contactPhone(contact: Pick<ContactDto, 'transport' | 'externalId'>): string | null {
  if (contact.transport !== 'whatsapp') return null
  const match = /^(\d{6,})(?::\d+)?@s\.whatsapp\.net$/.exec(contact.externalId)
  return match ? `+${match[1]}` : null
}

/** What the owner knows the contact by: the WhatsApp name, else the number, else the raw address. */
export function contactLabel(contact: ContactDto): string {
  return contact.displayName ?? contactPhone(contact) ?? contact.externalId
}

/**
 * The chat list's time, as WhatsApp shows it: the hour today, "ayer", the weekday within
 * the week, else the date. Short, so names keep the room.
 */
export function formatListTime(epochMs: number, now: Date = new Date(), locale?: string): string {
  const date = new Date(epochMs)
  const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  const days = Math.round((startOfDay(now) - startOfDay(date)) / 86_400_000)
  if (days <= 0) return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
  if (days === 1) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-1, 'day')
  if (days < 7) return date.toLocaleDateString(locale, { weekday: 'long' })
  return date.toLocaleDateString(locale, date.getFullYear() === now.getFullYear() ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' })
}

// The number WhatsApp links by code must be international (country code first). People type
// it the way they say it ("300 123 4567"), so a number without one is refused with the code
// of the shop's country offered, instead of being sent to WhatsApp as another country's.
import { countryByCode, type Country } from './countries'

export type LinkPhoneCheck =
  | { ok: true; /** "+573001234567" */ phone: string }
  | { ok: false; reason: 'format' | 'country_code'; message: string }

const INTERNATIONAL = /^\+[0-9]{8,15}$/

/** The number without spaces, dashes, dots or brackets; "00" in front means "+". */
export function compactPhone(input: string): string {
  const compact = input.trim().replace(/[\s\-().]/g, '')
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact
}

/**
 * Checks a number to link by code. With a "+" it is taken as written; without one it must
 * start with the shop's country code ("573001234567" in Colombia), since a national number
 * ("3001234567") would reach WhatsApp as a number of some other country.
 */
export function checkLinkPhone(input: string, countryCode: string | null): LinkPhoneCheck {
  const compact = compactPhone(input)
  const country = countryByCode(countryCode)
  if (!/^\+?[0-9]+$/.test(compact) || compact.replace('+', '').length < 8 || compact.replace('+', '').length > 15) {
    return { ok: false, reason: 'format', message: formatMessage(country) }
  }
  if (INTERNATIONAL.test(compact)) return { ok: true, phone: compact }
  if (country && compact.startsWith(country.callingCode) && compact.length - country.callingCode.length >= 7) return { ok: true, phone: `+${compact}` }
  return { ok: false, reason: 'country_code', message: countryCodeMessage(country, compact) }
}

function formatMessage(country: Country | null): string {
  const example = country ? `+${country.callingCode} y el número` : '+57 300 123 4567'
  return `Escribe solo los números del teléfono, con el código de país delante (${example}).`
}

function countryCodeMessage(country: Country | null, national: string): string {
  if (!country) return 'Al número le falta el código de país: escríbelo con + delante, por ejemplo +57 300 123 4567.'
  return `Al número le falta el código de país. En ${country.name} es +${country.callingCode}: escríbelo así, +${country.callingCode} ${national}.`
}

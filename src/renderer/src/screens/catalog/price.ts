import type { Locale } from '../../i18n/i18n'

/** The number formats the owner reads: Colombian for Spanish, US for English. */
export function numberLocale(locale: Locale): string {
  return locale === 'es' ? 'es-CO' : 'en-US'
}

/** Pesos have no cents in practice; other currencies keep two decimals. */
function fractionDigits(currency: string): number {
  return currency === 'COP' ? 0 : 2
}

/** "$ 89.000" for a COP price in Spanish. A code Intl does not know falls back to "89.000 XYZ". */
export function formatPrice(price: number, currency: string, locale: Locale): string {
  const digits = fractionDigits(currency)
  try {
    return new Intl.NumberFormat(numberLocale(locale), {
      style: 'currency',
      currency,
      minimumFractionDigits: digits === 0 ? 0 : undefined,
      maximumFractionDigits: digits,
    }).format(price)
  } catch {
    return `${new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: digits }).format(price)} ${currency}`
  }
}

/** The price as the form's text field shows it: grouped, without the currency sign. */
export function priceToText(price: number | null, currency: string, locale: Locale): string {
  if (price === null) return ''
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: fractionDigits(currency) }).format(price)
}

/**
 * What the owner typed in the price field. Colombians write "89.000" (dot groups thousands)
 * and Excel exports "89000"; "$ 89.000", "89,000" and "12,50" / "12.50" work too. A separator
 * followed by exactly three digits groups thousands; otherwise the last separator is the
 * decimal point. Empty means "no fixed price" (null); anything else unreadable is NaN.
 */
export function parsePrice(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0$]/g, '').replace(/^(COP|USD|EUR)|(COP|USD|EUR)$/gi, '')
  if (cleaned === '') return null
  if (!/^\d[\d.,]*$/.test(cleaned) || /[.,]$/.test(cleaned)) return Number.NaN
  const grouped = /^\d{1,3}([.,])\d{3}(\1\d{3})*$/.exec(cleaned)
  if (grouped) return Number(cleaned.replace(/[.,]/g, ''))
  const lastSeparator = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','))
  if (lastSeparator === -1) return Number(cleaned)
  const separator = cleaned[lastSeparator]!
  const whole = cleaned.slice(0, lastSeparator)
  // "1.2.3" repeats the decimal mark; "1.2,5" groups wrongly: neither is a price.
  if (whole.includes(separator)) return Number.NaN
  const group = separator === ',' ? '.' : ','
  if (whole.includes(group) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) return Number.NaN
  return Number(`${whole.split(group).join('')}.${cleaned.slice(lastSeparator + 1)}`)
}

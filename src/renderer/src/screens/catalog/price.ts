import { formatCop, parseMoneyField } from '../../../../shared/money'
import type { Locale } from '../../i18n/i18n'

/** The number format the owner reads: the shop's country's when known, else Colombian for Spanish, US for English. */
function numberLocale(locale: Locale, shopNumberLocale?: string): string {
  return shopNumberLocale ?? (locale === 'es' ? 'es-CO' : 'en-US')
}

/** Pesos have no cents in practice; other currencies keep two decimals. */
function fractionDigits(currency: string): number {
  return currency === 'COP' ? 0 : 2
}

/**
 * A price as the owner reads it. For a Colombian-format shop in Spanish it is written exactly as
 * the bot writes it to customers ("$89.000", "US$25,99"), so the catalog and the chats never
 * disagree; a shop of another country reads its own format ("$1,250.00" in Mexico).
 */
export function formatPrice(price: number, currency: string, locale: Locale, shopNumberLocale?: string): string {
  if (locale === 'es' && (shopNumberLocale === undefined || shopNumberLocale === 'es-CO')) return formatCop(price, currency)
  const digits = fractionDigits(currency)
  try {
    return new Intl.NumberFormat(numberLocale(locale, shopNumberLocale), {
      style: 'currency',
      currency,
      minimumFractionDigits: digits === 0 ? 0 : undefined,
      maximumFractionDigits: digits,
    }).format(price)
  } catch {
    return `${new Intl.NumberFormat(numberLocale(locale, shopNumberLocale), { maximumFractionDigits: digits }).format(price)} ${currency}`
  }
}

/** The price as the form's text field shows it: grouped, without the currency sign. */
export function priceToText(price: number | null, currency: string, locale: Locale, shopNumberLocale?: string): string {
  if (price === null) return ''
  return new Intl.NumberFormat(numberLocale(locale, shopNumberLocale), { maximumFractionDigits: fractionDigits(currency) }).format(price)
}

/**
 * What the owner typed in the price field, read by the same rules as an imported file
 * ("89.000", "89000", "$ 89.000", "89 mil", "12,50"). Empty or "a convenir" means no fixed
 * price (null); anything unreadable is NaN.
 */
export function parsePrice(text: string): number | null {
  const parsed = parseMoneyField(text)
  return parsed.ok ? parsed.value : Number.NaN
}

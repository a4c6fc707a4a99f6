import { formatShopPrice, parseMoneyField } from '../../../../shared/money'
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
 * A price as the owner reads it. In Spanish it is written exactly as the bot writes it to
 * customers, in the shop's own format ("$89.000" in Colombia, "$380" in Mexico), so the catalog
 * and the chats never disagree.
 */
export function formatPrice(price: number, currency: string, locale: Locale, shopNumberLocale?: string, shopCurrency?: string | null): string {
  if (locale === 'es') {
    return shopNumberLocale ? formatShopPrice(price, currency, { locale: shopNumberLocale, shopCurrency: shopCurrency ?? currency }) : formatShopPrice(price, currency)
  }
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

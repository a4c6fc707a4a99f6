// Cloud services bill in US dollars whatever the shop's currency, so their prices and costs are
// shown in dollars too (converting would need an exchange rate the app does not have), written
// with the shop's locale like every other number.

/** "0,59", "0.59", "US$ 0,59" → 0.59; blank → null; anything else → undefined (not a price). */
export function parsePrice(text: string): number | null | undefined {
  const cleaned = text.replace(/us\$|\$|usd/gi, '').trim()
  if (cleaned === '') return null
  if (!/^\d+([.,]\d+)?$/.test(cleaned)) return undefined
  return Number(cleaned.replace(',', '.'))
}

/** Dollars, with the digits a fraction of a cent needs: "US$ 0,00059". */
export function formatUsd(locale: string, value: number): string {
  const digits = value >= 1 || value === 0 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 2 }
  return value.toLocaleString(locale, { style: 'currency', currency: 'USD', currencyDisplay: 'symbol', ...digits })
}

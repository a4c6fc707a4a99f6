// Money as Colombians write it: the numeral rule, a price field in the owner's spreadsheet, and
// how a price is shown. Amounts stated in a bot's chat answer are read by the price guard
// (src/main/guardrails/chat-amounts.ts) with the same numeral rule and words exported here.
//
// The numeral rule ("89.000", "89,000", "1'200.000", "89.000,50", "25.99"):
// - A Colombian shop writes the dot for thousands and the comma for decimals; a spreadsheet
//   exported in a US locale does the opposite. The shape decides, never the locale.
// - When both marks appear, the last one is the decimal mark and the other groups thousands.
// - When only one appears several times, it groups thousands ("1.200.000", "1,200,000").
// - When only one appears once, followed by exactly three digits, it groups thousands: "1.200"
//   and "1,200" are 1200. This is the ambiguous case, and a Colombian shop means mil doscientos —
//   there are no prices of 1,2 pesos, and US-locale sheets write cents with two digits ("1.20").
//   The exceptions are shapes that cannot be grouping: "0.500" and "1234.567" are decimals.
// - Followed by any other number of digits it is the decimal mark: "89.5", "25,99", "89000.5".
// - Apostrophes and spaces only ever group: "1'200.000" is how many Colombians mark the millions.
// Anything else ("1.2.3", "15.03.2026", "89.000,45.000") is not a numeral at all.

import { foldSpanish } from './spanish-fold'
import { trimTrailing } from './text-bounds'

export type MoneyFieldResult =
  | {
      ok: true
      /** Null: the product has no fixed price (empty cell, "a convenir"). */
      value: number | null
      /** ISO code when the field itself names one ("USD 25", "89.000 pesos"); "$" alone says nothing. */
      currency: string | null
    }
  | { ok: false; message: string }

// ---------------------------------------------------------------------------------------------
// Numerals

const DECIMAL_MARKS = new Set(['.', ','])
/** Separators that can only group digits. U+00A0 and U+202F are what Intl writes. */
const GROUP_ONLY = /^['’\u00a0\u202f ]$/

/** The value of one numeral ("1'200.000", "89,5"), or null when its shape is not a number. */
export function parseNumeral(numeral: string): number | null {
  return readNumeral(numeral)?.value ?? null
}

/** A numeral's value, and whether it groups thousands ("89.000" does, "89,5" and "85000" do not). */
export function readNumeral(numeral: string): { value: number; grouped: boolean } | null {
  if (!/^\d/.test(numeral) || !/\d$/.test(numeral)) return null
  const pieces = numeral.split(/([.,'’\u00a0\u202f ])/)
  const groups: string[] = []
  const seps: string[] = []
  for (let i = 0; i < pieces.length; i++) (i % 2 === 0 ? groups : seps).push(pieces[i]!)
  if (groups.some((g) => !/^\d+$/.test(g))) return null
  if (seps.length === 0) return { value: Number(numeral), grouped: false }

  const last = seps[seps.length - 1]!
  const tail = groups[groups.length - 1]!
  let decimal = false
  if (DECIMAL_MARKS.has(last) && seps.filter((s) => s === last).length === 1) {
    const other = last === '.' ? ',' : '.'
    if (seps.includes(other)) decimal = true
    else if (tail.length !== 3) decimal = true
    // One mark, three digits after it, and nothing before that could be a thousands group.
    else if (seps.length === 1 && (groups[0]!.length > 3 || groups[0]!.startsWith('0'))) decimal = true
  }

  const intGroups = decimal ? groups.slice(0, -1) : groups
  const groupSeps = decimal ? seps.slice(0, -1) : seps
  if (groupSeps.length > 0) {
    const markers = new Set(groupSeps.filter((s) => !GROUP_ONLY.test(s)))
    if (markers.size > 1) return null
    if (decimal && markers.has(last)) return null
    if (intGroups[0]!.length > 3 || intGroups[0]!.startsWith('0')) return null
    if (intGroups.slice(1).some((g) => g.length !== 3)) return null
  }
  const integer = intGroups.join('')
  return { value: Number(decimal ? `${integer}.${tail}` : integer), grouped: groupSeps.length > 0 }
}

/** Multiplier words, folded. "k" is only ever written glued ("89k"), see findMoneyAmounts in the guardrails. */
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  mil: 1e3,
  millon: 1e6,
  millones: 1e6,
}

/** Currency words and codes, folded, after a number ("89.000 pesos") or before it ("COP 89.000"). */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  pesos: 'COP',
  peso: 'COP',
  cop: 'COP',
  mcte: 'COP',
  usd: 'USD',
  dolares: 'USD',
  dolar: 'USD',
  eur: 'EUR',
  euros: 'EUR',
  euro: 'EUR',
  // The other currencies of the shops' countries (src/shared/countries.ts), by code and by name.
  mxn: 'MXN',
  ars: 'ARS',
  clp: 'CLP',
  pen: 'PEN',
  soles: 'PEN',
  uyu: 'UYU',
  pyg: 'PYG',
  guaranies: 'PYG',
  bob: 'BOB',
  bolivianos: 'BOB',
  ves: 'VES',
  bolivares: 'VES',
  gtq: 'GTQ',
  quetzales: 'GTQ',
  hnl: 'HNL',
  lempiras: 'HNL',
  nio: 'NIO',
  cordobas: 'NIO',
  crc: 'CRC',
  colones: 'CRC',
  pab: 'PAB',
  balboas: 'PAB',
  dop: 'DOP',
  cup: 'CUP',
  brl: 'BRL',
  reales: 'BRL',
}

/** Words before "$" that make it another currency: "US$", "COL$", "COP$". */
export const DOLLAR_QUALIFIERS: Readonly<Record<string, string>> = { us: 'USD', col: 'COP', co: 'COP', cop: 'COP', r: 'BRL', mx: 'MXN', rd: 'DOP', c: 'NIO' }

/** What an owner writes when there is no fixed price; the bot must not quote one. */
const NO_PRICE = new Set([
  'a convenir',
  'convenir',
  'precio a convenir',
  'consultar',
  'a consultar',
  'por consultar',
  'consultar precio',
  'cotizar',
  'a cotizar',
  'por cotizar',
  'segun cotizacion',
  'sin precio',
  'pendiente',
  'n/a',
  'na',
  'nd',
  'n/d',
  '-',
  '--',
  '—',
  '?',
])

/** A free product has a price, and it is zero: the bot may say so. */
const FREE = new Set(['gratis', 'gratuito', 'gratuita', 'sin costo', 'free'])

// ---------------------------------------------------------------------------------------------
// The price field

/** Spanish message for a field that is not a price, quoted as the owner wrote it. */
function notAPrice(raw: string): { ok: false; message: string } {
  return { ok: false, message: `«${raw}» no es un precio (escríbelo como 89000 o 89.000; vacío o «a convenir» si no tiene precio fijo)` }
}

/**
 * A spreadsheet price cell: "89000", "$ 89.000 COP", "89.000,50", "1'200.000", "89 mil",
 * "1,2 millones", "1 millón 200 mil". Empty or "a convenir" is null (no fixed price).
 * A negative amount is returned as such so the caller's validation can name the problem.
 */
export function parseMoneyField(raw: string | number): MoneyFieldResult {
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { ok: true, value: raw, currency: null } : notAPrice(String(raw))
  }
  const original = raw.trim()
  const text = foldSpanish(raw.replace(/[\u00a0\u202f\u2007\t]/g, ' ')).replace(/\s+/g, ' ').trim()
  if (text === '') return { ok: true, value: null, currency: null }
  const bare = trimTrailing(text, '.!¡¿').trim()
  if (NO_PRICE.has(bare)) return { ok: true, value: null, currency: null }
  if (FREE.has(bare)) return { ok: true, value: 0, currency: null }

  let rest = text
  let negative = false
  let currency: string | null = null
  const takeSign = () => {
    const m = /^[-−]\s*/.exec(rest)
    if (m) {
      negative = true
      rest = rest.slice(m[0].length)
    }
  }
  const setCurrency = (code: string): boolean => {
    if (currency !== null && currency !== code) return false
    currency = code
    return true
  }
  takeSign()
  const prefix = /^(?:(us|col|co|cop)\s?\$|\$|(cop|usd|eur)(?![a-z])|€)\s*/.exec(rest)
  if (prefix) {
    const code = prefix[1] ? DOLLAR_QUALIFIERS[prefix[1]]! : prefix[2] ? CURRENCY_WORDS[prefix[2]]! : prefix[0].startsWith('€') ? 'EUR' : null
    if (code) setCurrency(code)
    rest = rest.slice(prefix[0].length)
    if (!negative) takeSign()
  }
  // No leading \s* in the pattern: unanchored whitespace before `$` is retried from every
  // space of a long run (quadratic); the spaces before the suffix are trimmed instead.
  const suffix = /(?:\$|(?:de\s+)?(pesos?|cop|usd|dolares|dolar|euros?|eur)(?:\s+(?:colombianos?|m\/?cte))?|m\/?cte)$/.exec(rest)
  if (suffix) {
    if (suffix[1] && !setCurrency(CURRENCY_WORDS[suffix[1]]!)) return notAPrice(original)
    rest = rest.slice(0, suffix.index).trimEnd()
  }
  const value = parseSpokenDigits(rest)
  if (value === null) return notAPrice(original)
  return { ok: true, value: negative ? -value : value, currency }
}

/**
 * "89.000", "89 mil", "89mil", "1,2 millones", "1 millón 200 mil", "mil", "un millón", "89k".
 * Terms must shrink left to right ("1 millón 200 mil 500"), so "200 mil 1 millón" is rejected.
 */
function parseSpokenDigits(text: string): number | null {
  // Spaces between three-digit groups group thousands ("1 200 000", never mixed with dots);
  // mark them so splitting on spaces keeps the numeral whole. Then unglue letters from digits ("89mil", "89k").
  const words = text
    .replace(/(?<![\d.,'’])\d{1,3}(?: \d{3})+(?![\d.,'’])/g, (m) => m.replaceAll(' ', "'"))
    .replace(/(\d)(?=\p{L})/gu, '$1 ')
    .split(' ')
    .filter((w) => w !== '')
  if (words.length === 0) return null
  let total = 0
  let previousScale = Infinity
  let scaled = false
  for (let i = 0; i < words.length; ) {
    let word = words[i]!
    if (word === 'y' && i > 0 && i + 1 < words.length) word = words[++i]!
    let count: number | null
    if (/^\d/.test(word)) {
      count = parseNumeral(word)
      i++
    } else if (word === 'un' || word === 'una' || word === 'medio') {
      count = word === 'medio' ? 0.5 : 1
      i++
      if (!(words[i]! in MULTIPLIERS)) return null
    } else if (word in MULTIPLIERS && word !== 'k') {
      count = 1
    } else {
      return null
    }
    if (count === null) return null
    let scale = 1
    while (i < words.length && words[i]! in MULTIPLIERS) scale *= MULTIPLIERS[words[i++]!]!
    if (scale > 1) scaled = true
    const value = count * scale
    if (scale >= previousScale || value >= previousScale) return null
    total += value
    previousScale = scale
  }
  // Float noise from "1,15 millones"; prices never carry more than cents.
  return scaled ? Math.round(total * 100) / 100 : total
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** "1200000" → "1.200.000". A loop: the usual /\B(?=(\d{3})+(?!\d))/ lookahead is quadratic in the digits. */
function groupThousands(integer: string): string {
  const head = integer.length % 3 || 3
  const groups = [integer.slice(0, head)]
  for (let i = head; i < integer.length; i += 3) groups.push(integer.slice(i, i + 3))
  return groups.join('.')
}

/**
 * A price as the shop writes it, and as findMoneyAmounts reads it back:
 * COP → "$89.000", "$1.200.000" (whole pesos: COP prices carry no cents; rounded);
 * others → Intl's es-CO symbol and the currency's decimals, with the Colombian marks:
 * USD → "US$25,99", MXN → "MXN 1.200,50", EUR → "EUR 25,99". The symbol is glued when it
 * ends in "$" and spaced when it is a code. Negative values get a leading "-".
 */
export function formatCop(value: number, currency = 'COP'): string {
  const sign = value < 0 ? '-' : ''
  const abs = Math.abs(value)
  const code = currency.toUpperCase()
  if (code === 'COP') return `${sign}$${groupThousands(String(Math.round(abs)))}`
  let symbol = code
  let digits = 2
  try {
    const format = new Intl.NumberFormat('es-CO', { style: 'currency', currency: code })
    symbol = format.formatToParts(1).find((p) => p.type === 'currency')?.value ?? code
    digits = format.resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    // Not an ISO code Intl knows: show the code as given, with cents.
  }
  const [integer, fraction] = abs.toFixed(digits).split('.')
  const number = groupThousands(integer!) + (fraction ? `,${fraction}` : '')
  return `${sign}${symbol}${symbol.endsWith('$') ? '' : ' '}${number}`
}

/** How the shop writes prices: its number format (`Settings.shop.numberLocale`) and its currency. */
export interface PriceFormat {
  locale: string
  shopCurrency: string
}

export const COLOMBIAN_PRICES: PriceFormat = { locale: 'es-CO', shopCurrency: 'COP' }

/**
 * A price as the shop's customers read it, in the shop's number format (`locale`, the shop's
 * `numberLocale`): a Mexican shop writes "$380", an Argentine one "$ 15.000", a Spanish one
 * "25,99 €". A Colombian shop (es-CO) keeps `formatCop`'s exact forms. The shop's own currency
 * gets its local symbol ("$" for pesos in a peso country); another currency keeps a symbol that
 * cannot be mistaken for it ("US$", "EUR"). Whole amounts carry no cents, as shops write them.
 * Every form reads back to the same value with findMoneyAmounts (the price guard).
 */
export function formatShopPrice(value: number, currency: string, shop: PriceFormat = COLOMBIAN_PRICES): string {
  const { locale, shopCurrency } = shop
  if (locale === 'es-CO') return formatCop(value, currency)
  const code = currency.toUpperCase()
  const whole = Number.isInteger(value) || code === 'COP' || code === 'CLP' || code === 'PYG'
  try {
    const format = (currencyDisplay: 'narrowSymbol' | 'symbol' | 'code') => {
      const parts = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: code,
        currencyDisplay,
        ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
      }).formatToParts(whole ? Math.round(value) : value)
      const decimal = parts.find((p) => p.type === 'decimal')?.value ?? (locale.startsWith('es-') ? ',' : '.')
      // A space between thousands ("1 200,50" in es-CR) splits the number in a chat; shops
      // there write the dot, as the rest of the comma-decimal countries do.
      return parts
        .map((p) => (p.type === 'group' && /\s/.test(p.value) ? (decimal === ',' ? '.' : ',') : p.value))
        .join('')
        .replace(/[\u00a0\u202f]/g, ' ')
    }
    const shown = format(code === shopCurrency.toUpperCase() ? 'narrowSymbol' : 'symbol')
    // The price guard reads "$" / "€" marks and currency codes; a one-letter local symbol
    // ("Q 120", "S/ 45", "L 300") would hide an invented price from it, so those shops get the code.
    return /[$€]/.test(shown) ? shown : format('code')
  } catch {
    // A locale or code Intl does not know: the Colombian form still reads back right.
    return formatCop(value, currency)
  }
}

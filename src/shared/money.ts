// Money as Colombians write it. Two readers share one numeral rule: a price field in the
// owner's spreadsheet, and amounts stated in a bot's chat answer (what the price guard checks).
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

export interface MoneyMention {
  value: number
  /** UTF-16 offsets into the text: `text.slice(start, end) === raw`. */
  start: number
  end: number
  raw: string
}

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
function readNumeral(numeral: string): { value: number; grouped: boolean } | null {
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

/** Multiplier words, folded. "k" is only ever written glued ("89k"), see findMoneyAmounts. */
const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  mil: 1e3,
  millon: 1e6,
  millones: 1e6,
}

/** Currency words and codes, folded, after a number ("89.000 pesos") or before it ("COP 89.000"). */
const CURRENCY_WORDS: Record<string, string> = {
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
}

/** Codes that may stand before a number; "pesos 89.000" is not how anyone writes. */
const PREFIX_CODES = new Set(['cop', 'usd', 'eur'])

/** Words before "$" that make it another currency: "US$", "COL$", "COP$". */
const DOLLAR_QUALIFIERS: Record<string, string> = { us: 'USD', col: 'COP', co: 'COP', cop: 'COP' }

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
// Amounts in chat text

interface Token {
  kind: 'num' | 'word' | 'space' | 'sym'
  text: string
  /** Folded text of a word (lowercase, no accents). */
  folded: string
  start: number
  end: number
}

const TOKEN = /(?<num>\d+(?:[.,'’\u00a0\u202f]\d+)*)|(?<word>\p{L}+)|(?<space>\s+)|(?<sym>.)/gsu

function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups!
    const kind = g.num !== undefined ? 'num' : g.word !== undefined ? 'word' : g.space !== undefined ? 'space' : 'sym'
    out.push({ kind, text: m[0], folded: kind === 'word' ? foldSpanish(m[0]) : m[0], start: m.index, end: m.index + m[0].length })
  }
  return out
}

/**
 * Words that say the number right after them is a price ("cuesta 25", "valor: 89000"). Only
 * these turn a small bare number into an amount, so "llega en 2 a 4 días" never is one.
 */
const STRONG_CUES = new Set([
  'cuesta', 'cuestan', 'costo', 'costaria', 'costarian', 'vale', 'valen', 'valdria', 'valor', 'precio', 'total', 'subtotal',
  'sale', 'salen', 'saldria', 'queda', 'quedan', 'quedaria', 'cobro', 'cobra', 'cobran', 'cobramos', 'cobrar',
  'pagas', 'paga', 'pagan', 'pagar', 'pago', 'pagarias', 'abonas', 'abono', 'abonar', 'tarifa', 'inversion',
  'presupuesto', 'descuento', 'ahorras', 'cuota', 'dejo', 'dejamos',
])
/** Prepositions that introduce a price only for a number that looks like one (≥ 1000): "a 85000". */
const WEAK_CUES = new Set(['a', 'por', 'en', 'de', 'desde', 'hasta', 'entre', 'x'])
/** Words that may sit between a cue and its number: "cuesta solo", "te sale en", "es de apenas". */
const CONNECTORS = new Set([
  'es', 'son', 'seria', 'serian', 'esta', 'estan', 'solo', 'solamente', 'apenas', 'tan', 'un', 'unos', 'unas',
  'aprox', 'aproximadamente', 'alrededor', 'final', 'te', 'le', 'les', 'nos', 'me', 'lo', 'se', 'con', 'ya',
  'ahora', 'hoy', 'mas', 'menos', 'exactamente', 'tiene', 'tienen', 'especial', 'normal', 'unitario',
])

/**
 * Words after a number that make it a count, a measure or a date, not an amount: "3 cuotas",
 * "2 cursos", "33 W", "15 de marzo", "5 mil estudiantes". Folded.
 */
const UNITS = new Set([
  // time: "2 a 4 días", "8 am", "1 mes"
  'dia', 'dias', 'hora', 'horas', 'hr', 'hrs', 'h', 'hs', 'min', 'mins', 'minuto', 'minutos', 'seg', 'segundos',
  'semana', 'semanas', 'mes', 'meses', 'ano', 'anos', 'año', 'años', 'am', 'pm',
  // counts, plural only: a price is often followed by a singular noun ("89.000 envío incluido")
  'cuotas', 'cursos', 'clases', 'sesiones', 'modulos', 'lecciones', 'niveles', 'unidades', 'und', 'unds', 'uds',
  'productos', 'articulos', 'items', 'piezas', 'pares', 'personas', 'estudiantes', 'alumnos', 'clientes',
  'usuarios', 'seguidores', 'veces', 'pagos', 'cupos', 'puestos', 'plazas', 'opciones', 'colores', 'tallas',
  'modelos', 'ventas', 'pedidos', 'envios', 'resenas', 'opiniones', 'estrellas', 'puntos', 'pasos', 'videos',
  'referencias', 'combos',
  // measures: "33 W", "128 GB", "2,5 kg"
  'metro', 'metros', 'm', 'cm', 'mm', 'km', 'kg', 'g', 'gr', 'gramos', 'kilo', 'kilos', 'litro', 'litros', 'ml',
  'l', 'gb', 'mb', 'tb', 'mah', 'w', 'v', 'hz', 'mp', 'pulgadas',
])
const MONTHS = new Set([
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre',
  'noviembre', 'diciembre',
])
/** Words before a grouped number that make it an identifier: "cédula 1.020.345.678", "pedido 12.345". */
const ID_WORDS = new Set([
  'cedula', 'cc', 'nit', 'documento', 'pedido', 'orden', 'guia', 'factura', 'radicado', 'ticket', 'referencia',
  'ref', 'codigo', 'numero', 'nro', 'celular', 'cel', 'telefono', 'tel', 'whatsapp', 'rut', 'id', 'sku', 'serie',
  'serial', 'lote', 'pin', 'clave',
])
const ID_FILLERS = new Set(['de', 'del', 'es', 'mi', 'su', 'tu', 'n', 'no', 'num', 'el', 'la'])
/** Words before a number that say a phone follows: "escríbenos a 6012345". */
const PHONE_INTROS = new Set(['llama', 'llamanos', 'llamar', 'escribe', 'escribenos', 'marca', 'marcanos', 'comunicate', 'linea', 'contacto', 'whatsapp', 'celular', 'telefono'])
const PHONE_FILLERS = new Set([...WEAK_CUES, ...CONNECTORS, 'al', 'nuestro', 'nuestra', 'numero'])

/** Ordinal endings glued to a number: "1º", "2ª", "1er", "3ro", "2do", "4to". */
const ORDINALS = new Set(['º', 'ª', 'o', 'a', 'er', 'ro', 'do', 'to', 'vo', 'no', 'mo'])

/** Spelled numbers, folded. "y" joins tens and units ("ochenta y cinco"). */
const NUMBER_WORDS: Record<string, number> = {
  un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
  diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18,
  diecinueve: 19, veinte: 20, veintiun: 21, veintiuno: 21, veintiuna: 21, veintidos: 22, veintitres: 23,
  veinticuatro: 24, veinticinco: 25, veintiseis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29,
  treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
  cien: 100, ciento: 100, doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300,
  cuatrocientos: 400, cuatrocientas: 400, quinientos: 500, quinientas: 500, seiscientos: 600, seiscientas: 600,
  setecientos: 700, setecientas: 700, ochocientos: 800, ochocientas: 800, novecientos: 900, novecientas: 900,
}

type Cue = 'strong' | 'weak' | 'none'

class Scanner {
  readonly found: MoneyMention[] = []
  private readonly t: Token[]

  constructor(private readonly text: string) {
    this.t = tokenize(text)
  }

  run(): MoneyMention[] {
    for (let i = 0; i < this.t.length; ) {
      const tok = this.t[i]!
      if (tok.kind === 'num') i = this.digitsAt(i)
      else if (tok.kind === 'word' && (tok.folded in NUMBER_WORDS || tok.folded === 'mil' || tok.folded === 'medio')) i = this.spelledAt(i)
      else i++
    }
    return this.found
  }

  private tok(i: number): Token | undefined {
    return this.t[i]
  }

  /** Index of the next token after `i` skipping one run of inline spaces (no line break). */
  private nextSkippingSpace(i: number): number {
    const t = this.tok(i)
    return t && t.kind === 'space' && !t.text.includes('\n') ? i + 1 : i
  }

  private prevSkippingSpace(i: number): number {
    const t = this.tok(i)
    return t && t.kind === 'space' && !t.text.includes('\n') ? i - 1 : i
  }

  private isSym(i: number, chars: string): boolean {
    const t = this.tok(i)
    return t !== undefined && t.kind === 'sym' && chars.includes(t.text)
  }

  /** A currency mark right before token `i`: "$", "US$", "COP", "€". Returns its first token. */
  private prefixBefore(i: number): number | null {
    const j = this.prevSkippingSpace(i - 1)
    const t = this.tok(j)
    if (!t) return null
    if (t.kind === 'sym' && (t.text === '$' || t.text === '€')) {
      const before = this.tok(j - 1)
      if (t.text === '$' && before?.kind === 'word' && before.folded in DOLLAR_QUALIFIERS) return j - 1
      return j
    }
    if (t.kind === 'word' && PREFIX_CODES.has(t.folded)) {
      // "COP" glued to a word before it is part of that word, not a code.
      const before = this.tok(j - 1)
      return before && (before.kind === 'word' || before.kind === 'num') ? null : j
    }
    return null
  }

  /** A currency word or "$" right after token index `i` (exclusive); returns the index past it. */
  private suffixAt(i: number, allowDe: boolean): number | null {
    let j = this.nextSkippingSpace(i)
    let t = this.tok(j)
    if (allowDe && t?.kind === 'word' && t.folded === 'de') {
      j = this.nextSkippingSpace(j + 1)
      t = this.tok(j)
    }
    if (!t) return null
    if (t.kind === 'sym' && t.text === '$' && j === i) return j + 1
    if (t.kind === 'word' && t.folded in CURRENCY_WORDS) return j + 1
    return null
  }

  /** The first word after the amount, and the one after it when the first is "de". */
  private wordsAfter(i: number): [string | undefined, string | undefined] {
    const j = this.nextSkippingSpace(i)
    const t = this.tok(j)
    if (!t || t.kind !== 'word') return [undefined, undefined]
    const k = this.nextSkippingSpace(j + 1)
    const u = this.tok(k)
    return [t.folded, u?.kind === 'word' && k !== j + 1 ? u.folded : undefined]
  }

  private countOrDateAfter(i: number): boolean {
    const [first, second] = this.wordsAfter(i)
    if (first === undefined) return this.isSym(this.nextSkippingSpace(i), '%')
    if (UNITS.has(first)) return true
    return first === 'de' && second !== undefined && (UNITS.has(second) || MONTHS.has(second))
  }

  /** How strongly the words before token `i` announce a price. */
  private cueBefore(i: number): Cue {
    let weak = false
    for (let j = i - 1, steps = 0; j >= 0 && steps < 6; j--) {
      const t = this.t[j]!
      if (t.kind === 'space') continue
      steps++
      if (t.kind === 'sym' && (t.text === ':' || t.text === '=')) continue
      if (t.kind !== 'word') break
      if (STRONG_CUES.has(t.folded)) return 'strong'
      if (WEAK_CUES.has(t.folded)) weak = true
      else if (!CONNECTORS.has(t.folded)) break
    }
    return weak ? 'weak' : 'none'
  }

  /** The first meaningful word before token `i`, past fillers such as "de", "número", ":" and "#". */
  private wordBefore(i: number, fillers: ReadonlySet<string>): string | undefined {
    for (let j = i - 1, steps = 0; j >= 0 && steps < 5; j--) {
      const t = this.t[j]!
      if (t.kind === 'space') continue
      steps++
      if (t.kind === 'sym' && ':#.'.includes(t.text)) continue
      if (t.kind !== 'word') return undefined
      if (!fillers.has(t.folded)) return t.folded
    }
    return undefined
  }

  private push(startTok: number, endTok: number, value: number): void {
    const start = this.t[startTok]!.start
    const end = this.t[endTok - 1]!.end
    this.found.push({ value, start, end, raw: this.text.slice(start, end) })
  }

  /** Reads an amount starting at numeral token `i`; returns the index to continue from. */
  private digitsAt(i: number): number {
    const tok = this.t[i]!
    const prefix = this.prefixBefore(i)
    const left = this.tok(i - 1)
    const beforeLeft = this.tok(i - 2)
    const lastFound = this.found.at(-1)
    // "$80.000-90.000": the upper end of a range takes the currency of the lower one.
    const rangeEnd = left?.kind === 'sym' && left.text === '-' && lastFound !== undefined && lastFound.end === left.start
    if (prefix === null && !rangeEnd && left && left.kind !== 'space') {
      // Glued to a letter ("S8", "X2", "USB3"), an id or phone mark ("#12", "+57"), a time or
      // date ("8:00", "15/03"), a range or a phone in pieces ("2-4", "300-123").
      if (left.kind === 'word' || left.kind === 'num') return i + 1
      if ('#+/°'.includes(left.text)) return i + 1
      if (left.text === ':' && beforeLeft?.kind === 'num') return i + 1
      if ('.,-'.includes(left.text) && (beforeLeft?.kind === 'num' || beforeLeft?.kind === 'word')) return i + 1
    }

    // Thousands grouped by spaces ("$ 1 200 000") only count next to a currency mark.
    let numeral = tok.text
    let end = i + 1
    if (/^\d{1,3}$/.test(numeral)) {
      let j = end
      let grouped = numeral
      while (this.tok(j)?.text === ' ' && this.tok(j + 1)?.kind === 'num' && /^\d{3}$/.test(this.tok(j + 1)!.text)) {
        grouped += ' ' + this.tok(j + 1)!.text
        j += 2
      }
      if (j > end && (prefix !== null || this.suffixAt(j, false) !== null)) {
        numeral = grouped
        end = j
      }
    }
    const read = readNumeral(numeral)
    if (read === null) return end

    const right = this.tok(end)
    const afterRight = this.tok(end + 1)
    if (right?.kind === 'sym') {
      if (right.text === '%' || right.text === '°') return end + 1
      // "8:00", "15/03", "1/2"
      if (':/'.includes(right.text) && afterRight?.kind === 'num') return end + 2
      // "2-4 días", "900.123.456-7"; a longer number after the dash is a range, handled above.
      if (right.text === '-' && afterRight?.kind === 'num' && /^\d{1,2}$/.test(afterRight.text) && prefix === null && !rangeEnd) return end + 2
      // "1.º", "1.ª", "1.er"
      if (right.text === '.' && afterRight?.kind === 'word' && ORDINALS.has(afterRight.folded) && prefix === null) return end + 2
    }

    // Multipliers: glued ("89k", "89mil") or spaced ("89 mil", "1,2 millones", "mil millones").
    let scale = 1
    let gluedK = false
    for (;;) {
      const j = scale === 1 && right?.kind === 'word' ? end : this.nextSkippingSpace(end)
      const t = this.tok(j)
      if (!t || t.kind !== 'word' || !(t.folded in MULTIPLIERS)) break
      if (t.folded === 'k') {
        if (j !== end || scale !== 1) break
        gluedK = true
      }
      scale *= MULTIPLIERS[t.folded]!
      end = j + 1
    }
    // "33W", "4to", "1er", "2x1", "128GB": a model or a measure. After "$" it is still money ("$89.000c/u").
    if (scale === 1 && right?.kind === 'word' && !(right.folded in CURRENCY_WORDS) && (prefix === null || ORDINALS.has(right.folded))) {
      return end + 1
    }

    let value = read.value * scale
    // "1 millón 200 mil", "89 mil 500": the smaller terms belong to the same amount.
    let previousScale = scale
    while (previousScale > 1) {
      let j = this.nextSkippingSpace(end)
      if (j === end) break
      if (this.tok(j)?.folded === 'y') j = this.nextSkippingSpace(j + 1)
      const n = this.tok(j)
      if (!n || n.kind !== 'num') break
      const part = parseNumeral(n.text)
      if (part === null || !Number.isInteger(part)) break
      let k = j + 1
      let partScale = 1
      const m = this.tok(this.nextSkippingSpace(k))
      if (m?.kind === 'word' && m.folded in MULTIPLIERS && m.folded !== 'k') {
        partScale = MULTIPLIERS[m.folded]!
        k = this.nextSkippingSpace(k) + 1
      }
      if (partScale >= previousScale || part * partScale >= previousScale) break
      if (partScale === 1 && this.countOrDateAfter(k)) break
      value += part * partScale
      previousScale = partScale
      end = k
    }
    if (scale > 1) value = Math.round(value * 100) / 100

    const suffixEnd = this.suffixAt(end, scale >= 1e6)
    const first = prefix ?? i
    const last = suffixEnd ?? end

    let money: boolean
    if (prefix !== null || suffixEnd !== null || rangeEnd) money = true
    else if (gluedK) money = this.cueBefore(i) !== 'none'
    else if (scale > 1) money = !this.countOrDateAfter(end)
    else if (read.grouped) {
      // Thousands grouping ("89.000", "1.200.000") is how prices are written; counts and ids
      // with grouping are rare and say so with a word around them.
      money = !this.countOrDateAfter(end) && !ID_WORDS.has(this.wordBefore(i, ID_FILLERS) ?? '')
    } else {
      money = this.plainIsMoney(i, end, numeral, read.value)
    }
    if (!money) return end
    this.push(first, last, value)
    return last
  }

  /** A bare number without grouping ("25", "85000", "2026") is an amount only after a price cue. */
  private plainIsMoney(i: number, end: number, numeral: string, value: number): boolean {
    if (this.countOrDateAfter(end)) return false
    const cue = this.cueBefore(i)
    if (cue === 'strong') return true
    if (cue !== 'weak') return false
    const digits = numeral.split(/[.,]/)[0]!.length
    const yearLike = /^\d{4}$/.test(numeral) && value >= 1900 && value <= 2100
    if (value < 1000 || digits > 9 || yearLike) return false
    return !PHONE_INTROS.has(this.wordBefore(i, PHONE_FILLERS) ?? '')
  }

  /**
   * "ochenta y cinco mil pesos", "cuesta un millón": spelled numbers are an amount with a
   * currency word after them, or with "mil"/"millón" after a price cue. "Mil gracias" is not.
   */
  private spelledAt(i: number): number {
    let total = 0
    let current = 0
    let end = i
    let lastTens = false
    let hasScale = false
    let half = false
    for (let j = i; ; ) {
      const t = this.tok(j)
      if (!t || t.kind !== 'word') break
      const w = t.folded
      if (w === 'y' && lastTens) {
        const k = this.nextSkippingSpace(j + 1)
        const n = this.tok(k)?.folded
        if (k === j + 1 || n === undefined || !(n in NUMBER_WORDS) || NUMBER_WORDS[n]! >= 10) break
        j = k
        lastTens = false
        continue
      }
      if (w === 'medio' && j === i) {
        half = true
      } else if (w in NUMBER_WORDS) {
        current += NUMBER_WORDS[w]!
        lastTens = NUMBER_WORDS[w]! >= 30 && NUMBER_WORDS[w]! < 100
      } else if (w === 'mil') {
        current = (current || 1) * 1000
        hasScale = true
        lastTens = false
      } else if (w === 'millon' || w === 'millones') {
        total += (half ? 0.5 : current || 1) * 1e6
        current = 0
        half = false
        hasScale = true
        lastTens = false
      } else {
        break
      }
      end = j + 1
      const k = this.nextSkippingSpace(j + 1)
      if (k === j + 1) break
      j = k
    }
    if (half) return i + 1
    const value = total + current
    const suffixEnd = this.suffixAt(end, true)
    const money = suffixEnd !== null || (hasScale && this.cueBefore(i) === 'strong')
    if (money && value > 0) {
      this.push(i, suffixEnd ?? end, value)
      return suffixEnd ?? end
    }
    return end
  }
}

/**
 * Every money amount stated in free Spanish text, in order: "$89.000", "89.000 pesos",
 * "COP 89.000", "$ 1.200.000", "89 mil", "$89k", "1,2 millones", "USD 25", "$25.99",
 * "ochenta y cinco mil pesos". Built for the price guard, so it leans to recall: a number
 * with thousands grouping is an amount unless a word around it says otherwise ("1.200
 * estudiantes", "cédula 1.020.345.678"), while small bare numbers ("2 a 4 días", "3 cuotas",
 * "8:00", "10%", "S8", "33W", "1.º", "2026") are amounts only right after a price word
 * ("cuesta 25"), and unmarked 4–9 digit numbers after "a"/"por"/"en" ("te lo dejo a 85000").
 */
export function findMoneyAmounts(text: string): MoneyMention[] {
  return new Scanner(text).run()
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

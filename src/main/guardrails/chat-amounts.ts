// Every money amount a bot states in its chat answer, for the price guard. The numeral rule and
// the currency and multiplier words are the ones the owner's price fields use (src/shared/money.ts),
// so "89.000" means the same in the catalog and in a reply.
import { CURRENCY_WORDS, DOLLAR_QUALIFIERS, MULTIPLIERS, parseNumeral, readNumeral } from '../../shared/money'
import { foldSpanish } from '../../shared/spanish-fold'

export interface MoneyMention {
  value: number
  /** UTF-16 offsets into the text: `text.slice(start, end) === raw`. */
  start: number
  end: number
  raw: string
}

/** Codes that may stand before a number; "pesos 89.000" is not how anyone writes. */
/**
 * Codes written before the number ("COP 89.000", "GTQ 120"): the ISO codes among the currency
 * words; those that are also words a bot writes before a count ("¿ves 2 colores?") count only
 * in capitals ("PEN 45", as formatShopPrice writes them).
 */
const NOT_PREFIX = new Set(['ves', 'pen', 'cup'])
const PREFIX_CODES = new Set(Object.keys(CURRENCY_WORDS).filter((word) => word.length === 3 && word === CURRENCY_WORDS[word]!.toLowerCase() && !NOT_PREFIX.has(word)))

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
    if (t.kind === 'word' && (PREFIX_CODES.has(t.folded) || (NOT_PREFIX.has(t.folded) && t.text === t.text.toUpperCase()))) {
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

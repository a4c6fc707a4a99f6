// Street addresses in the ways each market writes them: Colombia's grid ("Calle 45 # 12-34 apto
// 501", "Cra 7 No. 12-30"), named streets ("Av. Insurgentes Sur 1234, col. Roma", "calle Mayor 5,
// 3º B", "Jr. Junín 456", "Av. Corrientes 1234 piso 5 depto B"), Peru's "Mz. B Lt. 12", and
// whatever follows "mi dirección es". A street word alone ("la calle está cerrada", "TV 55")
// never is one: it needs a house number, and a named street needs a capitalised name.

import { unitAfter } from './context'
import type { SpanSet } from './spans'

const B = String.raw`(?<![\p{L}\p{N}])`
const GRID_TYPES = String.raw`calle|cl|cll|carrera|cra|kra|cr|kr|avenida|av|ave|avda|diagonal|dg|diag|transversal|tv|transv|tr|circular|cq|autopista|ak|ac`
const NUMBER_SIGN = String.raw`(?:#|n[°o]\.?|no\.?|nro\.?|n[uú]mero)`
const GRID_NUMBER = String.raw`\d{1,3}\s?[a-z]?(?:\s?bis)?(?:\s?[a-z](?![\p{L}]))?(?:\s(?:sur|norte|este|oeste))?`

// "Calle 45 # 12-34", "Cra 7 No. 12-30", "Cl 10 #5-20", "Calle 50 N° 1234"
const GRID_WITH_SIGN = new RegExp(
  String.raw`${B}(?:${GRID_TYPES})(?![\p{L}])\.?\s{0,2}${GRID_NUMBER}\s{0,2}${NUMBER_SIGN}\s{0,2}\d{1,4}\s?[a-z]?(?:\s{0,2}-\s{0,2}\d{1,3}[a-z]?)?(?:\s(?:sur|norte|este|oeste))?(?![\p{L}\p{N}])`,
  'giu',
)
// "calle 45 12-34"
const GRID_WITH_DASH = new RegExp(
  String.raw`${B}(?:${GRID_TYPES})(?![\p{L}])\.?\s{0,2}\d{1,3}[a-z]?\s{1,2}\d{1,3}[a-z]?\s{0,2}-\s{0,2}\d{1,3}[a-z]?(?![\p{L}\p{N}])`,
  'giu',
)

const NAMED_TYPES = String.raw`calle|c\/|avenida|av|ave|avda|jir[oó]n|jr|pasaje|psje|pje|paseo|plaza|pza|camino|carretera|ctra|ronda|rambla|traves[ií]a|bulevar|boulevard|blvd|calzada|calz|prolongaci[oó]n|prol|privada|priv|andador|callej[oó]n|carrera|diagonal|transversal|urbanizaci[oó]n|urb`
// "Av. Insurgentes Sur 1234", "calle Mayor 5", "Jr. Junín 456", "Paseo de la Reforma 222"
const NAMED = new RegExp(
  String.raw`${B}(?:${NAMED_TYPES})(?![\p{L}])\.?\s{0,2}((?:[\p{L}'][\p{L}'.]{0,24},?\s{1,2}){1,5})(?:${NUMBER_SIGN}\s{0,2})?(\d{1,5}[a-z]?)(?![\p{L}\p{N}])`,
  'giu',
)
// Peru and Central America: "Mz. B Lt. 12", "manzana 4 lote 7"
const BLOCK_LOT = new RegExp(
  String.raw`${B}(?:mz|manzana)\.?\s{0,2}[a-z0-9]{1,3}[\s,]{1,3}(?:lt|lote)\.?\s{0,2}\d{1,3}[a-z]?(?![\p{L}\p{N}])`,
  'giu',
)
// "mi dirección es …", "dirección de entrega: …"
const ADDRESS_INTRO = /(?<![\p{L}])(?:direcci[oó]n|domicilio)(?:\sde\s(?:entrega|env[ií]o|casa|mi\scasa))?(?:\ses\s{1,2}|\s{0,2}:\s{0,2})/giu

const UNIT =
  /[\s,]{0,3}(?:apto|apartamento|apt|dpto|depto|departamento|dept|piso|int|interior|torre|casa|bloque|blq|bl|local|loc|of|oficina|mz|manzana|lt|lote|portal|esc|escalera|puerta|pta|conj|etapa|unidad|ph)(?![\p{L}])\.?\s{0,2}[#:]?\s{0,2}(?:n[°o]\.?\s{0,2})?(?:\d[\p{L}\p{N}-]{0,5}|[a-z](?:-?\d{1,4})?)(?![\p{L}\p{N}])/iuy
const AREA =
  /[\s,]{0,3}(?:col|colonia|barrio|urb|urbanizaci[oó]n|fracc|fraccionamiento|sector|residencial|villa|comuna|zona|distrito|deleg|delegaci[oó]n|alcald[ií]a|municipio|parroquia|vereda|localidad|conjunto|edificio|edif|torre)(?![\p{L}])\.?\s{1,2}((?:[\p{L}'][\p{L}'.]{0,24}\s?){1,4})/iuy
const POSTAL = /[\s,]{0,3}(?:c\.?\s?p\.?|c[oó]digo\spostal)\s{0,2}:?\s{0,2}\d{4,5}(?![\p{N}])/iuy
const FLOOR = /[\s,]{0,3}\d{1,2}[oa°]\.?(?:\s?(?:[A-H]|izq(?:uierda)?|dcha|der(?:echa)?|centro|ctro))?(?![\p{L}\p{N}])/uy

// Street words as whole words: "tr" and "cr" inside "otro" or "escribe" must not wake the patterns.
export const ADDRESS_HINT =
  /(?<![\p{L}])(?:calle|cl|cll|cra|kra|kr|cr|av|ave|avda|avenida|dg|diag|diagonal|tv|tr|transv|transversal|carrera|circular|cq|autopista|ak|ac|c\/|jr|jir[oó]n|pasaje|psje|pje|paseo|plaza|pza|camino|carretera|ctra|ronda|rambla|traves[ií]a|bulevar|boulevard|blvd|calzada|calz|prolongaci[oó]n|prol|privada|priv|andador|callej[oó]n|urb|urbanizaci[oó]n|mz|manzana|direcci[oó]n|domicilio)(?![\p{L}])/iu

const WORD_CHAR = /[\p{L}\p{N}]/u
const CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e'])
const NOT_A_VALUE = new Set(['la', 'el', 'los', 'las', 'esa', 'ese', 'esta', 'este', 'igual', 'correcta', 'incorrecta', 'misma', 'mismo', 'diferente', 'otra', 'otro', 'nueva', 'que', 'lo', 'de', 'no', 'una', 'un', 'mi', 'su'])

export function findAddresses(text: string, spans: SpanSet): void {
  for (const re of [GRID_WITH_SIGN, GRID_WITH_DASH, BLOCK_LOT]) {
    for (const m of text.matchAll(re)) addAddress(text, spans, m.index, m.index + m[0].length)
  }
  for (const m of text.matchAll(NAMED)) {
    const end = m.index + m[0].length
    if (!streetName(m[1]!) || unitAfter(text, end)) continue
    addAddress(text, spans, m.index, end)
  }
  for (const m of text.matchAll(ADDRESS_INTRO)) {
    const start = m.index + m[0].length
    const end = introducedAddressEnd(text, start, spans)
    if (end > start) addAddress(text, spans, start, end)
  }
}

function addAddress(text: string, spans: SpanSet, start: number, end: number): void {
  if (spans.overlaps(start, end)) return
  spans.add(start, extend(text, end), 'address')
}

/** Apartment, floor, neighbourhood and postal code after the street: "apto 501", ", col. Roma", ", 3º B". */
function extend(text: string, end: number): number {
  let at = end
  for (let round = 0; round < 8; round++) {
    const next = unitAt(text, at)
    if (next === at) break
    at = next
  }
  return at
}

function unitAt(text: string, at: number): number {
  for (const re of [UNIT, POSTAL, FLOOR]) {
    re.lastIndex = at
    const m = re.exec(text)
    if (m) return at + m[0].length
  }
  AREA.lastIndex = at
  const area = AREA.exec(text)
  if (area) {
    const nameLength = capitalisedPrefix(area[1]!)
    if (nameLength > 0) return at + area[0].length - area[1]!.length + nameLength
  }
  return at
}

/** Length of the leading run of capitalised words (connectors between them allowed), without trailing space. */
function capitalisedPrefix(words: string): number {
  let length = 0
  let at = 0
  for (const word of words.split(/(\s)/)) {
    if (word !== '' && !/\s/.test(word)) {
      const bare = word.replace(/[.,']/g, '')
      const connector = CONNECTORS.has(bare.toLowerCase()) && bare === bare.toLowerCase()
      if (!connector && !isCapitalised(bare)) break
      if (!connector) length = at + word.replace(/,$/, '').length
    }
    at += word.length
  }
  return length
}

/** A street's name: capitalised words, with "de", "la"… between them. */
function streetName(words: string): boolean {
  let named = false
  for (const raw of words.trim().split(/\s+/)) {
    const word = raw.replace(/[.,']/g, '')
    if (word === '') continue
    if (CONNECTORS.has(word.toLowerCase()) && word === word.toLowerCase()) continue
    if (!isCapitalised(word)) return false
    named = true
  }
  return named
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0)
  return first !== first.toLowerCase() && first === first.toUpperCase()
}

/** After "mi dirección es": up to the end of the clause, when it holds a house number. */
function introducedAddressEnd(text: string, start: number, spans: SpanSet): number {
  const limit = Math.min(text.length, start + 100)
  let lastDigitEnd = -1
  for (let i = start; i < limit; i++) {
    const c = text.charCodeAt(i)
    // The clause ends at \n ; ! ? or where a phone or an e-mail already found begins.
    if (c === 10 || c === 59 || c === 33 || c === 63 || spans.overlaps(i, i + 1)) break
    if (c >= 48 && c <= 57) {
      let j = i
      while (j < limit && WORD_CHAR.test(text[j]!)) j++
      lastDigitEnd = j
      i = j - 1
    }
  }
  if (lastDigitEnd < 0) return start
  const firstWord = /^[\p{L}]+/u.exec(text.slice(start, start + 24))?.[0]?.toLowerCase()
  if (firstWord !== undefined && NOT_A_VALUE.has(firstWord)) return start
  return extend(text, lastDigitEnd)
}

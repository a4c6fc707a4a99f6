// An owner's catalog file → products, with every problem named in Spanish and placed on its
// row. Nothing here throws on bad input and nothing stops at the first error: an owner fixing a
// spreadsheet wants the whole list at once, not one round trip per typo. Whether to write
// anything is the caller's decision (the catalog service writes nothing if any row is wrong).

import type { ImportRowError, ProductInput } from '../../shared/catalog'
import { DEFAULT_CURRENCY, productInputSchema } from '../../shared/catalog'
import { foldSpanish } from '../kernel/spanish-text'
import { parseCsvSteps } from './csv'
import { parseMoneyField } from '../../shared/money'
import { trimTrailing } from '../../shared/text-bounds'

export interface ParsedCatalog {
  /** Valid rows, in file order; `row` counts data rows from 1. */
  products: { row: number; input: ProductInput }[]
  errors: ImportRowError[]
  /** Data rows read (a CSV header and blank lines not counted). */
  rows: number
}

/** More than this in one file is a mistake (a wrong export) or a job for several files. */
export const MAX_IMPORT_ROWS = 20_000
/** The largest file (UTF-8 bytes) an import reads; 20,000 rows with long descriptions fit. */
export const MAX_IMPORT_BYTES = 10_000_000
/**
 * The longest cell read. The longest field a product has is its description (4,000); a longer
 * cell is a mistake (a pasted document, a broken export) and is named before anything else —
 * price parsing and folding included — looks at it.
 */
export const MAX_CELL_CHARS = 5_000
/** Rows checked between two looks at the clock (see parseCatalogFileInSlices). */
const ROWS_PER_STEP = 100

export interface CatalogFileOptions {
  /**
   * The shop's currency (ISO 4217, from its country): what a row's price is in when the row
   * names none, and what "$" and "pesos" mean when the shop's own money is written that way.
   * Without it, Colombian pesos, as before shops had a country.
   */
  currency?: string
}

/** Currencies written "pesos" where they are spent; "$" also stands for the dollar where it is the money. */
const PESO_CURRENCIES = new Set(['ARS', 'CLP', 'COP', 'CUP', 'DOP', 'MXN', 'UYU'])

type Field = 'sku' | 'name' | 'description' | 'price' | 'currency' | 'category' | 'keywords' | 'active' | 'photoFile'

/** Accepted column names and JSON keys, already normalized (see normalizeHeader). */
const ALIASES: Record<Field, readonly string[]> = {
  sku: ['codigo', 'sku', 'referencia', 'ref', 'cod', 'codigo sku'],
  name: ['nombre', 'producto', 'name', 'nombre del producto', 'nombre producto', 'product', 'product name'],
  description: ['descripcion', 'detalle', 'description', 'detalles'],
  price: ['precio', 'valor', 'price', 'precio de venta', 'precio venta'],
  currency: ['moneda', 'currency', 'divisa'],
  category: ['categoria', 'category'],
  keywords: ['palabras clave', 'etiquetas', 'keywords', 'tags', 'keyword'],
  active: ['activo', 'disponible', 'active', 'activa'],
  photoFile: ['foto', 'fotos', 'imagen', 'imagenes', 'archivo de foto', 'archivo foto', 'photo', 'image', 'picture'],
}

const FIELD_BY_ALIAS = new Map<string, Field>(
  (Object.entries(ALIASES) as [Field, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
)

/** How each field is named in a Spanish sentence, and whether it is feminine ("está vacía"). */
const LABELS: Record<Field, { label: string; feminine: boolean }> = {
  sku: { label: 'el código (SKU)', feminine: false },
  name: { label: 'el nombre', feminine: false },
  description: { label: 'la descripción', feminine: true },
  price: { label: 'el precio', feminine: false },
  currency: { label: 'la moneda', feminine: true },
  category: { label: 'la categoría', feminine: true },
  keywords: { label: 'las palabras clave', feminine: true },
  active: { label: 'el campo «activo»', feminine: false },
  photoFile: { label: 'la foto', feminine: true },
}

/** "Palabras_Clave", " CÓDIGO ", "Precio (COP)", "Nombre*" → "palabras clave", "codigo", "precio", "nombre". */
function normalizeHeader(name: string): string {
  return withoutParentheses(foldSpanish(name))
    .replace(/[_\-.*:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * "precio (cop)" → "precio  ": each "(" up to the next ")" becomes a space; an unclosed "(" stays.
 * A scan, not /\(.*?\)/g, which retries from every "(" of a header with no ")" (quadratic: a
 * header of 150,000 "(" held the server for 10 s).
 */
function withoutParentheses(text: string): string {
  let out = ''
  let from = 0
  for (;;) {
    const open = text.indexOf('(', from)
    if (open === -1) break
    const close = text.indexOf(')', open + 1)
    if (close === -1) break
    out += text.slice(from, open) + ' '
    from = close + 1
  }
  return out + text.slice(from)
}

const TRUE_WORDS = new Set(['si', 's', 'true', '1', 'x', 'yes', 'y', 'verdadero', 'activo', 'activa', 'disponible', 'ok'])
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'falso', 'inactivo', 'inactiva', 'agotado', 'agotada', 'no disponible'])

/** Spanish Excel exports booleans as VERDADERO/FALSO; owners write sí/no/x. Empty means active. */
function parseActive(raw: string): boolean | null | undefined {
  const value = trimTrailing(foldSpanish(raw).trim(), '.!')
  if (value === '') return undefined
  if (TRUE_WORDS.has(value)) return true
  if (FALSE_WORDS.has(value)) return false
  return null
}

const CURRENCY_ALIASES: Record<string, string> = {
  $: 'COP',
  pesos: 'COP',
  peso: 'COP',
  'col$': 'COP',
  'pesos colombianos': 'COP',
  'us$': 'USD',
  dolares: 'USD',
  dolar: 'USD',
  euros: 'EUR',
  euro: 'EUR',
  '€': 'EUR',
}

/** "a, b; c | d" → ["a", "b", "c", "d"], without blanks or repeats (compared accent-insensitively). */
function splitKeywords(raw: string): string[] {
  return dedupeKeywords(raw.split(/[,;|]/))
}

function dedupeKeywords(values: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const value of values) {
    const keyword = value.trim()
    const key = foldSpanish(keyword)
    if (keyword === '' || seen.has(key)) continue
    seen.add(key)
    out.push(keyword)
  }
  return out
}

/** One row's values before validation: strings from a CSV cell, anything from JSON. */
type RawRow = Partial<Record<Field, unknown>>

interface RowOutcome {
  input: ProductInput | null
  errors: ImportRowError[]
}

function fieldError(row: number, field: Field | null, message: string): ImportRowError {
  return { row, field, message }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `«${value}»`
  return JSON.stringify(value) ?? String(value)
}

/** A text field from a cell or JSON value: strings and numbers are text, null/empty is absent. */
function textOf(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return null
  return value.trim() === '' ? undefined : value
}

/** Cells past MAX_CELL_CHARS, each named; nothing else in the row is read when there is one. */
function oversizedCells(row: number, raw: RawRow): ImportRowError[] {
  const errors: ImportRowError[] = []
  for (const [field, value] of Object.entries(raw) as [Field, unknown][]) {
    const length = typeof value === 'string' ? value.length : Array.isArray(value) ? value.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 0), 0) : 0
    if (length > MAX_CELL_CHARS) {
      errors.push(
        fieldError(row, field, `${LABELS[field].label} tiene ${length.toLocaleString('es-CO')} caracteres y una celda puede tener hasta ${MAX_CELL_CHARS.toLocaleString('es-CO')}`),
      )
    }
  }
  return errors
}

/**
 * "$", "pesos", "peso" in the shop's own words: its pesos (a Mexican shop's "pesos" are MXN), or
 * its dollars for "$"; null when the shop's money is not written that way (the word keeps the
 * meaning it always had here, Colombian pesos).
 */
function localMoneyWord(word: string, shopCurrency: string): string | null {
  if (!PESO_CURRENCIES.has(shopCurrency) && !(word === '$' && shopCurrency === 'USD')) return null
  return word === '$' || word === 'pesos' || word === 'peso' ? shopCurrency : null
}

/** A price cell whose currency came from a peso word ("89.000 pesos"), not from "COP" or "COL$". */
function pricedInPesoWord(raw: string | number): boolean {
  if (typeof raw !== 'string') return false
  const folded = foldSpanish(raw)
  return /\bpesos?\b/.test(folded) && !/\bcop\b|\bcol?\$|colombian/.test(folded)
}

/** Builds and validates one product; every problem of the row is reported, not just the first. */
function buildProduct(row: number, raw: RawRow, shopCurrency: string): RowOutcome {
  const oversized = oversizedCells(row, raw)
  if (oversized.length > 0) return { input: null, errors: oversized }
  const errors: ImportRowError[] = []
  const candidate: Record<string, unknown> = {}
  const wrongType = (field: Field) =>
    errors.push(fieldError(row, field, `${LABELS[field].label} debe ser un texto, no ${describe(raw[field])}`))

  for (const field of ['sku', 'name', 'description', 'category', 'photoFile'] as const) {
    const value = textOf(raw[field])
    if (value === null) wrongType(field)
    else if (value !== undefined) candidate[field] = value
  }
  // A name is required; an absent one gets the same message as a blank one.
  if (candidate.name === undefined && textOf(raw.name) !== null) candidate.name = ''

  let priceCurrency: string | null = null
  if (raw.price !== undefined && raw.price !== null) {
    if (typeof raw.price !== 'string' && typeof raw.price !== 'number') {
      errors.push(fieldError(row, 'price', `${describe(raw.price)} no es un precio`))
    } else {
      const parsed = parseMoneyField(raw.price)
      if (!parsed.ok) errors.push(fieldError(row, 'price', parsed.message))
      else {
        candidate.price = parsed.value
        // The money parser reads "pesos" as Colombian; in a shop elsewhere they are its own pesos.
        priceCurrency = parsed.currency === 'COP' && pricedInPesoWord(raw.price) ? (localMoneyWord('pesos', shopCurrency) ?? 'COP') : parsed.currency
      }
    }
  }

  const currencyText = textOf(raw.currency)
  if (currencyText === null) wrongType('currency')
  const alias = currencyText === undefined || currencyText === null ? '' : foldSpanish(currencyText).trim()
  const currency = currencyText ? (localMoneyWord(alias, shopCurrency) ?? CURRENCY_ALIASES[alias] ?? currencyText.trim().toUpperCase()) : undefined
  if (currency !== undefined && priceCurrency !== null && currency !== priceCurrency) {
    errors.push(fieldError(row, 'currency', `el precio dice ${priceCurrency} pero la moneda dice ${currency}`))
  } else {
    // Neither the price nor a currency column names one: the shop's own.
    candidate.currency = currency ?? priceCurrency ?? shopCurrency
  }

  const keywords = raw.keywords
  if (Array.isArray(keywords)) {
    const texts = keywords.map(textOf)
    if (texts.some((k) => k === null)) errors.push(fieldError(row, 'keywords', 'las palabras clave deben ser textos'))
    else candidate.keywords = dedupeKeywords(texts.filter((k): k is string => k !== undefined))
  } else if (typeof keywords === 'string') {
    candidate.keywords = splitKeywords(keywords)
  } else if (keywords !== undefined && keywords !== null) {
    errors.push(fieldError(row, 'keywords', `las palabras clave deben ser una lista o un texto separado por comas, no ${describe(keywords)}`))
  }

  const active = raw.active
  if (typeof active === 'boolean') candidate.active = active
  else if (typeof active === 'string' || typeof active === 'number') {
    const parsed = parseActive(String(active))
    if (parsed === null) errors.push(fieldError(row, 'active', `${describe(active)} no es sí ni no (escribe sí o no)`))
    else if (parsed !== undefined) candidate.active = parsed
  } else if (active !== undefined && active !== null) {
    errors.push(fieldError(row, 'active', `${describe(active)} no es sí ni no (escribe sí o no)`))
  }

  const result = productInputSchema.safeParse(candidate)
  if (!result.success) {
    // A field already reported (a price that is not a number) is not reported again by the schema.
    const reported = new Set(errors.map((e) => e.field))
    for (const issue of result.error.issues) {
      const error = translateIssue(row, issue, candidate)
      if (!reported.has(error.field)) errors.push(error)
    }
  }
  return { input: result.success && errors.length === 0 ? result.data : null, errors }
}

interface SchemaIssue {
  code: string
  path: PropertyKey[]
  origin?: string
  maximum?: unknown
  minimum?: unknown
}

/** Zod's English issue → a sentence an owner understands. */
function translateIssue(row: number, issue: SchemaIssue, candidate: Record<string, unknown>): ImportRowError {
  const field = (typeof issue.path[0] === 'string' && issue.path[0] in LABELS ? issue.path[0] : null) as Field | null
  if (field === null) return fieldError(row, null, 'la fila tiene un dato que no es válido')
  const { label, feminine } = LABELS[field]
  const max = typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint' ? issue.maximum.toLocaleString('es-CO') : ''
  if (field === 'keywords' && issue.path.length > 1) {
    const keyword = (candidate.keywords as string[] | undefined)?.[Number(issue.path[1])] ?? ''
    const shown = keyword.length > 30 ? `${keyword.slice(0, 30)}…` : keyword
    if (issue.code === 'too_big') return fieldError(row, field, `la palabra clave «${shown}» tiene más de ${max} caracteres`)
    return fieldError(row, field, `la palabra clave ${describe(keyword)} no es válida`)
  }
  switch (issue.code) {
    case 'too_small':
      if (field === 'price') return fieldError(row, field, 'el precio no puede ser negativo')
      return fieldError(row, field, `${label} está ${feminine ? 'vacía' : 'vacío'}`)
    case 'too_big':
      if (field === 'price') return fieldError(row, field, 'el precio es demasiado alto')
      if (field === 'keywords') return fieldError(row, field, `hay más de ${max} palabras clave`)
      return fieldError(row, field, `${label} tiene más de ${max} caracteres`)
    case 'invalid_format':
      if (field === 'currency') {
        return fieldError(row, field, `${describe(candidate.currency)} no es un código de moneda: usa tres letras, como COP o USD`)
      }
      return fieldError(row, field, `${label} no tiene el formato esperado`)
    case 'invalid_type':
      if (field === 'price') return fieldError(row, field, 'el precio no es un número')
      return fieldError(row, field, `${label} no tiene el tipo esperado`)
    default:
      return fieldError(row, field, `${label} no es ${feminine ? 'válida' : 'válido'}`)
  }
}

/** Runs every row through buildProduct and flags repeated SKUs on their later rows. */
function* collect(
  rows: { row: number; raw: RawRow }[],
  errors: ImportRowError[],
  total: number,
  shopCurrency: string,
  /** How the file's own unit is named in a message: a sheet's "la fila 6", a JSON list's "el producto 5". */
  place: 'la fila' | 'el producto',
): Generator<void, ParsedCatalog> {
  const products: ParsedCatalog['products'] = []
  const skuRows = new Map<string, number>()
  let step = 0
  for (const { row, raw } of rows) {
    if (++step % ROWS_PER_STEP === 0) yield
    const outcome = buildProduct(row, raw, shopCurrency)
    errors.push(...outcome.errors)
    const sku = typeof raw.sku === 'string' || typeof raw.sku === 'number' ? String(raw.sku).trim() : ''
    if (sku !== '') {
      const first = skuRows.get(sku)
      if (first !== undefined) {
        errors.push(fieldError(row, 'sku', `el código «${sku}» ya aparece en ${place} ${first}; cada producto necesita un código distinto`))
        continue
      }
      skuRows.set(sku, row)
    }
    if (outcome.input) products.push({ row, input: outcome.input })
  }
  // Rows with a problem found outside buildProduct (extra columns, a key given twice) are not products either.
  const bad = new Set(errors.map((e) => e.row))
  errors.sort((a, b) => a.row - b.row)
  return { products: products.filter((p) => !bad.has(p.row)), errors, rows: total }
}

function tooMany(rows: number): ParsedCatalog {
  return {
    products: [],
    errors: [fieldError(0, null, `El archivo tiene ${rows.toLocaleString('es-CO')} filas y el máximo es ${MAX_IMPORT_ROWS.toLocaleString('es-CO')}: divídelo en varios archivos.`)],
    rows,
  }
}

function* parseCsvCatalog(content: string, shopCurrency: string): Generator<void, ParsedCatalog> {
  const parsed = yield* parseCsvSteps(content)
  // The parser counts records read before the error, the header included: a data record's sheet row is one more.
  if (!parsed.ok) return { products: [], errors: [fieldError(parsed.row > 0 ? parsed.row + 1 : 0, null, parsed.message)], rows: 0 }
  const [header, ...data] = parsed.rows
  if (!header || header.cells.every((c) => c.trim() === '')) {
    return { products: [], errors: [fieldError(0, null, 'El archivo está vacío.')], rows: 0 }
  }

  const errors: ImportRowError[] = []
  const columns: (Field | null)[] = header.cells.map((cell) => FIELD_BY_ALIAS.get(normalizeHeader(cell)) ?? null)
  const seen = new Map<Field, string>()
  columns.forEach((field, index) => {
    if (field === null) return
    const name = header.cells[index]!.trim()
    const previous = seen.get(field)
    if (previous !== undefined) {
      errors.push(fieldError(0, field, `las columnas «${previous}» y «${name}» son el mismo dato (${LABELS[field].label}); deja solo una`))
      columns[index] = null
    } else {
      seen.set(field, name)
    }
  })
  if (!seen.has('name')) {
    errors.push(
      fieldError(
        0,
        null,
        'Falta la columna del nombre del producto. La primera fila debe tener los títulos de las columnas, y el nombre va en una ' +
          'columna llamada «nombre», «producto» o «name». Las demás columnas que se leen: código (o sku, referencia), descripción, ' +
          'precio (o valor), moneda, categoría, palabras clave (o etiquetas) y activo (o disponible).',
      ),
    )
  }

  // Rows are numbered as the spreadsheet numbers them: the titles are row 1, so the first product
  // is row 2 ("fila 1" sent the owner to the titles). Blank lines keep their number but are not products.
  const rows = data
    .map((r, index) => ({ row: index + 2, cells: r.cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
  if (rows.length > MAX_IMPORT_ROWS) return tooMany(rows.length)
  // Without a name column every row would fail the same way; one message says it all.
  if (!seen.has('name')) return { products: [], errors, rows: rows.length }
  if (rows.length === 0) return { products: [], errors: [fieldError(0, null, 'El archivo solo tiene la fila de títulos; no hay productos.')], rows: 0 }

  yield
  const rawRows: { row: number; raw: RawRow }[] = []
  for (const { row, cells } of rows) {
    if (row % ROWS_PER_STEP === 0) yield
    // Extra cells mean an unquoted delimiter shifted the columns: every field after it is wrong,
    // so that is the one thing to say about the row.
    if (cells.slice(header.cells.length).some((c) => c.trim() !== '')) {
      const delimiter = parsed.delimiter === '\t' ? 'un tabulador' : `«${parsed.delimiter}»`
      errors.push(
        fieldError(row, null, `la fila tiene ${cells.length} columnas y los títulos ${header.cells.length}: si un texto lleva ${delimiter}, ponlo entre comillas`),
      )
      continue
    }
    const raw: RawRow = {}
    cells.forEach((cell, index) => {
      const field = columns[index]
      if (field) raw[field] = cell
    })
    rawRows.push({ row, raw })
  }
  return yield* collect(rawRows, errors, rows.length, shopCurrency, 'la fila')
}

/** Where JSON.parse stopped, as "línea 3, columna 5", from the engine's message. */
function jsonPosition(content: string, message: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(message)
  if (lineCol) return `la línea ${lineCol[1]}, columna ${lineCol[2]}`
  const position = /position (\d+)/.exec(message)
  if (position) {
    const offset = Number(position[1])
    const before = content.slice(0, offset)
    const line = before.split('\n').length
    const column = offset - before.lastIndexOf('\n')
    return `la línea ${line}, columna ${column}`
  }
  return 'el final del archivo'
}

function* parseJsonCatalog(content: string, shopCurrency: string): Generator<void, ParsedCatalog> {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { products: [], errors: [fieldError(0, null, `El JSON no es válido cerca de ${jsonPosition(text, message)} (${message}).`)], rows: 0 }
  }
  let list: unknown = data
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const key = Object.keys(data).find((k) => ['products', 'productos'].includes(foldSpanish(k)))
    list = key === undefined ? undefined : (data as Record<string, unknown>)[key]
  }
  if (!Array.isArray(list)) {
    return { products: [], errors: [fieldError(0, null, 'El JSON debe ser una lista de productos, o un objeto con la lista en "products".')], rows: 0 }
  }
  if (list.length > MAX_IMPORT_ROWS) return tooMany(list.length)
  if (list.length === 0) return { products: [], errors: [fieldError(0, null, 'La lista de productos está vacía.')], rows: 0 }

  const errors: ImportRowError[] = []
  const rawRows: { row: number; raw: RawRow }[] = []
  list.forEach((item: unknown, index) => {
    const row = index + 1
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      errors.push(fieldError(row, null, `el producto debe ser un objeto con nombre, precio…, no ${describe(item)}`))
      return
    }
    const raw: RawRow = {}
    for (const [key, value] of Object.entries(item)) {
      const field = FIELD_BY_ALIAS.get(normalizeHeader(key))
      if (field === undefined) continue
      if (field in raw) {
        errors.push(fieldError(row, field, `${LABELS[field].label} aparece dos veces en el producto («${key}»); deja solo una`))
        continue
      }
      raw[field] = value
    }
    rawRows.push({ row, raw })
  })
  return yield* collect(rawRows, errors, list.length, shopCurrency, 'el producto')
}

/**
 * Parses a catalog file. CSV: the first row names the columns (Spanish or English, any case or
 * accents; unknown columns are ignored). JSON: an array of objects, or `{ "products": [...] }`,
 * with the same names as keys. Products come back only from rows without errors.
 */
export function parseCatalogFile(content: string, format: 'csv' | 'json', options: CatalogFileOptions = {}): ParsedCatalog {
  const steps = catalogSteps(content, format, options)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * parseCatalogFile for the server: the same result, with `pause` awaited every few rows so a
 * 20,000-row file does not hold the event loop for the seconds its checks take.
 */
export async function parseCatalogFileInSlices(
  content: string,
  format: 'csv' | 'json',
  pause: () => Promise<void>,
  options: CatalogFileOptions = {},
): Promise<ParsedCatalog> {
  const steps = catalogSteps(content, format, options)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await pause()
  }
}

function* catalogSteps(content: string, format: 'csv' | 'json', options: CatalogFileOptions): Generator<void, ParsedCatalog> {
  const bytes = Buffer.byteLength(content, 'utf8')
  if (bytes > MAX_IMPORT_BYTES) {
    const mb = (n: number) => (n / 1_000_000).toLocaleString('es-CO', { maximumFractionDigits: 1 })
    return {
      products: [],
      errors: [fieldError(0, null, `El archivo pesa ${mb(bytes)} MB y el máximo es ${mb(MAX_IMPORT_BYTES)} MB: divídelo en varios archivos.`)],
      rows: 0,
    }
  }
  const shopCurrency = options.currency ?? DEFAULT_CURRENCY
  return format === 'csv' ? yield* parseCsvCatalog(content, shopCurrency) : yield* parseJsonCatalog(content, shopCurrency)
}

import type { MessageKey } from '../../i18n/es'
import type { Translate } from '../../i18n/i18n'

const PRODUCT_FIELDS = ['name', 'sku', 'price', 'currency', 'category', 'description', 'keywords', 'active'] as const
export type ProductField = (typeof PRODUCT_FIELDS)[number]

/** The column each field has in an import file, as the owner reads it in the help text. */
const COLUMN_KEYS: Record<ProductField, MessageKey> = {
  name: 'catalog.column.name',
  sku: 'catalog.column.sku',
  price: 'catalog.column.price',
  currency: 'catalog.column.currency',
  category: 'catalog.column.category',
  description: 'catalog.column.description',
  keywords: 'catalog.column.keywords',
  active: 'catalog.column.active',
}

function isProductField(name: string): name is ProductField {
  return (PRODUCT_FIELDS as readonly string[]).includes(name)
}

/** `product.sku`, `sku` or `keywords.3` → the form field it belongs to; null for anything else. */
export function fieldOf(path: string): ProductField | null {
  const segments = path.split('.')
  const name = segments[0] === 'product' ? segments[1] : segments[0]
  return name !== undefined && isProductField(name) ? name : null
}

/** An import error's field in the file's own (Spanish) column names; unknown ones stay as sent. */
export function columnLabel(field: string | null, t: Translate): string {
  if (field === null) return t('catalog.import.wholeRow')
  const known = fieldOf(field)
  return known ? t(COLUMN_KEYS[known]) : field
}

/**
 * The core's validation messages are short Spanish sentences from the shared schema (they are
 * also what the CLI prints); the owner reads them here in the UI's language. A message this
 * list does not know is shown as it came, which beats hiding why the row failed.
 */
export function describeProblem(message: string, t: Translate): string {
  const known: Record<string, MessageKey> = {
    'No puede quedar vacío.': 'catalog.problem.empty',
    'Debe ser un número.': 'catalog.problem.notNumber',
    'No puede ser negativo.': 'catalog.problem.negative',
    'Escribe el código de la moneda con 3 letras, como COP.': 'catalog.problem.currency',
    'Como mucho 50 palabras clave.': 'catalog.problem.tooManyKeywords',
    'Ya lo usa otro producto.': 'catalog.problem.skuTaken',
  }
  const key = known[message.trim()]
  if (key) return t(key)
  const tooLong = /^Es demasiado largo: como mucho (\d+) caracteres\.$/.exec(message.trim())
  if (tooLong) return t('catalog.problem.tooLong', { max: tooLong[1]! })
  return message
}

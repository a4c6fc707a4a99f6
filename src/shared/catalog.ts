// The catalog's shapes, shared by the core (import, API) and the Catálogo screen.
import { z } from 'zod'

/** ISO 4217 code; the shop's default is Colombian pesos. */
export const DEFAULT_CURRENCY = 'COP'

const text = (max: number) => z.string().trim().max(max, `Es demasiado largo: como mucho ${max} caracteres.`)

/** One product as the owner writes it (form, CSV row or JSON object), after parsing. */
export const productInputSchema = z
  .object({
    /** The shop's own code; products with a SKU are updated in place by an import. */
    sku: text(64).min(1, 'No puede quedar vacío.').nullable().default(null),
    name: text(200).min(1, 'No puede quedar vacío.'),
    description: text(4000).default(''),
    /** Null when the product has no fixed price ("a convenir"): the bot never quotes one. */
    price: z.number().finite('Debe ser un número.').nonnegative('No puede ser negativo.').max(1e12).nullable().default(null),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'Escribe el código de la moneda con 3 letras, como COP.')
      .default(DEFAULT_CURRENCY),
    category: text(80).min(1).nullable().default(null),
    keywords: z.array(text(60).min(1)).max(50, 'Como mucho 50 palabras clave.').default([]),
    active: z.boolean().default(true),
    /**
     * The file name of the product's photo, from an imported catalog's «foto» column. Absent (the
     * product form) leaves the one the product has; the photo itself arrives with that name later.
     */
    photoFile: text(255).min(1).nullable().optional(),
  })
  .strict()

export type ProductInput = z.output<typeof productInputSchema>

export interface ProductDto extends ProductInput {
  id: string
  createdAt: number
  updatedAt: number | null
  /** The product's photo, fetched through `media.get` (`updatedAt` changes with each new photo). */
  photo: { mimeType: string; updatedAt: number } | null
}

/**
 * A problem with one row of an import file. `row` is where the owner finds it: in a CSV the
 * spreadsheet's row (the titles are row 1, the first product row 2); in JSON the product's
 * position in the list from 1; 0 for the file as a whole or its title row.
 */
export interface ImportRowError {
  row: number
  /** The field at fault (`price`, `name`…), or null for the row as a whole. */
  field: string | null
  message: string
}

export interface CatalogImportReport {
  /** Rows read from the file (not counting a header). */
  rows: number
  /** Rows that would create a new product / update one with the same SKU. */
  created: number
  updated: number
  errors: ImportRowError[]
  /** True only when the rows were written: never when there is any error, never on a dry run. */
  applied: boolean
}

/** What a photo-folder import did: which files became whose photo, and which did not. */
export interface PhotoImportReport {
  matched: { file: string; productId: string; productName: string }[]
  /** Files whose name is no product's code or name. */
  unmatched: string[]
  /** Files that matched a product but could not be read as a photo, with the reason. */
  failed: { file: string; message: string }[]
}

import type { Product } from '../store/repositories/products-repository'
import { createSpanishIndex, queryTerms } from './spanish-search'

export interface ProductHit {
  product: Product
  score: number
}

interface ProductDoc {
  id: string
  name: string
  keywords: string[]
  category: string | null
  sku: string | null
  description: string
}

/**
 * Full-text search over the active catalog. Names and keywords weigh most: a customer names
 * the thing ("audífonos", "curso de piano"); a description mentioning it is weaker evidence.
 */
export class ProductIndex {
  private readonly index = createSpanishIndex<ProductDoc>({
    fields: ['name', 'keywords', 'category', 'sku', 'description'],
    extractField: (doc, field) => {
      const value = doc[field as keyof ProductDoc]
      return Array.isArray(value) ? value.join(' ') : (value ?? '')
    },
    searchOptions: { boost: { name: 3, keywords: 2, sku: 2, category: 1, description: 0.4 } },
  })
  private readonly products = new Map<string, Product>()

  constructor(products: Iterable<Product> = []) {
    for (const product of products) this.upsert(product)
  }

  get size(): number {
    return this.products.size
  }

  get(id: string): Product | undefined {
    return this.products.get(id)
  }

  /** Active products, in catalog order (by name). */
  all(): Product[] {
    return [...this.products.values()].sort((a, b) => a.name.localeCompare(b.name, 'es'))
  }

  upsert(product: Product): void {
    this.remove(product.id)
    if (!product.active) return
    this.products.set(product.id, product)
    this.index.add({
      id: product.id,
      name: product.name,
      keywords: product.keywords,
      category: product.category,
      sku: product.sku,
      description: product.description,
    })
  }

  remove(id: string): void {
    if (!this.products.delete(id)) return
    this.index.discard(id)
  }

  search(query: string, limit: number): ProductHit[] {
    if (queryTerms(query).length === 0) return []
    const out: ProductHit[] = []
    for (const result of this.index.search(query)) {
      const product = this.products.get(result.id as string)
      if (product) out.push({ product, score: result.score })
      if (out.length >= limit) break
    }
    return out
  }

  /**
   * The one product a message is clearly about, if any: the best hit matched the product's
   * name or keywords and stands well above the next one. "¿Tienen cursos?" matches every
   * course equally and focuses none; "el de piano" focuses the piano course.
   */
  focusOf(query: string): Product | null {
    if (queryTerms(query).length === 0) return null
    const results = this.index.search(query, { boost: { name: 3, keywords: 2, sku: 2 }, fields: ['name', 'keywords', 'sku'] })
    const [best, second] = results
    if (!best) return null
    if (second && second.score > best.score * 0.67) return null
    return this.products.get(best.id as string) ?? null
  }
}

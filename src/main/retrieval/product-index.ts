import type { Product } from '../store/repositories/products-repository'
import { Bm25Index } from './bm25-index'

export interface ProductHit {
  product: Product
  score: number
}

/**
 * Full-text search over the active catalog. Names and keywords weigh most: a customer names
 * the thing ("audífonos", "curso de piano"); a description mentioning it is weaker evidence.
 */
export class ProductIndex {
  private readonly index = new Bm25Index()
  /** Name, keywords and SKU only: what decides which one product a message is about. */
  private readonly names = new Bm25Index()
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
    const naming = [
      { text: product.name, weight: 3 },
      { text: product.keywords.join(' '), weight: 2 },
      { text: product.sku ?? '', weight: 2 },
    ]
    this.index.add(product.id, [...naming, { text: product.category ?? '', weight: 1 }, { text: product.description, weight: 0.4 }])
    this.names.add(product.id, naming)
  }

  remove(id: string): void {
    if (!this.products.delete(id)) return
    this.index.remove(id)
    this.names.remove(id)
  }

  search(query: string, limit: number): ProductHit[] {
    return this.index.search(query, { limit }).flatMap((hit) => {
      const product = this.products.get(hit.id)
      return product ? [{ product, score: hit.score }] : []
    })
  }

  /**
   * The one product a message is clearly about, if any: the best hit matched the product's
   * name, keywords or SKU and stands well above the next one. "¿Tienen cursos?" matches every
   * course equally and focuses none; "el de piano" focuses the piano course.
   */
  focusOf(query: string): Product | null {
    const [best, second] = this.names.search(query, { limit: 2 })
    if (!best) return null
    if (second && second.score > best.score * 0.67) return null
    return this.products.get(best.id) ?? null
  }
}

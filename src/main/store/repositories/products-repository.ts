import { and, asc, count, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { ProductInput } from '../../../shared/catalog'
import { searchStems } from '../../../shared/spanish-fold'
import type { Db } from '../database'
import { products } from '../schema'
import { newId } from '../../kernel/ids'

export type Product = typeof products.$inferSelect

export interface ImportPlan {
  create: ProductInput[]
  /** Existing product id → its new values. */
  update: { id: string; input: ProductInput }[]
}

export class ProductsRepository {
  constructor(private readonly db: Db) {}

  get(id: string): Product | undefined {
    return this.db.select().from(products).where(eq(products.id, id)).get()
  }

  getMany(ids: string[]): Product[] {
    if (ids.length === 0) return []
    return this.db.select().from(products).where(inArray(products.id, ids)).all()
  }

  /** Every product of the account, active or not (the retrieval index is built from these). */
  all(accountId: string): Product[] {
    return this.db.select().from(products).where(eq(products.accountId, accountId)).orderBy(asc(products.name)).all()
  }

  /**
   * The Catálogo screen's page. Every word searched must appear in the name, SKU, category,
   * keywords or description, compared folded and singular as the bot's retrieval compares them:
   * "audifonos", "AUDIFONO" and "Audífonos" find the same product, "ingles" finds "inglés".
   */
  list(accountId: string, query: string | undefined, limit: number, offset: number): { rows: Product[]; total: number } {
    const stems = query ? searchStems(query) : []
    if (stems.length > 0) this.fillSearchText(accountId)
    const where = and(
      eq(products.accountId, accountId),
      // A part of a word still matches ("audi" finds "audífonos"), as the plain LIKE did before;
      // instr, because both sides are already folded and it scans several times faster than LIKE.
      ...stems.map((stem) => sql`instr(${products.searchText}, ${stem}) > 0`),
    )
    const rows = this.db.select().from(products).where(where).orderBy(asc(products.name), asc(products.id)).limit(limit).offset(offset).all()
    const total = this.db.select({ n: count() }).from(products).where(where).get()?.n ?? 0
    return { rows, total }
  }

  /** Products written before `searchText` existed get it once, a few hundred per statement. */
  private fillSearchText(accountId: string): void {
    for (;;) {
      const missing = this.db
        .select()
        .from(products)
        .where(and(eq(products.accountId, accountId), isNull(products.searchText)))
        .limit(500)
        .all()
      if (missing.length === 0) return
      this.db.transaction((tx) => {
        for (const p of missing) tx.update(products).set({ searchText: productSearchText(p) }).where(eq(products.id, p.id)).run()
      })
    }
  }

  /** How many products the bot may offer (active ones). */
  countActive(accountId: string): number {
    return this.db.select({ n: count() }).from(products).where(and(eq(products.accountId, accountId), eq(products.active, true))).get()?.n ?? 0
  }

  create(accountId: string, input: ProductInput): Product {
    return this.db.insert(products).values({ id: newId(), accountId, ...withSearchText(input) }).returning().get()
  }

  update(id: string, input: ProductInput): Product | undefined {
    return this.db.update(products).set({ ...withSearchText(input), updatedAt: new Date() }).where(eq(products.id, id)).returning().get()
  }

  /** The product's photo files (null: removed); leaves the rest of the row, and its updatedAt, alone. */
  setPhoto(id: string, photo: { path: string; thumbPath: string; mime: string } | null, at: Date): Product | undefined {
    return this.db
      .update(products)
      .set({ photoPath: photo?.path ?? null, photoThumbPath: photo?.thumbPath ?? null, photoMime: photo?.mime ?? null, photoUpdatedAt: photo ? at : null })
      .where(eq(products.id, id))
      .returning()
      .get()
  }

  delete(id: string): boolean {
    return this.db.delete(products).where(eq(products.id, id)).run().changes > 0
  }

  findBySku(accountId: string, sku: string): Product | undefined {
    return this.db.select().from(products).where(and(eq(products.accountId, accountId), eq(products.sku, sku))).get()
  }

  /** SKU → id of the account's products that have one, to plan an import. */
  skuIndex(accountId: string): Map<string, string> {
    const rows = this.db
      .select({ id: products.id, sku: products.sku })
      .from(products)
      .where(and(eq(products.accountId, accountId), isNotNull(products.sku)))
      .all()
    return new Map(rows.map((r) => [r.sku!, r.id]))
  }

  /** Writes a whole import; the caller runs it inside one transaction so it lands whole or not at all. */
  apply(accountId: string, plan: ImportPlan): Product[] {
    const now = new Date()
    const out: Product[] = []
    for (const input of plan.create) out.push(this.db.insert(products).values({ id: newId(), accountId, ...withSearchText(input) }).returning().get())
    for (const { id, input } of plan.update) {
      const row = this.db.update(products).set({ ...withSearchText(input), updatedAt: now }).where(eq(products.id, id)).returning().get()
      if (row) out.push(row)
    }
    return out
  }

  /**
   * Inserts new products with one statement per call; returns their ids in order. An import
   * calls it for a few dozen rows at a time (see CatalogService.import), inside its own
   * transaction per slice.
   */
  insertMany(accountId: string, inputs: ProductInput[]): string[] {
    if (inputs.length === 0) return []
    const rows = inputs.map((input) => ({ id: newId(), accountId, ...withSearchText(input) }))
    this.db.insert(products).values(rows).run()
    return rows.map((r) => r.id)
  }

  /** An import's update of an existing product; false when it is gone. */
  replaceValues(id: string, input: ProductInput, updatedAt: Date): boolean {
    return this.db.update(products).set({ ...withSearchText(input), updatedAt }).where(eq(products.id, id)).run().changes > 0
  }

  /**
   * Undoes an import that failed half-way: removes the products it created and puts back the
   * rows it updated, as they were before. One transaction (the caller's).
   */
  restore(createdIds: string[], previous: Product[]): void {
    for (let i = 0; i < createdIds.length; i += 500) this.db.delete(products).where(inArray(products.id, createdIds.slice(i, i + 500))).run()
    for (const { id, ...row } of previous) this.db.update(products).set(row).where(eq(products.id, id)).run()
  }

  /** The account's products in id order, `limit` at a time after `afterId`: for work done in slices. */
  page(accountId: string, afterId: string | null, limit: number): Product[] {
    const where = afterId === null ? eq(products.accountId, accountId) : and(eq(products.accountId, accountId), gt(products.id, afterId))
    return this.db.select().from(products).where(where).orderBy(asc(products.id)).limit(limit).all()
  }

  count(accountId: string): number {
    return this.db.select({ n: count() }).from(products).where(eq(products.accountId, accountId)).get()?.n ?? 0
  }
}

type Searchable = Pick<ProductInput, 'name' | 'sku' | 'category' | 'keywords' | 'description'>

/** What Catálogo's search matches a product by: its words, folded and singular. */
function productSearchText(p: Searchable): string {
  return searchStems([p.name, p.sku ?? '', p.category ?? '', ...p.keywords, p.description].join(' ')).join(' ')
}

function withSearchText(input: ProductInput): ProductInput & { searchText: string } {
  return { ...input, searchText: productSearchText(input) }
}

import type { CatalogImportReport, ProductDto, ProductInput } from '../../shared/catalog'
import { ApiError } from '../../shared/api/errors'
import type { EventBus } from '../kernel/event-bus'
import type { Retriever } from '../retrieval/retriever'
import type { Repositories } from '../store/repositories'
import type { ImportPlan, Product } from '../store/repositories/products-repository'
import { TimeSlicer } from '../kernel/time-slices'
import { parseCatalogFileInSlices } from './catalog-import'
import { toProductDto } from './product-dto'

/** The repositories this module uses, and no others. */
type UsedRepositories = Pick<Repositories, 'products' | 'transaction'>

export interface CatalogDeps {
  repos: UsedRepositories
  accountId: string
  /** Told of every change, so the product index the bot searches stays current. */
  retriever: Retriever
  events: EventBus
  /** The shop's currency now (from its country in Ajustes): a row without one is priced in it. */
  shopCurrency?: () => string
  /** A product was deleted: its photo files go too (ProductPhotos.productDeleted). */
  productDeleted?: (product: Product) => void
}

/** The shop's catalog: what the bot may offer, and the only prices it may state. */
export class CatalogService {
  constructor(private readonly deps: CatalogDeps) {}

  list(query: string | undefined, limit: number, offset: number): { items: ProductDto[]; total: number } {
    const { rows, total } = this.deps.repos.products.list(this.deps.accountId, query, limit, offset)
    return { items: rows.map(toProductDto), total }
  }

  save(id: string | undefined, input: ProductInput): ProductDto {
    if (input.sku) {
      const clash = this.deps.repos.products.findBySku(this.deps.accountId, input.sku)
      if (clash && clash.id !== id) {
        throw new ApiError('invalid_input', `Ya existe un producto con el código ${input.sku}: «${clash.name}»`, [
          { path: 'product.sku', message: 'Ya lo usa otro producto.' },
        ])
      }
    }
    const product = id ? this.deps.repos.products.update(id, input) : this.deps.repos.products.create(this.deps.accountId, input)
    if (!product) throw new ApiError('not_found', 'Ese producto ya no existe: quizá se borró. Recarga la lista.', [{ path: 'id', message: 'Ese producto ya no existe.' }])
    this.deps.retriever.productChanged(product)
    this.deps.events.emit('catalog.changed', { count: 1 })
    return toProductDto(product)
  }

  delete(id: string): boolean {
    const before = this.deps.repos.products.get(id)
    const deleted = this.deps.repos.products.delete(id)
    if (deleted) {
      if (before) this.deps.productDeleted?.(before)
      this.deps.retriever.productRemoved(id)
      this.deps.events.emit('catalog.changed', { count: 1 })
    }
    return deleted
  }

  /**
   * Checks a whole file and, unless it is a dry run, writes it. A file with any bad row writes
   * nothing: the owner fixes the file and imports it again, instead of hunting for which half
   * of it made it in. Products with a known SKU are updated in place.
   *
   * Checking, writing and re-indexing run in time slices (a 20,000-row file held the server
   * for 18 s in one piece). The writes go in one short transaction per slice, so another chat's
   * message is stored meanwhile; if one fails (the disk is full, a product was given the same
   * code while the file was being written), what the import had written is undone — the
   * catalog ends whole or as it was. Imports run one at a time.
   */
  import(format: 'csv' | 'json', content: string, dryRun: boolean): Promise<CatalogImportReport> {
    const run = this.importing.then(() => this.importNow(format, content, dryRun))
    this.importing = run.catch(() => {})
    return run
  }

  private importing: Promise<unknown> = Promise.resolve()

  private async importNow(format: 'csv' | 'json', content: string, dryRun: boolean): Promise<CatalogImportReport> {
    const slicer = new TimeSlicer()
    const currency = this.deps.shopCurrency?.()
    const parsed = await parseCatalogFileInSlices(content, format, () => slicer.pause(), currency === undefined ? {} : { currency })
    const skus = this.deps.repos.products.skuIndex(this.deps.accountId)
    const plan: ImportPlan = { create: [], update: [] }
    for (const { input } of parsed.products) {
      const existing = input.sku ? skus.get(input.sku) : undefined
      if (existing) plan.update.push({ id: existing, input })
      else plan.create.push(input)
    }
    const report: CatalogImportReport = {
      rows: parsed.rows,
      created: plan.create.length,
      updated: plan.update.length,
      errors: parsed.errors,
      applied: false,
    }
    if (dryRun || parsed.errors.length > 0 || parsed.products.length === 0) return report
    await slicer.pause()
    try {
      await this.writeInSlices(plan, slicer)
    } catch (error) {
      // The undo is in writeInSlices; what the owner needs to know is that nothing changed.
      if (error instanceof ApiError) throw error
      throw new ApiError('precondition', 'No se pudo guardar el catálogo y no se cambió nada. Vuelve a importar el archivo.')
    }
    await this.deps.retriever.catalogReplaced()
    this.deps.events.emit('catalog.changed', { count: parsed.products.length })
    return { ...report, applied: true }
  }

  private async writeInSlices(plan: ImportPlan, slicer: TimeSlicer): Promise<void> {
    const products = this.deps.repos.products
    // What the updated rows were, to put back if a later slice fails; read a page at a time.
    const previous: Product[] = []
    for (let i = 0; i < plan.update.length; i += SNAPSHOT_PAGE) {
      previous.push(...products.getMany(plan.update.slice(i, i + SNAPSHOT_PAGE).map((u) => u.id)))
      await slicer.pause()
    }
    const created: string[] = []
    const now = new Date()
    let nextCreate = 0
    let nextUpdate = 0
    try {
      while (nextCreate < plan.create.length || nextUpdate < plan.update.length) {
        this.deps.repos.transaction(() => {
          while (!slicer.due && nextCreate < plan.create.length) {
            const batch = plan.create.slice(nextCreate, nextCreate + INSERT_BATCH)
            created.push(...products.insertMany(this.deps.accountId, batch))
            nextCreate += batch.length
          }
          while (!slicer.due && nextCreate >= plan.create.length && nextUpdate < plan.update.length) {
            const { id, input } = plan.update[nextUpdate++]!
            products.replaceValues(id, input, now)
          }
        })
        await slicer.pause()
      }
    } catch (error) {
      this.deps.repos.transaction(() => products.restore(created, previous))
      throw error
    }
  }
}

/** New products per INSERT statement: few enough that a slice can stop between them. */
const INSERT_BATCH = 50
/** Products read per query for the undo snapshot. */
const SNAPSHOT_PAGE = 200

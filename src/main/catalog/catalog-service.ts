import type { CatalogImportReport, ProductDto, ProductInput } from '../../shared/catalog'
import { ApiError } from '../../shared/api/errors'
import type { EventBus } from '../app/event-bus'
import type { Retriever } from '../retrieval/retriever'
import type { Repositories } from '../store/repositories'
import type { ImportPlan } from '../store/repositories/products-repository'
import { parseCatalogFile } from './catalog-import'
import { toProductDto } from './product-dto'

/** The shop's catalog: what the bot may offer, and the only prices it may state. */
export class CatalogService {
  constructor(
    private readonly repos: Repositories,
    private readonly accountId: string,
    private readonly retriever: Retriever,
    private readonly events: EventBus,
  ) {}

  list(query: string | undefined, limit: number, offset: number): { items: ProductDto[]; total: number } {
    const { rows, total } = this.repos.products.list(this.accountId, query, limit, offset)
    return { items: rows.map(toProductDto), total }
  }

  save(id: string | undefined, input: ProductInput): ProductDto {
    if (input.sku) {
      const clash = this.repos.products.findBySku(this.accountId, input.sku)
      if (clash && clash.id !== id) {
        throw new ApiError('invalid_input', `Ya existe un producto con el código ${input.sku}: «${clash.name}»`, [
          { path: 'product.sku', message: 'already used by another product' },
        ])
      }
    }
    const product = id ? this.repos.products.update(id, input) : this.repos.products.create(this.accountId, input)
    if (!product) throw new ApiError('not_found', `Product ${id} does not exist`, [{ path: 'id', message: 'no such product' }])
    this.retriever.productChanged(product)
    this.events.emit('catalog.changed', { count: 1 })
    return toProductDto(product)
  }

  delete(id: string): boolean {
    const deleted = this.repos.products.delete(id)
    if (deleted) {
      this.retriever.productRemoved(id)
      this.events.emit('catalog.changed', { count: 1 })
    }
    return deleted
  }

  /**
   * Checks a whole file and, unless it is a dry run, writes it in one transaction. A file with
   * any bad row writes nothing: the owner fixes the file and imports it again, instead of
   * hunting for which half of it made it in. Products with a known SKU are updated in place.
   */
  import(format: 'csv' | 'json', content: string, dryRun: boolean): CatalogImportReport {
    const parsed = parseCatalogFile(content, format)
    const skus = this.repos.products.skuIndex(this.accountId)
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
    this.repos.transaction(() => this.repos.products.apply(this.accountId, plan))
    this.retriever.catalogReplaced()
    this.events.emit('catalog.changed', { count: parsed.products.length })
    return { ...report, applied: true }
  }
}

import type { HandlerSlice } from '../api/handler-table'
import type { CatalogService } from './catalog-service'

export function catalogHandlers(catalog: CatalogService): HandlerSlice<'catalog.list' | 'catalog.save' | 'catalog.delete' | 'catalog.import'> {
  return {
    'catalog.list': ({ query, limit, offset }) => catalog.list(query, limit, offset),
    'catalog.save': ({ id, product }) => catalog.save(id, product),
    'catalog.delete': ({ id }) => ({ deleted: catalog.delete(id) }),
    'catalog.import': ({ format, content, dryRun }) => catalog.import(format, content, dryRun),
  }
}

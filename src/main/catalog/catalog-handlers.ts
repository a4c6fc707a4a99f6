import type { HandlerSlice } from '../api/handler-table'
import { decodeBase64 } from '../media/base64'
import type { CatalogService } from './catalog-service'
import type { ProductPhotos } from './product-photos'

export function catalogHandlers(
  catalog: CatalogService,
  photos: ProductPhotos,
): HandlerSlice<'catalog.list' | 'catalog.save' | 'catalog.delete' | 'catalog.import' | 'catalog.setPhoto' | 'catalog.removePhoto' | 'catalog.importPhotos' | 'catalog.importPhoto'> {
  return {
    'catalog.list': ({ query, limit, offset }) => catalog.list(query, limit, offset),
    'catalog.save': ({ id, product }) => catalog.save(id, product),
    'catalog.delete': ({ id }) => ({ deleted: catalog.delete(id) }),
    'catalog.import': ({ format, content, dryRun }) => catalog.import(format, content, dryRun),
    'catalog.setPhoto': ({ productId, dataBase64 }) => photos.setPhoto(productId, decodeBase64(dataBase64)),
    'catalog.removePhoto': ({ productId }) => photos.removePhoto(productId),
    'catalog.importPhotos': ({ folder }) => photos.importFolder(folder),
    'catalog.importPhoto': async ({ fileName, dataBase64 }) => ({ product: await photos.importNamed(fileName, decodeBase64(dataBase64)) }),
  }
}

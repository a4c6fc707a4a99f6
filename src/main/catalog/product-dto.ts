import type { ProductDto } from '../../shared/catalog'
import type { Product } from '../store/repositories/products-repository'

export function toProductDto(product: Product): ProductDto {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    price: product.price,
    currency: product.currency,
    category: product.category,
    keywords: product.keywords,
    active: product.active,
    photoFile: product.photoFile,
    createdAt: product.createdAt.getTime(),
    updatedAt: product.updatedAt?.getTime() ?? null,
    photo: product.photoPath ? { mimeType: product.photoMime ?? 'image/jpeg', updatedAt: product.photoUpdatedAt?.getTime() ?? 0 } : null,
  }
}

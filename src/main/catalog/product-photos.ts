import { mkdirSync, realpathSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'
import type { PhotoImportReport, ProductDto } from '../../shared/catalog'
import { foldSpanish } from '../../shared/spanish-fold'
import { ApiError } from '../../shared/api/errors'
import type { Clock } from '../kernel/clock'
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import { preparePhoto } from '../media/image-processing'
import { MediaError, MAX_PHOTO_BYTES, megabytes } from '../media/media-errors'
import type { MediaStore } from '../media/media-store'
import type { Retriever } from '../retrieval/retriever'
import type { Repositories } from '../store/repositories'
import type { Product } from '../store/repositories/products-repository'
import { toProductDto } from './product-dto'

type UsedRepositories = Pick<Repositories, 'products'>

export interface ProductPhotosDeps {
  repos: UsedRepositories
  accountId: string
  media: MediaStore
  /** The bot's product index keeps its own copy of each row: it must see the new photo. */
  retriever: Pick<Retriever, 'productChanged'>
  events: EventBus
  logger: Logger
  /** `<data folder>/imports`: the only place a photo folder is read from by name (headless). */
  importsDir: string
  /** The desktop's folder dialog; null headless. The path never reaches the page. */
  pickFolder?: (() => Promise<string | null>) | null
  clock?: Clock
}

const PHOTO_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.heic', '.heif', '.avif', '.tif', '.tiff'])
/** A folder of a whole shop's photos; past this the owner is asked to split it. */
const MAX_FOLDER_FILES = 5_000

/**
 * Product photos: stored in the data folder resized and re-encoded (EXIF and its GPS gone),
 * with a thumbnail for lists. A new photo gets a new file name, and the old files go once the
 * row points at the new ones, so a reader never meets a half-written photo.
 */
export class ProductPhotos {
  private readonly clock: Clock

  constructor(private readonly deps: ProductPhotosDeps) {
    this.clock = deps.clock ?? Date.now
  }

  async setPhoto(productId: string, bytes: Uint8Array): Promise<ProductDto> {
    const product = this.product(productId)
    let prepared
    try {
      prepared = await preparePhoto(bytes)
    } catch (error) {
      if (error instanceof MediaError) throw new ApiError('invalid_input', error.message, [{ path: 'dataBase64', message: error.message }])
      throw error
    }
    const { media } = this.deps
    const path = await media.write('products', product.id, prepared.photo.bytes, prepared.photo.mimeType)
    const thumbPath = await media.write('products', `${product.id}-thumb`, prepared.thumbnail.bytes, prepared.thumbnail.mimeType)
    const updated = this.deps.repos.products.setPhoto(product.id, { path, thumbPath, mime: prepared.photo.mimeType }, new Date(this.clock()))
    if (!updated) {
      // Deleted while the photo was being prepared: leave no orphan files behind.
      await Promise.all([media.remove(path), media.remove(thumbPath)])
      throw notFound()
    }
    await this.removeFiles(product)
    this.deps.retriever.productChanged(updated)
    this.deps.events.emit('catalog.changed', { count: 1 })
    return toProductDto(updated)
  }

  async removePhoto(productId: string): Promise<ProductDto> {
    const product = this.product(productId)
    const updated = this.deps.repos.products.setPhoto(product.id, null, new Date(this.clock()))
    if (!updated) throw notFound()
    await this.removeFiles(product)
    this.deps.retriever.productChanged(updated)
    this.deps.events.emit('catalog.changed', { count: 1 })
    return toProductDto(updated)
  }

  /** The files of a deleted product (its row is gone already). */
  async productDeleted(product: Pick<Product, 'photoPath' | 'photoThumbPath'>): Promise<void> {
    await this.removeFiles(product)
  }

  /**
   * Each photo in a folder whose file name is a product's SKU or name becomes its photo. The API
   * takes no paths (SECURITY.md): the folder is one the owner chose in the desktop's dialog
   * (`name` absent), or one they put in `<data folder>/imports`, named by its folder name.
   * Null when the owner closed the dialog.
   */
  async importFolder(name?: string): Promise<PhotoImportReport | null> {
    const folder = name === undefined ? await this.pickedFolder() : this.importsFolder(name)
    if (folder === null) return null
    let names: string[]
    try {
      names = (await readdir(folder)).sort((a, b) => a.localeCompare(b))
    } catch {
      throw new ApiError('invalid_input', 'No se pudo leer esa carpeta. Elige otra.', [{ path: 'folder', message: 'No se pudo leer la carpeta.' }])
    }
    const root = realpathSync(folder)
    const photos = names.filter((name) => PHOTO_EXTENSIONS.has(extname(name).toLowerCase()))
    if (photos.length > MAX_FOLDER_FILES) {
      throw new ApiError('invalid_input', `La carpeta tiene más de ${MAX_FOLDER_FILES} fotos. Divídela en carpetas más pequeñas.`, [{ path: 'folder', message: 'Demasiadas fotos.' }])
    }
    const index = this.nameIndex()
    const report: PhotoImportReport = { matched: [], unmatched: [], failed: [] }
    for (const file of photos) {
      const product = index.get(photoKey(file))
      if (!product) {
        report.unmatched.push(file)
        continue
      }
      try {
        // A link in the folder that points elsewhere is not a photo of this folder.
        const real = realpathSync(join(folder, file))
        if (!real.startsWith(root + sep)) throw new ApiError('invalid_input', 'Ese archivo está fuera de la carpeta.')
        const info = await stat(real)
        if (!info.isFile()) throw new ApiError('invalid_input', 'No es un archivo.')
        if (info.size > MAX_PHOTO_BYTES) throw new ApiError('invalid_input', `La foto pesa más de ${megabytes(MAX_PHOTO_BYTES)}.`)
        await this.setPhoto(product.id, new Uint8Array(await readFile(real)))
        report.matched.push({ file, productId: product.id, productName: product.name })
      } catch (error) {
        // One bad file never stops the rest of the folder.
        if (!(error instanceof ApiError)) this.deps.logger.warn('A product photo could not be imported', { file, error })
        report.failed.push({ file, message: error instanceof ApiError ? error.message : 'No se pudo leer la foto.' })
      }
    }
    return report
  }

  private async pickedFolder(): Promise<string | null> {
    if (!this.deps.pickFolder) {
      throw new ApiError(
        'precondition',
        `Elegir una carpeta solo se puede en la aplicación de escritorio. Desde el navegador, arrastra las fotos aquí, o cópialas en una carpeta dentro de ${this.deps.importsDir} y escribe su nombre.`,
      )
    }
    const path = await this.deps.pickFolder()
    if (!path) return null
    if (!(await stat(path).catch(() => null))?.isDirectory()) throw new ApiError('invalid_input', 'Eso no es una carpeta: elige la carpeta de las fotos.')
    return path
  }

  /** A folder inside `<data folder>/imports`, by name; still inside once links are followed. */
  private importsFolder(name: string): string {
    mkdirSync(this.deps.importsDir, { recursive: true, mode: 0o700 })
    const refuse = () =>
      new ApiError('invalid_input', `No hay una carpeta «${name.slice(0, 80)}» en ${this.deps.importsDir}. Copia ahí la carpeta de las fotos y escribe solo su nombre.`, [
        { path: 'folder', message: 'Escribe solo el nombre de una carpeta de «imports».' },
      ])
    if (name.length === 0 || /[/\\\0]/.test(name) || name === '.' || name === '..') throw refuse()
    try {
      const root = realpathSync(this.deps.importsDir)
      const real = realpathSync(join(this.deps.importsDir, name))
      if (!real.startsWith(root + sep)) throw refuse()
      return real
    } catch {
      throw refuse()
    }
  }

  /** One dropped file: the photo of the product its name names, or null when it names none. */
  async importNamed(fileName: string, bytes: Uint8Array): Promise<ProductDto | null> {
    const product = this.nameIndex().get(photoKey(fileName))
    return product ? this.setPhoto(product.id, bytes) : null
  }

  /**
   * Products by folded name, SKU and the file name an imported catalog gave them («foto» column);
   * the more explicit wins: a file name over a SKU over another product's name.
   */
  private nameIndex(): Map<string, Product> {
    const index = new Map<string, Product>()
    const products = this.deps.repos.products.all(this.deps.accountId)
    for (const product of products) index.set(photoKey(product.name), product)
    for (const product of products) if (product.sku) index.set(photoKey(product.sku), product)
    for (const product of products) if (product.photoFile) index.set(photoKey(fileNameOf(product.photoFile)), product)
    return index
  }

  private product(id: string): Product {
    const product = this.deps.repos.products.get(id)
    if (!product || product.accountId !== this.deps.accountId) throw notFound()
    return product
  }

  private async removeFiles(product: Pick<Product, 'photoPath' | 'photoThumbPath'>): Promise<void> {
    await Promise.all([this.deps.media.remove(product.photoPath), this.deps.media.remove(product.photoThumbPath)]).catch((error: unknown) =>
      this.deps.logger.warn('An old product photo could not be removed', { error }),
    )
  }
}

/** "Parlante_Portátil-20W.JPG" and "parlante portatil 20w" are the same key. */
export function photoKey(fileOrName: string): string {
  const ext = extname(fileOrName)
  const stem = PHOTO_EXTENSIONS.has(ext.toLowerCase()) ? fileOrName.slice(0, -ext.length) : fileOrName
  return foldSpanish(stem)
    .replace(/[^a-z0-9ñ]+/g, ' ')
    .trim()
}

function notFound(): ApiError {
  return new ApiError('not_found', 'Ese producto ya no existe: quizá se borró. Recarga la lista.', [{ path: 'productId', message: 'Ese producto ya no existe.' }])
}

/** "fotos\\parlante negro.JPG" or "C:/fotos/parlante.jpg" from a spreadsheet → "parlante negro.JPG". */
function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

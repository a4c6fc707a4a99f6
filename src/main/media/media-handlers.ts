import { ApiError } from '../../shared/api/errors'
import type { HandlerSlice } from '../api/handler-table'
import type { Repositories } from '../store/repositories'
import { MediaError } from './media-errors'
import type { MediaStore } from './media-store'

/**
 * Photos and voice notes reach the screens through the API (IPC or the token-protected HTTP
 * server), by product or message id — never as a file path, which a page could not open
 * anyway and which would tell it where the data folder is.
 */
/** Only reads: which file a product or a message points at. */
interface ReadOnlyRepositories {
  products: Pick<Repositories['products'], 'get'>
  messages: Pick<Repositories['messages'], 'get'>
}

export function mediaHandlers(repos: ReadOnlyRepositories, media: MediaStore): HandlerSlice<'media.get'> {
  return {
    'media.get': async ({ source, id, variant }) => {
      const row =
        source === 'product'
          ? (() => {
              const product = repos.products.get(id)
              return product ? { path: product.photoPath, thumb: product.photoThumbPath, mime: product.photoMime } : null
            })()
          : (() => {
              const message = repos.messages.get(id)
              return message ? { path: message.mediaPath, thumb: message.mediaThumbPath, mime: message.mediaMime } : null
            })()
      const path = variant === 'thumbnail' ? (row?.thumb ?? row?.path) : row?.path
      if (!row || !path) throw new ApiError('not_found', 'No hay foto ni audio guardado aquí.')
      try {
        const bytes = await media.read(path)
        // Thumbnails are always JPEG; the full file keeps the type it was stored with.
        const mimeType = variant === 'thumbnail' && row.thumb ? 'image/jpeg' : (row.mime ?? 'application/octet-stream')
        return { mimeType, dataBase64: Buffer.from(bytes).toString('base64') }
      } catch (error) {
        if (error instanceof MediaError) throw new ApiError('not_found', error.message)
        throw error
      }
    },
  }
}

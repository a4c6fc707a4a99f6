import { MediaError, MAX_PHOTO_BYTES, megabytes } from './media-errors'

/** WhatsApp shows photos up to about this size; bigger only costs the customer's data plan. */
export const MAX_PHOTO_SIDE = 1600
export const THUMBNAIL_SIDE = 320
/** Decompression bombs: a tiny file that claims a huge picture is refused before it is decoded. */
const MAX_INPUT_PIXELS = 60_000_000

export interface EncodedImage {
  bytes: Uint8Array
  mimeType: 'image/jpeg' | 'image/webp'
  width: number
  height: number
}

export interface PreparedPhoto {
  photo: EncodedImage
  thumbnail: EncodedImage
}

type Sharp = (typeof import('sharp'))['default']

/** sharp is native and large: loaded on the first photo, not at every start (a cached import, no state of ours). */
async function loadSharp(): Promise<Sharp> {
  return (await import('sharp')).default
}

/**
 * A photo as it is kept and sent: turned upright (phones write the rotation as EXIF), at most
 * MAX_PHOTO_SIDE on its longer side, re-encoded as JPEG (WhatsApp's own format) with every
 * bit of metadata dropped — EXIF carries the GPS position of the shop or the customer's home.
 * Transparent PNGs get a white background. Throws MediaError (Spanish) for what is no image.
 */
export async function preparePhoto(input: Uint8Array, options: { maxBytes?: number } = {}): Promise<PreparedPhoto> {
  const maxBytes = options.maxBytes ?? MAX_PHOTO_BYTES
  if (input.byteLength === 0) throw new MediaError('La foto está vacía. Elige otra.', 'unreadable')
  if (input.byteLength > maxBytes) throw new MediaError(`La foto pesa más de ${megabytes(maxBytes)}. Elige una más liviana.`, 'too_large')
  const sharp = await loadSharp()
  try {
    const base = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false }).rotate()
    const meta = await base().metadata()
    if (!meta.format || !['jpeg', 'png', 'webp', 'gif', 'heif', 'tiff', 'avif'].includes(meta.format)) {
      throw new MediaError('Ese archivo no es una foto que la app pueda leer. Usa una foto JPG, PNG o WebP.', 'unsupported')
    }
    // sharp writes no metadata unless asked (withMetadata): EXIF, GPS and ICC names are gone.
    // libjpeg-turbo's defaults, not mozjpeg's: mozjpeg saved about a quarter of the bytes for 5–12×
    // the time, and a customer's photo is re-encoded before the bot answers it (bench/photos.bench.ts).
    const full = await base()
      .flatten({ background: '#ffffff' })
      .resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true })
    // From the resized photo, not the original: a 12 MP decode once is enough.
    const thumb = await sharp(full.data)
      .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 72 })
      .toBuffer({ resolveWithObject: true })
    return {
      photo: { bytes: new Uint8Array(full.data), mimeType: 'image/jpeg', width: full.info.width, height: full.info.height },
      thumbnail: { bytes: new Uint8Array(thumb.data), mimeType: 'image/jpeg', width: thumb.info.width, height: thumb.info.height },
    }
  } catch (error) {
    if (error instanceof MediaError) throw error
    throw new MediaError('No se pudo leer la foto: el archivo está dañado o no es una imagen. Elige otra.', 'unreadable', { cause: error })
  }
}

import { ApiError } from '../../shared/api/errors'

/**
 * Bytes from the base64 a screen sends (a data: URL's prefix is tolerated). Node's decoder skips
 * what is not base64 instead of failing, so the length is checked: a damaged upload is refused.
 */
export function decodeBase64(data: string): Uint8Array {
  const body = data.startsWith('data:') ? data.slice(data.indexOf(',') + 1) : data
  const clean = body.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new ApiError('invalid_input', 'El archivo llegó dañado. Vuelve a elegirlo.', [{ path: 'dataBase64', message: 'El archivo llegó dañado.' }])
  }
  return new Uint8Array(Buffer.from(clean, 'base64'))
}

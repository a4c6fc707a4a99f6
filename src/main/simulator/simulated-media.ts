import { ApiError } from '../../shared/api/errors'
import { MAX_INBOUND_MEDIA_BYTES, MAX_PHOTO_BYTES, megabytes } from '../media/media-errors'
import { AudioDecodeError, readOggPackets } from '../media/ogg-opus'

/** A photo or voice note the pretend customer sends, checked as the owner picked it. */
export interface SimulatedMedia {
  kind: 'image' | 'audio'
  /** As WhatsApp labels it, so the stored message is the same as a real one's. */
  mimeType: string
  bytes: Uint8Array
  /** A voice note's length, from its Ogg pages (WhatsApp declares it the same way); null for a photo. */
  seconds: number | null
}

/** WhatsApp's own label for a voice note, whatever the picked file called itself (.ogg, .opus). */
const VOICE_NOTE_MIME = 'audio/ogg; codecs=opus'
/** Ogg Opus counts its samples at 48 kHz (RFC 7845 §4). */
const GRANULE_RATE = 48_000

const refuse = (path: string, message: string): ApiError => new ApiError('invalid_input', message, [{ path: `media.${path}`, message }])

/**
 * The file the owner picked for the pretend customer, checked before it enters the chat: the
 * contract saw the declared type, this sees the bytes. A real customer's broken file is kept as
 * it came (media-intake); the owner, who can pick another, is told at once instead. The declared
 * type is not trusted: a photo is labelled by its bytes, and every accepted audio label (.ogg,
 * .opus) is the same Ogg Opus file.
 */
export function simulatedMedia(kind: 'image' | 'audio', bytes: Uint8Array): SimulatedMedia {
  if (bytes.byteLength === 0) throw refuse('dataBase64', 'El archivo está vacío. Elige otro.')
  if (kind === 'image') {
    if (bytes.byteLength > MAX_PHOTO_BYTES) throw refuse('dataBase64', `La foto pesa más de ${megabytes(MAX_PHOTO_BYTES)}. Elige una más liviana.`)
    const type = photoType(bytes)
    if (!type) throw refuse('dataBase64', 'Ese archivo no es una foto. Usa una foto JPG, PNG o WebP.')
    return { kind, mimeType: type, bytes, seconds: null }
  }
  if (bytes.byteLength > MAX_INBOUND_MEDIA_BYTES) {
    throw refuse('dataBase64', `La nota de voz pesa más de ${megabytes(MAX_INBOUND_MEDIA_BYTES)}. Elige una más corta.`)
  }
  const seconds = voiceNoteSeconds(bytes)
  if (seconds === null) throw refuse('dataBase64', 'Ese audio no es una nota de voz de WhatsApp. Usa un audio .ogg u .opus.')
  return { kind, mimeType: VOICE_NOTE_MIME, bytes, seconds }
}

/** The picture's real type from its first bytes (a .jpg that is really a PNG is labelled PNG). */
function photoType(bytes: Uint8Array): string | null {
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v)
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp'
  return null
}

/**
 * Whole seconds of an Ogg Opus file, as WhatsApp declares a voice note's length (its last page's
 * position minus the encoder's pre-skip), or null when it is not Ogg Opus at all.
 */
function voiceNoteSeconds(bytes: Uint8Array): number | null {
  let stream: ReturnType<typeof readOggPackets>
  try {
    stream = readOggPackets(bytes)
  } catch (error) {
    if (error instanceof AudioDecodeError) return null
    throw error
  }
  const head = stream.packets[0]
  if (!head || head.length < 19 || String.fromCharCode(...head.subarray(0, 8)) !== 'OpusHead') return null
  const preSkip = head[10]! | (head[11]! << 8)
  const samples = stream.lastGranule !== null ? Math.max(0, stream.lastGranule - preSkip) : 0
  return Math.round(samples / GRANULE_RATE)
}

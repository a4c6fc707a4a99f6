/** Why a photo or an audio could not be taken; `message` is for the owner, in Spanish. */
export type MediaProblem = 'too_large' | 'unreadable' | 'unsupported' | 'missing'

export class MediaError extends Error {
  constructor(
    message: string,
    readonly problem: MediaProblem,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'MediaError'
  }
}

/** A product photo the owner uploads (before re-encoding): phones take 3–8 MB photos. */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024
/** What a customer may send us and we keep: WhatsApp itself caps images at 16 MB. */
export const MAX_INBOUND_MEDIA_BYTES = 16 * 1024 * 1024

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}

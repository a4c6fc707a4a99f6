import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import { toMessageDto } from '../conversations/dto'
import { preparePhoto } from '../media/image-processing'
import { MAX_INBOUND_MEDIA_BYTES } from '../media/media-errors'
import type { MediaStore } from '../media/media-store'
import { TranscriptionError, type Transcriber } from '../media/transcriber'
import type { PhotoDescriber, PhotoDescription } from '../media/vision'
import type { Repositories } from '../store/repositories'
import type { MediaPatch, Message } from '../store/repositories/messages-repository'
import type { InboundMedia } from '../transport/transport'

type UsedRepositories = Pick<Repositories, 'messages'>

export interface MediaIntakeDeps {
  repos: UsedRepositories
  media: MediaStore
  /** Voice notes → text; null until the speech engine is built in. */
  transcriber: Transcriber | null
  /** Photos → a description and a likely product; null or without a vision model: none. */
  describer: PhotoDescriber | null
  /** The catalog's product names, for the vision model to pick from. */
  catalogNames: () => string[]
  events: EventBus
  logger: Logger
  /** A download that takes longer than this is given up (the polite line goes instead). */
  downloadTimeoutMs?: number
  /**
   * A voice note's words are settled (transcribed, or not to be): the customer's reply can now be
   * scored like text — a voice answer to the bot scores that answer. Called once per voice note.
   */
  voiceSettled?: (messageId: string) => void
}

/** A customer photo as the vision model read it; kept for the responder of this run. */
export interface SeenPhoto extends PhotoDescription {
  messageId: string
}

/**
 * Photos and voice notes that arrive: fetched from the transport and stored in the data folder
 * (photos re-encoded without EXIF, with a thumbnail; what cannot be decoded is kept as it came),
 * then — only for a message the bot is going to answer — a voice note is transcribed and a photo
 * described. The inbox stores the message first and hands the media here, so a burst of photos
 * never holds up the chat; the responder waits only for the messages it is answering.
 */
export class MediaIntake {
  private readonly work = new Map<string, Promise<SeenPhoto | null>>()
  /** Voice notes whose transcript is still on its way (their scoring waits for it). */
  private readonly voices = new Set<string>()
  private readonly controller = new AbortController()

  constructor(private readonly deps: MediaIntakeDeps) {}

  /** Starts fetching a stored message's media; `answer`: the bot will answer it (transcribe, describe). */
  accept(messageId: string, media: InboundMedia, answer: boolean): void {
    if (media.kind === 'audio') this.voices.add(messageId)
    const run = this.process(messageId, media, answer)
      .catch((error: unknown) => {
        // Never a crash: the message stays, without its file; the responder uses the polite line.
        this.deps.logger.error('Storing a photo or voice note failed', { messageId, error })
        return null
      })
      .finally(() => {
        if (!this.voices.delete(messageId)) return
        try {
          this.deps.voiceSettled?.(messageId)
        } catch (error) {
          this.deps.logger.error('Scoring a voice note failed', { messageId, error })
        }
      })
    this.work.set(messageId, run)
    void run.finally(() => {
      // Kept a while for the responder (the debounce is seconds); then forgotten.
      setTimeout(() => this.work.delete(messageId), 10 * 60_000).unref?.()
    })
  }

  /** A voice note whose words are not known yet: whoever reads the customer's words waits for voiceSettled. */
  awaitsWords(messageId: string): boolean {
    return this.voices.has(messageId)
  }

  /** Waits until these messages' media is stored, transcribed and described; returns what photos showed. */
  async ready(messageIds: string[]): Promise<SeenPhoto[]> {
    const seen = await Promise.all(messageIds.map((id) => this.work.get(id) ?? Promise.resolve(null)))
    return seen.filter((s): s is SeenPhoto => s !== null)
  }

  close(): void {
    this.controller.abort()
  }

  private async process(messageId: string, media: InboundMedia, answer: boolean): Promise<SeenPhoto | null> {
    const audio = media.kind === 'audio'
    if (media.declaredBytes !== null && media.declaredBytes > MAX_INBOUND_MEDIA_BYTES) {
      this.update(messageId, { mediaBytes: media.declaredBytes, ...(audio ? { transcriptStatus: 'too_long' } : {}) })
      return null
    }
    if (audio && answer) this.update(messageId, { transcriptStatus: 'pending', mediaDurationSec: media.seconds })
    let bytes: Uint8Array
    try {
      const timeout = AbortSignal.timeout(this.deps.downloadTimeoutMs ?? 60_000)
      bytes = await media.download(AbortSignal.any([timeout, this.controller.signal]))
    } catch (error) {
      this.deps.logger.warn('A photo or voice note could not be downloaded', { messageId, error })
      if (audio) this.update(messageId, { transcriptStatus: 'failed' })
      return null
    }
    if (bytes.byteLength > MAX_INBOUND_MEDIA_BYTES) {
      this.update(messageId, { mediaBytes: bytes.byteLength, ...(audio ? { transcriptStatus: 'too_long' } : {}) })
      return null
    }
    const stored = await this.store(messageId, media, bytes)
    this.update(messageId, stored.patch)
    if (!answer) return null
    if (audio) {
      await this.transcribe(messageId, bytes, media.mimeType)
      return null
    }
    // The vision model reads the copy the shop keeps — resized, without EXIF or GPS — never the file as it came.
    return this.describe(messageId, stored.photo ?? bytes)
  }

  /** Stores the media; a photo is re-encoded first, and that copy (`photo`) is what anything else reads. */
  private async store(messageId: string, media: InboundMedia, bytes: Uint8Array): Promise<{ patch: MediaPatch; photo?: Uint8Array }> {
    const { media: store } = this.deps
    if (media.kind === 'image') {
      try {
        const prepared = await preparePhoto(bytes, { maxBytes: MAX_INBOUND_MEDIA_BYTES })
        const path = await store.write('messages', messageId, prepared.photo.bytes, prepared.photo.mimeType)
        const thumb = await store.write('messages', `${messageId}-thumb`, prepared.thumbnail.bytes, prepared.thumbnail.mimeType)
        return {
          patch: { mediaPath: path, mediaThumbPath: thumb, mediaMime: prepared.photo.mimeType, mediaBytes: prepared.photo.bytes.byteLength },
          photo: prepared.photo.bytes,
        }
      } catch (error) {
        // Not a photo we can decode: kept as it came, so the owner can still look at it.
        this.deps.logger.warn('A customer photo could not be decoded; kept as it came', { messageId, error })
      }
    }
    const path = await store.write('messages', messageId, bytes, media.mimeType)
    return { patch: { mediaPath: path, mediaMime: media.mimeType, mediaBytes: bytes.byteLength } }
  }

  private async transcribe(messageId: string, bytes: Uint8Array, mimeType: string): Promise<void> {
    const { transcriber } = this.deps
    if (!transcriber || !transcriber.available()) {
      this.update(messageId, { transcriptStatus: 'no_model' })
      return
    }
    try {
      const transcript = await transcriber.transcribe(bytes, mimeType, this.controller.signal)
      const text = transcript.text.trim()
      // The transcript becomes the message's text: the bot, capture, scoring and the owner's
      // curation read it as they read typed words (and scrub it the same way).
      this.update(messageId, {
        transcript: text,
        transcriptStatus: text ? 'done' : 'failed',
        mediaDurationSec: transcript.durationSec,
        ...(text ? { text } : {}),
      })
    } catch (error) {
      const reason = error instanceof TranscriptionError ? error.reason : 'engine'
      this.deps.logger.warn('A voice note could not be transcribed', { messageId, reason, error })
      this.update(messageId, { transcriptStatus: reason === 'no_model' ? 'no_model' : reason === 'too_long' ? 'too_long' : 'failed' })
    }
  }

  private async describe(messageId: string, bytes: Uint8Array): Promise<SeenPhoto | null> {
    const { describer } = this.deps
    if (!describer) return null
    try {
      if (!(await describer.visionModel(this.controller.signal))) return null
      const seen = await describer.describe(bytes, this.deps.catalogNames(), this.controller.signal)
      this.update(messageId, { mediaDescription: seen.description })
      return { ...seen, messageId }
    } catch (error) {
      this.deps.logger.warn('A customer photo could not be described', { messageId, error })
      return null
    }
  }

  private update(messageId: string, patch: MediaPatch): Message | undefined {
    const updated = this.deps.repos.messages.setMedia(messageId, patch)
    if (updated) this.deps.events.emit('message.updated', toMessageDto(updated))
    return updated
  }
}

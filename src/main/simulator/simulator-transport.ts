import { newId } from '../kernel/ids'
import type { InboundMedia, InboundSink, StoredInbound, Transport, TransportHooks } from '../transport/transport'
import type { SimulatedMedia } from './simulated-media'

/**
 * The owner plays a customer inside the app ("Probar el bot"). Messages take exactly the
 * path WhatsApp messages take; replies are delivered by storing them, which the outbox does.
 */
export class SimulatorTransport implements Transport {
  readonly kind = 'simulator' as const
  private sink: InboundSink | null = null

  async start(hooks: TransportHooks): Promise<void> {
    this.sink = hooks.receive
  }

  async stop(): Promise<void> {
    this.sink = null
  }

  async send(): Promise<{ externalId: string }> {
    return { externalId: `sim-out-${newId()}` }
  }

  /** The photo itself stays in the stored message (media/), which "Probar el bot" shows. */
  async sendImage(): Promise<{ externalId: string }> {
    return { externalId: `sim-out-${newId()}` }
  }

  /**
   * The pretend customer writes; with `media`, a photo (the text is its caption) or a voice note,
   * shaped as WhatsApp's are, so media intake downloads, stores, transcribes or describes it.
   */
  async receive(from: string, text: string, media?: SimulatedMedia): Promise<StoredInbound> {
    if (!this.sink) throw new Error('The simulator is not running')
    const stored = await this.sink({
      externalId: `sim-in-${newId()}`,
      from,
      displayName: from,
      kind: media?.kind ?? 'text',
      // As WhatsApp: a photo's caption is its text; a voice note has none until it is transcribed.
      text: media && text.trim() === '' ? null : text,
      timestamp: new Date(),
      ...(media ? { answerable: true, media: inboundMedia(media) } : {}),
    })
    if (!stored) throw new Error('The simulated message was not stored')
    return stored
  }
}

/** The bytes are already here: the "download" hands them over, as Baileys would after fetching. */
function inboundMedia(media: SimulatedMedia): InboundMedia {
  const { bytes } = media
  return {
    kind: media.kind,
    mimeType: media.mimeType,
    declaredBytes: bytes.byteLength,
    seconds: media.seconds,
    ...(media.kind === 'audio' ? { voiceNote: true } : {}),
    download: async (signal) => {
      signal?.throwIfAborted()
      return bytes
    },
  }
}

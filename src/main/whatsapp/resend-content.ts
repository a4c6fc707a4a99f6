import type { AnyMessageContent, MessageContentGenerationOptions, proto, WAMediaUploadFunction, WAMessageKey } from '@whiskeysockets/baileys'
import type { Logger } from '../kernel/logger'
import type { Message } from '../store/repositories/messages-repository'

/**
 * What the app sent under a WhatsApp id, for when a customer's phone could not decrypt it and
 * asks for it again (a retry receipt): Baileys calls `getMessage` and sends the same content
 * once more, under the same id.
 *   - `message`: the content exactly as sent this session (a photo keeps its upload: nothing is
 *     uploaded twice);
 *   - `text` / `image`: rebuilt from what is stored (after a restart) — a photo is uploaded again.
 * A photo is never resent as its caption: the customer would get a different message than the
 * one they are missing.
 */
export type SentContent =
  | { message: proto.IMessage }
  | { text: string }
  | { image: Uint8Array; mimeType: string; caption: string }

type SentRow = Pick<Message, 'direction' | 'kind' | 'text' | 'mediaPath' | 'mediaMime'>

/** The stored side of `SentContent`: an outbound message by WhatsApp id, read back from the data folder. */
export async function storedSentContent(
  row: SentRow | undefined,
  readMedia: (path: string) => Promise<Uint8Array>,
): Promise<SentContent | null> {
  if (!row || row.direction !== 'out') return null
  if (row.kind === 'image') {
    if (!row.mediaPath) return null
    try {
      return { image: await readMedia(row.mediaPath), mimeType: row.mediaMime ?? 'image/jpeg', caption: row.text ?? '' }
    } catch {
      // The file is gone (removed with its product): nothing faithful to resend.
      return null
    }
  }
  return row.text ? { text: row.text } : null
}

/** Baileys' content builder, passed in so this module does not load Baileys by itself. */
export type ContentGenerator = (content: AnyMessageContent, options: MessageContentGenerationOptions) => Promise<proto.IMessage>

/** The proto Baileys resends for `content`; a rebuilt photo is encrypted and uploaded again through `upload`. */
export async function resendableMessage(
  content: SentContent,
  tools: { generate: ContentGenerator; upload: WAMediaUploadFunction },
): Promise<proto.IMessage> {
  if ('message' in content) return content.message
  if ('text' in content) return { conversation: content.text }
  return tools.generate({ image: Buffer.from(content.image), mimetype: content.mimeType, caption: content.caption }, { upload: tools.upload })
}

/**
 * Baileys' `getMessage`: the content to send again for a key a phone asked for, or undefined when
 * there is nothing faithful to send (Baileys then leaves that retry unanswered).
 */
export function getMessageFor(
  sentContent: ((id: string) => Promise<SentContent | null>) | undefined,
  tools: { generate: ContentGenerator; upload: WAMediaUploadFunction },
  logger: Logger,
): (key: WAMessageKey) => Promise<proto.IMessage | undefined> {
  return async (key) => {
    const content = key.id ? await sentContent?.(key.id) : null
    if (!content) return undefined
    try {
      return await resendableMessage(content, tools)
    } catch (error) {
      logger.warn('A message asked for again could not be rebuilt', { error })
      return undefined
    }
  }
}

/** The last few hundred sends, as sent: a retry receipt comes within minutes of the send. */
export class RecentSends {
  private readonly byId = new Map<string, proto.IMessage>()

  constructor(private readonly capacity = 500) {}

  remember(id: string, message: proto.IMessage | null | undefined): void {
    if (!message) return
    this.byId.delete(id)
    this.byId.set(id, message)
    if (this.byId.size > this.capacity) {
      const oldest = this.byId.keys().next().value
      if (oldest !== undefined) this.byId.delete(oldest)
    }
  }

  get(id: string): proto.IMessage | undefined {
    return this.byId.get(id)
  }
}

import type { TransportKind } from '../../shared/types'
import type { DeliveryStatus } from './delivery-order'

/** A message as a transport hands it over, before anything is stored. */
export interface InboundMessage {
  /** The transport's own message id; redeliveries carry the same one. */
  externalId: string
  /** The chat: WhatsApp JID or the simulator's customer handle. */
  from: string
  displayName: string | null
  kind: string
  text: string | null
  timestamp: Date
  /** Written by the shop's owner from the phone (a takeover), not by the customer. */
  fromOwner?: boolean
  /** False for what the bot cannot read (stickers, audio, reactions…): stored, not sent to the model. */
  answerable?: boolean
  raw?: unknown
  /** A photo or voice note: what the transport said about it, and how to fetch its bytes (on demand). */
  media?: InboundMedia
}

/**
 * Media announced with a message. The bytes are fetched apart from storing the message, so a
 * burst is stored at once and only the message being answered waits for its download.
 */
export interface InboundMedia {
  kind: 'image' | 'audio'
  mimeType: string
  /** Size as the sender declared it (WhatsApp's fileLength); null when unknown. */
  declaredBytes: number | null
  /** A voice note's length as declared (seconds). */
  seconds: number | null
  /** A voice note recorded in the chat (push-to-talk) rather than a forwarded audio file. */
  voiceNote?: boolean
  download(signal?: AbortSignal): Promise<Uint8Array>
}

/** A photo to send, with its caption (read by the customer under the picture). */
export interface OutboundImage {
  bytes: Uint8Array
  mimeType: string
  caption: string
}

export interface StoredInbound {
  conversationId: string
  messageId: string
}

/** Where a transport delivers what it receives; resolves once the message is stored. */
export type InboundSink = (message: InboundMessage) => Promise<StoredInbound | null>

export interface TransportHooks {
  receive: InboundSink
  /** A burst stored in one go (one disk sync); results in the same order, null for a redelivery. */
  receiveBatch?: (messages: InboundMessage[]) => Promise<(StoredInbound | null)[]>
  /** Delivery receipts for messages the app sent (by the transport's message id). */
  delivery?: (externalId: string, status: DeliveryStatus) => void
  /** The transport can send again (e.g. WhatsApp reconnected): retry what is queued. */
  ready?: () => void
}

/** A send that may succeed later (the link is down), as opposed to one that never will. */
export class TransportUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TransportUnavailableError'
  }
}

/**
 * WhatsApp (Baileys) and the simulator look the same from above: messages come in through
 * the hooks given to `start`, and `send` delivers text to a chat.
 */
export interface Transport {
  readonly kind: TransportKind
  start(hooks: TransportHooks): Promise<void>
  stop(): Promise<void>
  /**
   * Sends text; `messageId` (from `newMessageId`) makes a resend after a crash the same
   * message, so the customer does not get it twice.
   */
  send(to: string, text: string, options?: { messageId?: string }): Promise<{ externalId: string }>
  /** Sends a photo with its caption; spaced like any other send. */
  sendImage?(to: string, image: OutboundImage, options?: { messageId?: string }): Promise<{ externalId: string }>
  /** An id in the transport's own format, assigned before the first send attempt. */
  newMessageId?(): string
  /** "Escribiendo…" while the bot thinks. */
  typing?(to: string, on: boolean): Promise<void>
  /** Read receipts for the given inbound messages (transport ids). */
  markRead?(to: string, externalIds: string[]): Promise<void>
}

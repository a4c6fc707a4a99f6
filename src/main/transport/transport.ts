import type { TransportKind } from '../../shared/types'

/** A customer message as a transport hands it over, before anything is stored. */
export interface InboundMessage {
  /** The transport's own message id; redeliveries carry the same one. */
  externalId: string
  /** Who wrote: WhatsApp JID or the simulator's customer handle. */
  from: string
  displayName: string | null
  kind: string
  text: string | null
  timestamp: Date
  raw?: unknown
}

export interface StoredInbound {
  conversationId: string
  messageId: string
}

/** Where a transport delivers what it receives; resolves once the message is stored. */
export type InboundSink = (message: InboundMessage) => Promise<StoredInbound | null>

/**
 * WhatsApp (Baileys) and the simulator look the same from above: messages come in through
 * the sink given to `start`, and `send` delivers text to a chat.
 */
export interface Transport {
  readonly kind: TransportKind
  start(sink: InboundSink): Promise<void>
  stop(): Promise<void>
  send(to: string, text: string): Promise<{ externalId: string }>
}

import type { AuthenticationState, BaileysEventMap, WASocket } from '@whiskeysockets/baileys'
import type { Logger } from '../kernel/logger'
import type { SentContent } from './resend-content'

/**
 * The part of Baileys' socket the transport uses. The real one comes from `makeWASocket`
 * (see baileys-socket.ts); tests use a double of this surface fed with real Baileys objects.
 */
export type WhatsappSocket = Pick<
  WASocket,
  'sendMessage' | 'sendPresenceUpdate' | 'readMessages' | 'logout' | 'end' | 'requestPairingCode' | 'query'
> & {
  ev: { on<T extends keyof BaileysEventMap>(event: T, listener: (arg: BaileysEventMap[T]) => void): void; removeAllListeners(event: keyof BaileysEventMap): void }
  user?: { id: string; lid?: string | undefined; name?: string | undefined } | undefined
}

export interface SocketOptions {
  auth: AuthenticationState
  logger: Logger
  /** What the app sent under a WhatsApp id: Baileys sends it again when a phone asks (retry receipts). */
  sentContent?: (id: string) => Promise<SentContent | null>
}

/** Opens a new socket (one per connection attempt, as Baileys expects). */
export type SocketFactory = (options: SocketOptions) => Promise<WhatsappSocket>

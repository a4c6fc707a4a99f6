import type { ILogger } from '@whiskeysockets/baileys/lib/Utils/logger.js'
import type { Logger } from '../kernel/logger'
import { getMessageFor } from './resend-content'
import type { SocketFactory } from './whatsapp-socket'

/**
 * The real socket: Baileys' `makeWASocket`, loaded on first use so a start without a linked
 * number (and every test that does not need it) never loads Baileys.
 */
export const baileysSocketFactory: SocketFactory = async ({ auth, logger, sentContent }) => {
  const baileys = await import('@whiskeysockets/baileys')
  const log = baileysLogger(logger)
  const socket = baileys.makeWASocket({
    auth: { creds: auth.creds, keys: baileys.makeCacheableSignalKeyStore(auth.keys, log) },
    logger: log,
    browser: baileys.Browsers.appropriate('Desktop'),
    // Staying "offline" keeps the owner's phone ringing for new messages.
    markOnlineOnConnect: false,
    syncFullHistory: false,
    // Groups, status updates, broadcast lists and channels are not customers.
    shouldIgnoreJid: (jid) =>
      Boolean(baileys.isJidGroup(jid) || baileys.isJidStatusBroadcast(jid) || baileys.isJidBroadcast(jid) || baileys.isJidNewsletter(jid)),
    // The socket's own upload: read only when a phone asks again, after makeWASocket returned.
    getMessage: getMessageFor(sentContent, { generate: baileys.generateWAMessageContent, upload: (...args) => socket.waUploadToServer(...args) }, logger),
  })
  return socket
}

/** Baileys logs through pino's interface; only its warnings and errors are worth the owner's log. */
function baileysLogger(logger: Logger, bindings: Record<string, unknown> = {}): ILogger {
  const fields = (obj: unknown): Record<string, unknown> => ({ ...bindings, ...(typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>) : { detail: obj }) })
  const text = (obj: unknown, msg?: string): string => msg ?? (typeof obj === 'string' ? obj : 'Baileys')
  return {
    level: 'warn',
    child: (child: Record<string, unknown>) => baileysLogger(logger, { ...bindings, ...child }),
    trace: () => {},
    debug: () => {},
    info: () => {},
    warn: (obj: unknown, msg?: string) => logger.warn(`WhatsApp: ${text(obj, msg)}`, fields(obj)),
    error: (obj: unknown, msg?: string) => logger.error(`WhatsApp: ${text(obj, msg)}`, fields(obj)),
  }
}

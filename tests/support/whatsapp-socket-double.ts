// A stand-in for Baileys' socket with the event surface the transport uses
// (`connection.update`, `creds.update`, `messages.upsert` notify/append, `messages.update`)
// and the calls it makes, recorded. Messages are real Baileys objects built with `proto`.
import { EventEmitter } from 'node:events'
import { readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  DisconnectReason,
  encryptedStream,
  generateWAMessageContent,
  proto,
  type BaileysEventMap,
  type WAMediaUploadFunction,
  type WAMessage,
  type WAMessageKey,
} from '@whiskeysockets/baileys'
import { getMessageFor } from '../../src/main/whatsapp/resend-content'
import type { SocketFactory, SocketOptions, WhatsappSocket } from '../../src/main/whatsapp/whatsapp-socket'

export interface SentMessage {
  jid: string
  /** The text, or a photo's caption. */
  text: string
  messageId: string
  /** A photo message: its bytes and type as handed to Baileys. */
  image?: { bytes: Uint8Array; mimetype: string | undefined }
}

export class SocketDouble implements WhatsappSocket {
  private readonly emitter = new EventEmitter()
  readonly sent: SentMessage[] = []
  readonly presence: { type: string; jid: string | undefined }[] = []
  readonly reads: WAMessageKey[] = []
  readonly pairingRequests: string[] = []
  ended = false
  loggedOut = false
  user: WhatsappSocket['user'] = undefined
  /** Encrypted media uploaded to "WhatsApp's servers" (photos sent, or rebuilt for a resend). */
  readonly uploads: { mediaType: string; bytes: number }[] = []
  /** Makes `sendMessage` fail (e.g. not connected) while set. */
  failSends: Error | null = null
  /** Makes the watchdog's ping hang (a "connected but silent" socket) while set. */
  silent = false
  pings = 0

  constructor(readonly options: SocketOptions) {
    this.emitter.setMaxListeners(50)
  }

  readonly ev: WhatsappSocket['ev'] = {
    on: (event, listener) => void this.emitter.on(event, listener as (arg: unknown) => void),
    removeAllListeners: (event) => void this.emitter.removeAllListeners(event),
  }

  emit<T extends keyof BaileysEventMap>(event: T, payload: BaileysEventMap[T]): void {
    this.emitter.emit(event, payload)
  }

  qr(code = `2@${Math.random().toString(36).slice(2)},${'x'.repeat(43)}=,${'y'.repeat(43)}=,${'z'.repeat(24)}==`): string {
    this.emit('connection.update', { connection: 'connecting', qr: code })
    return code
  }

  open(id = '573001112233:4@s.whatsapp.net'): void {
    this.user = { id, name: 'Tienda' }
    this.options.auth.creds.me = { id, name: 'Tienda' }
    this.emit('creds.update', { me: this.options.auth.creds.me })
    this.emit('connection.update', { connection: 'open' })
  }

  /** `data`: what Baileys keeps under a WebSocket error, e.g. `{ code: 'ENOTFOUND' }` without internet. */
  close(statusCode: number = DisconnectReason.connectionLost, message = 'Connection Lost', data?: object): void {
    const error = data ? Object.assign(boom(message, statusCode), { data }) : boom(message, statusCode)
    this.emit('connection.update', {
      connection: 'close',
      lastDisconnect: { error, date: new Date() },
    })
  }

  upsert(messages: WAMessage[], type: 'notify' | 'append' = 'notify'): void {
    this.emit('messages.upsert', { messages, type })
  }

  status(id: string, jid: string, status: proto.WebMessageInfo.Status): void {
    this.emit('messages.update', [{ key: { id, remoteJid: jid, fromMe: true }, update: { status } }])
  }

  sendMessage: WhatsappSocket['sendMessage'] = async (jid, content, options) => {
    if (this.failSends) throw this.failSends
    const media = content as { text?: string; image?: Buffer; caption?: string; mimetype?: string }
    const text = media.text ?? media.caption ?? ''
    const messageId = options?.messageId ?? `3EB0${Math.random().toString(16).slice(2, 18).toUpperCase()}`
    this.sent.push({ jid, text, messageId, ...(media.image ? { image: { bytes: new Uint8Array(media.image), mimetype: media.mimetype } } : {}) })
    // A photo is encrypted and uploaded by Baileys' own code, as the real socket does.
    const message = media.image
      ? await generateWAMessageContent({ image: media.image, caption: media.caption ?? '', ...(media.mimetype ? { mimetype: media.mimetype } : {}) }, { upload: this.upload })
      : { conversation: text }
    return proto.WebMessageInfo.fromObject({
      key: { remoteJid: jid, fromMe: true, id: messageId },
      message,
      messageTimestamp: Math.floor(Date.now() / 1000),
      status: proto.WebMessageInfo.Status.SERVER_ACK,
    }) as WAMessage
  }

  /** The media upload Baileys calls with the encrypted file's path. */
  readonly upload: WAMediaUploadFunction = async (encFilePath, { mediaType }) => {
    const encrypted = await readFile(encFilePath)
    this.uploads.push({ mediaType, bytes: encrypted.byteLength })
    const n = this.uploads.length
    return { mediaUrl: `https://mmg.whatsapp.net/v/t62.7118-24/upload-${n}.enc`, directPath: `/v/t62.7118-24/upload-${n}.enc` }
  }

  /**
   * A customer's phone could not decrypt message `id` and asks for it again (a retry receipt):
   * what Baileys would send back, through the same `getMessage` the real socket is given.
   */
  askAgain(id: string): Promise<proto.IMessage | undefined> {
    const getMessage = getMessageFor(this.options.sentContent, { generate: generateWAMessageContent, upload: this.upload }, this.options.logger)
    return getMessage({ id, remoteJid: 'x@s.whatsapp.net', fromMe: true })
  }

  sendPresenceUpdate: WhatsappSocket['sendPresenceUpdate'] = async (type, jid) => {
    this.presence.push({ type, jid })
  }

  readMessages: WhatsappSocket['readMessages'] = async (keys) => {
    this.reads.push(...keys)
  }

  requestPairingCode: WhatsappSocket['requestPairingCode'] = async (phone) => {
    this.pairingRequests.push(phone)
    return 'ABCD1234'
  }

  query: WhatsappSocket['query'] = async () => {
    this.pings++
    if (this.silent) return new Promise(() => {})
    return { tag: 'iq', attrs: { type: 'result' } }
  }

  logout: WhatsappSocket['logout'] = async () => {
    this.loggedOut = true
    this.close(DisconnectReason.loggedOut, 'Intentional Logout')
  }

  end: WhatsappSocket['end'] = async (error) => {
    if (this.ended) return
    this.ended = true
    const statusCode = (error as { output?: { statusCode?: number } } | undefined)?.output?.statusCode
    this.close(statusCode ?? DisconnectReason.connectionClosed, error?.message ?? 'Connection Closed')
  }
}

/** The shape of the @hapi/boom errors Baileys closes with (it reads `output.statusCode`). */
export function boom(message: string, statusCode: number): Error & { isBoom: true; output: { statusCode: number } } {
  return Object.assign(new Error(message), { isBoom: true as const, output: { statusCode } })
}

/** A factory that records every socket it opened; `latest` is the live one. */
export function socketDoubleFactory(): SocketFactory & { sockets: SocketDouble[]; latest(): SocketDouble; next(): Promise<SocketDouble> } {
  const sockets: SocketDouble[] = []
  const waiters: ((s: SocketDouble) => void)[] = []
  const factory = async (options: SocketOptions) => {
    const socket = new SocketDouble(options)
    sockets.push(socket)
    // Hand it to the test only after the transport has attached its listeners.
    const ready = waiters.splice(0)
    setImmediate(() => {
      for (const w of ready) w(socket)
    })
    return socket
  }
  return Object.assign(factory, {
    sockets,
    latest: () => {
      const s = sockets.at(-1)
      if (!s) throw new Error('no socket opened yet')
      return s
    },
    /** Resolves with the next socket the transport opens. */
    next: () => new Promise<SocketDouble>((resolve) => waiters.push(resolve)),
  })
}

let seq = 0
/** A real Baileys text message from a customer. */
export function customerText(phone: string, text: string, options: { id?: string; at?: Date; pushName?: string } = {}): WAMessage {
  return proto.WebMessageInfo.fromObject({
    key: { remoteJid: `${phone}@s.whatsapp.net`, fromMe: false, id: options.id ?? `IN${Date.now().toString(16).toUpperCase()}${++seq}` },
    message: { conversation: text },
    messageTimestamp: Math.floor((options.at ?? new Date()).getTime() / 1000),
    pushName: options.pushName ?? 'Cliente',
  }) as WAMessage
}

/** The owner writing from the phone to a customer. */
export function ownerText(phone: string, text: string, options: { id?: string; at?: Date } = {}): WAMessage {
  return proto.WebMessageInfo.fromObject({
    key: { remoteJid: `${phone}@s.whatsapp.net`, fromMe: true, id: options.id ?? `OWN${Date.now().toString(16).toUpperCase()}${++seq}` },
    message: { conversation: text },
    messageTimestamp: Math.floor((options.at ?? new Date()).getTime() / 1000),
  }) as WAMessage
}

/**
 * WhatsApp's media servers, played locally: a file is encrypted exactly as Baileys encrypts an
 * upload (its own `encryptedStream`: AES-256-CBC + HMAC, keys from the media key) and served over
 * HTTP, so the app's download runs Baileys' real `downloadMediaMessage` (fetch, decrypt) on it.
 */
export interface MediaServerDouble {
  url: string
  /** Downloads served so far, by path. */
  downloads: string[]
  /** Makes every download answer this HTTP status while set. */
  failWith: number | null
  /** Encrypts and serves `bytes`; returns the fields a media message carries. */
  host(bytes: Uint8Array, mediaType: 'image' | 'audio'): Promise<{ url: string; mediaKey: Uint8Array; fileSha256: Uint8Array; fileEncSha256: Uint8Array; fileLength: number }>
  close(): Promise<void>
}

export async function startMediaServerDouble(): Promise<MediaServerDouble> {
  const files = new Map<string, Buffer>()
  const downloads: string[] = []
  let counter = 0
  const double: MediaServerDouble = {
    url: '',
    downloads,
    failWith: null,
    async host(bytes, mediaType) {
      const encrypted = await encryptedStream(Buffer.from(bytes), mediaType)
      const path = `/v/t62.7118-24/${++counter}.enc`
      files.set(path, await readFile(encrypted.encFilePath))
      await rm(encrypted.encFilePath, { force: true })
      return { url: `${double.url}${path}`, mediaKey: encrypted.mediaKey, fileSha256: encrypted.fileSha256, fileEncSha256: encrypted.fileEncSha256, fileLength: encrypted.fileLength }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    downloads.push(path)
    const file = files.get(path)
    if (double.failWith !== null || !file) {
      res.writeHead(double.failWith ?? 404)
      res.end()
      return
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': file.length })
    res.end(file)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return double
}

/** A real Baileys photo message from a customer, its file on the media server double. */
export async function customerImage(
  server: MediaServerDouble,
  phone: string,
  bytes: Uint8Array,
  options: { id?: string; caption?: string; mimetype?: string; at?: Date } = {},
): Promise<WAMessage> {
  const file = await server.host(bytes, 'image')
  return proto.WebMessageInfo.fromObject({
    key: { remoteJid: `${phone}@s.whatsapp.net`, fromMe: false, id: options.id ?? `IMG${Date.now().toString(16).toUpperCase()}${++seq}` },
    message: {
      imageMessage: {
        url: file.url,
        mimetype: options.mimetype ?? 'image/jpeg',
        mediaKey: file.mediaKey,
        fileSha256: file.fileSha256,
        fileEncSha256: file.fileEncSha256,
        fileLength: file.fileLength,
        ...(options.caption ? { caption: options.caption } : {}),
      },
    },
    messageTimestamp: Math.floor((options.at ?? new Date()).getTime() / 1000),
    pushName: 'Cliente',
  }) as WAMessage
}

/** A real Baileys voice note (push-to-talk, Opus in OGG as WhatsApp records it). */
export async function customerVoiceNote(
  server: MediaServerDouble,
  phone: string,
  bytes: Uint8Array,
  options: { id?: string; seconds?: number; at?: Date } = {},
): Promise<WAMessage> {
  const file = await server.host(bytes, 'audio')
  return proto.WebMessageInfo.fromObject({
    key: { remoteJid: `${phone}@s.whatsapp.net`, fromMe: false, id: options.id ?? `PTT${Date.now().toString(16).toUpperCase()}${++seq}` },
    message: {
      audioMessage: {
        url: file.url,
        mimetype: 'audio/ogg; codecs=opus',
        mediaKey: file.mediaKey,
        fileSha256: file.fileSha256,
        fileEncSha256: file.fileEncSha256,
        fileLength: file.fileLength,
        seconds: options.seconds ?? 4,
        ptt: true,
      },
    },
    messageTimestamp: Math.floor((options.at ?? new Date()).getTime() / 1000),
    pushName: 'Cliente',
  }) as WAMessage
}

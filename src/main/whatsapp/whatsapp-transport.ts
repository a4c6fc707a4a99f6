import type { Clock } from '../kernel/clock'
import { randomBytes } from 'node:crypto'
import type { BaileysEventMap, WAMessage } from '@whiskeysockets/baileys'
import type { WhatsappState, WhatsappStatus } from '../../shared/types'
import type { Logger } from '../kernel/logger'
import type { SettingsService } from '../settings/settings-service'
import { TransportUnavailableError, type InboundMedia, type InboundMessage, type OutboundImage, type Transport, type TransportHooks } from '../transport/transport'
import type { SqliteAuthState } from './auth-state-store'
import { RecentSends, type SentContent } from './resend-content'

/** The same check as auth-state-store's, without loading Baileys (that module imports it). */
const isUnreadableSession = (error: unknown) => error instanceof Error && error.name === 'WhatsAppSessionUnreadableError'
import { DecryptFailureTracker, decryptionFailureContact, isDecryptionFailure } from './decrypt-failures'
import { toDeliveryStatus } from './delivery-status'
import { classifyMessage, mediaOf } from './inbound-message'
import { describePairingFailure } from './pairing-failure'
import { decideOnClose } from './reconnect-policy'
import { checkLinkPhone } from '../../shared/phone-number'
import { DEFAULT_SEND_LIMITS, SendThrottle } from './send-throttle'
import type { SocketFactory, WhatsappSocket } from './whatsapp-socket'

export interface WhatsappTransportOptions {
  socketFactory: SocketFactory
  /** Loaded on first use: it brings Baileys in, which a start without a linked number does not need. */
  loadAuth: () => Promise<SqliteAuthState>
  /** Whether a session is stored, answered without loading Baileys. */
  hasStoredSession: () => boolean
  settings: SettingsService
  logger: Logger
  onStatus: (status: WhatsappStatus) => void
  /** A sent message as stored, by WhatsApp id, for Baileys' retry receipts after a restart. */
  sentContent?: (id: string) => Promise<SentContent | null>
  clock?: Clock
  random?: () => number
  reconnect?: { baseMs: number; maxMs: number; maxAttempts: number }
  /** An open link with no traffic for `silenceMs` is pinged; no answer in `pingTimeoutMs` → reconnect. */
  watchdog?: { intervalMs: number; silenceMs: number; pingTimeoutMs: number }
  decryptFailures?: { threshold: number; windowMs: number; maxTracked: number }
  /** Overrides the send spacing from settings (benchmarks that measure everything but the spacing). */
  sendLimits?: { perChatMinIntervalMs: number; globalPerMinute: number; globalBurst: number; jitterMs: number }
  /** Fetches and decrypts a photo or voice note; defaults to Baileys' downloadMediaMessage. */
  downloadMedia?: (message: WAMessage, signal?: AbortSignal) => Promise<Uint8Array>
}

export type PairRequest = { method: 'qr' } | { method: 'code'; phone: string }

/** Asked for something the link's state does not allow; the message is for the owner. */
export class WhatsappStateError extends Error {
  /** The request's field at fault (`phone`), when it is one. */
  readonly field: string | null

  constructor(message: string, field: string | null = null) {
    super(message)
    this.name = 'WhatsappStateError'
    this.field = field
  }
}

const DEFAULT_RECONNECT = { baseMs: 2_000, maxMs: 5 * 60_000, maxAttempts: 12 }
const DEFAULT_WATCHDOG = { intervalMs: 60_000, silenceMs: 4 * 60_000, pingTimeoutMs: 20_000 }
const DEFAULT_DECRYPT = { threshold: 5, windowMs: 10 * 60_000, maxTracked: 1_000 }

/**
 * WhatsApp through Baileys, behind the same interface as the simulator. It owns the socket's
 * life: pairing (QR or code), reconnecting with capped backoff on every close except a logout
 * or a takeover by another session, a watchdog for links that stay "open" but go silent,
 * resetting one contact's Signal sessions when its messages keep failing to decrypt, and
 * spacing sends so the number is not restricted. Everything it receives goes to the inbox,
 * which stores it before anything else and drops redeliveries by message id.
 */
export class WhatsappTransport implements Transport {
  readonly kind = 'whatsapp' as const
  private readonly clock: Clock
  private readonly throttle: SendThrottle
  private readonly decrypt: DecryptFailureTracker
  private readonly recentSends = new RecentSends()
  private hooks: TransportHooks | null = null
  private socket: WhatsappSocket | null = null
  private auth: SqliteAuthState | null = null
  /** Events from a socket of an earlier generation are ignored. */
  private generation = 0
  private attempt = 0
  private pairing: PairRequest | null = null
  private pairingCodeRequested = false
  /** The owner has had a QR or a code on screen in this linking attempt. */
  private pairingShown = false
  private retryTimer: NodeJS.Timeout | null = null
  private watchdogTimer: NodeJS.Timeout | null = null
  private lastTrafficAt = 0
  private stopped = false
  private loggingOut = false
  /** Inbound batches are handled one after another so a chat's order is kept. */
  private inboundChain: Promise<void> = Promise.resolve()
  private state: WhatsappStatus = {
    state: 'unpaired',
    qr: null,
    pairingCode: null,
    phone: null,
    detail: null,
    retryAt: null,
    gaveUp: false,
    lastMessageAt: null,
  }

  constructor(private readonly options: WhatsappTransportOptions) {
    this.clock = options.clock ?? Date.now
    const limits = options.settings.get().whatsapp
    this.throttle = new SendThrottle(
      options.sendLimits ?? { ...DEFAULT_SEND_LIMITS, perChatMinIntervalMs: limits.perChatMinIntervalMs, globalPerMinute: limits.globalPerMinute },
      this.clock,
      options.random ?? Math.random,
    )
    this.decrypt = new DecryptFailureTracker(options.decryptFailures ?? DEFAULT_DECRYPT, this.clock)
  }

  status(): WhatsappStatus {
    return { ...this.state }
  }

  async start(hooks: TransportHooks): Promise<void> {
    this.hooks = hooks
    this.stopped = false
    if (this.options.hasStoredSession()) await this.connect()
    else this.setStatus({ state: 'unpaired' })
  }

  /** Resolves when every message received so far has been handed to the inbox. */
  async idle(): Promise<void> {
    let chain: Promise<void>
    do {
      chain = this.inboundChain
      await chain
    } while (chain !== this.inboundChain)
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.clearTimers()
    await this.dropSocket()
    await this.inboundChain
  }

  /** Starts linking the shop's number; the QR or the code arrives in the status. */
  async pair(request: PairRequest): Promise<WhatsappStatus> {
    const linked = ['open', 'connecting', 'closed', 'replaced'].includes(this.state.state)
    if (this.options.hasStoredSession() && linked) {
      throw new WhatsappStateError('Ya hay un número vinculado. Desvincúlalo antes de vincular otro.')
    }
    if (request.method === 'code') {
      // A national number would be linked as some other country's: refuse it before WhatsApp does.
      const checked = checkLinkPhone(request.phone, this.options.settings.get().shop.country)
      if (!checked.ok) throw new WhatsappStateError(checked.message, 'phone')
      request = { method: 'code', phone: checked.phone }
    }
    ;(await this.loadAuth()).clear()
    this.pairing = request
    this.pairingCodeRequested = false
    this.pairingShown = false
    this.attempt = 0
    await this.connect()
    return this.status()
  }

  async cancelPairing(): Promise<WhatsappStatus> {
    if (!this.pairing) return this.status()
    this.pairing = null
    this.clearTimers()
    await this.dropSocket()
    ;(await this.loadAuth()).clear()
    this.setStatus({ state: 'unpaired', detail: null })
    return this.status()
  }

  /** "Reintentar ahora": after giving up, or to take the link back from another session. */
  async reconnect(): Promise<WhatsappStatus> {
    if (!this.options.hasStoredSession()) throw new WhatsappStateError('No hay un número vinculado todavía.')
    this.attempt = 0
    this.clearTimers()
    await this.connect()
    return this.status()
  }

  /** "Desvincular": logs out on WhatsApp's side too and forgets the session here. */
  async logout(): Promise<WhatsappStatus> {
    this.loggingOut = true
    this.clearTimers()
    const socket = this.socket
    try {
      if (socket && this.state.state === 'open') await socket.logout('Desvinculado desde autodidacta')
    } catch (error) {
      this.options.logger.warn('WhatsApp logout failed; forgetting the session anyway', { error })
    } finally {
      await this.dropSocket()
      ;(await this.loadAuth()).clear()
      this.pairing = null
      this.loggingOut = false
      this.setStatus({ state: 'unpaired', phone: null, detail: null, retryAt: null, gaveUp: false })
    }
    return this.status()
  }

  newMessageId(): string {
    // The shape WhatsApp Web clients use; fixed before the first attempt so a resend after a
    // crash is the same message, not a second one.
    return `3EB0${randomBytes(10).toString('hex').toUpperCase()}`
  }

  async send(to: string, text: string, options: { messageId?: string } = {}): Promise<{ externalId: string }> {
    const delay = this.throttle.reserve(to)
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
    const socket = this.socket
    if (!socket || this.state.state !== 'open') throw new TransportUnavailableError('WhatsApp no está conectado')
    const sent = await socket.sendMessage(to, { text }, options.messageId ? { messageId: options.messageId } : undefined)
    const id = sent?.key.id ?? options.messageId
    if (!id) throw new Error('WhatsApp did not return a message id')
    this.recentSends.remember(id, sent?.message)
    return { externalId: id }
  }

  async sendImage(to: string, image: OutboundImage, options: { messageId?: string } = {}): Promise<{ externalId: string }> {
    const delay = this.throttle.reserve(to)
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
    const socket = this.socket
    if (!socket || this.state.state !== 'open') throw new TransportUnavailableError('WhatsApp no está conectado')
    const sent = await socket.sendMessage(
      to,
      { image: Buffer.from(image.bytes), mimetype: image.mimeType, caption: image.caption },
      options.messageId ? { messageId: options.messageId } : undefined,
    )
    const id = sent?.key.id ?? options.messageId
    if (!id) throw new Error('WhatsApp did not return a message id')
    this.recentSends.remember(id, sent?.message)
    return { externalId: id }
  }

  /** What to send again under `id` when a phone asks: this session's send as it went, else the stored message. */
  private async sentContent(id: string): Promise<SentContent | null> {
    const recent = this.recentSends.get(id)
    if (recent) return { message: recent }
    return (await this.options.sentContent?.(id)) ?? null
  }

  async typing(to: string, on: boolean): Promise<void> {
    if (!this.socket || this.state.state !== 'open') return
    await this.socket.sendPresenceUpdate(on ? 'composing' : 'paused', to).catch((error: unknown) => {
      this.options.logger.warn('Typing indicator failed', { error })
    })
  }

  async markRead(to: string, externalIds: string[]): Promise<void> {
    if (!this.socket || this.state.state !== 'open' || externalIds.length === 0) return
    await this.socket.readMessages(externalIds.map((id) => ({ remoteJid: to, id, fromMe: false }))).catch((error: unknown) => {
      this.options.logger.warn('Read receipts failed', { error })
    })
  }

  private async connect(): Promise<void> {
    await this.dropSocket()
    if (this.stopped) return
    const generation = ++this.generation
    this.setStatus({ state: this.pairing ? 'pairing' : 'connecting', qr: null, pairingCode: null, retryAt: null, gaveUp: false })
    const auth = await this.loadAuth()
    if (generation !== this.generation || this.stopped) return
    try {
      void auth.state.creds
    } catch (error) {
      if (!isUnreadableSession(error)) throw error
      // Another encryption key or a damaged row: only pairing again helps. Say so; do not crash.
      this.options.logger.error('The stored WhatsApp session cannot be read', { error })
      this.setStatus({ state: 'logged_out', phone: null, detail: (error as Error).message })
      return
    }
    let socket: WhatsappSocket
    try {
      socket = await this.options.socketFactory({
        auth: auth.state,
        logger: this.options.logger,
        sentContent: (id) => this.sentContent(id),
      })
    } catch (error) {
      this.options.logger.error('Could not open a WhatsApp socket', { error })
      this.onClose(generation, error)
      return
    }
    if (generation !== this.generation || this.stopped) {
      await socket.end(undefined).catch(() => {})
      return
    }
    this.socket = socket
    this.lastTrafficAt = this.clock()
    socket.ev.on('creds.update', () => this.saveCreds())
    socket.ev.on('connection.update', (update) => this.onConnectionUpdate(generation, update))
    socket.ev.on('messages.upsert', (upsert) => {
      if (generation !== this.generation) return
      this.lastTrafficAt = this.clock()
      this.inboundChain = this.inboundChain.then(() => this.onUpsert(upsert))
    })
    socket.ev.on('messages.update', (updates) => {
      if (generation !== this.generation) return
      this.lastTrafficAt = this.clock()
      this.onMessagesUpdate(updates)
    })
  }

  private async loadAuth(): Promise<SqliteAuthState> {
    this.auth ??= await this.options.loadAuth()
    return this.auth
  }

  private saveCreds(): void {
    try {
      this.auth?.saveCreds()
    } catch (error) {
      // Losing a creds update can break the session later; say so loudly, keep running.
      this.options.logger.error('Saving WhatsApp credentials failed', { error })
    }
  }

  private onConnectionUpdate(generation: number, update: BaileysEventMap['connection.update']): void {
    if (generation !== this.generation) return
    this.lastTrafficAt = this.clock()
    if (update.qr) this.onQr(update.qr)
    if (update.connection === 'open') {
      this.attempt = 0
      this.pairing = null
      this.setStatus({ state: 'open', qr: null, pairingCode: null, detail: null, retryAt: null, gaveUp: false, phone: this.linkedPhone() })
      this.startWatchdog()
      this.hooks?.ready?.()
    } else if (update.connection === 'close') {
      this.onClose(generation, update.lastDisconnect?.error)
    }
  }

  private onQr(qr: string): void {
    const pairing = this.pairing
    if (!pairing) {
      // A stored session that asks for a QR is no longer valid on the phone.
      this.options.logger.warn('WhatsApp asked for a new QR with a stored session; it was unlinked')
      void this.dropSocket()
      this.auth?.clear()
      this.setStatus({ state: 'logged_out', qr: null, detail: 'El teléfono ya no reconoce esta sesión. Vuelve a vincular el número.' })
      return
    }
    if (pairing.method === 'qr') {
      this.pairingShown = true
      this.setStatus({ state: 'pairing', qr, pairingCode: null, detail: null })
      return
    }
    // Pairing by code: the socket must be up (it just sent a QR) before the code is asked for.
    if (this.pairingCodeRequested || !this.socket) return
    this.pairingCodeRequested = true
    const phone = pairing.phone.replace(/^\+/, '')
    const generation = this.generation
    // An answer that lands after this socket closed must not bring back a dead pairing.
    const current = () => generation === this.generation && this.pairing === pairing
    this.socket.requestPairingCode(phone).then(
      (code) => {
        if (!current()) return
        this.pairingShown = true
        this.setStatus({ state: 'pairing', qr: null, pairingCode: code, detail: null })
      },
      (error: unknown) => {
        this.options.logger.error('Requesting a pairing code failed', { error })
        if (!current()) return
        this.setStatus({ state: 'pairing', qr: null, pairingCode: null, detail: 'WhatsApp no entregó el código. Revisa el número e inténtalo de nuevo.' })
      },
    )
  }

  private onClose(generation: number, error: unknown): void {
    if (generation !== this.generation || this.stopped || this.loggingOut) return
    this.socket = null
    this.stopWatchdog()
    const config = this.options.reconnect ?? DEFAULT_RECONNECT
    const decision = decideOnClose(error, this.attempt, config, this.options.random ?? Math.random)
    const creds = this.creds()
    const registered = Boolean(creds?.registered) || Boolean(creds?.me)
    const pairing = this.pairing
    const progress = pairing ? { method: pairing.method, shown: this.pairingShown, phone: pairing.method === 'code' ? pairing.phone : null } : null
    if (progress && !registered && decision.action !== 'reconnect') {
      this.pairing = null
      this.auth?.clear()
      this.setStatus({ state: 'unpaired', qr: null, pairingCode: null, detail: describePairingFailure(error, progress) })
      return
    }
    switch (decision.action) {
      case 'reconnect': {
        if (progress && !registered && decision.delayMs > 0) {
          // The QR expired unscanned, or WhatsApp could not be reached at all: stop instead of
          // retrying a link nobody is watching, and say which it was.
          this.pairing = null
          this.auth?.clear()
          this.setStatus({ state: 'unpaired', qr: null, pairingCode: null, detail: describePairingFailure(error, progress) })
          return
        }
        if (!decision.resetAttempts) this.attempt++
        if (decision.delayMs === 0) {
          void this.connect()
          return
        }
        const retryAt = this.clock() + decision.delayMs
        this.setStatus({ state: 'closed', detail: decision.reason, retryAt, gaveUp: false })
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null
          void this.connect()
        }, decision.delayMs)
        this.retryTimer.unref?.()
        return
      }
      case 'logged_out':
        this.auth?.clear()
        this.setStatus({ state: 'logged_out', phone: null, qr: null, pairingCode: null, retryAt: null, detail: 'Se cerró la sesión desde el teléfono. Vuelve a vincular el número para que el bot responda.' })
        return
      case 'replaced':
        this.setStatus({ state: 'replaced', retryAt: null, detail: 'Otra sesión de WhatsApp Web tomó esta conexión. Reconecta aquí cuando quieras que el bot vuelva a responder.' })
        return
      case 'give_up':
        this.setStatus({ state: 'closed', retryAt: null, gaveUp: true, detail: decision.reason })
        return
    }
  }

  private async onUpsert({ messages, type }: BaileysEventMap['messages.upsert']): Promise<void> {
    const hooks = this.hooks
    if (!hooks) return
    const own = this.ownJids()
    const batch: InboundMessage[] = []
    for (const message of messages) {
      try {
        const inbound = await this.toInbound(message, own, type)
        if (inbound) batch.push(inbound)
      } catch (error) {
        // One odd message must never stop the ones after it.
        this.options.logger.error('Handling a WhatsApp message failed', { id: message.key?.id, error })
      }
    }
    if (batch.length === 0) return
    try {
      if (hooks.receiveBatch) await hooks.receiveBatch(batch)
      else for (const inbound of batch) await hooks.receive(inbound)
    } catch (error) {
      // Not stored: Baileys has not been told otherwise, and the phone resends unacked messages.
      this.options.logger.error('Storing WhatsApp messages failed', { count: batch.length, error })
    }
  }

  private async toInbound(message: WAMessage, own: { pn?: string; lid?: string }, type: string): Promise<InboundMessage | null> {
    if (isDecryptionFailure(message)) {
      // Not stored: Baileys retries and delivers the decrypted message with the same id.
      const jid = decryptionFailureContact(message)
      if (jid && this.decrypt.record(jid) === 'reset' && this.auth) {
        const removed = this.auth.resetContactSessions(jid)
        this.options.logger.warn('Repeated decryption failures; reset the contact’s Signal sessions', { jid, removed })
        // The socket caches sessions in memory: restart it so the stale one is not used again.
        await this.socket?.end(Object.assign(new Error('Signal sessions reset'), { output: { statusCode: 515 } })).catch(() => {})
      }
      return null
    }
    const decision = classifyMessage(message, own)
    if (decision.action === 'ignore') {
      if (decision.reason === 'unreadable') this.options.logger.warn('A WhatsApp message could not be read', { id: message.key?.id })
      return null
    }
    // Shown as "último mensaje"; refreshed at most every half minute so a burst is not a storm of status events.
    const now = this.clock()
    if (now - (this.state.lastMessageAt ?? 0) > 30_000) this.setStatus({ lastMessageAt: now })
    // WhatsApp stamps messages to the second; for live ones the moment they arrive orders a
    // chat better (the bot's reply and the owner's message can fall in the same second).
    const sent = decision.timestamp.getTime()
    const timestamp = now - sent >= 0 && now - sent < 60_000 ? new Date(now) : decision.timestamp
    // The owner's photos from the phone are kept too, so the chat in the app shows what was sent.
    const media = this.inboundMedia(message)
    return {
      externalId: decision.externalId,
      from: decision.chatJid,
      displayName: decision.action === 'customer' ? (decision.pushName ?? null) : null,
      kind: decision.kind,
      text: decision.text,
      timestamp,
      fromOwner: decision.action === 'owner',
      answerable: decision.action === 'customer' ? decision.supported || media !== undefined : false,
      raw: { upsert: type },
      ...(media ? { media } : {}),
    }
  }

  /** The photo or voice note a customer sent, fetched only when asked (see InboundMedia). */
  private inboundMedia(message: WAMessage): InboundMedia | undefined {
    const found = mediaOf(message)
    if (!found) return undefined
    const download = this.options.downloadMedia ?? downloadWithBaileys
    return { ...found, download: (signal) => download(message, signal) }
  }

  private onMessagesUpdate(updates: BaileysEventMap['messages.update']): void {
    for (const { key, update } of updates) {
      if (!key.fromMe || !key.id) continue
      const status = toDeliveryStatus(update.status)
      if (status) this.hooks?.delivery?.(key.id, status)
    }
  }

  private startWatchdog(): void {
    this.stopWatchdog()
    const config = this.options.watchdog ?? DEFAULT_WATCHDOG
    this.watchdogTimer = setInterval(() => void this.checkSilence(config), config.intervalMs)
    this.watchdogTimer.unref?.()
  }

  private async checkSilence(config: { silenceMs: number; pingTimeoutMs: number }): Promise<void> {
    const socket = this.socket
    if (!socket || this.state.state !== 'open') return
    if (this.clock() - this.lastTrafficAt < config.silenceMs) return
    const generation = this.generation
    const ping = socket.query({ tag: 'iq', attrs: { to: 's.whatsapp.net', type: 'get', xmlns: 'w:p' }, content: [{ tag: 'ping', attrs: {} }] })
    const timedOut = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), config.pingTimeoutMs).unref?.())
    const outcome = await Promise.race([ping.then(() => 'ok' as const, () => 'error' as const), timedOut])
    if (generation !== this.generation) return
    if (outcome === 'ok') {
      this.lastTrafficAt = this.clock()
      return
    }
    this.options.logger.warn('WhatsApp link is open but silent; reconnecting', { outcome })
    // Ending the socket emits a close that takes the normal reconnect path.
    await socket.end(Object.assign(new Error('Watchdog: no answer from WhatsApp'), { output: { statusCode: 408 } })).catch(() => {})
  }

  private stopWatchdog(): void {
    if (this.watchdogTimer) clearInterval(this.watchdogTimer)
    this.watchdogTimer = null
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.stopWatchdog()
  }

  private async dropSocket(): Promise<void> {
    const socket = this.socket
    this.socket = null
    // Later events from it are ignored by generation.
    this.generation++
    if (!socket) return
    for (const event of ['connection.update', 'creds.update', 'messages.upsert', 'messages.update'] as const) socket.ev.removeAllListeners(event)
    await socket.end(undefined).catch(() => {})
  }

  /** The credentials, or null while they cannot be read. */
  private creds(): SqliteAuthState['state']['creds'] | null {
    try {
      return this.auth?.state.creds ?? null
    } catch {
      return null
    }
  }

  private linkedPhone(): string | null {
    const id = this.socket?.user?.id ?? this.creds()?.me?.id
    if (!id) return null
    return `+${id.split('@')[0]!.split(':')[0]!}`
  }

  private ownJids(): { pn?: string; lid?: string } {
    const me = this.creds()?.me
    const own: { pn?: string; lid?: string } = {}
    const pn = this.socket?.user?.id ?? me?.id
    const lid = this.socket?.user?.lid ?? me?.lid
    if (pn) own.pn = pn
    if (lid) own.lid = lid
    return own
  }

  private setStatus(patch: Partial<WhatsappStatus> & { state?: WhatsappState }): void {
    this.state = { ...this.state, ...patch }
    this.options.onStatus(this.status())
  }
}

/** Baileys' own download: fetches the encrypted file from WhatsApp's media servers and decrypts it. */
async function downloadWithBaileys(message: WAMessage, signal?: AbortSignal): Promise<Uint8Array> {
  const { downloadMediaMessage } = await import('@whiskeysockets/baileys')
  const buffer = await downloadMediaMessage(message, 'buffer', signal ? { options: { signal } } : {})
  return new Uint8Array(buffer)
}

import {
  extractMessageContent,
  getContentType,
  isJidBot,
  isJidBroadcast,
  isJidGroup,
  isJidMetaAI,
  isJidNewsletter,
  isJidStatusBroadcast,
  jidDecode,
  normalizeMessageContent,
  proto,
  type WAMessage,
} from '@whiskeysockets/baileys'

type InboundKind =
  | 'text'
  | 'image'
  | 'video'
  | 'document'
  | 'button_reply'
  | 'list_reply'
  | 'template_reply'
  | 'interactive_reply'
  | 'sticker'
  | 'audio'
  | 'location'
  | 'live_location'
  | 'contact'
  | 'reaction'
  | 'edit'
  | 'delete'
  | 'poll'
  | 'poll_vote'
  | 'view_once'
  | 'unknown'

/**
 * Why a message is not for the shop. `other_chat` covers 1:1 addresses that are not a
 * person: Meta AI, WhatsApp's own notice accounts, servers Baileys does not name.
 */
/** `unreadable`: the classifier itself failed on this shape (a bug to fix, told apart from an empty message). */
export type IgnoreReason = 'group' | 'status' | 'broadcast' | 'newsletter' | 'protocol' | 'no_content' | 'self_chat' | 'other_chat' | 'unreadable'

export interface OwnJids {
  /** The linked number's phone-number JID (`creds.me.id`); a device suffix is fine. */
  pn?: string | null
  /** Its LID (`creds.me.lid`). */
  lid?: string | null
}

interface ClassifiedMessage {
  /**
   * The chat as WhatsApp addressed it (`…@s.whatsapp.net` or `…@lid`), without device
   * suffix. Replies go to this address: it is the one the Signal session was built for.
   */
  chatJid: string
  /** The other address of the same person (the phone JID of a LID chat and vice versa), when WhatsApp sent it. */
  altJid: string | null
  /** "+573001234567" when the chat's phone number is known; LID chats often hide it. */
  phone: string | null
  externalId: string
  kind: InboundKind
  text: string | null
  timestamp: Date
  /** The message this one replies to (WhatsApp "quote"). */
  quotedId?: string
  /** The message a reaction is about. */
  reactedTo?: string
  /** The message an edit replaces. */
  editedId?: string
  /** The message a deletion ("eliminar para todos") removes. */
  deletedId?: string
}

export interface CustomerMessage extends ClassifiedMessage {
  action: 'customer'
  pushName: string | null
  /** The bot can read and answer it as a new message: a text-bearing kind with text in it. */
  supported: boolean
}

/** Written by the owner from the phone (or sent by this app: the caller dedupes by id). */
export interface OwnerMessage extends ClassifiedMessage {
  action: 'owner'
}

export interface IgnoredMessage {
  action: 'ignore'
  reason: IgnoreReason
}

export type InboundDecision = IgnoredMessage | CustomerMessage | OwnerMessage

/** Kinds whose text is something the customer wrote to the shop, so the bot can answer it. */
const ANSWERABLE = new Set<InboundKind>(['text', 'image', 'video', 'document', 'button_reply', 'list_reply', 'template_reply', 'interactive_reply', 'view_once'])

/** Servers of 1:1 chats with people; `hosted*` are Cloud-API businesses that Baileys maps back to these two. */
const PERSON_SERVERS: Record<string, 's.whatsapp.net' | 'lid'> = {
  's.whatsapp.net': 's.whatsapp.net',
  'c.us': 's.whatsapp.net',
  hosted: 's.whatsapp.net',
  lid: 'lid',
  'hosted.lid': 'lid',
}

/** WhatsApp's own accounts (service notices, the official business account) are not customers. */
const SERVICE_USERS = new Set(['0', '16505361212'])

/** Keys of `proto.Message` that ride along with content and never are content themselves. */
const RIDE_ALONG_KEYS = new Set(['messageContextInfo'])

/**
 * Housekeeping between devices, encrypted updates to something else, or the header of an
 * album whose photos arrive as their own messages: nothing for the owner on their own.
 */
const HOUSEKEEPING_KEYS = new Set([
  'senderKeyDistributionMessage',
  'fastRatchetKeySenderKeyDistributionMessage',
  'messageHistoryNotice',
  'messageHistoryBundle',
  'keepInChatMessage',
  'pinInChatMessage',
  'secretEncryptedMessage',
  'encEventResponseMessage',
  'albumMessage',
  'placeholderMessage',
  'stickerSyncRmrMessage',
])

const ignore = (reason: IgnoreReason): IgnoredMessage => ({ action: 'ignore', reason })

/**
 * What a message from Baileys' `messages.upsert` means for the shop: a customer writing,
 * the owner writing from the phone (a human takeover), or nothing for us. Pure and total:
 * it never throws, whatever shape arrives; what it cannot read is an `unknown` customer
 * message (kept so the owner sees something arrived, not answered) or ignored when empty.
 * Undecryptable messages (CIPHERTEXT stubs) are ignored here: see `isDecryptionFailure`.
 */
export function classifyMessage(message: WAMessage, own: OwnJids = {}, now: () => number = Date.now): InboundDecision {
  try {
    return classify(message, own ?? {}, now)
  } catch {
    return ignore('unreadable')
  }
}

function classify(message: WAMessage, own: OwnJids, now: () => number): InboundDecision {
  if (!message || typeof message !== 'object') return ignore('no_content')
  const key = (message.key ?? {}) as WAMessage['key']
  const remoteJid = typeof key.remoteJid === 'string' ? key.remoteJid : ''
  const id = typeof key.id === 'string' ? key.id : ''
  if (!remoteJid || !id) return ignore('no_content')

  if (isJidStatusBroadcast(remoteJid)) return ignore('status')
  if (isJidGroup(remoteJid)) return ignore('group')
  if (isJidNewsletter(remoteJid)) return ignore('newsletter')
  if (isJidBroadcast(remoteJid)) return ignore('broadcast')
  const chat = personJid(remoteJid)
  if (!chat) return ignore('other_chat')

  const fromMe = key.fromMe === true
  const parsed = parseMessage(message, key)
  if (parsed === 'protocol') return ignore('protocol')
  if (parsed === 'undecryptable' || parsed === 'absent') return ignore('no_content')
  // A peer message from one of the owner's own devices with nothing readable is sync noise;
  // taking it for a takeover would silence the bot in that chat.
  if (parsed === 'empty' && fromMe) return ignore('no_content')
  if (isOwnChat(chat, own)) return ignore('self_chat')

  const content: Parsed = parsed === 'empty' ? { kind: 'unknown', text: null } : parsed
  const altJid = alternateJid(chat, key.remoteJidAlt, own)
  const phoneJid = chat.endsWith('@s.whatsapp.net') ? chat : altJid?.endsWith('@s.whatsapp.net') ? altJid : null
  const base: ClassifiedMessage = {
    chatJid: chat,
    altJid,
    phone: phoneJid ? `+${phoneJid.slice(0, phoneJid.indexOf('@'))}` : null,
    externalId: id,
    timestamp: toDate(message.messageTimestamp, now),
    ...content,
  }
  if (fromMe) return { ...base, action: 'owner' }
  const pushName = typeof message.pushName === 'string' && message.pushName.trim() ? message.pushName : null
  const supported = ANSWERABLE.has(content.kind) && content.text !== null && content.text.trim() !== ''
  return { ...base, action: 'customer', pushName, supported }
}

type Parsed = Pick<ClassifiedMessage, 'kind' | 'text' | 'quotedId' | 'reactedTo' | 'editedId' | 'deletedId'>

/**
 * 'protocol': nothing for the owner; 'empty': a message with no content we know of (a type
 * newer than this Baileys drops while decoding); 'absent': no message at all;
 * 'undecryptable': Baileys' CIPHERTEXT stub.
 */
function parseMessage(message: WAMessage, key: WAMessage['key']): Parsed | 'protocol' | 'empty' | 'absent' | 'undecryptable' {
  const raw = message.message
  if (message.messageStubType === proto.WebMessageInfo.StubType.CIPHERTEXT) return 'undecryptable'
  if (!raw) {
    // Phones never forward view-once media to linked devices: Baileys gets an `unavailable`
    // node, flags the key (Utils/decode-wa-message.js) and leaves the content empty.
    if (key.isViewOnce) return { kind: 'view_once', text: null }
    // A stub without content is a notification (encryption notice, revoked in history…);
    // neither content nor stub is nothing Baileys emits for a real message.
    return message.messageStubType ? 'protocol' : 'absent'
  }
  if (typeof raw !== 'object') return 'empty'

  const viewOnce = key.isViewOnce === true || hasWrapper(raw, ['viewOnceMessage', 'viewOnceMessageV2', 'viewOnceMessageV2Extension'])
  const editWrapper = hasWrapper(raw, ['editedMessage'])
  const content = unwrap(raw)
  if (!content || typeof content !== 'object') return 'empty'

  if (content.protocolMessage) return parseProtocol(content.protocolMessage)
  const parsed = parseContent(content)
  if (parsed === 'protocol' || parsed === 'empty') return parsed
  // The `editedMessage` wrapper around plain content (how Baileys re-emits an edit) means
  // this very message was edited.
  if (editWrapper) return { kind: 'edit', text: parsed.text, editedId: key.id ?? undefined }
  if (viewOnce && (parsed.kind === 'image' || parsed.kind === 'video' || parsed.kind === 'audio')) return { ...parsed, kind: 'view_once' }
  return parsed
}

function parseProtocol(protocol: proto.Message.IProtocolMessage): Parsed | 'protocol' {
  const target = nonEmpty(protocol.key?.id)
  // Baileys acts only on an explicit type (Utils/process-message.js): a missing one is not a revoke.
  switch (protocol.type) {
    case proto.Message.ProtocolMessage.Type.REVOKE:
      return { kind: 'delete', text: null, ...(target ? { deletedId: target } : {}) }
    case proto.Message.ProtocolMessage.Type.MESSAGE_EDIT: {
      const edited = protocol.editedMessage ? parseContent(unwrap(protocol.editedMessage) ?? {}) : 'empty'
      const text = typeof edited === 'object' ? edited.text : null
      return { kind: 'edit', text, ...(target ? { editedId: target } : {}) }
    }
    default:
      return 'protocol'
  }
}

function parseContent(content: proto.IMessage): Parsed | 'protocol' | 'empty' {
  const quotedId = quotedIdOf(content)
  const reply = (kind: InboundKind, text: string | null | undefined): Parsed => ({ kind, text: nonEmpty(text) ?? null, ...(quotedId ? { quotedId } : {}) })

  if (typeof content.conversation === 'string') return reply('text', content.conversation)
  if (content.extendedTextMessage) return reply('text', content.extendedTextMessage.text)
  if (content.imageMessage) return reply('image', content.imageMessage.caption)
  if (content.videoMessage) return reply('video', content.videoMessage.caption)
  if (content.ptvMessage) return reply('video', content.ptvMessage.caption)
  if (content.documentMessage) return reply('document', content.documentMessage.caption)
  if (content.buttonsResponseMessage) return reply('button_reply', content.buttonsResponseMessage.selectedDisplayText)
  if (content.listResponseMessage) {
    const list = content.listResponseMessage
    const text = [nonEmpty(list.title), nonEmpty(list.description)].filter(Boolean).join('\n')
    return reply('list_reply', text)
  }
  if (content.templateButtonReplyMessage) return reply('template_reply', content.templateButtonReplyMessage.selectedDisplayText)
  if (content.interactiveResponseMessage) return reply('interactive_reply', content.interactiveResponseMessage.body?.text)

  if (content.reactionMessage) {
    const reactedTo = nonEmpty(content.reactionMessage.key?.id)
    // An empty emoji is the customer taking the reaction back.
    return { kind: 'reaction', text: nonEmpty(content.reactionMessage.text) ?? null, ...(reactedTo ? { reactedTo } : {}) }
  }
  if (content.encReactionMessage) {
    const reactedTo = nonEmpty(content.encReactionMessage.targetMessageKey?.id)
    return { kind: 'reaction', text: null, ...(reactedTo ? { reactedTo } : {}) }
  }
  if (content.stickerMessage || content.lottieStickerMessage || content.stickerPackMessage) return reply('sticker', null)
  if (content.audioMessage) return reply('audio', null)
  if (content.locationMessage) return reply('location', content.locationMessage.name || content.locationMessage.address)
  if (content.liveLocationMessage) return reply('live_location', content.liveLocationMessage.caption)
  if (content.contactMessage) return reply('contact', content.contactMessage.displayName)
  if (content.contactsArrayMessage) {
    const names = (content.contactsArrayMessage.contacts ?? []).map((c) => nonEmpty(c?.displayName)).filter(Boolean)
    return reply('contact', nonEmpty(content.contactsArrayMessage.displayName) ?? names.join(', '))
  }
  const poll = content.pollCreationMessage ?? content.pollCreationMessageV2 ?? content.pollCreationMessageV3 ?? content.pollCreationMessageV5
  if (poll) return reply('poll', poll.name)
  if (content.pollCreationMessageV4) {
    const inner = unwrap(content.pollCreationMessageV4.message ?? null)
    const name = inner?.pollCreationMessage?.name ?? inner?.pollCreationMessageV3?.name
    return reply('poll', name)
  }
  // The vote itself is encrypted for the poll's creator; only that a vote came is readable.
  if (content.pollUpdateMessage) return { kind: 'poll_vote', text: null }

  const keys = Object.keys(content).filter((k) => (content as Record<string, unknown>)[k] != null)
  const substantive = keys.filter((k) => !RIDE_ALONG_KEYS.has(k) && !HOUSEKEEPING_KEYS.has(k))
  if (substantive.length === 0) return keys.some((k) => HOUSEKEEPING_KEYS.has(k)) ? 'protocol' : 'empty'

  // Business templates and button messages a customer forwards carry their text inside.
  if (content.buttonsMessage || content.templateMessage) {
    const extracted = extractMessageContent(content)
    const text = extracted?.conversation ?? extracted?.imageMessage?.caption ?? extracted?.videoMessage?.caption ?? extracted?.documentMessage?.caption
    if (nonEmpty(text)) return reply('text', text)
  }
  if (content.interactiveMessage) {
    const text = content.interactiveMessage.body?.text
    if (nonEmpty(text)) return reply('text', text)
  }
  if (content.orderMessage) return reply('unknown', content.orderMessage.message || content.orderMessage.orderTitle)
  if (content.eventMessage) return reply('unknown', content.eventMessage.name)
  return reply('unknown', null)
}

/**
 * Baileys' own unwrapping (ephemeral, view once v1/v2/v2Extension, documentWithCaption,
 * edited…) plus `deviceSentMessage`, which Baileys unwraps while decrypting but a message
 * stored or replayed from elsewhere may still carry.
 */
function unwrap(message: proto.IMessage | null | undefined): proto.IMessage | undefined {
  let content: proto.IMessage | null | undefined = message
  for (let i = 0; i < 6 && content; i++) {
    const normalized: proto.IMessage | undefined = normalizeMessageContent(content)
    const inner = normalized?.deviceSentMessage?.message
    if (!inner) return normalized ?? undefined
    content = inner
  }
  return content ?? undefined
}

/** Whether one of `wrappers` appears on the way down to the content. */
function hasWrapper(message: proto.IMessage, wrappers: (keyof proto.IMessage)[]): boolean {
  let current: proto.IMessage | null | undefined = message
  for (let i = 0; i < 8 && current && typeof current === 'object'; i++) {
    if (wrappers.some((w) => current?.[w] != null)) return true
    const next: proto.IMessage | null | undefined =
      current.ephemeralMessage?.message ??
      current.viewOnceMessage?.message ??
      current.viewOnceMessageV2?.message ??
      current.viewOnceMessageV2Extension?.message ??
      current.documentWithCaptionMessage?.message ??
      current.editedMessage?.message ??
      current.deviceSentMessage?.message
    current = next
  }
  return false
}

function quotedIdOf(content: proto.IMessage): string | undefined {
  const type = getContentType(content)
  const part = type ? (content as Record<string, unknown>)[type] : undefined
  const stanzaId = (part as { contextInfo?: { stanzaId?: unknown } } | null | undefined)?.contextInfo?.stanzaId
  return nonEmpty(stanzaId)
}

/** The chat's JID without device or agent, mapped to the two person servers; null when it is no person. */
function personJid(jid: string): string | null {
  if (isJidMetaAI(jid)) return null
  const decoded = jidDecode(jid)
  const server = decoded ? PERSON_SERVERS[decoded.server] : undefined
  if (!decoded?.user || !server) return null
  // Meta AI's numbers, whatever server Baileys normalized them to.
  if (SERVICE_USERS.has(decoded.user) || (server === 's.whatsapp.net' && isJidBot(`${decoded.user}@c.us`))) return null
  return `${decoded.user}@${server}`
}

function userOf(jid: string | null | undefined): string | null {
  return typeof jid === 'string' ? (jidDecode(jid)?.user ?? null) || null : null
}

/**
 * Only the chat's own address counts: the self chat is addressed by the owner's PN or LID,
 * both in Baileys' creds, while `remoteJidAlt` on a message the owner sent may name the
 * owner even in a customer's chat (see `alternateJid`).
 */
function isOwnChat(chat: string, own: OwnJids): boolean {
  const user = userOf(chat)
  return user !== null && (user === userOf(own.pn) || user === userOf(own.lid))
}

/**
 * `remoteJidAlt` (Baileys 7, not a proto field) carries the other address from the stanza's
 * `sender_pn`/`peer_recipient_pn` (or `*_lid`) attributes. For a message the owner sent from
 * the phone that attribute can name the owner, not the customer: never report it as theirs.
 */
function alternateJid(chat: string, alt: string | null | undefined, own: OwnJids): string | null {
  if (typeof alt !== 'string' || !alt) return null
  const normalized = personJid(alt)
  if (!normalized || normalized === chat) return null
  const user = userOf(normalized)
  if (user && (user === userOf(own.pn) || user === userOf(own.lid))) return null
  return normalized
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * `messageTimestamp` is seconds since the epoch: a number from Baileys' decoder, a protobuf
 * Long after `fromObject`/`decode`, a plain `{ low, high }` once serialized, or missing.
 * Nonsense falls back to the moment of arrival.
 */
export function toDate(value: unknown, now: () => number = Date.now): Date {
  let seconds: number | null
  try {
    seconds = toSeconds(value)
  } catch {
    seconds = null
  }
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return new Date(now())
  // Some stores write milliseconds; no message is dated past the year 5000 in seconds.
  const ms = seconds > 1e11 ? seconds : seconds * 1000
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? new Date(now()) : date
}

function toSeconds(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'string') return /^\d+$/.test(value.trim()) ? Number(value.trim()) : null
  if (value && typeof value === 'object') {
    const long = value as { toNumber?: unknown; low?: unknown; high?: unknown }
    if (typeof long.toNumber === 'function') return Number((long.toNumber as () => unknown).call(value))
    if (typeof long.low === 'number' && typeof long.high === 'number') return long.high * 2 ** 32 + (long.low >>> 0)
  }
  return null
}

/**
 * The photo or voice note in a customer's message (not stickers, videos or documents: the bot
 * neither shows nor reads those). Pure; null for anything else, or what cannot be read.
 */
export function mediaOf(message: WAMessage): { kind: 'image' | 'audio'; mimeType: string; declaredBytes: number | null; seconds: number | null; voiceNote: boolean } | undefined {
  try {
    const content = message.message ? unwrap(message.message) : undefined
    const image = content?.imageMessage
    if (image) return { kind: 'image', mimeType: nonEmpty(image.mimetype) ?? 'image/jpeg', declaredBytes: longToNumber(image.fileLength), seconds: null, voiceNote: false }
    const audio = content?.audioMessage
    if (audio) {
      return { kind: 'audio', mimeType: nonEmpty(audio.mimetype) ?? 'audio/ogg; codecs=opus', declaredBytes: longToNumber(audio.fileLength), seconds: typeof audio.seconds === 'number' ? audio.seconds : null, voiceNote: audio.ptt === true }
    }
  } catch {
    // An odd shape is a message without media for us, never a crash.
  }
  return undefined
}

function longToNumber(value: unknown): number | null {
  try {
    const n = toSeconds(value)
    return n !== null && Number.isFinite(n) && n >= 0 ? n : null
  } catch {
    return null
  }
}

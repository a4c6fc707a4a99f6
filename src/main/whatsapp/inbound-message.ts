import {
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  isJidStatusBroadcast,
  jidNormalizedUser,
  normalizeMessageContent,
  proto,
  type WAMessage,
} from '@whiskeysockets/baileys'

export type InboundKind =
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

export type IgnoreReason = 'group' | 'status' | 'broadcast' | 'newsletter' | 'protocol' | 'no_content' | 'self_chat'

interface Classified {
  chatJid: string
  /** The phone number behind the chat, when WhatsApp says it (LID chats may not). */
  phone: string | null
  externalId: string
  kind: InboundKind
  text: string | null
  timestamp: Date
  quotedId?: string
  reactedTo?: string
  editedId?: string
  deletedId?: string
}

export type InboundDecision =
  | { action: 'ignore'; reason: IgnoreReason }
  | (Classified & { action: 'customer'; pushName: string | null; supported: boolean })
  | (Classified & { action: 'owner' })

/** Kinds whose text the bot can read and answer. */
const SUPPORTED = new Set<InboundKind>(['text', 'image', 'video', 'document', 'button_reply', 'list_reply', 'template_reply', 'interactive_reply'])

/**
 * What a message from Baileys means for the shop: a customer writing, the owner writing from
 * the phone (a takeover), or nothing for us. Never throws: an unknown shape is an 'unknown'
 * customer message (stored, not answered by the model) or ignored when it carries nothing.
 */
export function classifyMessage(message: WAMessage, own: { pn?: string; lid?: string } = {}): InboundDecision {
  try {
    return classify(message, own)
  } catch {
    return { action: 'ignore', reason: 'no_content' }
  }
}

function classify(message: WAMessage, own: { pn?: string; lid?: string }): InboundDecision {
  const key = message.key ?? {}
  const remoteJid = key.remoteJid ?? ''
  if (!remoteJid || !key.id) return { action: 'ignore', reason: 'no_content' }
  if (isJidStatusBroadcast(remoteJid)) return { action: 'ignore', reason: 'status' }
  if (isJidGroup(remoteJid)) return { action: 'ignore', reason: 'group' }
  if (isJidNewsletter(remoteJid)) return { action: 'ignore', reason: 'newsletter' }
  if (isJidBroadcast(remoteJid)) return { action: 'ignore', reason: 'broadcast' }
  if (message.messageStubType && !message.message) return { action: 'ignore', reason: 'protocol' }
  const chatJid = jidNormalizedUser(remoteJid) || remoteJid
  if ([own.pn, own.lid].some((j) => j && jidNormalizedUser(j) === chatJid)) return { action: 'ignore', reason: 'self_chat' }
  const content = normalizeMessageContent(message.message)
  if (!content) return { action: 'ignore', reason: 'no_content' }

  const parsed = parseContent(content, message.message ?? null)
  if (parsed === 'protocol') return { action: 'ignore', reason: 'protocol' }
  const alt = (key as { remoteJidAlt?: string | null }).remoteJidAlt ?? null
  const phoneJid = chatJid.endsWith('@s.whatsapp.net') ? chatJid : alt && alt.endsWith('@s.whatsapp.net') ? alt : null
  const base: Classified = {
    chatJid,
    phone: phoneJid ? `+${phoneJid.split('@')[0]}` : null,
    externalId: key.id,
    timestamp: toDate(message.messageTimestamp),
    ...parsed,
  }
  if (key.fromMe) return { ...base, action: 'owner' }
  return { ...base, action: 'customer', pushName: message.pushName ?? null, supported: SUPPORTED.has(parsed.kind) && Boolean(parsed.text) }
}

type Parsed = Pick<Classified, 'kind' | 'text' | 'quotedId' | 'reactedTo' | 'editedId' | 'deletedId'>

function parseContent(content: proto.IMessage, original: proto.IMessage | null): Parsed | 'protocol' {
  const quotedId = contextOf(content)
  const withQuote = (p: Parsed): Parsed => (quotedId ? { ...p, quotedId } : p)
  if (content.conversation) return withQuote({ kind: 'text', text: content.conversation })
  if (content.extendedTextMessage?.text) return withQuote({ kind: 'text', text: content.extendedTextMessage.text })
  if (content.imageMessage) return withQuote({ kind: isViewOnce(original) ? 'view_once' : 'image', text: content.imageMessage.caption || null })
  if (content.videoMessage) return withQuote({ kind: isViewOnce(original) ? 'view_once' : 'video', text: content.videoMessage.caption || null })
  if (content.documentMessage) return withQuote({ kind: 'document', text: content.documentMessage.caption || null })
  if (content.buttonsResponseMessage) return withQuote({ kind: 'button_reply', text: content.buttonsResponseMessage.selectedDisplayText || content.buttonsResponseMessage.selectedButtonId || null })
  if (content.listResponseMessage) {
    const list = content.listResponseMessage
    const text = [list.title, list.description].filter(Boolean).join('\n') || list.singleSelectReply?.selectedRowId || null
    return withQuote({ kind: 'list_reply', text })
  }
  if (content.templateButtonReplyMessage) return withQuote({ kind: 'template_reply', text: content.templateButtonReplyMessage.selectedDisplayText || null })
  if (content.interactiveResponseMessage) return withQuote({ kind: 'interactive_reply', text: content.interactiveResponseMessage.body?.text || null })
  if (content.reactionMessage) {
    const reactedTo = content.reactionMessage.key?.id
    return { kind: 'reaction', text: content.reactionMessage.text || null, ...(reactedTo ? { reactedTo } : {}) }
  }
  if (content.protocolMessage) {
    const protocol = content.protocolMessage
    const target = protocol.key?.id ?? undefined
    if (protocol.type === proto.Message.ProtocolMessage.Type.REVOKE) return { kind: 'delete', text: null, ...(target ? { deletedId: target } : {}) }
    if (protocol.type === proto.Message.ProtocolMessage.Type.MESSAGE_EDIT) {
      const edited = normalizeMessageContent(protocol.editedMessage)
      const text = edited?.conversation || edited?.extendedTextMessage?.text || edited?.imageMessage?.caption || null
      return { kind: 'edit', text, ...(target ? { editedId: target } : {}) }
    }
    return 'protocol'
  }
  if (content.editedMessage) {
    const edited = normalizeMessageContent(content.editedMessage.message)
    return { kind: 'edit', text: edited?.conversation || edited?.extendedTextMessage?.text || null }
  }
  if (content.stickerMessage) return { kind: 'sticker', text: null }
  if (content.audioMessage) return { kind: 'audio', text: null }
  if (content.locationMessage) return { kind: 'location', text: content.locationMessage.name || content.locationMessage.address || null }
  if (content.liveLocationMessage) return { kind: 'live_location', text: null }
  if (content.contactMessage || content.contactsArrayMessage) return { kind: 'contact', text: content.contactMessage?.displayName || null }
  if (content.pollCreationMessage || content.pollCreationMessageV2 || content.pollCreationMessageV3) return { kind: 'poll', text: null }
  if (content.pollUpdateMessage) return { kind: 'poll_vote', text: null }
  if (content.senderKeyDistributionMessage && Object.keys(content).length === 1) return 'protocol'
  if (content.messageContextInfo && Object.keys(content).length === 1) return 'protocol'
  return { kind: 'unknown', text: null }
}

function contextOf(content: proto.IMessage): string | undefined {
  for (const part of Object.values(content)) {
    const id = (part as { contextInfo?: { stanzaId?: string | null } } | null)?.contextInfo?.stanzaId
    if (id) return id
  }
  return undefined
}

function isViewOnce(message: proto.IMessage | null): boolean {
  return Boolean(message?.viewOnceMessage || message?.viewOnceMessageV2 || message?.viewOnceMessageV2Extension)
}

/** `messageTimestamp` is seconds as a number or a protobuf Long (or missing). */
function toDate(value: unknown): Date {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000)
  if (value && typeof value === 'object' && 'toNumber' in value && typeof (value as { toNumber: unknown }).toNumber === 'function') {
    return new Date((value as { toNumber(): number }).toNumber() * 1000)
  }
  if (typeof value === 'string' && /^\d+$/.test(value)) return new Date(Number(value) * 1000)
  return new Date()
}

import type { MessageKey } from '../../i18n/es'
import type { Translate } from '../../i18n/i18n'

/** The kinds src/main/whatsapp/inbound-message.ts stores besides plain text, with a glyph each. */
const KINDS: Record<string, { key: MessageKey; icon: string }> = {
  image: { key: 'message.kind.image', icon: '📷' },
  video: { key: 'message.kind.video', icon: '🎥' },
  document: { key: 'message.kind.document', icon: '📄' },
  sticker: { key: 'message.kind.sticker', icon: '🖼️' },
  audio: { key: 'message.kind.audio', icon: '🎤' },
  location: { key: 'message.kind.location', icon: '📍' },
  live_location: { key: 'message.kind.live_location', icon: '📍' },
  contact: { key: 'message.kind.contact', icon: '👤' },
  reaction: { key: 'message.kind.reaction', icon: '😊' },
  edit: { key: 'message.kind.edit', icon: '✏️' },
  delete: { key: 'message.kind.delete', icon: '🚫' },
  poll: { key: 'message.kind.poll', icon: '📊' },
  poll_vote: { key: 'message.kind.poll_vote', icon: '🗳️' },
  view_once: { key: 'message.kind.view_once', icon: '①' },
  button_reply: { key: 'message.kind.button_reply', icon: '↩' },
  list_reply: { key: 'message.kind.list_reply', icon: '↩' },
  template_reply: { key: 'message.kind.template_reply', icon: '↩' },
  interactive_reply: { key: 'message.kind.interactive_reply', icon: '↩' },
  unknown: { key: 'message.kind.unknown', icon: '❔' },
}

/** Whether a message needs a label saying what it is (anything but plain text). */
export function isOddKind(kind: string): boolean {
  return kind !== 'text'
}

/** "🎤 Nota de voz", or the raw kind for one this build does not know. */
export function kindLabel(kind: string, t: Translate): string {
  const known = KINDS[kind]
  return known ? `${known.icon} ${t(known.key)}` : t('message.kind.other', { kind })
}

/**
 * The inbox previews a message without text as "[sticker]"; the list shows that as words.
 * Null for a real text preview (a customer can type brackets).
 */
export function kindFromPreview(preview: string | null): string | null {
  const match = preview ? /^\[([a-z_]+)\]$/.exec(preview) : null
  return match && match[1] && KINDS[match[1]] ? match[1] : null
}

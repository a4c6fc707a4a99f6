import { useEffect, useRef } from 'react'
import type { BotMode, ConversationDto, MessageDto, MessageStatus, ModelVersionDto, WhatsappState } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { useModelVersions } from '../../api/use-model-versions'
import { contactLabel, contactPhone, formatTime } from '../../format'
import type { MessageKey } from '../../i18n/es'
import { useNumberLocale, useT, type Translate } from '../../i18n/i18n'
import { useFormat } from '../../number-format'
import { isOddKind, kindLabel } from './message-kind'
import { MessagePhoto, VoiceNote } from './MessageMedia'
import { ReplyBox } from './ReplyBox'
import { useChatMessages } from './use-chat-messages'

export function Thread({
  conversation,
  takeoverPauseMinutes,
  whatsappState,
}: {
  conversation: ConversationDto
  takeoverPauseMinutes: number | null
  whatsappState: WhatsappState | null
}) {
  const api = useApi()
  const t = useT()
  const versions = useModelVersions()
  const { messages, upsert } = useChatMessages(conversation.id, 200)
  const bottom = useRef<HTMLDivElement>(null)

  // Open means read: the unread badge is for chats the owner has not looked at.
  useEffect(() => {
    if (conversation.unreadCount > 0) api.call('conversations.markRead', { conversationId: conversation.id }).catch(() => {})
  }, [api, conversation.id, conversation.unreadCount])

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' })
  }, [messages.length])

  const name = contactLabel(conversation.contact)
  const phone = contactPhone(conversation.contact)
  return (
    <div className="thread" data-testid="thread">
      <header className="thread-header">
        <div className="thread-contact">
          <strong title={name}>{name}</strong>
          {phone && phone !== name && <span className="thread-phone">{phone}</span>}
        </div>
        <span className={`transport transport-${conversation.contact.transport}`}>{t(`conversations.transport.${conversation.contact.transport}`)}</span>
        {conversation.focusProduct && (
          <span className="badge category focus-product" data-testid="focus-product" title={t('conversations.focus.title')}>
            🛍 {conversation.focusProduct.name}
          </span>
        )}
        <span className="spacer" />
        <label className="inline-select">
          {t('conversations.whoAnswers')}
          <select
            value={conversation.botMode}
            data-testid="bot-mode"
            onChange={(e) => {
              api.call('conversations.setBotMode', { conversationId: conversation.id, mode: e.target.value as BotMode }).catch(() => {})
            }}
          >
            <option value="bot">{t('conversations.setMode.bot')}</option>
            <option value="paused">{t('conversations.setMode.paused')}</option>
            <option value="human">{t('conversations.setMode.human')}</option>
          </select>
        </label>
      </header>
      {conversation.attention === 'human_request' && (
        <div className="notice warn attention-notice" role="status" data-testid="attention-notice">
          {t('conversations.attention.human_request.notice')}
        </div>
      )}
      {conversation.attention === 'likely_sale' && (
        <div className="notice warn attention-notice" role="status" data-testid="attention-notice">
          {t('conversations.attention.likely_sale.notice')}
        </div>
      )}
      <div className="bubbles">
        {messages.map((m) => (
          <Bubble key={m.id} message={m} versions={versions} />
        ))}
        <div ref={bottom} />
      </div>
      <ReplyBox
        key={conversation.id}
        conversation={conversation}
        takeoverPauseMinutes={takeoverPauseMinutes}
        whatsappOffline={conversation.contact.transport === 'whatsapp' && whatsappState !== null && whatsappState !== 'open'}
        onSent={upsert}
      />
    </div>
  )
}

/** What each guard did, in words; a guard this window does not know (a newer core) is shown as named. */
const GUARDRAIL_LABELS = new Map<string, MessageKey>([
  ['price_regenerated', 'message.guardrail.price_regenerated'],
  ['price_removed', 'message.guardrail.price_removed'],
  ['price_fallback', 'message.guardrail.price_fallback'],
  ['length_trimmed', 'message.guardrail.length_trimmed'],
])

function guardrailLabel(t: Translate, guardrail: string): string {
  const key = GUARDRAIL_LABELS.get(guardrail)
  return key ? t(key) : guardrail
}

/** One message as the chat shows it (also in Primeros pasos' test conversation). */
export function Bubble({ message: m, versions = [] }: { message: MessageDto; versions?: readonly ModelVersionDto[] }) {
  const fmt = useFormat()
  const t = useT()
  const numberLocale = useNumberLocale()
  return (
    <div className={`bubble-row ${m.direction}`}>
      <div className={`bubble author-${m.author}`} data-testid={`bubble-${m.author}`} data-status={m.status}>
        <div className="bubble-author">{t(`message.author.${m.author}`)}</div>
        {isOddKind(m.kind) && (
          <div className="kind-label" data-testid="message-kind">
            {kindLabel(m.kind, t)}
          </div>
        )}
        {m.kind === 'image' && <MessagePhoto message={m} />}
        {m.kind === 'audio' && <VoiceNote message={m} />}
        {/* A voice note's text is its transcript, shown under the player. */}
        {m.text !== null && m.kind !== 'audio' && <div className="bubble-text">{m.text}</div>}
        {m.mediaDescription && (
          <div className="media-description" data-testid="media-description">
            🔎 {t('message.photo.seen', { text: m.mediaDescription })}
          </div>
        )}
        {m.guardrails.length > 0 && (
          <div className="guardrail-note" data-testid="guardrail-note">
            🛡 {m.guardrails.map((g) => guardrailLabel(t, g)).join(' · ')}
          </div>
        )}
        <div className="bubble-meta">
          {m.template && <span data-testid="message-template">{t(`message.template.${m.template}`)} · </span>}
          {m.model && (
            <span title={m.model} data-testid="message-model">
              {t('message.model', { model: fmt.modelName(m.model, versions) })} ·{' '}
            </span>
          )}
          {m.status === 'failed' && <span className="meta-bad">{t('message.status.failed')} · </span>}
          {formatTime(m.createdAt, undefined, numberLocale)}
          {m.direction === 'out' && <Ticks status={m.status} error={m.error} />}
        </div>
        {m.direction === 'in' && m.replyState && m.replyState !== 'answered' && (
          <div className={`reply-state reply-${m.replyState}`} data-testid="reply-state">
            {t(`message.reply.${m.replyState}`, { error: m.error ?? '' })}
          </div>
        )}
      </div>
    </div>
  )
}


const TICKS: Record<Exclude<MessageStatus, 'received'>, string> = {
  queued: '⏱',
  sent: '✓',
  delivered: '✓✓',
  read: '✓✓',
  failed: '⚠',
}

/** WhatsApp's delivery marks, with the words (and a failure's reason) on hover and for screen readers. */
function Ticks({ status, error }: { status: MessageStatus; error: string | null }) {
  const t = useT()
  if (status === 'received') return null
  const words = status === 'failed' && error ? `${t('message.status.failed')}: ${error}` : t(`message.status.${status}`)
  return (
    <span className={`ticks ticks-${status}`} data-testid="ticks" data-status={status} title={words} role="img" aria-label={words}>
      {TICKS[status]}
    </span>
  )
}

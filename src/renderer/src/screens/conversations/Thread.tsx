import { useCallback, useEffect, useRef, useState } from 'react'
import type { BotMode, ConversationDto, MessageDto } from '../../../../shared/types'
import { useApi, useApiEvent } from '../../api/api-context'
import type { MessageKey } from '../../i18n/es'
import { useT } from '../../i18n/i18n'
import { formatTime } from '../../format'

export function Thread({ conversation }: { conversation: ConversationDto }) {
  const api = useApi()
  const t = useT()
  const [messages, setMessages] = useState<MessageDto[]>([])
  const bottom = useRef<HTMLDivElement>(null)

  // Open means read: the unread badge is for chats the owner has not looked at.
  useEffect(() => {
    if (conversation.unreadCount > 0) api.call('conversations.markRead', { conversationId: conversation.id }).catch(() => {})
  }, [api, conversation.id, conversation.unreadCount])

  useEffect(() => {
    let live = true
    api.call('conversations.messages', { conversationId: conversation.id, limit: 200 }).then(
      (list) => live && setMessages(list),
      () => live && setMessages([]),
    )
    return () => {
      live = false
    }
  }, [api, conversation.id])

  const upsert = useCallback(
    (message: MessageDto) => {
      if (message.conversationId !== conversation.id) return
      setMessages((current) => {
        const index = current.findIndex((m) => m.id === message.id)
        if (index === -1) return [...current, message]
        const next = current.slice()
        next[index] = message
        return next
      })
    },
    [conversation.id],
  )
  useApiEvent('message.added', upsert)
  useApiEvent('message.updated', upsert)

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' })
  }, [messages.length])

  return (
    <div className="thread" data-testid="thread">
      <header className="thread-header">
        <strong>{conversation.contact.displayName ?? conversation.contact.externalId}</strong>
        <span className={`badge mode-${conversation.botMode}`}>{t(`conversations.mode.${conversation.botMode}` as MessageKey)}</span>
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
      <div className="bubbles">
        {messages.map((m) => (
          <div key={m.id} className={`bubble-row ${m.direction}`}>
            <div className={`bubble author-${m.author}`} data-testid={`bubble-${m.author}`}>
              <div className="bubble-author">{t(`message.author.${m.author}` as MessageKey)}</div>
              <div className="bubble-text">{m.text ?? `[${m.kind}]`}</div>
              <div className="bubble-meta">
                {m.model && <span>{t('message.model', { model: m.model })} · </span>}
                {m.status === 'queued' && <span>{t('message.status.queued')} · </span>}
                {m.status === 'failed' && <span className="meta-bad">{t('message.status.failed')} · </span>}
                {formatTime(m.createdAt)}
              </div>
              {m.direction === 'in' && m.replyState && m.replyState !== 'answered' && (
                <div className={`reply-state reply-${m.replyState}`} data-testid="reply-state">
                  {t(`message.reply.${m.replyState}` as MessageKey, { error: m.error ?? '' })}
                </div>
              )}
            </div>
          </div>
        ))}
        <div ref={bottom} />
      </div>
    </div>
  )
}

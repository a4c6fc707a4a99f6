import { useState, type FormEvent } from 'react'
import type { ConversationDto, MessageDto } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT, type Translate } from '../../i18n/i18n'

function duration(minutes: number, t: Translate): string {
  return minutes >= 60 && minutes % 60 === 0 ? t('duration.hours', { count: minutes / 60 }) : t('duration.minutes', { count: minutes })
}

/** The owner answering a customer from the app; it goes out through the chat's own transport. */
export function ReplyBox({
  conversation,
  takeoverPauseMinutes,
  whatsappOffline,
  onSent,
}: {
  conversation: ConversationDto
  takeoverPauseMinutes: number | null
  whatsappOffline: boolean
  onSent: (message: MessageDto) => void
}) {
  const api = useApi()
  const t = useT()
  const [text, setText] = useState('')
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() === '' || sending) return
    setSending(true)
    setFailure(null)
    try {
      onSent(await api.call('conversations.reply', { conversationId: conversation.id, text }))
      setText('')
    } catch (error) {
      setFailure(error)
    } finally {
      setSending(false)
    }
  }

  return (
    <form className="reply-box" data-testid="reply-box" onSubmit={submit}>
      <div className="reply-row">
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={t('reply.label')}
          placeholder={t('reply.placeholder')}
          rows={2}
          maxLength={4096}
          name="reply"
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault()
              e.currentTarget.form?.requestSubmit()
            }
          }}
        />
        <button type="submit" className="primary" disabled={sending || text.trim() === ''}>
          {sending ? t('reply.sending') : t('reply.send')}
        </button>
      </div>
      {failure !== null && (
        <p className="form-error" role="alert">
          {describeError(failure, t)}
        </p>
      )}
      {whatsappOffline && <p className="reply-hint warn">{t('reply.offline')}</p>}
      {takeoverPauseMinutes !== null && (
        <p className="reply-hint" data-testid="takeover-hint">
          {takeoverPauseMinutes > 0 ? t('reply.takeover', { duration: duration(takeoverPauseMinutes, t) }) : t('reply.takeover.untilBack')}
        </p>
      )}
    </form>
  )
}

import { useRef, useState, type FormEvent } from 'react'
import type { ConversationDto, MessageDto } from '../../../../shared/types'
import { ApiError } from '../../../../shared/api/errors'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { fileToBase64, MAX_PHOTO_FILE_BYTES } from '../../api/use-media'
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
  const [photoSending, setPhotoSending] = useState(false)
  const photoInput = useRef<HTMLInputElement>(null)

  /** A photo goes with what is typed as its caption, like WhatsApp's own. */
  const sendPhoto = async (file: File | undefined) => {
    if (!file || photoSending) return
    setFailure(null)
    if (!file.type.startsWith('image/')) return setFailure(new ApiError('invalid_input', t('catalog.photo.notImage')))
    if (file.size > MAX_PHOTO_FILE_BYTES) return setFailure(new ApiError('invalid_input', t('catalog.photo.tooBig')))
    setPhotoSending(true)
    try {
      const dataBase64 = await fileToBase64(file)
      onSent(await api.call('conversations.sendPhoto', { conversationId: conversation.id, dataBase64, mimeType: file.type, caption: text.trim() }))
      setText('')
    } catch (error) {
      setFailure(error)
    } finally {
      setPhotoSending(false)
      if (photoInput.current) photoInput.current.value = ''
    }
  }

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
        <input
          ref={photoInput}
          type="file"
          accept="image/*"
          hidden
          data-testid="reply-photo-input"
          onChange={(e) => void sendPhoto(e.target.files?.[0])}
        />
        <button type="button" className="reply-photo" title={t('reply.photo.label')} aria-label={t('reply.photo.label')} disabled={photoSending} onClick={() => photoInput.current?.click()}>
          {photoSending ? t('reply.photo.sending') : t('reply.photo')}
        </button>
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

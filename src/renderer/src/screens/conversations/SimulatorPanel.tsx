import { useEffect, useRef, useState, type FormEvent } from 'react'
import { ApiError } from '../../../../shared/api/errors'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { fileToBase64, MAX_PHOTO_FILE_BYTES } from '../../api/use-media'
import { useT } from '../../i18n/i18n'
import './media.css'

/** What the pretend customer attaches: one photo or one voice note per message, as in WhatsApp. */
interface Attachment {
  kind: 'image' | 'audio'
  file: File
  /** A blob: URL of the chosen photo, shown before it is sent. */
  preview: string | null
}

/** The types a customer's phone sends as a photo; others (HEIC, GIF) WhatsApp converts first. */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp'])
/** WhatsApp caps media at 16 MB; the core says so too, this spares the upload. */
const MAX_VOICE_FILE_BYTES = 16 * 1024 * 1024

/** A voice note as WhatsApp records it: Opus in Ogg. Browsers label .ogg/.opus files variously (or not at all). */
function isVoiceNoteFile(file: File): boolean {
  return /\.(ogg|opus|oga)$/i.test(file.name) || /^audio\/(ogg|opus)/.test(file.type)
}

/** "Probar el bot": the owner writes as a customer, or sends a photo or voice note; it takes WhatsApp's path. */
export function SimulatorPanel({ onSent, initialText = '' }: { onSent: (conversationId: string) => void; initialText?: string }) {
  const api = useApi()
  const t = useT()
  const [from, setFrom] = useState(() => t('simulator.from.default'))
  const [text, setText] = useState(initialText)
  const [attachment, setAttachment] = useState<Attachment | null>(null)
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const photoInput = useRef<HTMLInputElement>(null)
  const voiceInput = useRef<HTMLInputElement>(null)
  const voice = attachment?.kind === 'audio'
  // The preview's blob URL lives as long as the attachment (removed, replaced, sent, panel closed).
  useEffect(() => {
    const preview = attachment?.preview
    return () => {
      if (preview) URL.revokeObjectURL(preview)
    }
  }, [attachment])

  const choose = (kind: 'image' | 'audio', file: File | undefined) => {
    // The same file can be picked again after removing it.
    for (const input of [photoInput.current, voiceInput.current]) if (input) input.value = ''
    if (!file) return
    setFailure(null)
    if (kind === 'image') {
      if (!PHOTO_TYPES.has(file.type)) return setFailure(new ApiError('invalid_input', t('catalog.photo.notImage')))
      if (file.size > MAX_PHOTO_FILE_BYTES) return setFailure(new ApiError('invalid_input', t('catalog.photo.tooBig')))
    } else {
      if (!isVoiceNoteFile(file)) return setFailure(new ApiError('invalid_input', t('simulator.voice.notVoice')))
      if (file.size > MAX_VOICE_FILE_BYTES) return setFailure(new ApiError('invalid_input', t('simulator.voice.tooBig')))
    }
    setAttachment({ kind, file, preview: kind === 'image' ? URL.createObjectURL(file) : null })
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (sending || (text.trim() === '' && !attachment)) return
    setSending(true)
    setFailure(null)
    try {
      const media = attachment
        ? {
            kind: attachment.kind,
            // A voice note is Ogg Opus whatever the file called itself; the core checks the bytes.
            mimeType: attachment.kind === 'audio' ? 'audio/ogg' : attachment.file.type,
            dataBase64: await fileToBase64(attachment.file),
          }
        : undefined
      // A voice note goes without text (WhatsApp has no caption for it): what is typed stays for the next message.
      const { conversationId } = await api.call('simulator.send', { from, text: voice ? '' : text, ...(media ? { media } : {}) })
      if (!voice) setText('')
      setAttachment(null)
      onSent(conversationId)
    } catch (error) {
      setFailure(error)
    } finally {
      setSending(false)
    }
  }

  return (
    <aside className="simulator" aria-labelledby="simulator-title" data-testid="simulator">
      <h2 id="simulator-title">{t('simulator.title')}</h2>
      <p className="hint">{t('simulator.hint')}</p>
      <form onSubmit={submit}>
        <label>
          {t('simulator.from')}
          <input value={from} onChange={(e) => setFrom(e.target.value)} maxLength={64} required name="from" />
        </label>
        <label>
          {attachment?.kind === 'image' ? t('simulator.caption') : t('simulator.text')}
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={voice ? t('simulator.voice.noText') : t('simulator.text.placeholder')}
            rows={4}
            maxLength={4096}
            required={!attachment}
            disabled={voice}
            name="text"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault()
                e.currentTarget.form?.requestSubmit()
              }
            }}
          />
        </label>
        <input
          ref={photoInput}
          type="file"
          accept="image/*"
          hidden
          data-testid="simulator-photo-input"
          onChange={(e) => choose('image', e.target.files?.[0])}
        />
        <input
          ref={voiceInput}
          type="file"
          accept=".ogg,.opus,audio/ogg,audio/opus"
          hidden
          data-testid="simulator-voice-input"
          onChange={(e) => choose('audio', e.target.files?.[0])}
        />
        {attachment ? (
          <div className="simulator-attachment" data-testid="simulator-attachment">
            {attachment.preview ? <img src={attachment.preview} alt="" className="simulator-attachment-thumb" /> : <span className="simulator-attachment-icon" aria-hidden="true">{voice ? '🎤' : '📷'}</span>}
            <div className="simulator-attachment-text">
              <span className="simulator-attachment-kind">{voice ? t('simulator.voice.chosen') : t('simulator.photo.chosen')}</span>
              <span className="simulator-attachment-name" data-testid="simulator-attachment-name" title={attachment.file.name}>
                {attachment.file.name}
              </span>
              <span className="simulator-attachment-hint">{voice ? t('simulator.voice.hint') : t('simulator.photo.hint')}</span>
            </div>
            <button type="button" className="simulator-attachment-remove" onClick={() => setAttachment(null)} disabled={sending}>
              {t('simulator.media.remove')}
            </button>
          </div>
        ) : (
          <div className="simulator-media-buttons">
            <button type="button" onClick={() => photoInput.current?.click()} disabled={sending}>
              {t('simulator.photo')}
            </button>
            <button type="button" onClick={() => voiceInput.current?.click()} disabled={sending}>
              {t('simulator.voice')}
            </button>
          </div>
        )}
        {failure !== null && (
          <p className="form-error" role="alert">
            {describeError(failure, t)}
          </p>
        )}
        <button type="submit" className="primary simulator-send" disabled={sending || (text.trim() === '' && !attachment)}>
          {sending ? t('simulator.sending') : voice ? t('simulator.voice.send') : attachment ? t('simulator.photo.send') : t('simulator.send')}
        </button>
      </form>
    </aside>
  )
}

import { useState, type FormEvent } from 'react'
import { ApiError } from '../../../../shared/api/errors'
import { useApi } from '../../api/api-context'
import { useT } from '../../i18n/i18n'

/** "Probar el bot": the owner writes as a customer; the message takes WhatsApp's path. */
export function SimulatorPanel({ onSent, initialText = '' }: { onSent: (conversationId: string) => void; initialText?: string }) {
  const api = useApi()
  const t = useT()
  const [from, setFrom] = useState(() => t('simulator.from.default'))
  const [text, setText] = useState(initialText)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSending(true)
    setError(null)
    try {
      const { conversationId } = await api.call('simulator.send', { from, text })
      setText('')
      onSent(conversationId)
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure)
      setError(failure instanceof ApiError && failure.code === 'invalid_input' ? t('error.invalid_input', { message }) : t('error.generic', { message }))
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
          {t('simulator.text')}
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('simulator.text.placeholder')}
            rows={4}
            maxLength={4096}
            required
            name="text"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault()
                e.currentTarget.form?.requestSubmit()
              }
            }}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={sending || text.trim() === ''}>
          {sending ? t('simulator.sending') : t('simulator.send')}
        </button>
      </form>
    </aside>
  )
}

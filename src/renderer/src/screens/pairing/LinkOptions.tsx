import { useId, useState, type FormEvent } from 'react'
import { useT } from '../../i18n/i18n'
import { normalizePhone } from './phone'

/** The two ways to link a number: scanning a QR, or typing a code WhatsApp gives for a phone number. */
export function LinkOptions({
  busy,
  onQr,
  onCode,
}: {
  busy: boolean
  onQr: () => void
  onCode: (phone: string) => void
}) {
  const t = useT()
  const [phone, setPhone] = useState('')
  const [invalid, setInvalid] = useState(false)
  const hintId = useId()
  const errorId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const normalized = normalizePhone(phone)
    setInvalid(normalized === null)
    if (normalized) onCode(normalized)
  }

  return (
    <div className="link-options">
      <section className="link-option" aria-labelledby={`${hintId}-qr`}>
        <div className="link-option-icon" aria-hidden="true">
          📷
        </div>
        <h3 id={`${hintId}-qr`}>{t('pairing.option.qr.title')}</h3>
        <p className="hint">{t('pairing.option.qr.body')}</p>
        <button type="button" className="primary" onClick={onQr} disabled={busy}>
          {t('pairing.option.qr.action')}
        </button>
      </section>
      <section className="link-option" aria-labelledby={`${hintId}-code`}>
        <div className="link-option-icon" aria-hidden="true">
          🔢
        </div>
        <h3 id={`${hintId}-code`}>{t('pairing.option.code.title')}</h3>
        <p className="hint">{t('pairing.option.code.body')}</p>
        <form onSubmit={submit} noValidate>
          <label>
            {t('pairing.phone.label')}
            <input
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              name="phone"
              value={phone}
              placeholder={t('pairing.phone.placeholder')}
              aria-invalid={invalid}
              aria-describedby={invalid ? errorId : hintId}
              onChange={(e) => {
                setPhone(e.target.value)
                setInvalid(false)
              }}
            />
            {!invalid && <small id={hintId}>{t('pairing.phone.hint')}</small>}
          </label>
          {invalid && (
            <p className="form-error" id={errorId} role="alert">
              {t('pairing.phone.invalid')}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy || phone.trim() === ''}>
            {t('pairing.option.code.action')}
          </button>
        </form>
      </section>
    </div>
  )
}

import { useId, useState, type FormEvent } from 'react'
import { countryByCode } from '../../../../shared/countries'
import { useT } from '../../i18n/i18n'
import { draftToPhone, type PhoneDraft } from './phone'

/** The two ways to link a number: scanning a QR, or typing a code WhatsApp gives for a phone number. */
export function LinkOptions({
  busy,
  country,
  initialDraft,
  onQr,
  onCode,
}: {
  busy: boolean
  /** The shop's country (two letters), whose code prefills the country code box. */
  country: string | null
  /** What was typed last time: a failed attempt must not make the owner type it again. */
  initialDraft: PhoneDraft | null
  onQr: () => void
  onCode: (phone: string, draft: PhoneDraft) => void
}) {
  const t = useT()
  const callingCode = countryByCode(country)?.callingCode
  // The box shows the shop's code until the owner types in it (the country can arrive after the first draw).
  const [typed, setTyped] = useState<{ prefix: string | null; number: string }>(() => initialDraft ?? { prefix: null, number: '' })
  const draft: PhoneDraft = { prefix: typed.prefix ?? (callingCode ? `+${callingCode}` : '+'), number: typed.number }
  const [problem, setProblem] = useState<string | null>(null)
  const hintId = useId()
  const errorId = useId()
  const numberId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = draftToPhone(draft, country)
    if (checked.ok) {
      setProblem(null)
      onCode(checked.phone, draft)
      return
    }
    const named = countryByCode(country)
    if (checked.reason === 'format') setProblem(t('pairing.phone.invalid'))
    else if (named) setProblem(t('pairing.phone.noCountryCode', { country: named.name, code: named.callingCode }))
    else setProblem(t('pairing.phone.noCountryCodeUnknown'))
  }
  const edit = (patch: Partial<PhoneDraft>) => {
    setTyped((current) => ({ ...current, ...patch }))
    setProblem(null)
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
          {/* One label over both boxes: the code box is narrow and says what it is to screen readers. */}
          <label htmlFor={numberId}>{t('pairing.phone.label')}</label>
          <div className="phone-fields">
            <input
              className="phone-prefix"
              type="tel"
              inputMode="tel"
              name="prefix"
              aria-label={t('pairing.phone.prefix')}
              title={t('pairing.phone.prefix')}
              value={draft.prefix}
              maxLength={5}
              aria-invalid={problem !== null}
              onChange={(e) => edit({ prefix: e.target.value })}
            />
            <input
              id={numberId}
              className="phone-number"
              type="tel"
              inputMode="tel"
              autoComplete="tel-national"
              name="phone"
              value={draft.number}
              placeholder={t('pairing.phone.placeholder')}
              aria-invalid={problem !== null}
              aria-describedby={problem !== null ? errorId : hintId}
              onChange={(e) => edit({ number: e.target.value })}
            />
          </div>
          {problem === null && (
            <small className="hint" id={hintId}>
              {t('pairing.phone.hint')}
            </small>
          )}
          {problem !== null && (
            <p className="form-error" id={errorId} role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy || draft.number.trim() === ''}>
            {t('pairing.option.code.action')}
          </button>
        </form>
      </section>
    </div>
  )
}

import { useEffect, useState } from 'react'
import { sameOrigin } from '../../../../shared/endpoint-security'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { useFormat } from '../../number-format'
import { formatUsd, parsePrice } from '../../../../shared/usd'
import { FieldError, type SectionProps } from './settings-form'

/** The OpenAI-compatible endpoint (Groq by default): address, model and a key stored encrypted. */
export function CloudSection({ draft, setDraft, errors, savedBaseUrl }: SectionProps & { savedBaseUrl: string }) {
  const api = useApi()
  const t = useT()
  const [configured, setConfigured] = useState<boolean | null>(null)
  const [key, setKey] = useState('')
  const [notice, setNotice] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null)

  // Asked again after a save that moved the address to another server: the core deleted the key.
  useEffect(() => {
    api.call('llm.cloudKey', {}).then((r) => setConfigured(r.configured), () => setConfigured(null))
  }, [api, savedBaseUrl])
  const keyWillBeCleared = configured === true && !sameOrigin(draft.cloud.baseUrl, savedBaseUrl)

  const saveKey = async (apiKey: string | null) => {
    setNotice(null)
    try {
      const result = await api.call('llm.setCloudKey', { apiKey })
      setConfigured(result.configured)
      setKey('')
      setNotice({ tone: 'ok', text: result.configured ? t('settings.cloud.key.saved') : t('settings.cloud.key.removed') })
    } catch (error) {
      setNotice({ tone: 'bad', text: describeError(error, t) })
    }
  }

  const inUse = draft.llm.policy !== 'local'
  return (
    <fieldset className={inUse ? '' : 'dimmed'}>
      <legend>{t('settings.cloud')}</legend>
      <p className="hint">{inUse ? t('settings.cloud.hint.inUse') : t('settings.cloud.hint.unused')}</p>
      <div className="field-row">
        <label>
          {t('settings.cloud.label')}
          <input value={draft.cloud.label} onChange={(e) => setDraft((d) => ({ ...d, cloud: { ...d.cloud, label: e.target.value } }))} />
        </label>
        <label className="grow">
          {t('settings.cloud.baseUrl')}
          <input value={draft.cloud.baseUrl} onChange={(e) => setDraft((d) => ({ ...d, cloud: { ...d.cloud, baseUrl: e.target.value } }))} />
          <FieldError message={errors['cloud.baseUrl']} />
          {keyWillBeCleared && (
            <small className="form-error" data-testid="cloud-key-will-clear">
              {t('settings.cloud.key.willClear')}
            </small>
          )}
        </label>
      </div>
      <label>
        {t('settings.cloud.model')}
        <input value={draft.cloud.model} onChange={(e) => setDraft((d) => ({ ...d, cloud: { ...d.cloud, model: e.target.value } }))} />
      </label>
      <div className="field-row">
        <label className="grow">
          {t('settings.cloud.key')}{' '}
          <span className={`badge ${configured ? 'status-approved' : 'status-pending'}`} data-testid="cloud-key-state">
            {configured ? t('settings.cloud.key.configured') : t('settings.cloud.key.missing')}
          </span>
          <input type="password" autoComplete="off" value={key} placeholder={configured ? '••••••••' : 'gsk_…'} onChange={(e) => setKey(e.target.value)} />
          <small>{t('settings.cloud.key.hint')}</small>
        </label>
        <button type="button" disabled={key.trim().length === 0} onClick={() => void saveKey(key.trim())}>
          {t('settings.cloud.key.save')}
        </button>
        {configured && (
          <button type="button" onClick={() => void saveKey(null)}>
            {t('settings.cloud.key.remove')}
          </button>
        )}
      </div>
      {notice && (
        <p className={`notice ${notice.tone}`} role="status">
          {notice.text}
        </p>
      )}
      <PriceFields draft={draft} setDraft={setDraft} errors={errors} />
    </fieldset>
  )
}

type PriceKey = 'priceInputPerMillion' | 'priceOutputPerMillion'

/**
 * What the service charges, typed the way providers publish it (US$ per million tokens) and
 * said back per thousand, so "0,59" reads as the small amount it is. "Menos nube" turns the
 * tokens into money with these.
 */
function PriceFields({ draft, setDraft, errors }: SectionProps) {
  const t = useT()
  const fmt = useFormat()
  const [text, setText] = useState<Record<PriceKey, string>>(() => ({
    priceInputPerMillion: shown(draft.cloud.priceInputPerMillion, fmt.locale),
    priceOutputPerMillion: shown(draft.cloud.priceOutputPerMillion, fmt.locale),
  }))
  const change = (key: PriceKey, value: string) => {
    setText((current) => ({ ...current, [key]: value }))
    // What is not a number goes to the core as typed: its check answers in Spanish under the
    // field, as for every other setting, instead of a wrong price being saved quietly.
    const parsed = parsePrice(value)
    const price = parsed === undefined ? (value as unknown as number) : parsed
    setDraft((d) => ({ ...d, cloud: { ...d.cloud, [key]: price } }))
  }
  const field = (key: PriceKey, label: string) => {
    const value = draft.cloud[key]
    return (
      <label className="grow">
        {label}
        <input inputMode="decimal" placeholder="0,59" value={text[key]} onChange={(e) => change(key, e.target.value)} data-testid={`cloud-${key}`} />
        {typeof value === 'number' && Number.isFinite(value) && (
          <small data-testid={`cloud-${key}-per-thousand`}>{t('settings.cloud.price.perThousand', { amount: formatUsd(fmt.locale, value / 1000) })}</small>
        )}
        <FieldError message={errors[`cloud.${key}`]} />
      </label>
    )
  }
  const one = (draft.cloud.priceInputPerMillion === null) !== (draft.cloud.priceOutputPerMillion === null)
  return (
    <div className="cloud-price">
      <h3>{t('settings.cloud.price')}</h3>
      <p className="hint">{t('settings.cloud.price.hint')}</p>
      <div className="field-row">
        {field('priceInputPerMillion', t('settings.cloud.price.input'))}
        {field('priceOutputPerMillion', t('settings.cloud.price.output'))}
      </div>
      {one && <p className="hint">{t('settings.cloud.price.both')}</p>}
    </div>
  )
}

function shown(value: number | null, locale: string): string {
  return value === null ? '' : value.toLocaleString(locale, { maximumFractionDigits: 6, useGrouping: false })
}

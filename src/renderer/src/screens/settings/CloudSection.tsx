import { useEffect, useState } from 'react'
import { sameOrigin } from '../../../../shared/endpoint-security'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
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
    </fieldset>
  )
}

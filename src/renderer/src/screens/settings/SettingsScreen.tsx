import { useState, type FormEvent } from 'react'
import { ApiError } from '../../../../shared/api/errors'
import { isInsecureEndpoint } from '../../../../shared/endpoint-security'
import type { Settings } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { CloudSection } from './CloudSection'
import { HoursSection } from './HoursSection'
import { ModelSection } from './ModelSection'
import { PersonaSection } from './PersonaSection'
import { RepliesSection } from './RepliesSection'
import { ShopSection } from './ShopSection'
import { TrainingSection } from './TrainingSection'
import type { SetDraft } from './settings-form'

/** Ajustes: one form over all the settings the owner may change, saved in one call. */
export function SettingsScreen({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const api = useApi()
  const t = useT()
  const [draft, setDraftState] = useState(settings)
  // What the core holds now: a change is judged against it (an address already agreed to is not asked again).
  const [saved, setSaved] = useState(settings)
  const [notice, setNotice] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const setDraft: SetDraft = (update) => setDraftState((current) => update(current))

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setNotice(null)
    setFieldErrors({})
    // The core refuses an unprotected address unless the owner says yes; ask before sending.
    const insecure = [
      draft.llm.host !== saved.llm.host && isInsecureEndpoint(draft.llm.host) ? t('settings.insecure.llm', { url: draft.llm.host }) : null,
      draft.cloud.baseUrl !== saved.cloud.baseUrl && isInsecureEndpoint(draft.cloud.baseUrl) ? t('settings.insecure.cloud', { url: draft.cloud.baseUrl }) : null,
    ].filter((line): line is string => line !== null)
    if (insecure.length > 0 && !window.confirm(t('settings.insecure.confirm', { list: insecure.join('\n') }))) {
      setNotice({ tone: 'bad', text: t('settings.insecure.cancelled') })
      return
    }
    try {
      const result = await api.call('settings.update', {
        llm: draft.llm,
        cloud: draft.cloud,
        persona: draft.persona,
        historyMessages: draft.historyMessages,
        locale: draft.locale,
        retrieval: draft.retrieval,
        guardrails: draft.guardrails,
        businessHours: draft.businessHours,
        training: draft.training,
        shop: draft.shop,
        ...(insecure.length > 0 ? { confirmInsecure: true } : {}),
      })
      setDraftState(result)
      setSaved(result)
      onSaved(result)
      setNotice({ tone: 'ok', text: t('settings.saved') })
    } catch (error) {
      if (error instanceof ApiError && error.fields) {
        setFieldErrors(Object.fromEntries(error.fields.map((f) => [f.path.split('.').slice(0, 2).join('.'), f.message])))
      }
      setNotice({ tone: 'bad', text: describeError(error, t) })
    }
  }

  return (
    <div className="screen settings">
      <h1 className="screen-title">{t('settings.title')}</h1>
      <form onSubmit={save} className="settings-form" noValidate>
        <ShopSection draft={draft} setDraft={setDraft} errors={fieldErrors} />
        <ModelSection draft={draft} setDraft={setDraft} errors={fieldErrors} />
        <CloudSection draft={draft} setDraft={setDraft} errors={fieldErrors} savedBaseUrl={saved.cloud.baseUrl} />
        <PersonaSection draft={draft} setDraft={setDraft} errors={fieldErrors} />
        <RepliesSection draft={draft} setDraft={setDraft} errors={fieldErrors} />
        <HoursSection draft={draft} setDraft={setDraft} errors={fieldErrors} />
        <TrainingSection draft={draft} setDraft={setDraft} errors={fieldErrors} />
        <fieldset>
          <legend>{t('settings.locale')}</legend>
          <label>
            {t('settings.locale')}
            <select value={draft.locale} onChange={(e) => setDraft((d) => ({ ...d, locale: e.target.value as Settings['locale'] }))}>
              <option value="es">Español</option>
              <option value="en">English</option>
            </select>
          </label>
        </fieldset>
        <div className="settings-save">
          {notice && (
            <p className={notice.tone === 'ok' ? 'notice ok' : 'notice bad'} role="status">
              {notice.text}
            </p>
          )}
          <button type="submit" className="primary">
            {t('settings.save')}
          </button>
        </div>
      </form>
    </div>
  )
}

import { useState, type FormEvent } from 'react'
import { ApiError } from '../../../../shared/api/errors'
import type { Settings } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { CloudSection } from './CloudSection'
import { HoursSection } from './HoursSection'
import { ModelSection } from './ModelSection'
import { PersonaSection } from './PersonaSection'
import { RepliesSection } from './RepliesSection'
import { TrainingSection } from './TrainingSection'
import type { SetDraft } from './settings-form'

/** Ajustes: one form over all the settings the owner may change, saved in one call. */
export function SettingsScreen({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const api = useApi()
  const t = useT()
  const [draft, setDraftState] = useState(settings)
  const [notice, setNotice] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const setDraft: SetDraft = (update) => setDraftState((current) => update(current))

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setNotice(null)
    setFieldErrors({})
    try {
      const saved = await api.call('settings.update', {
        llm: draft.llm,
        cloud: draft.cloud,
        persona: draft.persona,
        historyMessages: draft.historyMessages,
        locale: draft.locale,
        retrieval: draft.retrieval,
        guardrails: draft.guardrails,
        businessHours: draft.businessHours,
        training: draft.training,
      })
      setDraftState(saved)
      onSaved(saved)
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
        <ModelSection draft={draft} setDraft={setDraft} errors={fieldErrors} />
        <CloudSection draft={draft} setDraft={setDraft} errors={fieldErrors} />
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

import { useState, type FormEvent } from 'react'
import type { Settings } from '../../../shared/types'
import { useApi } from '../api/api-context'
import { useT } from '../i18n/i18n'

export function SettingsScreen({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const api = useApi()
  const t = useT()
  const [draft, setDraft] = useState(settings)
  const [notice, setNotice] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null)

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setNotice(null)
    try {
      const saved = await api.call('settings.update', {
        llm: draft.llm,
        persona: draft.persona,
        historyMessages: draft.historyMessages,
        locale: draft.locale,
      })
      onSaved(saved)
      setNotice({ tone: 'ok', text: t('settings.saved') })
    } catch (error) {
      setNotice({ tone: 'bad', text: t('error.invalid_input', { message: (error as Error).message }) })
    }
  }

  const test = async () => {
    setNotice(null)
    const status = await api.call('llm.check', {})
    if (status.state === 'ready') setNotice({ tone: 'ok', text: t('settings.test.ok', { model: status.model }) })
    else setNotice({ tone: 'bad', text: status.detail ?? t(`status.model.${status.state}`, { model: status.model }) })
  }

  return (
    <div className="screen settings">
      <h1 className="screen-title">{t('settings.title')}</h1>
      <form onSubmit={save} className="settings-form">
        <fieldset>
          <legend>{t('settings.llm')}</legend>
          <label>
            {t('settings.llm.host')}
            <input value={draft.llm.host} onChange={(e) => setDraft({ ...draft, llm: { ...draft.llm, host: e.target.value } })} />
          </label>
          <label>
            {t('settings.llm.model')}
            <input value={draft.llm.model} onChange={(e) => setDraft({ ...draft, llm: { ...draft.llm, model: e.target.value } })} />
          </label>
          <label>
            {t('settings.llm.temperature')} ({draft.llm.temperature.toFixed(1)})
            <input
              type="range"
              min={0}
              max={2}
              step={0.1}
              value={draft.llm.temperature}
              onChange={(e) => setDraft({ ...draft, llm: { ...draft.llm, temperature: Number(e.target.value) } })}
            />
          </label>
          <button type="button" onClick={() => void test()}>
            {t('settings.test')}
          </button>
        </fieldset>
        <fieldset>
          <legend>{t('settings.persona')}</legend>
          <label>
            {t('settings.persona.shopName')}
            <input
              value={draft.persona.shopName}
              onChange={(e) => setDraft({ ...draft, persona: { ...draft.persona, shopName: e.target.value } })}
            />
          </label>
          <label>
            {t('settings.persona.systemPrompt')}
            <textarea
              rows={5}
              value={draft.persona.systemPrompt}
              onChange={(e) => setDraft({ ...draft, persona: { ...draft.persona, systemPrompt: e.target.value } })}
            />
            <small>{t('settings.persona.systemPrompt.hint')}</small>
          </label>
          <label>
            {t('settings.history')}
            <input
              type="number"
              min={0}
              max={50}
              value={draft.historyMessages}
              onChange={(e) => setDraft({ ...draft, historyMessages: Number(e.target.value) })}
            />
          </label>
          <label>
            {t('settings.locale')}
            <select value={draft.locale} onChange={(e) => setDraft({ ...draft, locale: e.target.value as Settings['locale'] })}>
              <option value="es">Español</option>
              <option value="en">English</option>
            </select>
          </label>
        </fieldset>
        {notice && (
          <p className={notice.tone === 'ok' ? 'notice ok' : 'notice bad'} role="status">
            {notice.text}
          </p>
        )}
        <button type="submit" className="primary">
          {t('settings.save')}
        </button>
      </form>
    </div>
  )
}

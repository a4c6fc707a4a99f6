import { useRef, useState, type FormEvent, type ReactNode } from 'react'
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
import { CycleSection } from './CycleSection'
import type { SetDraft } from './settings-form'

/** Ajustes: one form over all the settings the owner may change, saved in one call. */
export function SettingsScreen({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const api = useApi()
  const t = useT()
  const [draft, setDraftState] = useState(settings)
  // What the core holds now: a change is judged against it (an address already agreed to is not asked again).
  const [saved, setSaved] = useState(settings)
  const [notice, setNotice] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null)
  // The refused form as it was sent: a field's error shows until the owner changes that field.
  const [refused, setRefused] = useState<{ errors: Record<string, string>; draft: Settings }>({ errors: {}, draft: settings })
  const fieldErrors = stillWrong(refused.errors, refused.draft, draft)
  const setFieldErrors = (errors: Record<string, string>) => setRefused({ errors, draft })
  const setDraft: SetDraft = (update) => setDraftState((current) => update(current))
  const sectionRefs = useRef(new Map<string, HTMLElement>())
  // Demo mode can also be left from the banner above this form: the form follows, or saving would switch it back on.
  const [seenDemoMode, setSeenDemoMode] = useState(settings.demoMode)
  if (settings.demoMode !== seenDemoMode) {
    setSeenDemoMode(settings.demoMode)
    setSaved((current) => ({ ...current, demoMode: settings.demoMode }))
    setDraftState((current) => ({ ...current, demoMode: settings.demoMode }))
  }

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
        demoMode: draft.demoMode,
        cycle: draft.cycle,
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

  // One entry per section, in page order: the menu jumps to them (a long form the owner scrolled past).
  const sections: { id: string; label: string; body: ReactNode }[] = [
    { id: 'shop', label: t('settings.shop'), body: <ShopSection draft={draft} setDraft={setDraft} errors={fieldErrors} /> },
    { id: 'persona', label: t('settings.persona'), body: <PersonaSection draft={draft} setDraft={setDraft} errors={fieldErrors} /> },
    { id: 'replies', label: t('settings.replies'), body: <RepliesSection draft={draft} setDraft={setDraft} errors={fieldErrors} /> },
    { id: 'hours', label: t('settings.hours'), body: <HoursSection draft={draft} setDraft={setDraft} errors={fieldErrors} /> },
    { id: 'model', label: t('settings.llm'), body: <ModelSection draft={draft} setDraft={setDraft} errors={fieldErrors} /> },
    { id: 'cloud', label: t('settings.cloud'), body: <CloudSection draft={draft} setDraft={setDraft} errors={fieldErrors} savedBaseUrl={saved.cloud.baseUrl} /> },
    { id: 'cycle', label: t('settings.cycle'), body: <CycleSection draft={draft} setDraft={setDraft} errors={fieldErrors} /> },
    { id: 'training', label: t('settings.training'), body: <TrainingSection draft={draft} setDraft={setDraft} errors={fieldErrors} /> },
    {
      id: 'demo',
      label: t('settings.demo'),
      body: (
        <fieldset>
          <legend>{t('settings.demo')}</legend>
          <p className="hint">{t('settings.demo.hint')}</p>
          <label className="check">
            <input type="checkbox" checked={draft.demoMode} onChange={(e) => setDraft((d) => ({ ...d, demoMode: e.target.checked }))} />
            {t('settings.demo.toggle')}
          </label>
        </fieldset>
      ),
    },
  ]
  // The bar sticks to the bottom only while there is something to save, and the form leaves room under its last field for it.
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved)
  const jump = (id: string) => {
    const target = sectionRefs.current.get(id)
    target?.scrollIntoView({ behavior: 'smooth', block: 'start' })
    target?.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true })
  }

  return (
    <div className="screen settings">
      <h1 className="screen-title">{t('settings.title')}</h1>
      {/* A group, not a second <nav>: the app's navigation stays the one sidebar. */}
      <div className="settings-menu" role="group" aria-label={t('settings.menu')} data-testid="settings-menu">
        {[...sections, { id: 'locale', label: t('settings.locale') }].map((section) => (
          <button key={section.id} type="button" className="settings-menu-item" onClick={() => jump(section.id)}>
            {section.label}
          </button>
        ))}
      </div>
      <form onSubmit={save} className={`settings-form${dirty ? ' dirty' : ''}`} noValidate>
        {sections.map((section) => (
          <div
            key={section.id}
            id={`settings-${section.id}`}
            className="settings-section"
            ref={(element) => {
              if (element) sectionRefs.current.set(section.id, element)
              else sectionRefs.current.delete(section.id)
            }}
          >
            {section.body}
          </div>
        ))}
        <fieldset
          id="settings-locale"
          className="settings-section"
          ref={(element) => {
            if (element) sectionRefs.current.set('locale', element)
            else sectionRefs.current.delete('locale')
          }}
        >
          <legend>{t('settings.locale')}</legend>
          <label>
            {t('settings.locale')}
            <select value={draft.locale} onChange={(e) => setDraft((d) => ({ ...d, locale: e.target.value as Settings['locale'] }))}>
              <option value="es">Español</option>
              <option value="en">English</option>
            </select>
          </label>
        </fieldset>
        <div className={`settings-save${dirty ? ' sticky' : ''}`} data-testid="settings-save">
          {dirty && !notice && <p className="notice">{t('settings.unsaved')}</p>}
          {dirty && (
            <button
              type="button"
              onClick={() => {
                setDraftState(saved)
                setFieldErrors({})
                setNotice(null)
              }}
            >
              {t('settings.discard')}
            </button>
          )}
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

/** The errors whose field still holds the value the core refused. */
function stillWrong(errors: Record<string, string>, refused: Settings, draft: Settings): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => JSON.stringify(valueAt(refused, path)) === JSON.stringify(valueAt(draft, path))))
}

function valueAt(settings: Settings, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), settings)
}

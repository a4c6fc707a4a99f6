import { useCallback, useEffect, useState } from 'react'
import type { LlmPolicy, LlmStatus, ModelInfoDto } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { useFormat, type Formatters } from '../../number-format'
import { FieldError, type SectionProps } from './settings-form'

const POLICIES: LlmPolicy[] = ['local', 'local_then_cloud', 'cloud']

function formatSize(fmt: Formatters, bytes: number | null): string {
  if (!bytes) return ''
  return bytes >= 1e9 ? `${fmt.number(bytes / 1e9, 1)} GB` : `${fmt.number(bytes / 1e6)} MB`
}

/** Which model answers: the policy, Ollama's address and one of its installed models. */
export function ModelSection({ draft, setDraft, errors }: SectionProps) {
  const api = useApi()
  const t = useT()
  const fmt = useFormat()
  const technicalError = ['llm.temperature', 'llm.contextTokens', 'llm.maxReplyTokens', 'llm.timeoutSeconds'].some((key) => errors[key])
  const [models, setModels] = useState<ModelInfoDto[] | null>(null)
  const [modelsError, setModelsError] = useState<string | null>(null)
  const [test, setTest] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null)

  const fetchModels = useCallback(() => {
    api.call('llm.models', {}).then(
      (result) => {
        setModels(result.models)
        setModelsError(result.error)
      },
      (error: unknown) => setModelsError(error instanceof Error ? error.message : String(error)),
    )
  }, [api])
  useEffect(fetchModels, [fetchModels])
  const loadModels = () => {
    setModelsError(null)
    fetchModels()
  }

  const chatModels = (models ?? []).filter((m) => !m.embedding)
  const listed = chatModels.some((m) => m.name === draft.llm.model || m.name === `${draft.llm.model}:latest`)

  const runTest = async () => {
    setTest(null)
    try {
      const status: LlmStatus = await api.call('llm.check', {})
      if (status.canAnswer && status.state === 'ready') setTest({ tone: 'ok', text: t('settings.test.ok', { model: status.model }) })
      else if (status.canAnswer) setTest({ tone: 'ok', text: t('settings.test.fallbackOnly', { model: status.fallback?.model ?? '' }) })
      else setTest({ tone: 'bad', text: status.detail ?? t(`status.model.${status.state}`, { model: status.model }) })
    } catch (error) {
      setTest({ tone: 'bad', text: describeError(error, t) })
    }
  }

  return (
    <fieldset>
      <legend>{t('settings.llm')}</legend>
      <label>
        {t('settings.llm.policy')}
        <select value={draft.llm.policy} onChange={(e) => setDraft((d) => ({ ...d, llm: { ...d.llm, policy: e.target.value as LlmPolicy } }))}>
          {POLICIES.map((p) => (
            <option key={p} value={p}>
              {t(`settings.llm.policy.${p}`)}
            </option>
          ))}
        </select>
        <small>{t(`settings.llm.policy.${draft.llm.policy}.hint`)}</small>
      </label>
      <label>
        {t('settings.llm.host')}
        <input value={draft.llm.host} onChange={(e) => setDraft((d) => ({ ...d, llm: { ...d.llm, host: e.target.value } }))} />
        <FieldError message={errors['llm.host']} />
      </label>
      <div className="field-row">
        <label className="grow">
          {t('settings.llm.model')}
          {chatModels.length > 0 ? (
            <select value={listed ? (chatModels.find((m) => m.name === draft.llm.model) ?? chatModels.find((m) => m.name === `${draft.llm.model}:latest`))!.name : ''} onChange={(e) => setDraft((d) => ({ ...d, llm: { ...d.llm, model: e.target.value } }))}>
              {!listed && <option value="">{t('settings.llm.model.notInstalled', { model: draft.llm.model })}</option>}
              {chatModels.map((m) => (
                <option key={m.name} value={m.name}>
                  {[m.name, m.parameterSize, m.quantization, formatSize(fmt, m.sizeBytes)].filter(Boolean).join(' · ')}
                </option>
              ))}
            </select>
          ) : (
            <input value={draft.llm.model} onChange={(e) => setDraft((d) => ({ ...d, llm: { ...d.llm, model: e.target.value } }))} />
          )}
          <small>{modelsError ? t('settings.llm.models.error', { detail: modelsError }) : models && chatModels.length === 0 ? t('settings.llm.models.none') : t('settings.llm.model.hint')}</small>
          <FieldError message={errors['llm.model']} />
        </label>
        <button type="button" onClick={loadModels}>
          {t('settings.llm.models.refresh')}
        </button>
      </div>
      {/* Sizes in tokens and sampling are for those who know them; open by itself when one of them is wrong. */}
      <details className="tech-details" data-testid="llm-technical" open={technicalError || undefined}>
        <summary>{t('tech.details')}</summary>
        <p>{t('tech.settings.model')}</p>
        <label>
          {t('settings.llm.temperature')} ({fmt.number(draft.llm.temperature, 1)})
          <input
            type="range"
            min={0}
            max={2}
            step={0.1}
            value={draft.llm.temperature}
            onChange={(e) => setDraft((d) => ({ ...d, llm: { ...d.llm, temperature: Number(e.target.value) } }))}
          />
          <small>{t('settings.llm.temperature.hint')}</small>
        </label>
        <div className="field-row">
          <label>
            {t('settings.llm.contextTokens')}
            <input type="number" min={1024} max={131072} step={512} value={draft.llm.contextTokens} onChange={(e) => setDraft((d) => ({ ...d, llm: { ...d.llm, contextTokens: Number(e.target.value) } }))} />
            <FieldError message={errors['llm.contextTokens']} />
          </label>
          <label>
            {t('settings.llm.maxReplyTokens')}
            <input type="number" min={32} max={4096} value={draft.llm.maxReplyTokens} onChange={(e) => setDraft((d) => ({ ...d, llm: { ...d.llm, maxReplyTokens: Number(e.target.value) } }))} />
            <FieldError message={errors['llm.maxReplyTokens']} />
          </label>
          <label>
            {t('settings.llm.timeoutSeconds')}
            <input type="number" min={5} max={900} value={draft.llm.timeoutSeconds} onChange={(e) => setDraft((d) => ({ ...d, llm: { ...d.llm, timeoutSeconds: Number(e.target.value) } }))} />
          </label>
        </div>
      </details>
      <div className="card-actions">
        <button type="button" onClick={() => void runTest()}>
          {t('settings.test')}
        </button>
        <small className="muted">{t('settings.test.hint')}</small>
      </div>
      {test && (
        <p className={`notice ${test.tone}`} role="status" data-testid="llm-test-result">
          {test.text}
        </p>
      )}
    </fieldset>
  )
}

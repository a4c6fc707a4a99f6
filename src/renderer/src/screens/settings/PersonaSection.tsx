import { useState } from 'react'
import { DEFAULT_SYSTEM_PROMPT } from '../../../../shared/persona'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { FieldError, type SectionProps } from './settings-form'

interface Preview {
  system: string
  estimatedTokens: number
  products: string[]
  examples: number
}

/** The shop's persona and the prompt editor, with a preview of what the model would receive. */
export function PersonaSection({ draft, setDraft, errors }: SectionProps) {
  const api = useApi()
  const t = useT()
  const [sample, setSample] = useState('')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [previewError, setPreviewError] = useState<string | null>(null)

  const runPreview = async () => {
    setPreviewError(null)
    try {
      const result = await api.call('llm.previewPrompt', { text: sample.trim() || t('settings.preview.sample.default'), systemPrompt: draft.persona.systemPrompt })
      setPreview({ system: result.messages[0]?.content ?? '', estimatedTokens: result.estimatedTokens, products: result.products, examples: result.examples })
    } catch (error) {
      setPreviewError(describeError(error, t))
    }
  }

  return (
    <fieldset>
      <legend>{t('settings.persona')}</legend>
      <label>
        {t('settings.persona.shopName')}
        <input value={draft.persona.shopName} onChange={(e) => setDraft((d) => ({ ...d, persona: { ...d.persona, shopName: e.target.value } }))} />
        <FieldError message={errors['persona.shopName']} />
      </label>
      <label>
        {t('settings.persona.systemPrompt')}
        <textarea rows={6} value={draft.persona.systemPrompt} onChange={(e) => setDraft((d) => ({ ...d, persona: { ...d.persona, systemPrompt: e.target.value } }))} />
        <small>{t('settings.persona.systemPrompt.hint')}</small>
        <FieldError message={errors['persona.systemPrompt']} />
      </label>
      <div className="card-actions">
        <button type="button" disabled={draft.persona.systemPrompt === DEFAULT_SYSTEM_PROMPT} onClick={() => setDraft((d) => ({ ...d, persona: { ...d.persona, systemPrompt: DEFAULT_SYSTEM_PROMPT } }))}>
          {t('settings.persona.reset')}
        </button>
      </div>
      <label>
        {t('settings.history')}
        <input type="number" min={0} max={50} value={draft.historyMessages} onChange={(e) => setDraft((d) => ({ ...d, historyMessages: Number(e.target.value) }))} />
      </label>
      <div className="prompt-preview">
        <div className="field-row">
          <label className="grow">
            {t('settings.preview.sample')}
            <input value={sample} placeholder={t('settings.preview.sample.default')} onChange={(e) => setSample(e.target.value)} />
          </label>
          <button type="button" onClick={() => void runPreview()}>
            {t('settings.preview.run')}
          </button>
        </div>
        {previewError && <p className="notice bad">{previewError}</p>}
        {preview && (
          <div data-testid="prompt-preview">
            <p className="hint">
              {t('settings.preview.summary', { tokens: preview.estimatedTokens, products: preview.products.length, examples: preview.examples })}
            </p>
            <pre className="prompt-text">{preview.system}</pre>
          </div>
        )}
      </div>
    </fieldset>
  )
}

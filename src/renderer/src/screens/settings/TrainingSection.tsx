import { useT } from '../../i18n/i18n'
import { FieldError, type SectionProps } from './settings-form'

/** Where the training tools and base models are, and the defaults "Entrenar" starts with. */
export function TrainingSection({ draft, setDraft, errors }: SectionProps) {
  const t = useT()
  const tr = draft.training
  const set = (patch: Partial<typeof tr>) => setDraft((d) => ({ ...d, training: { ...d.training, ...patch } }))
  return (
    <fieldset>
      <legend>{t('settings.training')}</legend>
      <p className="hint">{t('settings.training.hint')}</p>
      {/* Folders of tools and the knobs of learning: the defaults work, so they wait one click away (open when one is wrong). */}
      <details className="tech-details" data-testid="training-technical" open={Object.keys(errors).some((key) => key.startsWith('training.')) || undefined}>
        <summary>{t('tech.details')}</summary>
        <p>{t('tech.advanced.terms')}</p>
        <label>
          {t('settings.training.llamaBinDir')}
          <input value={tr.llamaBinDir ?? ''} placeholder={t('settings.training.llamaBinDir.placeholder')} onChange={(e) => set({ llamaBinDir: e.target.value.trim() ? e.target.value : null })} />
          <small>{t('settings.training.llamaBinDir.hint')}</small>
          <FieldError message={errors['training.llamaBinDir']} />
        </label>
        <label>
          {t('settings.training.ollamaModelsDir')}
          <input value={tr.ollamaModelsDir ?? ''} placeholder="~/.ollama/models" onChange={(e) => set({ ollamaModelsDir: e.target.value.trim() ? e.target.value : null })} />
          <small>{t('settings.training.ollamaModelsDir.hint')}</small>
        </label>
        <div className="field-row">
          <label>
            {t('settings.training.epochs')}
            <input type="number" min={1} max={50} value={tr.epochs} onChange={(e) => set({ epochs: Number(e.target.value) })} />
            <FieldError message={errors['training.epochs']} />
          </label>
          <label>
            {t('settings.training.contextTokens')}
            <input type="number" min={64} max={8192} step={64} value={tr.contextTokens} onChange={(e) => set({ contextTokens: Number(e.target.value) })} />
          </label>
          <label>
            {t('settings.training.learningRate')}
            <input type="number" min={0.0000001} max={0.01} step={0.00001} value={tr.learningRate} onChange={(e) => set({ learningRate: Number(e.target.value) })} />
            <FieldError message={errors['training.learningRate']} />
          </label>
          <label>
            {t('settings.training.freezeLayers')}
            <input type="number" min={0} max={200} value={tr.freezeLayers} onChange={(e) => set({ freezeLayers: Number(e.target.value) })} />
          </label>
        </div>
      </details>
    </fieldset>
  )
}

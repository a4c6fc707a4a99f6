import { useId, useState, type FormEvent } from 'react'
import type { ApiInput } from '../../../../shared/api/contract'
import type { LearningSettings } from '../../../../shared/types'
import { useT } from '../../i18n/i18n'

interface Draft {
  name: string
  minScore: number
  includeUnreviewed: boolean
  /** As a percentage (85), like the other knobs: a number input shows "0.85" with a point whatever the locale. */
  nearDuplicatePercent: number
  capPerCategory: boolean
  maxSharePercent: number
  validationPercent: number
  contextTurns: number
}

function draftFrom(learning: LearningSettings): Draft {
  return {
    name: '',
    minScore: learning.minScore,
    includeUnreviewed: true,
    nearDuplicatePercent: Math.round(learning.nearDuplicateThreshold * 100),
    capPerCategory: learning.maxPerCategoryShare !== null,
    maxSharePercent: Math.round((learning.maxPerCategoryShare ?? 0.4) * 100),
    validationPercent: Math.round(learning.validationRatio * 100),
    contextTurns: learning.contextTurns,
  }
}

export type DatasetRequest = ApiInput<'datasets.create'>

/** The curation knobs, prefilled from the owner's learning settings. */
export function DatasetForm({
  learning,
  busy,
  demoMode,
  onSubmit,
}: {
  learning: LearningSettings
  busy: boolean
  /** The app's demo switch: demo exchanges count here exactly when they count in Revisión. */
  demoMode: boolean
  onSubmit: (request: DatasetRequest) => void
}) {
  const t = useT()
  const id = useId()
  const [draft, setDraft] = useState(() => draftFrom(learning))
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }))
  const num = (value: string) => (value === '' ? Number.NaN : Number(value))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit({
      ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
      minScore: draft.minScore,
      includeUnreviewed: draft.includeUnreviewed,
      nearDuplicateThreshold: draft.nearDuplicatePercent / 100,
      maxPerCategoryShare: draft.capPerCategory ? draft.maxSharePercent / 100 : null,
      validationRatio: draft.validationPercent / 100,
      contextTurns: draft.contextTurns,
      includeDemo: demoMode,
    })
  }

  return (
    <form className="dataset-form" onSubmit={submit} data-testid="dataset-form">
      <div className="form-grid">
        <label>
          {t('dataset.name')}
          <input value={draft.name} maxLength={80} placeholder={t('dataset.name.placeholder')} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label>
          {t('dataset.minScore')}
          <select value={draft.minScore} onChange={(e) => set({ minScore: Number(e.target.value) })}>
            {[1, 2, 3, 4, 5].map((score) => (
              <option key={score} value={score}>
                {score}
              </option>
            ))}
          </select>
          <small>{t('dataset.minScore.hint')}</small>
        </label>
        <label>
          {t('dataset.nearDuplicate')}
          <input
            type="number"
            min={50}
            max={100}
            step={1}
            required
            value={Number.isNaN(draft.nearDuplicatePercent) ? '' : draft.nearDuplicatePercent}
            onChange={(e) => set({ nearDuplicatePercent: num(e.target.value) })}
          />
          <small>{t('dataset.nearDuplicate.hint')}</small>
        </label>
        <div className="field">
          <label htmlFor={`${id}-max-share`}>{t('dataset.maxShare')}</label>
          <span className="inline-field">
            <input
              id={`${id}-max-share`}
              type="number"
              min={5}
              max={100}
              step={1}
              required={draft.capPerCategory}
              disabled={!draft.capPerCategory}
              value={Number.isNaN(draft.maxSharePercent) ? '' : draft.maxSharePercent}
              onChange={(e) => set({ maxSharePercent: num(e.target.value) })}
            />
            <label className="check-inline">
              <input type="checkbox" checked={!draft.capPerCategory} onChange={(e) => set({ capPerCategory: !e.target.checked })} />
              {t('dataset.maxShare.none')}
            </label>
          </span>
          <small>{t('dataset.maxShare.hint')}</small>
        </div>
        <label>
          {t('dataset.validationRatio')}
          <input
            type="number"
            min={0}
            max={50}
            step={1}
            required
            value={Number.isNaN(draft.validationPercent) ? '' : draft.validationPercent}
            onChange={(e) => set({ validationPercent: num(e.target.value) })}
          />
          <small>{t('dataset.validationRatio.hint')}</small>
        </label>
        <label>
          {t('dataset.contextTurns')}
          <input
            type="number"
            min={0}
            max={20}
            step={1}
            required
            value={Number.isNaN(draft.contextTurns) ? '' : draft.contextTurns}
            onChange={(e) => set({ contextTurns: num(e.target.value) })}
          />
          <small>{t('dataset.contextTurns.hint')}</small>
        </label>
      </div>
      <div className="form-checks">
        <label className="check">
          <input type="checkbox" checked={draft.includeUnreviewed} onChange={(e) => set({ includeUnreviewed: e.target.checked })} />
          <span>
            {t('dataset.includeUnreviewed')} <small>{t('dataset.includeUnreviewed.hint')}</small>
          </span>
        </label>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('dataset.creating') : t('dataset.create')}
      </button>
    </form>
  )
}

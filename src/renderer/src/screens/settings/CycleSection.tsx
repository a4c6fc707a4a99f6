import type { CycleMode } from '../../../../shared/types'
import { useT } from '../../i18n/i18n'
import { FieldError, type SectionProps } from './settings-form'

const MODES: CycleMode[] = ['off', 'suggest', 'automatic']

/** Ajustes → Aprendizaje automático: whether the bot trains itself, and when it may. */
export function CycleSection({ draft, setDraft, errors }: SectionProps) {
  const t = useT()
  const c = draft.cycle
  const set = (patch: Partial<typeof c>) => setDraft((d) => ({ ...d, cycle: { ...d.cycle, ...patch } }))
  const number = (value: string) => (value === '' ? Number.NaN : Number(value))
  return (
    <fieldset data-testid="cycle-settings">
      <legend>{t('settings.cycle')}</legend>
      <p className="hint">{t('settings.cycle.hint')}</p>
      <div className="choice-list" role="radiogroup" aria-label={t('settings.cycle.mode')}>
        {MODES.map((mode) => (
          <label key={mode} className="choice">
            <input type="radio" name="cycle-mode" value={mode} checked={c.mode === mode} onChange={() => set({ mode })} />
            <span>
              <strong>{t(`settings.cycle.mode.${mode}`)}</strong>
              <small>{t(`settings.cycle.mode.${mode}.hint`)}</small>
            </span>
          </label>
        ))}
      </div>
      <fieldset className={c.mode === 'off' ? 'dimmed' : undefined} disabled={c.mode === 'off'}>
        <legend>{t('settings.cycle.when')}</legend>
        <div className="field-row">
          <label>
            {t('settings.cycle.minNewExamples')}
            <input type="number" min={10} max={100000} step={10} value={Number.isNaN(c.minNewExamples) ? '' : c.minNewExamples} onChange={(e) => set({ minNewExamples: number(e.target.value) })} />
            <small>{t('settings.cycle.minNewExamples.hint')}</small>
            <FieldError message={errors['cycle.minNewExamples']} />
          </label>
          <label>
            {t('settings.cycle.minDaysBetween')}
            <input type="number" min={1} max={90} value={Number.isNaN(c.minDaysBetween) ? '' : c.minDaysBetween} onChange={(e) => set({ minDaysBetween: number(e.target.value) })} />
            <FieldError message={errors['cycle.minDaysBetween']} />
          </label>
        </div>
        <div className="field-row">
          <label>
            {t('settings.cycle.windowStart')}
            <input type="time" value={c.windowStart} onChange={(e) => set({ windowStart: e.target.value })} />
            <FieldError message={errors['cycle.windowStart']} />
          </label>
          <label>
            {t('settings.cycle.windowEnd')}
            <input type="time" value={c.windowEnd} onChange={(e) => set({ windowEnd: e.target.value })} />
            <FieldError message={errors['cycle.windowEnd']} />
          </label>
        </div>
        <small className="hint">{t('settings.cycle.window.hint')}</small>
        <label className="check">
          <input type="checkbox" checked={c.requireIdle} onChange={(e) => set({ requireIdle: e.target.checked })} />
          {t('settings.cycle.requireIdle')}
        </label>
        <label className="check">
          <input type="checkbox" checked={c.requireMains} onChange={(e) => set({ requireMains: e.target.checked })} />
          {t('settings.cycle.requireMains')}
        </label>
        <label>
          {t('settings.cycle.watchExchanges')}
          <input type="number" min={10} max={10000} value={Number.isNaN(c.watchExchanges) ? '' : c.watchExchanges} onChange={(e) => set({ watchExchanges: number(e.target.value) })} />
          <small>{t('settings.cycle.watchExchanges.hint')}</small>
          <FieldError message={errors['cycle.watchExchanges']} />
        </label>
        <details className="tech-details" open={Object.keys(errors).some((key) => key === 'cycle.watchScoreMargin' || key === 'cycle.watchRateMargin') || undefined}>
          <summary>{t('tech.details')}</summary>
          <div className="field-row">
            <label>
              {t('settings.cycle.watchScoreMargin')}
              <input type="number" min={0} max={4} step={0.1} value={Number.isNaN(c.watchScoreMargin) ? '' : c.watchScoreMargin} onChange={(e) => set({ watchScoreMargin: number(e.target.value) })} />
              <FieldError message={errors['cycle.watchScoreMargin']} />
            </label>
            <label>
              {t('settings.cycle.watchRateMargin')}
              <input
                type="number"
                min={0}
                max={100}
                step={1}
                value={Number.isNaN(c.watchRateMargin) ? '' : Math.round(c.watchRateMargin * 100)}
                onChange={(e) => set({ watchRateMargin: number(e.target.value) / 100 })}
              />
              <FieldError message={errors['cycle.watchRateMargin']} />
            </label>
          </div>
        </details>
      </fieldset>
    </fieldset>
  )
}

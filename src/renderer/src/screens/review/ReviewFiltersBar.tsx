import { CATEGORIES, type Category } from '../../../../shared/types'
import type { MessageKey } from '../../i18n/es'
import { useT } from '../../i18n/i18n'
import { DEFAULT_FILTERS, isDefaultFilters, PERIODS, STATUS_FILTERS, type Period, type ReviewFilterState } from './review-model'

const SCORES = [1, 2, 3, 4, 5]

export function ReviewFiltersBar({
  filters,
  models,
  onChange,
}: {
  filters: ReviewFilterState
  models: string[]
  onChange: (next: ReviewFilterState) => void
}) {
  const t = useT()
  const set = (patch: Partial<ReviewFilterState>) => onChange({ ...filters, ...patch })
  const scoreValue = (value: number | null) => (value === null ? '' : String(value))
  const parseScore = (value: string) => (value === '' ? null : Number(value))
  // A model the server no longer lists may still be the active filter; keep it selectable.
  const modelOptions = filters.model && !models.includes(filters.model) ? [filters.model, ...models] : models

  return (
    <section className="review-filters" aria-label={t('review.filters')} data-testid="review-filters">
      <div className="segmented" role="group" aria-label={t('review.filters.status')}>
        {STATUS_FILTERS.map((status) => (
          <button
            key={status}
            type="button"
            className={filters.status === status ? 'active' : ''}
            aria-pressed={filters.status === status}
            onClick={() => set({ status })}
          >
            {t(`review.filters.status.${status}` as MessageKey)}
          </button>
        ))}
      </div>
      <div className="filter-fields">
        <label className="filter">
          {t('review.filters.category')}
          <select value={filters.category} onChange={(e) => set({ category: e.target.value as Category | '' })}>
            <option value="">{t('review.filters.category.all')}</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`category.${category}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter narrow">
          {t('review.filters.minScore')}
          <select value={scoreValue(filters.minScore)} onChange={(e) => set({ minScore: parseScore(e.target.value) })}>
            <option value="">{t('review.filters.score.any')}</option>
            {SCORES.filter((s) => filters.maxScore === null || s <= filters.maxScore).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="filter narrow">
          {t('review.filters.maxScore')}
          <select value={scoreValue(filters.maxScore)} onChange={(e) => set({ maxScore: parseScore(e.target.value) })}>
            <option value="">{t('review.filters.score.any')}</option>
            {SCORES.filter((s) => filters.minScore === null || s >= filters.minScore).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          {t('review.filters.model')}
          <select value={filters.model} onChange={(e) => set({ model: e.target.value })}>
            <option value="">{t('review.filters.model.all')}</option>
            {modelOptions.map((model) => (
              <option key={model} value={model}>
                {model}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          {t('review.filters.period')}
          <select value={filters.period} onChange={(e) => set({ period: e.target.value as Period })}>
            {PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`review.filters.period.${period}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {filters.period === 'custom' && (
          <>
            <label className="filter">
              {t('review.filters.from')}
              <input type="date" value={filters.fromDay} max={filters.toDay || undefined} onChange={(e) => set({ fromDay: e.target.value })} />
            </label>
            <label className="filter">
              {t('review.filters.to')}
              <input type="date" value={filters.toDay} min={filters.fromDay || undefined} onChange={(e) => set({ toDay: e.target.value })} />
            </label>
          </>
        )}
        <label className="filter check">
          <input type="checkbox" checked={filters.includeDemo} onChange={(e) => set({ includeDemo: e.target.checked })} />
          {t('review.filters.includeDemo')}
        </label>
        {!isDefaultFilters(filters) && (
          <button type="button" className="link-button" onClick={() => onChange(DEFAULT_FILTERS)}>
            {t('review.filters.reset')}
          </button>
        )}
      </div>
    </section>
  )
}

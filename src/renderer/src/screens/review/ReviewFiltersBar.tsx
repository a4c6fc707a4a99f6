import { useT } from '../../i18n/i18n'
import { CategorySelect, ModelSelect } from '../../components/FilterSelects'
import { PeriodFields } from '../../components/PeriodFields'
import { DEFAULT_FILTERS, isDefaultFilters, STATUS_FILTERS, type ReviewFilterState } from './review-model'

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
            {t(`review.filters.status.${status}`)}
          </button>
        ))}
      </div>
      <div className="filter-fields">
        <CategorySelect value={filters.category} onChange={(category) => set({ category })} />
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
        <ModelSelect value={filters.model} models={models} onChange={(model) => set({ model })} />
        <PeriodFields value={filters} onChange={set} />
        {!isDefaultFilters(filters) && (
          <button type="button" className="link-button" onClick={() => onChange(DEFAULT_FILTERS)}>
            {t('review.filters.reset')}
          </button>
        )}
      </div>
    </section>
  )
}

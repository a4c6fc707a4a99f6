import { CategorySelect, ModelSelect } from '../../components/FilterSelects'
import { PeriodFields } from '../../components/PeriodFields'
import { useT } from '../../i18n/i18n'
import { DEFAULT_STATS_FILTERS, isDefaultStatsFilters, type StatsFilterState } from './stats-model'

export function StatsFiltersBar({ filters, models, onChange }: { filters: StatsFilterState; models: string[]; onChange: (next: StatsFilterState) => void }) {
  const t = useT()
  const set = (patch: Partial<StatsFilterState>) => onChange({ ...filters, ...patch })
  return (
    <section className="review-filters stats-filters" aria-label={t('stats.filters')} data-testid="stats-filters">
      <div className="filter-fields">
        <PeriodFields value={filters} onChange={set} />
        <CategorySelect value={filters.category} onChange={(category) => set({ category })} />
        <ModelSelect value={filters.model} models={models} onChange={(model) => set({ model })} />
        {!isDefaultStatsFilters(filters) && (
          <button type="button" className="link-button" onClick={() => onChange(DEFAULT_STATS_FILTERS)}>
            {t('review.filters.reset')}
          </button>
        )}
      </div>
    </section>
  )
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useApiEvent, useApiResync } from '../../api/api-context'
import { useApiQuery } from '../../api/use-api-query'
import { EmptyState } from '../../components/EmptyState'
import { useT } from '../../i18n/i18n'
import { BacklogChart } from './BacklogChart'
import { CategoryScoreChart } from './CategoryScoreChart'
import { CloudShareChart } from './CloudShareChart'
import { DailyTrendChart } from './DailyTrendChart'
import { DatasetGrowthChart } from './DatasetGrowthChart'
import { KeyFigures } from './KeyFigures'
import { ModelVersionsChart } from './ModelVersionsChart'
import { ScoreDistributionChart } from './ScoreDistributionChart'
import { StatsFiltersBar } from './StatsFiltersBar'
import { DEFAULT_STATS_FILTERS, isDefaultStatsFilters, toStatsInput, type StatsFilterState } from './stats-model'
import './stats.css'

/** A busy shop captures several exchanges a second; the dashboard redraws at most this often. */
const LIVE_REFRESH_MS = 1500

/** "Estadísticas": whether the bot is getting better, from the core's aggregates. */
export function StatsScreen({ onReview, demoMode = false }: { onReview?: () => void; demoMode?: boolean }) {
  const t = useT()
  const [filters, setFilters] = useState<StatsFilterState>(DEFAULT_STATS_FILTERS)
  // Demo data follows the app's one demo switch, as Revisión and new datasets do.
  const queryFilters = useMemo(() => ({ ...filters, includeDemo: demoMode }), [filters, demoMode])
  const { data: stats, error: failure, reload } = useApiQuery(queryFilters, (api, current) => api.call('stats.get', toStatsInput(current)))
  const error = failure === null ? null : failure instanceof Error ? failure.message : String(failure)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )

  const scheduleRefresh = useCallback(() => {
    if (timer.current) return
    timer.current = setTimeout(() => {
      timer.current = null
      // reload asks with the filters as they are when it fires, not as they were when it was set.
      reload()
    }, LIVE_REFRESH_MS)
  }, [reload])
  useApiEvent('exchange.updated', scheduleRefresh)
  useApiEvent('conversation.updated', scheduleRefresh)
  useApiEvent('models.updated', scheduleRefresh)
  useApiEvent('dataset.updated', scheduleRefresh)
  useApiResync(scheduleRefresh)

  const nothingAtAll = stats !== null && stats.total === 0 && isDefaultStatsFilters(filters)
  return (
    <div className="screen stats-screen" data-testid="stats-screen">
      <div className="stats-top">
        <h1 className="screen-title">{t('stats.title')}</h1>
        {stats !== null && (
          <span className="hint stats-live" aria-live="polite">
            {t('stats.live')}
          </span>
        )}
      </div>
      <StatsFiltersBar filters={filters} models={stats?.models ?? []} onChange={setFilters} />
      {error && (
        <p className="form-error" role="alert">
          {t('stats.error', { error })}
        </p>
      )}
      {stats === null && !error && <p className="hint">{t('stats.loading')}</p>}
      {stats && (
        <>
          <KeyFigures stats={stats} />
          {nothingAtAll ? (
            <EmptyState icon="📊" title={t('stats.empty.title')} body={t('stats.empty.body')} />
          ) : stats.total === 0 ? (
            <EmptyState icon="🔎" title={t('stats.filtered.title')} body={t('stats.filtered.body')} />
          ) : (
            <div className="stats-grid">
              <DailyTrendChart stats={stats} />
              <ModelVersionsChart stats={stats} />
              <CloudShareChart stats={stats} />
              <ScoreDistributionChart stats={stats} />
              <CategoryScoreChart stats={stats} />
              <DatasetGrowthChart stats={stats} />
              <BacklogChart stats={stats} onReview={onReview} />
            </div>
          )}
        </>
      )}
    </div>
  )
}

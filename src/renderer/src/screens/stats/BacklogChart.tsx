import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts'
import type { StatsDto } from '../../../../shared/types'
import { categoryLabel, useT } from '../../i18n/i18n'
import { useFormat } from '../../number-format'
import { ChartCard } from './ChartCard'
import { SERIES_COLORS } from './score-colors'

/** Exchanges the owner has not reviewed yet, by category: where an hour of review teaches most. */
export function BacklogChart({ stats, onReview }: { stats: StatsDto; onReview?: () => void }) {
  const t = useT()
  // The shop's locale, also in the chart PNGs (drawn from this SVG).
  const { number: formatNumber } = useFormat()
  const rows = stats.backlogByCategory.map((r) => ({ ...r, label: categoryLabel(t, r.category) }))
  return (
    <ChartCard
      id="backlog"
      title={t('stats.backlog.title', { count: formatNumber(stats.reviewBacklog) })}
      hint={t('stats.backlog.hint')}
      empty={rows.length === 0 ? (stats.total === 0 ? t('stats.backlog.nothing') : t('stats.backlog.done')) : null}
      action={
        onReview && rows.length > 0 ? (
          <button type="button" className="small-button" onClick={onReview}>
            {t('stats.backlog.review')}
          </button>
        ) : null
      }
    >
      <BarChart responsive style={{ width: '100%', height: Math.max(120, rows.length * 34 + 30) }} data={rows} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }}>
        <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} fontSize={11} tickFormatter={(v: number) => formatNumber(v)} />
        <YAxis type="category" dataKey="label" width={150} fontSize={12} tickLine={false} />
        <Tooltip formatter={(value) => [formatNumber(Number(value)), t('stats.backlog.series')]} />
        <Bar dataKey="count" fill={SERIES_COLORS.backlog} name={t('stats.backlog.series')} isAnimationActive={false}>
          <LabelList dataKey="count" position="right" fontSize={11} formatter={(v) => (typeof v === 'number' ? formatNumber(v) : '')} />
        </Bar>
      </BarChart>
    </ChartCard>
  )
}

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts'
import type { StatsDto, StatsModelPoint } from '../../../../shared/types'
import { useT, type Translate } from '../../i18n/i18n'
import { formatNumber } from '../training/training-format'
import { ChartCard } from './ChartCard'
import { shortDate, shortDay } from './day-format'
import { SERIES_COLORS } from './score-colors'
import { deltas, modelLabel } from './stats-model'

/**
 * Each model version on live traffic, in the order they went live: mean score and success
 * rate side by side, and the change against the version before, so "did v3 help?" has an answer.
 */
export function ModelVersionsChart({ stats }: { stats: StatsDto }) {
  const t = useT()
  const changes = deltas(stats.perModel)
  const rows = stats.perModel.map((m, i) => ({
    ...m,
    label: modelLabel(m, t('stats.models.unknown')) + (m.live ? ` (${t('stats.models.live')})` : ''),
    successPct: m.successRate === null ? null : Math.round(m.successRate * 1000) / 10,
    change: changes[i]!,
  }))
  const last = rows.at(-1)
  const summary = last && last.change.meanScore !== null ? describeChange(t, last.change.meanScore, last.label) : null
  return (
    <ChartCard
      id="models"
      title={t('stats.models.title')}
      hint={t('stats.models.hint')}
      empty={rows.every((r) => r.meanScore === null && r.successRate === null) ? t('stats.models.empty') : null}
      note={rows.length < 2 ? t('stats.models.one') : summary}
      legend={[
        { label: t('stats.daily.meanScore'), color: SERIES_COLORS.meanScore },
        { label: t('stats.daily.success'), color: SERIES_COLORS.success },
      ]}
    >
      <BarChart responsive style={{ width: '100%', height: 260 }} data={rows} margin={{ top: 18, right: 8, bottom: 4, left: 0 }} barCategoryGap="25%">
        <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={11} interval={0} tickLine={false} />
        <YAxis yAxisId="score" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} width={32} fontSize={11} />
        <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} width={44} fontSize={11} tickFormatter={(v: number) => `${v}\u00a0%`} />
        <Tooltip
          labelFormatter={(_, payload) => {
            const m = payload?.[0]?.payload as (StatsModelPoint & { label: string }) | undefined
            return m ? modelTooltip(t, m) : ''
          }}
          formatter={(value, name, item) =>
            item.dataKey === 'successPct' ? [`${formatNumber(Number(value), 1)}\u00a0%`, String(name)] : [formatNumber(Number(value), 2), String(name)]
          }
        />
        <Bar yAxisId="score" dataKey="meanScore" fill={SERIES_COLORS.meanScore} name={t('stats.daily.meanScore')} isAnimationActive={false}>
          <LabelList dataKey="meanScore" position="top" fontSize={11} formatter={(v) => (typeof v === 'number' ? formatNumber(v, 2) : '')} />
        </Bar>
        <Bar yAxisId="pct" dataKey="successPct" fill={SERIES_COLORS.success} name={t('stats.daily.success')} isAnimationActive={false}>
          <LabelList dataKey="successPct" position="top" fontSize={11} formatter={(v) => (typeof v === 'number' ? `${formatNumber(v, 0)}\u00a0%` : '')} />
        </Bar>
      </BarChart>
    </ChartCard>
  )
}

function modelTooltip(t: Translate, m: StatsModelPoint & { label: string }): string {
  const trained = m.createdAt !== null && m.source !== 'base' ? ` · ${t('stats.models.trained', { date: shortDate(m.createdAt) })}` : ''
  return `${m.model || t('stats.models.unknown')}${trained} · ${t('stats.models.period', {
    exchanges: formatNumber(m.exchanges),
    from: shortDay(m.firstDay),
    to: shortDay(m.lastDay),
  })}`
}

function describeChange(t: Translate, delta: number, label: string): string {
  if (delta > 0) return t('stats.models.better', { label, delta: formatNumber(delta, 2) })
  if (delta < 0) return t('stats.models.worse', { label, delta: formatNumber(-delta, 2) })
  return t('stats.models.same', { label })
}

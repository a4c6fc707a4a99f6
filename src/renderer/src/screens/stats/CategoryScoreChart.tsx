import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import type { StatsDto } from '../../../../shared/types'
import { categoryLabel, useT } from '../../i18n/i18n'
import { useFormat } from '../../number-format'
import { ChartCard } from './ChartCard'
import { ChartTooltip } from './ChartTooltip'
import { SCORE_COLORS } from './score-colors'
import { categoryRows } from './stats-model'

const STACKS = ['s0', 's1', 's2', 's3', 's4', 's5'] as const

/** Exchanges per category, each bar split by score: where the bot does well and where it fails. */
export function CategoryScoreChart({ stats }: { stats: StatsDto }) {
  const t = useT()
  // The shop's locale, also in the chart PNGs (drawn from this SVG).
  const { number: formatNumber } = useFormat()
  const rows = categoryRows(stats.byCategory).map((r) => ({ ...r, label: categoryLabel(t, r.category) }))
  const scoreName = (i: number) => (i === 0 ? t('stats.score.none') : t('stats.score.n', { score: i }))
  return (
    <ChartCard
      id="categories"
      title={t('stats.categories.title')}
      hint={t('stats.categories.hint')}
      empty={rows.length === 0 ? t('stats.categories.empty') : null}
      legend={STACKS.map((_, i) => ({ label: scoreName(i), color: SCORE_COLORS[i]! }))}
    >
      <BarChart
        responsive
        style={{ width: '100%', height: Math.max(150, rows.length * 36 + 34) }}
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
      >
        <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} fontSize={11} tickFormatter={(v: number) => formatNumber(v)} />
        <YAxis type="category" dataKey="label" width={150} fontSize={12} tickLine={false} />
        <Tooltip
          content={
            <ChartTooltip
              title={(label, payload) => {
                const total = (payload[0]?.payload as { total?: number } | undefined)?.total ?? 0
                return t('stats.categories.tooltip', { category: String(label), total: formatNumber(total) })
              }}
              value={(entry) => (Number(entry.value) > 0 ? formatNumber(Number(entry.value)) : null)}
            />
          }
        />
        {STACKS.map((key, i) => (
          <Bar key={key} dataKey={key} stackId="score" fill={SCORE_COLORS[i]} name={scoreName(i)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartCard>
  )
}

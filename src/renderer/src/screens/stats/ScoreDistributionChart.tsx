import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import type { StatsDto } from '../../../../shared/types'
import { useT } from '../../i18n/i18n'
import { useFormat } from '../../number-format'
import { ChartCard } from './ChartCard'
import { ChartTooltip } from './ChartTooltip'
import { SCORE_COLORS } from './score-colors'
import { distributionRows } from './stats-model'

const SCORES = [1, 2, 3, 4, 5] as const

/**
 * How the automatic scorer and the owner hand out scores, as shares of each one's total: if
 * the owner scores much lower than the scorer, the automatic scores flatter the bot.
 */
export function ScoreDistributionChart({ stats }: { stats: StatsDto }) {
  const t = useT()
  // The shop's locale, also in the chart PNGs (drawn from this SVG).
  const { number: formatNumber } = useFormat()
  const rows = distributionRows(stats.scoreDistribution).map((r) => ({ ...r, label: t(`stats.distribution.${r.source}`) }))
  const auto = rows[0]!.total
  const owner = rows[1]!.total
  return (
    <ChartCard
      id="distribution"
      title={t('stats.distribution.title')}
      hint={t('stats.distribution.hint')}
      empty={auto + owner === 0 ? t('stats.distribution.empty') : null}
      note={owner === 0 ? t('stats.distribution.noOwner') : null}
      legend={SCORES.map((s) => ({ label: t('stats.score.n', { score: s }), color: SCORE_COLORS[s] }))}
    >
      <BarChart
        responsive
        style={{ width: '100%', height: 160 }}
        data={rows}
        layout="vertical"
        stackOffset="expand"
        margin={{ top: 8, right: 16, bottom: 4, left: 8 }}
      >
        <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" fontSize={11} tickFormatter={(v: number) => `${formatNumber(v * 100)}\u00a0%`} />
        <YAxis type="category" dataKey="label" width={96} fontSize={12} tickLine={false} />
        <Tooltip
          content={
            <ChartTooltip
              title={(label, payload) => {
                const total = (payload[0]?.payload as { total?: number } | undefined)?.total ?? 0
                return t('stats.distribution.tooltipTitle', { source: String(label), total: formatNumber(total) })
              }}
              value={(entry) => {
                const total = (entry.payload as { total?: number } | undefined)?.total ?? 0
                const count = Number(entry.value)
                if (count === 0) return null
                const share = total > 0 ? formatNumber((count / total) * 100, 1) : '0'
                return t('stats.distribution.tooltip', { count: formatNumber(count), share })
              }}
            />
          }
        />
        {SCORES.map((s) => (
          <Bar key={s} dataKey={`s${s}`} stackId="score" fill={SCORE_COLORS[s]} name={t('stats.score.n', { score: s })} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartCard>
  )
}

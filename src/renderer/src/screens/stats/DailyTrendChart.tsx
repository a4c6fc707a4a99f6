import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import type { StatsDto } from '../../../../shared/types'
import { useT } from '../../i18n/i18n'
import { useFormat } from '../../number-format'
import { ChartCard } from './ChartCard'
import { SERIES_COLORS } from './score-colors'
import { continuousDays } from './stats-model'

/** Mean score (1–5, left) and success rate (%, right) per day: is the bot getting better? */
export function DailyTrendChart({ stats }: { stats: StatsDto }) {
  const t = useT()
  // The shop's locale, also in the chart PNGs (drawn from this SVG).
  const { number: formatNumber, dayShort: shortDay, dayLong: longDay } = useFormat()
  const days = continuousDays(stats.daily)
  const scored = stats.daily.filter((d) => d.meanScore !== null || d.successRate !== null).length
  return (
    <ChartCard
      id="daily"
      wide
      title={t('stats.daily.title')}
      hint={t('stats.daily.hint')}
      empty={scored === 0 ? t('stats.daily.empty') : null}
      note={scored < 3 ? t('stats.daily.few') : null}
      legend={[
        { label: t('stats.daily.meanScore'), color: SERIES_COLORS.meanScore },
        { label: t('stats.daily.success'), color: SERIES_COLORS.success },
      ]}
    >
      <LineChart responsive style={{ width: '100%', height: 260 }} data={days} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 3" />
        <XAxis dataKey="day" tickFormatter={shortDay} fontSize={11} minTickGap={24} />
        <YAxis yAxisId="score" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} width={32} fontSize={11} />
        <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} width={44} fontSize={11} tickFormatter={(v: number) => `${formatNumber(v)}\u00a0%`} />
        <Tooltip
          labelFormatter={(label, payload) => {
            const exchanges = (payload?.[0]?.payload as { exchanges?: number } | undefined)?.exchanges ?? 0
            return t('stats.daily.tooltip', { day: longDay(String(label)), exchanges: formatNumber(exchanges) })
          }}
          formatter={(value, name, item) =>
            item.dataKey === 'successPct' ? [`${formatNumber(Number(value), 1)}\u00a0%`, String(name)] : [formatNumber(Number(value), 2), String(name)]
          }
        />
        <Line
          yAxisId="score"
          type="monotone"
          dataKey="meanScore"
          stroke={SERIES_COLORS.meanScore}
          strokeWidth={2}
          dot={days.length <= 45}
          connectNulls={false}
          isAnimationActive={false}
          name={t('stats.daily.meanScore')}
        />
        <Line
          yAxisId="pct"
          type="monotone"
          dataKey="successPct"
          stroke={SERIES_COLORS.success}
          strokeWidth={2}
          strokeDasharray="5 3"
          dot={days.length <= 45}
          connectNulls={false}
          isAnimationActive={false}
          name={t('stats.daily.success')}
        />
      </LineChart>
    </ChartCard>
  )
}

import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { StatsDto } from '../../../../shared/types'
import { useT } from '../../i18n/i18n'
import { useFormat } from '../../number-format'
import { ChartCard } from './ChartCard'
import { SERIES_COLORS } from './score-colors'
import { growthWithMarkers } from './stats-model'

/** Markers beyond this crowd the curve; the latest ones are what the owner looks for. */
const MAX_MARKERS = 6

/** High-quality examples (score ≥ 4) accumulated over time: the material the next training learns from. */
export function DatasetGrowthChart({ stats }: { stats: StatsDto }) {
  const t = useT()
  // The shop's locale, also in the chart PNGs (drawn from this SVG).
  const { number: formatNumber, dayShort: shortDay, dayLong: longDay } = useFormat()
  const { points, markers } = growthWithMarkers(stats.datasetGrowth, stats.datasets, MAX_MARKERS)
  const total = points.at(-1)?.cumulative ?? 0
  const position = new Map(points.map((p, i) => [p.day, i / Math.max(1, points.length - 1)]))
  return (
    <ChartCard
      id="growth"
      title={t('stats.growth.title')}
      hint={t('stats.growth.hint')}
      empty={total === 0 ? t('stats.growth.empty') : null}
      note={stats.datasets.length === 0 ? t('stats.growth.noDataset') : null}
      legend={[
        { label: t('stats.growth.series'), color: SERIES_COLORS.growth },
        ...(markers.length > 0 ? [{ label: t('stats.growth.dataset'), color: SERIES_COLORS.dataset }] : []),
      ]}
    >
      <AreaChart responsive style={{ width: '100%', height: 260 }} data={points} margin={{ top: 16, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 3" />
        <XAxis dataKey="day" tickFormatter={shortDay} fontSize={11} minTickGap={24} />
        <YAxis allowDecimals={false} width={48} fontSize={11} tickFormatter={(v: number) => formatNumber(v)} />
        <Tooltip
          labelFormatter={(label) => longDay(String(label))}
          formatter={(value, _name, item) => {
            const added = (item?.payload as { added?: number } | undefined)?.added ?? 0
            return [t('stats.growth.tooltip', { total: formatNumber(Number(value)), added: formatNumber(added) }), t('stats.growth.series')]
          }}
        />
        {markers.map((d) => (
          <ReferenceLine
            key={d.id}
            x={d.day}
            stroke={SERIES_COLORS.dataset}
            strokeDasharray="4 3"
            label={{ value: t('stats.growth.marker', { count: formatNumber(d.trainCount + d.validationCount) }), position: position.get(d.day)! > 0.5 ? 'insideTopRight' : 'insideTopLeft', fontSize: 10, fill: SERIES_COLORS.dataset }}
          />
        ))}
        <Area type="stepAfter" dataKey="cumulative" stroke={SERIES_COLORS.growth} fill={SERIES_COLORS.growth} fillOpacity={0.15} strokeWidth={2} isAnimationActive={false} name={t('stats.growth.series')} />
      </AreaChart>
    </ChartCard>
  )
}

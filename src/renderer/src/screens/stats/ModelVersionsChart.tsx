import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts'
import type { StatsDto, StatsModelPoint } from '../../../../shared/types'
import { useT, type Translate } from '../../i18n/i18n'
import { useFormat, type Formatters } from '../../number-format'
import { ChartCard } from './ChartCard'
import { SERIES_COLORS } from './score-colors'
import { deltas, modelLabel, tickLineChars, wrapLabel } from './stats-model'

/**
 * Each model version on live traffic, in the order they went live: mean score and success
 * rate side by side, and the change against the version before, so "did v3 help?" has an answer.
 */
export function ModelVersionsChart({ stats }: { stats: StatsDto }) {
  const t = useT()
  // The shop's locale, also in the chart PNG (drawn from this SVG).
  const fmt = useFormat()
  const formatNumber = fmt.number
  const changes = deltas(stats.perModel)
  const rows = stats.perModel.map((m, i) => ({
    ...m,
    label: modelLabel(m, t('stats.models.unknown'), (version) => t('version.short', { version }), (model) => fmt.modelName(model, [])) + (m.live ? ` (${t('stats.models.live')})` : ''),
    successPct: m.successRate === null ? null : Math.round(m.successRate * 1000) / 10,
    change: changes[i]!,
  }))
  const last = rows.at(-1)
  const summary = last && last.change.meanScore !== null ? describeChange(t, fmt, last.change.meanScore, last.label) : null
  const owner = stats.ownerAnswers
  // The owner's answers get a line of their own, never a bar: a bar would be "the version
  // before" in the comparison, and the owner's own words are not something to roll back to.
  const ownerLine = owner
    ? [
        t(owner.exchanges === 1 ? 'stats.models.owner.one' : 'stats.models.owner.other', { exchanges: formatNumber(owner.exchanges) }),
        owner.meanScore === null ? null : t('stats.models.owner.mean', { mean: formatNumber(owner.meanScore, 2) }),
        owner.successRate === null ? null : t('stats.models.owner.success', { success: `${formatNumber(owner.successRate * 100, 0)}\u00a0%` }),
      ]
        .filter(Boolean)
        .join(' ')
    : null
  const note = [rows.length < 2 ? t('stats.models.one') : summary, ownerLine].filter(Boolean).join(' ')
  return (
    <ChartCard
      id="models"
      title={t('stats.models.title')}
      hint={t('stats.models.hint')}
      empty={rows.every((r) => r.meanScore === null && r.successRate === null) ? (ownerLine ? `${t('stats.models.empty')} ${ownerLine}` : t('stats.models.empty')) : null}
      note={note || null}
      legend={[
        { label: t('stats.daily.meanScore'), color: SERIES_COLORS.meanScore },
        { label: t('stats.daily.success'), color: SERIES_COLORS.success },
      ]}
    >
      <BarChart responsive style={{ width: '100%', height: 260 }} data={rows} margin={{ top: 18, right: 8, bottom: 4, left: 0 }} barCategoryGap="25%">
        <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={11} interval={0} tickLine={false} height={54} tick={<WrappedTick />} />
        <YAxis yAxisId="score" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} width={32} fontSize={11} />
        <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} width={44} fontSize={11} tickFormatter={(v: number) => `${formatNumber(v)}\u00a0%`} />
        <Tooltip
          labelFormatter={(_, payload) => {
            const m = payload?.[0]?.payload as (StatsModelPoint & { label: string }) | undefined
            return m ? modelTooltip(t, fmt, m) : ''
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

/**
 * An x-axis label broken into up to three lines: long version names side by side overlapped
 * each other in one line. The line is as long as the bar group is wide, so four versions on a
 * phone (about 60 px each) wrap sooner than on a desktop.
 */
function WrappedTick({ x, y, payload, width, visibleTicksCount }: { x?: number | string; y?: number | string; payload?: { value?: unknown }; width?: number | string; visibleTicksCount?: number }) {
  const lines = wrapLabel(String(payload?.value ?? ''), tickLineChars(Number(width), visibleTicksCount ?? 1), 3)
  return (
    <text className="recharts-cartesian-axis-tick-value" x={Number(x ?? 0)} y={Number(y ?? 0)} textAnchor="middle" fontSize={11} fill="#666">
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x ?? 0)} dy={i === 0 ? 12 : 13}>
          {line}
        </tspan>
      ))}
    </text>
  )
}

function modelTooltip(t: Translate, fmt: Formatters, m: StatsModelPoint & { label: string }): string {
  const trained = m.createdAt !== null && m.source !== 'base' ? ` · ${t('stats.models.trained', { date: fmt.date(m.createdAt) })}` : ''
  return `${m.label}${trained} · ${t('stats.models.period', {
    exchanges: fmt.number(m.exchanges),
    from: fmt.dayShort(m.firstDay),
    to: fmt.dayShort(m.lastDay),
  })}`
}

function describeChange(t: Translate, fmt: Formatters, delta: number, label: string): string {
  if (delta > 0) return t('stats.models.better', { label, delta: fmt.number(delta, 2) })
  if (delta < 0) return t('stats.models.worse', { label, delta: fmt.number(-delta, 2) })
  return t('stats.models.same', { label })
}

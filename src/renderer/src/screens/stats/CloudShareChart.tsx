import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { StatsCloudWeek, StatsDto } from '../../../../shared/types'
import { useT, type Translate } from '../../i18n/i18n'
import { useFormat, type Formatters } from '../../number-format'
import { formatUsd } from '../../../../shared/usd'
import { ChartCard } from './ChartCard'
import { ChartTooltip } from './ChartTooltip'

export const CLOUD_COLORS = { local: '#128c7e', cloud: '#5b8def', cost: '#6b4fbb', version: '#2e7d32' } as const

/**
 * "Menos nube": the seed's promise of depending less on paid APIs, as figures. Per week, the
 * share of answers the shop's own model wrote against the cloud's (stacked to 100 %), the
 * cloud's cost (or its calls, before a price is set) as a line, and a marker where a version
 * went live — so "v2 went live and the cloud dropped" can be seen, and read in one sentence.
 */
export function CloudShareChart({ stats, now = new Date() }: { stats: StatsDto; now?: Date }) {
  const t = useT()
  const fmt = useFormat()
  const { weeks, priced } = stats.cloudUsage
  const rows = weeks.map((w) => ({
    ...w,
    label: fmt.dayShort(w.week),
    localPct: w.cloudShare === null ? null : round1((1 - w.cloudShare) * 100),
    cloudPct: w.cloudShare === null ? null : round1(w.cloudShare * 100),
    line: priced ? w.costUsd : w.cloudCalls,
  }))
  const anything = weeks.some((w) => w.localAnswers + w.cloudAnswers + w.cloudCalls > 0)
  const lineName = priced ? t('stats.cloud.cost') : t('stats.cloud.calls')
  const money = (value: number) => formatUsd(fmt.locale, value)
  return (
    <ChartCard
      id="cloud"
      title={t('stats.cloud.title')}
      hint={t('stats.cloud.hint')}
      empty={anything ? null : t('stats.cloud.empty')}
      note={anything ? summary(t, fmt, weeks, priced, now) : null}
      legend={[
        { label: t('stats.cloud.local'), color: CLOUD_COLORS.local },
        { label: t('stats.cloud.cloud'), color: CLOUD_COLORS.cloud },
        { label: lineName, color: CLOUD_COLORS.cost },
      ]}
    >
      <ComposedChart responsive style={{ width: '100%', height: 260 }} data={rows} margin={{ top: 18, right: 8, bottom: 4, left: 0 }} barCategoryGap="20%">
        <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={11} interval="preserveStartEnd" minTickGap={12} />
        <YAxis yAxisId="pct" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={44} fontSize={11} tickFormatter={(v: number) => fmt.percent(v)} />
        <YAxis
          yAxisId="line"
          orientation="right"
          width={priced ? 64 : 40}
          fontSize={11}
          allowDecimals={priced}
          tickFormatter={(v: number) => (priced ? money(v) : fmt.number(v))}
        />
        <Tooltip
          content={
            <ChartTooltip
              title={(_, payload) => weekTooltip(t, fmt, payload[0]?.payload as (typeof rows)[number] | undefined)}
              value={(entry) => {
                if (typeof entry.value !== 'number') return null
                if (entry.dataKey === 'line') return priced ? money(entry.value) : fmt.number(entry.value)
                return fmt.percent(entry.value, 1)
              }}
            />
          }
        />
        <Bar yAxisId="pct" dataKey="localPct" stackId="share" fill={CLOUD_COLORS.local} name={t('stats.cloud.local')} isAnimationActive={false} />
        <Bar yAxisId="pct" dataKey="cloudPct" stackId="share" fill={CLOUD_COLORS.cloud} name={t('stats.cloud.cloud')} isAnimationActive={false} />
        <Line yAxisId="line" type="monotone" dataKey="line" stroke={CLOUD_COLORS.cost} strokeWidth={2} dot isAnimationActive={false} name={lineName} connectNulls={false} />
        {rows
          .filter((r) => r.versions.length > 0)
          .map((r) => (
            <ReferenceLine
              key={r.week}
              yAxisId="pct"
              x={r.label}
              stroke={CLOUD_COLORS.version}
              strokeDasharray="4 3"
              label={{ value: r.versions.map((v) => t('stats.cloud.version', { version: v.version })).join(' '), position: 'top', fontSize: 10, fill: CLOUD_COLORS.version }}
            />
          ))}
      </ComposedChart>
    </ChartCard>
  )
}

/**
 * The key sentence: the latest week's share and cost in words, then where it came from, then
 * the versions that went live. "Esta semana el 92 % de las respuestas las escribió tu modelo
 * local; la nube costó US$ 1,20."
 */
export function summary(t: Translate, fmt: Formatters, weeks: readonly StatsCloudWeek[], priced: boolean, now: Date): string {
  const last = weeks.at(-1)
  if (!last) return ''
  const when = last.week === mondayOf(now) ? t('stats.cloud.thisWeek') : t('stats.cloud.weekOf', { date: fmt.dayShort(last.week) })
  const cost = last.costUsd === null ? null : formatUsd(fmt.locale, last.costUsd)
  const parts: string[] = []
  if (last.cloudShare === null) {
    parts.push(t('stats.cloud.summary.none', { when }))
    if (cost !== null) parts.push(t('stats.cloud.summary.onlyCost', { cost }))
  } else {
    const share = fmt.percent((1 - last.cloudShare) * 100)
    parts.push(cost === null ? t('stats.cloud.summary.tokens', { when, share, tokens: fmt.number(last.promptTokens + last.completionTokens) }) : t('stats.cloud.summary.cost', { when, share, cost }))
  }
  const first = weeks.find((w) => w.cloudShare !== null)
  if (first && first !== last && last.cloudShare !== null && first.cloudShare !== null) {
    const share = fmt.percent(first.cloudShare * 100)
    const date = fmt.dayShort(first.week)
    const delta = last.cloudShare - first.cloudShare
    parts.push(t(delta < -0.005 ? 'stats.cloud.trend.down' : delta > 0.005 ? 'stats.cloud.trend.up' : 'stats.cloud.trend.same', { date, share }))
  }
  const versions = weeks.flatMap((w) => w.versions.map((v) => `${t('stats.cloud.version', { version: v.version })} (${fmt.dayShort(w.week)})`))
  if (versions.length > 0) parts.push(t('stats.cloud.versions', { list: versions.join(', ') }))
  if (!priced) parts.push(t('stats.cloud.noPrice'))
  if (weeks.some((w) => w.estimated)) parts.push(t('stats.cloud.estimated'))
  return parts.join(' ')
}

function weekTooltip(t: Translate, fmt: Formatters, row: (StatsCloudWeek & { label: string }) | undefined): string {
  if (!row) return ''
  const lines = [
    t('stats.cloud.weekOf', { date: fmt.dayShort(row.week) }),
    t('stats.cloud.tooltip.answers', { local: fmt.number(row.localAnswers), cloud: fmt.number(row.cloudAnswers) }),
    t('stats.cloud.tooltip.calls', { calls: fmt.number(row.cloudCalls), failed: fmt.number(row.failedCalls), tokens: fmt.number(row.promptTokens + row.completionTokens) }),
  ]
  if (row.costUsd !== null) lines.push(t('stats.cloud.tooltip.cost', { cost: formatUsd(fmt.locale, row.costUsd) }))
  if (row.versions.length > 0) lines.push(t('stats.cloud.tooltip.versions', { list: row.versions.map((v) => t('stats.cloud.version', { version: v.version })).join(', ') }))
  return lines.join(' · ')
}

function round1(value: number): number {
  return Math.round(value * 10) / 10
}

/** The Monday of `date`'s week, YYYY-MM-DD in local time, as the core names weeks. */
function mondayOf(date: Date): string {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate())
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7))
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

import type { ApiInput } from '../../../../shared/api/contract'
import type { Category, StatsDailyPoint, StatsDto, StatsModelPoint } from '../../../../shared/types'
import { dateRange, type PeriodFilter } from '../../period'

export interface StatsFilterState extends PeriodFilter {
  category: Category | ''
  model: string
  includeDemo: boolean
}

export const DEFAULT_STATS_FILTERS: StatsFilterState = { period: '30d', fromDay: '', toDay: '', category: '', model: '', includeDemo: true }

export function isDefaultStatsFilters(filters: StatsFilterState): boolean {
  return (Object.keys(DEFAULT_STATS_FILTERS) as (keyof StatsFilterState)[]).every((key) => filters[key] === DEFAULT_STATS_FILTERS[key])
}

export function toStatsInput(filters: StatsFilterState, now: Date = new Date()): ApiInput<'stats.get'> {
  const { from, to } = dateRange(filters, now)
  return {
    includeDemo: filters.includeDemo,
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.model ? { model: filters.model } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  }
}

/** One bar per category, its exchanges split by score ('s0' = not scored yet). */
export interface CategoryRow {
  category: string
  total: number
  s0: number
  s1: number
  s2: number
  s3: number
  s4: number
  s5: number
}

export function categoryRows(byCategory: StatsDto['byCategory']): CategoryRow[] {
  const rows = new Map<string, CategoryRow>()
  for (const cell of byCategory) {
    const row = rows.get(cell.category) ?? { category: cell.category, total: 0, s0: 0, s1: 0, s2: 0, s3: 0, s4: 0, s5: 0 }
    const key = `s${cell.qualityScore ?? 0}` as keyof Omit<CategoryRow, 'category' | 'total'>
    row[key] += cell.count
    row.total += cell.count
    rows.set(cell.category, row)
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.category.localeCompare(b.category))
}

/** The two bars of the distribution: who scored, and how many of each score. */
export function distributionRows(distribution: StatsDto['scoreDistribution']): { source: 'auto' | 'owner'; total: number; s1: number; s2: number; s3: number; s4: number; s5: number }[] {
  return (['auto', 'owner'] as const).map((source) => {
    const row = { source, total: 0, s1: 0, s2: 0, s3: 0, s4: 0, s5: 0 }
    for (const r of distribution) {
      row[`s${r.score}` as 's1'] = r[source]
      row.total += r[source]
    }
    return row
  })
}

/** YYYY-MM-DD plus `days`, in the calendar (no clock involved, so no DST surprises). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d + days))
  return date.toISOString().slice(0, 10)
}

/**
 * Every calendar day from the first to the last, the days without exchanges as gaps, so the
 * x axis is time and a quiet week does not vanish from the chart.
 */
export function continuousDays(daily: StatsDailyPoint[]): (Omit<StatsDailyPoint, 'meanScore' | 'successRate'> & { meanScore: number | null; successPct: number | null })[] {
  const first = daily[0]
  const last = daily.at(-1)
  if (!first || !last) return []
  const byDay = new Map(daily.map((d) => [d.day, d]))
  const out = []
  // A cap keeps a stray old exchange from drawing ten years of empty days.
  for (let day = first.day, n = 0; day <= last.day && n < 3700; day = addDays(day, 1), n++) {
    const point = byDay.get(day)
    out.push({
      day,
      exchanges: point?.exchanges ?? 0,
      highQuality: point?.highQuality ?? 0,
      backlog: point?.backlog ?? 0,
      meanScore: point?.meanScore ?? null,
      successPct: point?.successRate == null ? null : Math.round(point.successRate * 1000) / 10,
    })
  }
  return out
}

/** "Versión 2", or how the owner knows a model that is not one of the shop's versions ("Qwen 2.5 3B", "llama-3.1-8b-instant (nube)"). */
export function modelLabel(
  model: Pick<StatsModelPoint, 'model' | 'version'>,
  unknown: string,
  versionLabel: (version: number) => string,
  modelName: (model: string) => string,
): string {
  if (model.version !== null) return versionLabel(model.version)
  return model.model ? modelName(model.model) : unknown
}

/** Change of a figure against the previous version's, when both exist. */
export function deltas(perModel: StatsModelPoint[]): { meanScore: number | null; successRate: number | null }[] {
  return perModel.map((m, i) => {
    const previous = perModel[i - 1]
    return {
      meanScore: previous && previous.meanScore !== null && m.meanScore !== null ? Math.round((m.meanScore - previous.meanScore) * 100) / 100 : null,
      successRate:
        previous && previous.successRate !== null && m.successRate !== null ? Math.round((m.successRate - previous.successRate) * 1000) / 1000 : null,
    }
  })
}

/**
 * Words into lines of at most `width` characters (a longer word is cut), the last one ending in
 * "…" when cut short. A line that ends where a space was keeps it, so the lines joined read as
 * the label did (an SVG's text, for screen readers and tests); a word cut in two stays one word.
 */
export function wrapLabel(label: string, width: number, maxLines: number): string[] {
  const pieces = label
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => {
      const chars = Array.from(word)
      const parts = chars.length <= width ? [word] : Array.from({ length: Math.ceil(chars.length / width) }, (_, i) => chars.slice(i * width, (i + 1) * width).join(''))
      return parts.map((text, i) => ({ text, startsWord: i === 0 }))
    })
  const lines: string[] = []
  for (const piece of pieces) {
    const current = lines.at(-1)
    if (current !== undefined && piece.startsWord && current.length + 1 + piece.text.length <= width) lines[lines.length - 1] = `${current} ${piece.text}`
    else if (current !== undefined) {
      if (piece.startsWord) lines[lines.length - 1] = `${current} `
      lines.push(piece.text)
    } else lines.push(piece.text)
  }
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${kept[maxLines - 1]!.trimEnd().slice(0, width - 1)}…`
  return kept
}

type GrowthPoint = StatsDto['datasetGrowth'][number]
type GrowthMarker = StatsDto['datasets'][number]

/**
 * The growth curve with a point on every day a lote was prepared, and the latest `max` of those
 * lotes as markers. A lote prepared on a day with no new exchange (right after midnight, or on a
 * quiet Sunday) had no point to stand on and its marker was dropped; the curve now carries on
 * flat to that day, which is what it means: nothing was added. Lotes before the first point lie
 * outside the period shown.
 */
export function growthWithMarkers(points: readonly GrowthPoint[], datasets: readonly GrowthMarker[], max: number): { points: GrowthPoint[]; markers: GrowthMarker[] } {
  const first = points[0]
  if (!first) return { points: [], markers: [] }
  const markers = datasets.filter((d) => d.day >= first.day).slice(-max)
  const byDay = new Map(points.map((p) => [p.day, p]))
  for (const d of markers) if (!byDay.has(d.day)) byDay.set(d.day, { day: d.day, added: 0, cumulative: Number.NaN })
  const merged = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
  for (let i = 0; i < merged.length; i++) if (Number.isNaN(merged[i]!.cumulative)) merged[i] = { ...merged[i]!, cumulative: merged[i - 1]?.cumulative ?? 0 }
  return { points: merged, markers }
}

/** Longest line of an axis label before it wraps, on a wide screen. */
const TICK_LINE_CHARS = 14
/** About how wide one character of an 11 px label is. */
const CHAR_PX = 6.5

/**
 * How many characters of an axis label fit on one line under its bar group: the axis width shared
 * by the labels, at most TICK_LINE_CHARS, at least 6. Four model versions on a phone (about 60 px
 * each) wrap at 9 where a desktop wraps at 14; with a fixed 14 they ran into each other.
 */
export function tickLineChars(axisWidth: number, labels: number): number {
  const slot = axisWidth / Math.max(1, labels)
  if (!Number.isFinite(slot) || slot <= 0) return TICK_LINE_CHARS
  return Math.max(6, Math.min(TICK_LINE_CHARS, Math.floor(slot / CHAR_PX)))
}

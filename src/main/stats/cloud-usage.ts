import type { Settings, StatsCloudUsage, StatsCloudWeek } from '../../shared/types'
import type { LlmCallsDay } from '../store/repositories/llm-calls-repository'
import type { ModelVersion } from '../store/repositories/model-versions-repository'

const DAY_MS = 86_400_000

/**
 * "Menos nube", the seed's "menos dependencia de APIs" and "reducción de costos" as figures:
 * per week, who wrote the answers (the shop's own models or the cloud), the paid calls and
 * their tokens, their cost at the prices set in Ajustes → Nube, and the versions that went live.
 * Weeks run Monday to Sunday in the computer's time zone, like the stats' days. The cost uses
 * today's prices for every week: a provider's price change is not kept.
 */
export function weeklyCloudUsage(
  answers: readonly { day: string; local: number; cloud: number }[],
  calls: readonly LlmCallsDay[],
  versions: readonly Pick<ModelVersion, 'name' | 'version' | 'deployedAt'>[],
  cloud: Pick<Settings['cloud'], 'priceInputPerMillion' | 'priceOutputPerMillion'>,
): StatsCloudUsage {
  const priced = cloud.priceInputPerMillion !== null && cloud.priceOutputPerMillion !== null
  const weeks = new Map<string, StatsCloudWeek>()
  const weekOf = (day: string): StatsCloudWeek => {
    const key = mondayOf(day)
    let week = weeks.get(key)
    if (!week) {
      week = { week: key, localAnswers: 0, cloudAnswers: 0, cloudShare: null, cloudCalls: 0, failedCalls: 0, promptTokens: 0, completionTokens: 0, estimated: false, costUsd: null, versions: [] }
      weeks.set(key, week)
    }
    return week
  }
  for (const a of answers) {
    const week = weekOf(a.day)
    week.localAnswers += a.local
    week.cloudAnswers += a.cloud
  }
  for (const c of calls) {
    const week = weekOf(c.day)
    week.cloudCalls += c.calls
    week.failedCalls += c.failed
    week.promptTokens += c.promptTokens
    week.completionTokens += c.completionTokens
    if (c.estimated > 0) week.estimated = true
  }
  if (weeks.size === 0) return { weeks: [], priced }

  // Quiet weeks in between stay on the axis, so a gap reads as a gap and not as a steep fall.
  const keys = [...weeks.keys()].sort()
  for (let day = keys[0]!; day < keys.at(-1)!; ) {
    day = addDays(day, 7)
    weekOf(day)
  }
  const ordered = [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week))
  for (const v of versions) {
    if (!v.deployedAt) continue
    const week = weeks.get(mondayOf(dayOf(v.deployedAt.getTime())))
    week?.versions.push({ name: v.name, version: v.version, deployedAt: v.deployedAt.getTime() })
  }
  for (const week of ordered) {
    const total = week.localAnswers + week.cloudAnswers
    week.cloudShare = total === 0 ? null : week.cloudAnswers / total
    week.costUsd = priced ? (week.promptTokens * cloud.priceInputPerMillion! + week.completionTokens * cloud.priceOutputPerMillion!) / 1_000_000 : null
    week.versions.sort((a, b) => a.deployedAt - b.deployedAt)
  }
  return { weeks: ordered, priced }
}

/** The Monday of a YYYY-MM-DD day's week. */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const date = new Date(y, m - 1, d)
  date.setDate(d - ((date.getDay() + 6) % 7))
  return dayOf(date.getTime())
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  // Noon, so a daylight-saving change never moves the date.
  return dayOf(new Date(y, m - 1, d, 12).getTime() + days * DAY_MS)
}

function dayOf(epochMs: number): string {
  const d = new Date(epochMs)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Date filters as the owner thinks of them: whole local calendar days, today included. */
export type Period = 'all' | 'today' | '7d' | '30d' | '90d' | 'custom'
export const PERIODS: Period[] = ['all', 'today', '7d', '30d', '90d', 'custom']

export interface PeriodFilter {
  period: Period
  /** With period 'custom': calendar days as the date inputs give them (YYYY-MM-DD, local time); '' = open. */
  fromDay: string
  toDay: string
}

/** Local midnight of a YYYY-MM-DD day. */
function dayStart(day: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return undefined
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime()
}

function dayEnd(day: string): number | undefined {
  const start = dayStart(day)
  return start === undefined ? undefined : new Date(start).setDate(new Date(start).getDate() + 1) - 1
}

/** The period as epoch bounds. */
export function dateRange(filter: PeriodFilter, now: Date = new Date()): { from?: number; to?: number } {
  const daysBack = { today: 0, '7d': 6, '30d': 29, '90d': 89 } as const
  if (filter.period === 'all') return {}
  if (filter.period === 'custom') {
    const from = dayStart(filter.fromDay)
    const to = dayEnd(filter.toDay)
    return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }
  }
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  start.setDate(start.getDate() - daysBack[filter.period])
  return { from: start.getTime() }
}

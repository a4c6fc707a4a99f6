/** How a version did with customers over a stretch of exchanges. */
export interface WatchFigures {
  exchanges: number
  meanScore: number | null
  successRate: number | null
  /** Share of answers the owner wrote instead of the bot (a takeover). */
  takeoverRate: number | null
}

export interface WatchMargins {
  /** Points of mean score (1–5). */
  score: number
  /** A fraction, for the success rate and the takeover share. */
  rate: number
}

export type WatchVerdict =
  | { verdict: 'watching'; reasons: [] }
  | { verdict: 'passed'; reasons: string[] }
  | { verdict: 'rollback'; reasons: string[] }

/**
 * After a version goes live on its own, its first exchanges are compared with the previous
 * version's last ones: worse mean score, fewer sales or more owner takeovers than the margin
 * allows, and it goes back. A figure one side lacks is not held against the other.
 */
export function judgeWatch(current: WatchFigures, previous: WatchFigures, target: number, margins: WatchMargins, locale: string): WatchVerdict {
  if (current.exchanges < target) return { verdict: 'watching', reasons: [] }
  const worse: string[] = []
  const fine: string[] = []
  const num = (value: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)
  // As the app writes percentages everywhere ("30 %", a no-break space), whatever the locale's own style.
  const pct = (fraction: number) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(fraction * 100)}\u00a0%`
  if (current.meanScore !== null && previous.meanScore !== null) {
    const drop = previous.meanScore - current.meanScore
    if (drop > margins.score) worse.push(`la nota media bajó de ${num(previous.meanScore)} a ${num(current.meanScore)}`)
    else fine.push(`nota media ${num(current.meanScore)} (antes ${num(previous.meanScore)})`)
  }
  if (current.successRate !== null && previous.successRate !== null) {
    const drop = previous.successRate - current.successRate
    if (drop > margins.rate) worse.push(`las ventas bajaron del ${pct(previous.successRate)} al ${pct(current.successRate)} de las conversaciones`)
    else fine.push(`ventas ${pct(current.successRate)} (antes ${pct(previous.successRate)})`)
  }
  if (current.takeoverRate !== null && previous.takeoverRate !== null) {
    const rise = current.takeoverRate - previous.takeoverRate
    if (rise > margins.rate) worse.push(`tuviste que responder tú más veces (${pct(current.takeoverRate)} de las respuestas, antes ${pct(previous.takeoverRate)})`)
    else fine.push(`respondiste tú ${pct(current.takeoverRate)} de las veces (antes ${pct(previous.takeoverRate)})`)
  }
  if (worse.length > 0) return { verdict: 'rollback', reasons: worse }
  return { verdict: 'passed', reasons: fine.length > 0 ? fine : ['No había respuestas de la versión anterior con qué compararla.'] }
}

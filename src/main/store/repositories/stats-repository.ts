import { and, eq, gte, lt, lte, ne, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { StatsFilters } from '../../../shared/api/contract'
import type { Db } from '../database'
import { scoreDistributionDaily, trainingStatsDaily } from '../schema'

/** One group of the stats rollup; `second` is the second grouping key when there is one. */
export interface StatsCell {
  key: string
  second: string
  exchanges: number
  scored: number
  scoreSum: number
  highQuality: number
  outcomes: number
  successes: number
  backlog: number
  firstDay: string
  lastDay: string
}

export interface ScoreCount {
  source: 'auto' | 'owner'
  score: number
  exchanges: number
}

/** Score from which an exchange counts as high quality (the seed's getDatasetStats: ≥ 4). */
const HIGH_QUALITY_SCORE = 4

/**
 * Reads the two trigger-maintained rollups (training_stats_daily, score_distribution_daily).
 * Every query folds a few thousand rollup rows in SQL, whatever the number of exchanges.
 */
export class StatsRepository {
  constructor(private readonly db: Db) {}

  /** The rollup folded by `key` (and `second`), within the filters. */
  fold(filters: StatsFilters, key: 'day' | 'category' | 'model', second?: 'qualityScore'): StatsCell[] {
    const t = trainingStatsDaily
    const columns: Record<'day' | 'category' | 'model' | 'qualityScore', SQLiteColumn> = {
      day: t.day,
      category: t.category,
      model: t.model,
      qualityScore: t.qualityScore,
    }
    const first = columns[key]
    const other = second ? columns[second] : undefined
    return this.db
      .select({
        key: sql<string>`${first}`,
        second: other ? sql<string>`${other}` : sql<string>`''`,
        exchanges: sql<number>`sum(${t.exchanges})`,
        // qualityScore 0 stands for "no score yet" in the rollup.
        scored: sql<number>`sum(case when ${t.qualityScore} > 0 then ${t.exchanges} else 0 end)`,
        scoreSum: sql<number>`sum(${t.qualityScore} * ${t.exchanges})`,
        highQuality: sql<number>`sum(case when ${t.qualityScore} >= ${HIGH_QUALITY_SCORE} then ${t.exchanges} else 0 end)`,
        outcomes: sql<number>`sum(${t.outcomes})`,
        successes: sql<number>`sum(${t.successes})`,
        backlog: sql<number>`sum(${t.backlog})`,
        firstDay: sql<string>`min(${t.day})`,
        lastDay: sql<string>`max(${t.day})`,
      })
      .from(t)
      .where(this.where(filters, t))
      .groupBy(...(other ? [first, other] : [first]))
      .all()
  }

  /** High-quality exchanges created before `day` (where a growth curve that starts later begins). */
  highQualityBefore(filters: StatsFilters, day: string): number {
    const t = trainingStatsDaily
    const row = this.db
      .select({ n: sql<number>`coalesce(sum(${t.exchanges}), 0)` })
      .from(t)
      .where(and(this.where({ ...filters, from: undefined, to: undefined }, t), lt(t.day, day), gte(t.qualityScore, HIGH_QUALITY_SCORE)))
      .get()
    return row?.n ?? 0
  }

  /** How many exchanges got each score, from the automatic scorer and from the owner. */
  scoreDistribution(filters: StatsFilters): ScoreCount[] {
    const t = scoreDistributionDaily
    return this.db
      .select({ source: t.source, score: t.score, exchanges: sql<number>`sum(${t.exchanges})` })
      .from(t)
      .where(this.where(filters, t))
      .groupBy(t.source, t.score)
      .all()
  }

  /**
   * Answers per day split by who wrote them: the cloud (`cloud:` models) or the shop's own
   * models. Only the date and demo filters apply; the owner's answers and unknown models count
   * as neither.
   */
  answersByRoute(filters: StatsFilters, ownerModel: string): { day: string; local: number; cloud: number }[] {
    const t = trainingStatsDaily
    const isCloud = sql`${t.model} like 'cloud:%'`
    return this.db
      .select({
        day: t.day,
        local: sql<number>`sum(case when ${isCloud} then 0 else ${t.exchanges} end)`,
        cloud: sql<number>`sum(case when ${isCloud} then ${t.exchanges} else 0 end)`,
      })
      .from(t)
      .where(and(this.where({ includeDemo: filters.includeDemo, from: filters.from, to: filters.to }, t), ne(t.model, ''), ne(t.model, ownerModel)))
      .groupBy(t.day)
      .orderBy(t.day)
      .all()
  }

  /** Every model that has answered, whatever the filters: the options of the model filter. */
  models(includeDemo: boolean): string[] {
    const t = trainingStatsDaily
    return this.db
      .selectDistinct({ model: t.model })
      .from(t)
      .where(includeDemo ? undefined : eq(t.isDemo, false))
      .orderBy(t.model)
      .all()
      .map((r) => r.model)
  }

  private where(filters: StatsFilters, t: typeof trainingStatsDaily | typeof scoreDistributionDaily): SQL | undefined {
    return and(
      filters.includeDemo ? undefined : eq(t.isDemo, false),
      filters.category ? eq(t.category, filters.category) : undefined,
      filters.model !== undefined ? eq(t.model, filters.model) : undefined,
      filters.from !== undefined ? gte(t.day, localDay(filters.from)) : undefined,
      filters.to !== undefined ? lte(t.day, localDay(filters.to)) : undefined,
    )
  }
}

/** YYYY-MM-DD in local time, as the rollups' triggers compute `day`. */
export function localDay(epochMs: number): string {
  const d = new Date(epochMs)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

import { and, eq, gte, lte, sql } from 'drizzle-orm'
import type { Db } from '../database'
import { llmCalls, llmCallsDaily } from '../schema'
import { newId } from '../../kernel/ids'
import { prepareRowInsert } from './row-insert'
import { localDay } from './stats-repository'

export type LlmCall = typeof llmCalls.$inferSelect
export type NewLlmCall = Omit<typeof llmCalls.$inferInsert, 'id'> & { id?: string }

/** The calls of one local day (YYYY-MM-DD, as the stats rollups count days). */
export interface LlmCallsDay {
  day: string
  calls: number
  failed: number
  promptTokens: number
  completionTokens: number
  /** Calls whose token counts were guessed from the characters (the server did not say). */
  estimated: number
}

/** Paid model calls, one row each: written on the reply path, read by the stats. */
export class LlmCallsRepository {
  // Compiled once, on the first call: a cloud answer writes a row and the reply path must not
  // build SQL for it; not in the constructor, where a store still being migrated has no table yet.
  private insert: ((row: Partial<typeof llmCalls.$inferInsert>) => void) | null = null

  constructor(private readonly db: Db) {}

  record(call: NewLlmCall): void {
    this.insert ??= prepareRowInsert(this.db, llmCalls)
    this.insert({ ...call, id: call.id ?? newId() })
  }

  /**
   * Cloud calls per local day within [from, to] (epoch ms, inclusive days), demo rows only when
   * asked: from the daily rollup a trigger keeps (a row a day, whatever the number of calls).
   */
  cloudPerDay(filters: { from?: number; to?: number; includeDemo: boolean }): LlmCallsDay[] {
    const t = llmCallsDaily
    return this.db
      .select({
        day: t.day,
        calls: sql<number>`sum(${t.calls})`,
        failed: sql<number>`sum(${t.failed})`,
        promptTokens: sql<number>`sum(${t.promptTokens})`,
        completionTokens: sql<number>`sum(${t.completionTokens})`,
        estimated: sql<number>`sum(${t.estimated})`,
      })
      .from(t)
      .where(
        and(
          eq(t.route, 'cloud'),
          filters.includeDemo ? undefined : eq(t.isDemo, false),
          filters.from !== undefined ? gte(t.day, localDay(filters.from)) : undefined,
          filters.to !== undefined ? lte(t.day, localDay(filters.to)) : undefined,
        ),
      )
      .groupBy(t.day)
      .orderBy(t.day)
      .all()
  }
}


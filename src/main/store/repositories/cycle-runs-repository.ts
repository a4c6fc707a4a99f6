import { and, desc, eq, inArray, isNull, isNotNull } from 'drizzle-orm'
import type { CycleRunStatus } from '../../../shared/types'
import { newId } from '../../kernel/ids'
import type { Db } from '../database'
import { cycleRuns } from '../schema'

export type CycleRun = typeof cycleRuns.$inferSelect

export type CycleRunPatch = Partial<{
  status: CycleRunStatus
  datasetId: string | null
  trainingRunId: string | null
  versionId: string | null
  previousVersionId: string | null
  watchStatus: 'watching' | 'passed' | 'rolled_back' | null
  watchTarget: number | null
  watchSeen: number | null
  watchReasons: string[] | null
  summary: string | null
  summaryReadAt: Date | null
  details: Record<string, unknown>
  error: string | null
  finishedAt: Date | null
}>

export class CycleRunsRepository {
  constructor(private readonly db: Db) {}

  create(values: { trigger: 'automatic' | 'owner'; newExamples: number; startedAt: Date; previousVersionId: string | null }): CycleRun {
    return this.db
      .insert(cycleRuns)
      .values({ id: newId(), ...values, status: 'running', details: {} })
      .returning()
      .get()
  }

  get(id: string): CycleRun | undefined {
    return this.db.select().from(cycleRuns).where(eq(cycleRuns.id, id)).get()
  }

  update(id: string, patch: CycleRunPatch): CycleRun | undefined {
    return this.db.update(cycleRuns).set(patch).where(eq(cycleRuns.id, id)).returning().get()
  }

  list(limit: number): CycleRun[] {
    return this.db.select().from(cycleRuns).orderBy(desc(cycleRuns.startedAt), desc(cycleRuns.id)).limit(limit).all()
  }

  latest(): CycleRun | undefined {
    return this.list(1)[0]
  }

  /** The newest turn the cycle started by itself (the weekly limit counts these). */
  latestAutomatic(): CycleRun | undefined {
    return this.db.select().from(cycleRuns).where(eq(cycleRuns.trigger, 'automatic')).orderBy(desc(cycleRuns.startedAt), desc(cycleRuns.id)).limit(1).get()
  }

  /** The version under watch, if any (at most one: a newer live version ends the older watch). */
  watching(): CycleRun | undefined {
    return this.db.select().from(cycleRuns).where(eq(cycleRuns.watchStatus, 'watching')).orderBy(desc(cycleRuns.startedAt)).limit(1).get()
  }

  /** The newest finished turn with a summary the owner has not read: the morning card. */
  unreadSummary(): CycleRun | undefined {
    return this.db
      .select()
      .from(cycleRuns)
      .where(and(isNotNull(cycleRuns.summary), isNull(cycleRuns.summaryReadAt)))
      .orderBy(desc(cycleRuns.startedAt))
      .limit(1)
      .get()
  }

  /** Turns under way when the app stopped: their training did not survive it. */
  failInterrupted(message: string, at: Date): CycleRun[] {
    return this.db
      .update(cycleRuns)
      .set({ status: 'failed', error: message, finishedAt: at })
      .where(inArray(cycleRuns.status, ['running']))
      .returning()
      .all()
  }
}

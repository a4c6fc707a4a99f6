import { desc, eq, inArray } from 'drizzle-orm'
import type { LossPoint, TrainingBackend, TrainingStage, TrainingStatus } from '../../../shared/types'
import type { Db } from '../database'
import { trainingRuns } from '../schema'
import { newId } from '../../kernel/ids'

export type TrainingRun = typeof trainingRuns.$inferSelect

export class TrainingRunsRepository {
  constructor(private readonly db: Db) {}

  create(values: { datasetId: string | null; backend: TrainingBackend; baseModel: string; params: Record<string, unknown>; logPath: string | null }): TrainingRun {
    return this.db
      .insert(trainingRuns)
      .values({ id: newId(), ...values, status: 'queued', lossCurve: [] })
      .returning()
      .get()
  }

  get(id: string): TrainingRun | undefined {
    return this.db.select().from(trainingRuns).where(eq(trainingRuns.id, id)).get()
  }

  list(limit: number): TrainingRun[] {
    return this.db.select().from(trainingRuns).orderBy(desc(trainingRuns.createdAt), desc(trainingRuns.id)).limit(limit).all()
  }

  update(
    id: string,
    patch: Partial<{
      status: TrainingStatus
      stage: TrainingStage | null
      lossCurve: LossPoint[]
      metrics: unknown
      modelVersionId: string | null
      error: string | null
      logPath: string | null
      params: Record<string, unknown>
      startedAt: Date
      finishedAt: Date
    }>,
  ): TrainingRun | undefined {
    return this.db.update(trainingRuns).set(patch).where(eq(trainingRuns.id, id)).returning().get()
  }

  /**
   * Runs the app was working on when it stopped (a crash, a power cut): a training process does
   * not survive its parent, so they are failed, never left "running" forever.
   */
  failInterrupted(message: string): TrainingRun[] {
    return this.db
      .update(trainingRuns)
      .set({ status: 'failed', error: message, stage: null, finishedAt: new Date() })
      .where(inArray(trainingRuns.status, ['queued', 'running']))
      .returning()
      .all()
  }
}

import { and, desc, eq, isNotNull, ne, notInArray } from 'drizzle-orm'
import type { Db } from '../database'
import { datasets, trainingRuns } from '../schema'
import { newId } from '../../kernel/ids'

export type DatasetRow = typeof datasets.$inferSelect

export class DatasetsRepository {
  constructor(private readonly db: Db) {}

  create(name: string, params: unknown): DatasetRow {
    return this.db.insert(datasets).values({ id: newId(), name, status: 'building', params }).returning().get()
  }

  markReady(id: string, fields: { path: string; trainCount: number; validationCount: number; stats: unknown }): DatasetRow | undefined {
    return this.db
      .update(datasets)
      .set({ status: 'ready', error: null, ...fields })
      .where(eq(datasets.id, id))
      .returning()
      .get()
  }

  markFailed(id: string, error: string): DatasetRow | undefined {
    return this.db.update(datasets).set({ status: 'failed', error }).where(eq(datasets.id, id)).returning().get()
  }

  /** A build cut short by a crash must not look like it is still running. */
  failInterrupted(): number {
    return this.db
      .update(datasets)
      .set({ status: 'failed', error: 'La generación se interrumpió (la aplicación se cerró).' })
      .where(eq(datasets.status, 'building'))
      .run().changes
  }

  /**
   * Removes the failed attempts other than `keepId`: a new attempt answers for them, and the
   * list is the shop's datasets, not a log of tries. One a training run names is kept.
   */
  deleteFailed(keepId: string): number {
    // NOT IN over a list holding a NULL is never true: runs without a dataset are left out.
    const named = this.db.select({ id: trainingRuns.datasetId }).from(trainingRuns).where(isNotNull(trainingRuns.datasetId))
    return this.db
      .delete(datasets)
      .where(and(eq(datasets.status, 'failed'), ne(datasets.id, keepId), notInArray(datasets.id, named)))
      .run().changes
  }

  get(id: string): DatasetRow | undefined {
    return this.db.select().from(datasets).where(eq(datasets.id, id)).get()
  }

  /** The newest dataset that was written whole. */
  latestReady(): DatasetRow | undefined {
    return this.db.select().from(datasets).where(eq(datasets.status, 'ready')).orderBy(desc(datasets.createdAt)).limit(1).get()
  }

  list(): DatasetRow[] {
    return this.db.select().from(datasets).orderBy(desc(datasets.createdAt)).all()
  }
}

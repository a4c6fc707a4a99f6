import { desc, eq } from 'drizzle-orm'
import type { Db } from '../database'
import { datasets } from '../schema'
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

  get(id: string): DatasetRow | undefined {
    return this.db.select().from(datasets).where(eq(datasets.id, id)).get()
  }

  list(): DatasetRow[] {
    return this.db.select().from(datasets).orderBy(desc(datasets.createdAt)).all()
  }
}

import { desc, eq, max, ne } from 'drizzle-orm'
import type { Db } from '../database'
import { modelVersions } from '../schema'
import { newId } from '../../kernel/ids'

export type ModelVersion = typeof modelVersions.$inferSelect
export type NewModelVersion = Omit<typeof modelVersions.$inferInsert, 'id' | 'version'>

export class ModelVersionsRepository {
  constructor(private readonly db: Db) {}

  /** Numbers versions 1, 2, 3… in the order they were made (the base the shop started with is 0). */
  create(values: NewModelVersion & { version?: number }): ModelVersion {
    const next = (this.db.select({ n: max(modelVersions.version) }).from(modelVersions).get()?.n ?? 0) + 1
    return this.db
      .insert(modelVersions)
      .values({ id: newId(), version: values.version ?? next, ...values })
      .returning()
      .get()
  }

  nextVersion(): number {
    return (this.db.select({ n: max(modelVersions.version) }).from(modelVersions).get()?.n ?? 0) + 1
  }

  get(id: string): ModelVersion | undefined {
    return this.db.select().from(modelVersions).where(eq(modelVersions.id, id)).get()
  }

  findByName(name: string): ModelVersion | undefined {
    return this.db.select().from(modelVersions).where(eq(modelVersions.name, name)).get()
  }

  list(): ModelVersion[] {
    return this.db.select().from(modelVersions).orderBy(desc(modelVersions.version)).all()
  }

  live(): ModelVersion | undefined {
    return this.db.select().from(modelVersions).where(eq(modelVersions.isLive, true)).get()
  }

  /** Exactly one version is live: the one the responder answers with. */
  setLive(id: string, at: Date): ModelVersion | undefined {
    return this.db.transaction((tx) => {
      tx.update(modelVersions).set({ isLive: false }).where(ne(modelVersions.id, id)).run()
      return tx.update(modelVersions).set({ isLive: true, deployedAt: at }).where(eq(modelVersions.id, id)).returning().get()
    })
  }

  clearLive(): void {
    this.db.update(modelVersions).set({ isLive: false }).run()
  }

  setMetrics(id: string, metrics: unknown): void {
    this.db.update(modelVersions).set({ metrics }).where(eq(modelVersions.id, id)).run()
  }
}

import { eq } from 'drizzle-orm'
import type { Db } from '../database'
import { settings } from '../schema'

/** A key → JSON value store; the settings service owns the keys and their shapes. */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  get(key: string): unknown {
    return this.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value
  }

  set(key: string, value: unknown): void {
    const updatedAt = new Date()
    this.db
      .insert(settings)
      .values({ key, value, updatedAt })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } })
      .run()
  }
}

import { eq } from 'drizzle-orm'
import type { Db } from '../database'
import { secrets } from '../schema'

/** Opaque ciphertext by key; sealing and opening is the SecretBox's job, not this table's. */
export class SecretsRepository {
  constructor(private readonly db: Db) {}

  get(key: string): Buffer | undefined {
    return this.db.select({ value: secrets.value }).from(secrets).where(eq(secrets.key, key)).get()?.value
  }

  set(key: string, value: Buffer): void {
    const updatedAt = new Date()
    this.db.insert(secrets).values({ key, value, updatedAt }).onConflictDoUpdate({ target: secrets.key, set: { value, updatedAt } }).run()
  }

  delete(key: string): void {
    this.db.delete(secrets).where(eq(secrets.key, key)).run()
  }
}

import { and, eq, gte, inArray, ne, sql } from 'drizzle-orm'
import type { Db } from '../database'
import { whatsappAuth } from '../schema'

/** Where the Baileys credentials live: one row, category and key id both `creds`. */
export const CREDS_CATEGORY = 'creds'
export const CREDS_KEY_ID = 'creds'

/** One write of `setMany`; a null value deletes the key. */
export interface WhatsappAuthEntry {
  category: string
  keyId: string
  value: Buffer | null
}

/**
 * SQLite caps the parameters of one statement; Baileys asks for hundreds of keys at once
 * (pre-keys, app-state keys, every device of a group), so IN lists go in chunks.
 */
const IN_CHUNK = 500

/**
 * The WhatsApp session as opaque blobs by (category, key id). The values are sealed by the
 * caller (src/main/whatsapp/auth-state-store.ts); this layer never sees plaintext.
 *
 * Key ids of the `session` category are libsignal protocol addresses, `<user>.<device>`, where
 * `<user>` carries the JID's domain as a suffix when it is not a phone number:
 * `573001234567.0` (phone, main device), `573001234567.3` (a linked device),
 * `123456789012345_1.0` (LID), `_128` / `_129` for hosted phone / hosted LID devices. See
 * `jidToSignalProtocolAddress` in @whiskeysockets/baileys/lib/Signal/libsignal.js and
 * `ProtocolAddress.toString` in libsignal/src/protocol_address.js.
 */
export class WhatsappAuthRepository {
  /** Baileys reads and writes keys for every message it sends or receives: compiled once. */
  private statements: ReturnType<typeof prepareStatements> | null = null

  constructor(private readonly db: Db) {}

  private get hot(): ReturnType<typeof prepareStatements> {
    this.statements ??= prepareStatements(this.db)
    return this.statements
  }

  get(category: string, keyId: string): Buffer | undefined {
    return this.hot.get.get({ category, keyId })?.value
  }

  getMany(category: string, keyIds: string[]): Map<string, Buffer> {
    const found = new Map<string, Buffer>()
    const unique = [...new Set(keyIds)]
    if (unique.length === 1) {
      const value = this.get(category, unique[0]!)
      if (value !== undefined) found.set(unique[0]!, value)
      return found
    }
    for (let i = 0; i < unique.length; i += IN_CHUNK) {
      const rows = this.db
        .select({ keyId: whatsappAuth.keyId, value: whatsappAuth.value })
        .from(whatsappAuth)
        .where(and(eq(whatsappAuth.category, category), inArray(whatsappAuth.keyId, unique.slice(i, i + IN_CHUNK))))
        .all()
      for (const row of rows) found.set(row.keyId, row.value)
    }
    return found
  }

  /** Writes and deletes in order, all or nothing: Baileys' updates to a session and its keys belong together. */
  setMany(entries: WhatsappAuthEntry[]): void {
    if (entries.length === 0) return
    const { upsert, remove } = this.hot
    const updatedAt = new Date()
    this.db.transaction(() => {
      for (const { category, keyId, value } of entries) {
        if (value === null) remove.run({ category, keyId })
        else upsert.run({ category, keyId, value, updatedAt })
      }
    })
  }

  deleteCategory(category: string): number {
    return this.db.delete(whatsappAuth).where(eq(whatsappAuth.category, category)).run().changes
  }

  deleteKeys(category: string, keyIds: string[]): number {
    const unique = [...new Set(keyIds)]
    if (unique.length === 0) return 0
    return this.db.transaction(() => {
      let deleted = 0
      for (let i = 0; i < unique.length; i += IN_CHUNK) {
        deleted += this.db
          .delete(whatsappAuth)
          .where(and(eq(whatsappAuth.category, category), inArray(whatsappAuth.keyId, unique.slice(i, i + IN_CHUNK))))
          .run().changes
      }
      return deleted
    })
  }

  /**
   * Deletes the keys whose id starts with `keyIdPrefix`, e.g. `573001234567.` for every device
   * session of one phone number. Not LIKE: it ignores case and treats `_`, part of LID
   * addresses, as a wildcard.
   */
  deleteWhere(category: string, keyIdPrefix: string): number {
    if (keyIdPrefix === '') return this.deleteCategory(category)
    return this.db
      .delete(whatsappAuth)
      .where(
        and(
          eq(whatsappAuth.category, category),
          // Every id with the prefix sorts at or after it: lets SQLite seek in the primary key.
          gte(whatsappAuth.keyId, keyIdPrefix),
          sql`substr(${whatsappAuth.keyId}, 1, length(${keyIdPrefix})) = ${keyIdPrefix}`,
        ),
      )
      .run().changes
  }

  /** Everything but one category: the signal keys without the credentials, or the other way round. */
  deleteAllExcept(category: string): number {
    return this.db.delete(whatsappAuth).where(ne(whatsappAuth.category, category)).run().changes
  }

  clear(): number {
    return this.db.delete(whatsappAuth).run().changes
  }

  hasCreds(): boolean {
    return this.hot.exists.get({ category: CREDS_CATEGORY, keyId: CREDS_KEY_ID }) !== undefined
  }
}

function prepareStatements(db: Db) {
  const p = (name: string) => sql.placeholder(name)
  const key = and(eq(whatsappAuth.category, p('category')), eq(whatsappAuth.keyId, p('keyId')))
  return {
    get: db.select({ value: whatsappAuth.value }).from(whatsappAuth).where(key).prepare(),
    exists: db.select({ one: sql<number>`1` }).from(whatsappAuth).where(key).prepare(),
    upsert: db
      .insert(whatsappAuth)
      .values({ category: p('category'), keyId: p('keyId'), value: p('value'), updatedAt: p('updatedAt') })
      .onConflictDoUpdate({ target: [whatsappAuth.category, whatsappAuth.keyId], set: { value: sql`excluded.value`, updatedAt: sql`excluded.updatedAt` } })
      .prepare(),
    remove: db.delete(whatsappAuth).where(key).prepare(),
  }
}

import { and, eq, sql } from 'drizzle-orm'
import type { TransportKind } from '../../../shared/types'
import type { Db } from '../database'
import { contacts } from '../schema'
import { newId } from './ids'

export type Contact = typeof contacts.$inferSelect

export class ContactsRepository {
  constructor(private readonly db: Db) {}

  /** Finds or creates the contact; a newer non-empty display name replaces the old one. */
  upsert(accountId: string, transport: TransportKind, externalId: string, displayName: string | null): Contact {
    return this.db
      .insert(contacts)
      .values({ id: newId(), accountId, transport, externalId, displayName })
      .onConflictDoUpdate({
        target: [contacts.accountId, contacts.transport, contacts.externalId],
        set: { displayName: sql`coalesce(excluded.displayName, ${contacts.displayName})` },
      })
      .returning()
      .get()
  }

  get(id: string): Contact | undefined {
    return this.db.select().from(contacts).where(eq(contacts.id, id)).get()
  }

  find(accountId: string, transport: TransportKind, externalId: string): Contact | undefined {
    return this.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.accountId, accountId), eq(contacts.transport, transport), eq(contacts.externalId, externalId)))
      .get()
  }
}

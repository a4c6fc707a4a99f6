import { and, eq, sql } from 'drizzle-orm'
import type { TransportKind } from '../../../shared/types'
import type { Db } from '../database'
import { contacts } from '../schema'
import { newId } from '../../kernel/ids'

export type Contact = typeof contacts.$inferSelect

export class ContactsRepository {
  /** Run for every inbound message; compiled once. */
  private upsertStatement: ReturnType<typeof prepareUpsert> | null = null

  constructor(private readonly db: Db) {}

  /** Finds or creates the contact; a newer non-empty display name replaces the old one. */
  upsert(accountId: string, transport: TransportKind, externalId: string, displayName: string | null): Contact {
    this.upsertStatement ??= prepareUpsert(this.db)
    return this.upsertStatement.get({ id: newId(), accountId, transport, externalId, displayName })!
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

function prepareUpsert(db: Db) {
  const p = (name: string) => sql.placeholder(name)
  return db
    .insert(contacts)
    .values({ id: p('id'), accountId: p('accountId'), transport: p('transport'), externalId: p('externalId'), displayName: p('displayName') })
    .onConflictDoUpdate({
      target: [contacts.accountId, contacts.transport, contacts.externalId],
      set: { displayName: sql`coalesce(excluded.displayName, ${contacts.displayName})` },
    })
    .returning()
    .prepare()
}

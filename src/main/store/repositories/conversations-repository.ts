import { and, desc, eq, lt, sql } from 'drizzle-orm'
import type { Db } from '../database'
import { contacts, conversations } from '../schema'
import { newId } from './ids'

export type Conversation = typeof conversations.$inferSelect
export type Contact = typeof contacts.$inferSelect
export interface ConversationWithContact {
  conversation: Conversation
  contact: Contact
}

export class ConversationsRepository {
  constructor(private readonly db: Db) {}

  /** One conversation per contact. */
  ensureForContact(accountId: string, contactId: string): Conversation {
    return this.db
      .insert(conversations)
      .values({ id: newId(), accountId, contactId })
      .onConflictDoUpdate({ target: conversations.contactId, set: { contactId: sql`excluded.contactId` } })
      .returning()
      .get()
  }

  get(id: string): ConversationWithContact | undefined {
    return this.db
      .select({ conversation: conversations, contact: contacts })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(eq(conversations.id, id))
      .get()
  }

  /** Newest activity first; `before` pages through older ones. */
  list(accountId: string, limit: number, before?: Date): ConversationWithContact[] {
    return this.db
      .select({ conversation: conversations, contact: contacts })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(
        before
          ? and(eq(conversations.accountId, accountId), lt(conversations.lastMessageAt, before))
          : eq(conversations.accountId, accountId),
      )
      .orderBy(desc(conversations.lastMessageAt), desc(conversations.createdAt))
      .limit(limit)
      .all()
  }

  markRead(id: string): void {
    this.db.update(conversations).set({ unreadCount: 0 }).where(eq(conversations.id, id)).run()
  }

  recordActivity(id: string, at: Date, preview: string, countsAsUnread: boolean): void {
    this.db
      .update(conversations)
      .set({
        lastMessageAt: at,
        lastMessagePreview: preview.slice(0, 200),
        unreadCount: countsAsUnread ? sql`${conversations.unreadCount} + 1` : conversations.unreadCount,
      })
      .where(eq(conversations.id, id))
      .run()
  }
}

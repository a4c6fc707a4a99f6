import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm'
import type { Db } from '../database'
import { contacts, conversations, products } from '../schema'
import { newId } from '../../kernel/ids'

export type Conversation = typeof conversations.$inferSelect
export type Contact = typeof contacts.$inferSelect
export interface ConversationWithContact {
  conversation: Conversation
  contact: Contact
  /** Name of the product in focus, if it still exists. */
  focusProductName: string | null
}

export class ConversationsRepository {
  /** Read for every message; compiled once (see training-data-repository). */
  private byId: ReturnType<typeof prepareById> | null = null
  private ensure: ReturnType<typeof prepareEnsure> | null = null

  constructor(private readonly db: Db) {}

  /** One conversation per contact. */
  ensureForContact(accountId: string, contactId: string, isDemo = false): Conversation {
    this.ensure ??= prepareEnsure(this.db)
    return this.ensure.get({ id: newId(), accountId, contactId, isDemo })!
  }

  get(id: string): ConversationWithContact | undefined {
    this.byId ??= prepareById(this.db)
    return this.byId.get({ id })
  }

  /** Newest activity first; `before` pages through older ones. */
  list(accountId: string, limit: number, before?: Date): ConversationWithContact[] {
    return this.db
      .select({ conversation: conversations, contact: contacts, focusProductName: products.name })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .leftJoin(products, eq(products.id, conversations.focusProductId))
      .where(
        before
          ? and(eq(conversations.accountId, accountId), lt(conversations.lastMessageAt, before))
          : eq(conversations.accountId, accountId),
      )
      .orderBy(desc(conversations.lastMessageAt), desc(conversations.createdAt))
      .limit(limit)
      .all()
  }

  /** Chats with a message at or after `since` (an index range on the account's activity). */
  countActiveSince(accountId: string, since: Date, includeDemo: boolean): number {
    return (
      this.db
        .select({ n: count() })
        .from(conversations)
        .where(and(eq(conversations.accountId, accountId), gte(conversations.lastMessageAt, since), includeDemo ? undefined : eq(conversations.isDemo, false)))
        .get()?.n ?? 0
    )
  }

  setBotMode(id: string, botMode: Conversation['botMode'], until: Date | null = null): void {
    this.db.update(conversations).set({ botMode, botModeUntil: botMode === 'bot' ? null : until }).where(eq(conversations.id, id)).run()
  }

  setFocusProduct(id: string, productId: string | null): void {
    this.db.update(conversations).set({ focusProductId: productId }).where(eq(conversations.id, id)).run()
  }

  /** Flags the chat for the owner (null clears it, when the owner turns the bot back on). */
  setAttention(id: string, attention: Conversation['attention'], at: Date | null): void {
    this.db.update(conversations).set({ attention, attentionAt: attention ? at : null }).where(eq(conversations.id, id)).run()
  }

  setAfterHoursNotice(id: string, spellStart: Date): void {
    this.db.update(conversations).set({ afterHoursNoticeFor: spellStart }).where(eq(conversations.id, id)).run()
  }

  setHoldingReplyAt(id: string, at: Date | null): void {
    this.db.update(conversations).set({ holdingReplyAt: at }).where(eq(conversations.id, id)).run()
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

function prepareById(db: Db) {
  return db
    .select({ conversation: conversations, contact: contacts, focusProductName: products.name })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(products, eq(products.id, conversations.focusProductId))
    .where(eq(conversations.id, sql.placeholder('id')))
    .prepare()
}

function prepareEnsure(db: Db) {
  const p = (name: string) => sql.placeholder(name)
  return db
    .insert(conversations)
    .values({ id: p('id'), accountId: p('accountId'), contactId: p('contactId'), isDemo: p('isDemo') })
    .onConflictDoUpdate({ target: conversations.contactId, set: { contactId: sql`excluded.contactId` } })
    .returning()
    .prepare()
}

import { and, count, desc, eq, gte, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../database'
import { contacts, conversations, products } from '../schema'
import { newId } from '../../kernel/ids'
import { foldName, MIN_NUMBER_DIGITS, type ConversationSearch } from '../../../shared/conversation-search'

export type Conversation = typeof conversations.$inferSelect
export type Contact = typeof contacts.$inferSelect
export interface ConversationWithContact {
  conversation: Conversation
  contact: Contact
  /** Name of the product in focus, if it still exists. */
  focusProductName: string | null
}

/** What the owner narrows the chat list to (Conversaciones' search and filters). */
export type ConversationListFilter = ConversationSearch

/** SQL names of the functions this repository adds to its connection. */
const FOLD_FN = 'autodidacta_fold_name'
const DIGITS_FN = 'autodidacta_digits'

export class ConversationsRepository {
  /** Read for every message; compiled once (see training-data-repository). */
  private byId: ReturnType<typeof prepareById> | null = null
  private ensure: ReturnType<typeof prepareEnsure> | null = null

  constructor(private readonly db: Db) {
    // Names are matched folded, as the owner types them ("nunez" finds "Núñez"): SQLite's
    // lower() only knows ASCII, so the fold is the app's own, registered on this connection.
    db.$client.function(FOLD_FN, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldName(value) : null))
    db.$client.function(DIGITS_FN, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '') : null))
  }

  /** One conversation per contact. */
  ensureForContact(accountId: string, contactId: string, isDemo = false): Conversation {
    this.ensure ??= prepareEnsure(this.db)
    return this.ensure.get({ id: newId(), accountId, contactId, isDemo })!
  }

  get(id: string): ConversationWithContact | undefined {
    this.byId ??= prepareById(this.db)
    return this.byId.get({ id })
  }

  /** Newest activity first; `before` pages through older ones; `filter` narrows them (search, attention, paused). */
  list(accountId: string, limit: number, before?: Date, filter: ConversationListFilter = {}): ConversationWithContact[] {
    return this.db
      .select({ conversation: conversations, contact: contacts, focusProductName: products.name })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .leftJoin(products, eq(products.id, conversations.focusProductId))
      .where(
        and(
          eq(conversations.accountId, accountId),
          before ? lt(conversations.lastMessageAt, before) : undefined,
          filter.show === 'attention' ? isNotNull(conversations.attention) : undefined,
          filter.show === 'paused' ? inArray(conversations.botMode, ['paused', 'human']) : undefined,
          searchCondition(filter.query),
          filter.includeDemo === false ? eq(conversations.isDemo, false) : undefined,
        ),
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

/** LIKE with the owner's text taken literally (a % or _ typed is not a wildcard). */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * The name matches folded; the number matches on its digits, however it was typed
 * ("300 123 4567" finds +57 300 1234567). A simulator customer's handle is their name or number.
 */
function searchCondition(query: string | undefined): SQL | undefined {
  const text = query ? foldName(query) : ''
  if (!text) return undefined
  const byName = or(
    sql`${sql.raw(FOLD_FN)}(${contacts.displayName}) LIKE ${containing(text)} ESCAPE '\\'`,
    and(eq(contacts.transport, 'simulator'), sql`${sql.raw(FOLD_FN)}(${contacts.externalId}) LIKE ${containing(text)} ESCAPE '\\'`),
  )
  const digits = text.replace(/\D/g, '')
  if (digits.length < MIN_NUMBER_DIGITS) return byName
  const byNumber = or(
    sql`${sql.raw(DIGITS_FN)}(${contacts.phone}) LIKE ${containing(digits)}`,
    and(eq(contacts.transport, 'whatsapp'), sql`${sql.raw(DIGITS_FN)}(substr(${contacts.externalId}, 1, instr(${contacts.externalId} || '@', '@') - 1)) LIKE ${containing(digits)}`),
  )
  return or(byName, byNumber)
}

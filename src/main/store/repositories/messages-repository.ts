import { and, asc, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { MessageStatus, ReplyState } from '../../../shared/types'
import type { Db } from '../database'
import { contacts, conversations, messages } from '../schema'
import { newId } from '../../kernel/ids'

export type Message = typeof messages.$inferSelect
export type NewMessage = Omit<typeof messages.$inferInsert, 'id'>
export type MediaPatch = Partial<
  Pick<
    typeof messages.$inferInsert,
    'mediaPath' | 'mediaThumbPath' | 'mediaMime' | 'mediaBytes' | 'mediaDurationSec' | 'transcript' | 'transcriptStatus' | 'mediaDescription' | 'text'
  >
>

/** Run for every message and capture; compiled once (see training-data-repository). */
function prepareHotQueries(db: Db) {
  return {
    byId: db.select().from(messages).where(eq(messages.id, sql.placeholder('id'))).prepare(),
    before: db
      .select()
      .from(messages)
      // Placeholders in comparisons skip the column's encoder: pass epoch milliseconds.
      .where(and(eq(messages.conversationId, sql.placeholder('conversationId')), lt(messages.createdAt, sql.placeholder('beforeMs'))))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  }
}

export class MessagesRepository {
  private hot: ReturnType<typeof prepareHotQueries> | null = null

  constructor(private readonly db: Db) {}

  private get queries(): ReturnType<typeof prepareHotQueries> {
    this.hot ??= prepareHotQueries(this.db)
    return this.hot
  }

  /**
   * Stores a message unless one with the same transport id exists (a redelivery after a
   * reconnect): then returns undefined and changes nothing.
   */
  insertIfNew(values: NewMessage): Message | undefined {
    return this.db
      .insert(messages)
      .values({ id: newId(), ...values })
      .onConflictDoNothing({ target: messages.externalId })
      .returning()
      .get()
  }

  get(id: string): Message | undefined {
    return this.queries.byId.get({ id })
  }

  /** The last `limit` messages of a conversation, oldest first. */
  recent(conversationId: string, limit: number): Message[] {
    const newestFirst = this.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(limit)
      .all()
    return newestFirst.reverse()
  }

  /** Up to `limit` messages written before `before`, oldest first. */
  before(conversationId: string, before: Date, limit: number): Message[] {
    return this.queries.before.all({ conversationId, beforeMs: before.getTime(), limit }).reverse()
  }

  /** Inbound messages of a conversation that still wait for an answer, oldest first. */
  awaitingReply(conversationId: string): Message[] {
    return this.db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conversationId),
          eq(messages.direction, 'in'),
          inArray(messages.replyState, ['pending', 'waiting_model']),
        ),
      )
      .orderBy(asc(messages.createdAt))
      .all()
  }

  /** Conversations with customer messages still to answer (waiting for the model, or cut short by a stop). */
  conversationsAwaitingReply(): string[] {
    return this.db
      .selectDistinct({ conversationId: messages.conversationId })
      .from(messages)
      .where(inArray(messages.replyState, ['waiting_model', 'pending']))
      .all()
      .map((row) => row.conversationId)
  }

  /**
   * The owner has tried the bot: some "Probar el bot" chat (not demo data) holds an answer the
   * model wrote (not a fixed message: holding, handoff, after hours).
   */
  hasSimulatorBotAnswer(): boolean {
    const row = this.db
      .select({ id: messages.id })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(and(eq(messages.author, 'bot'), isNull(messages.template), eq(contacts.transport, 'simulator'), eq(conversations.isDemo, false)))
      .limit(1)
      .get()
    return row !== undefined
  }

  countByReplyState(state: ReplyState): number {
    return this.db.select({ n: count() }).from(messages).where(eq(messages.replyState, state)).get()?.n ?? 0
  }

  setReplyState(ids: string[], replyState: ReplyState, error: string | null = null): Message[] {
    if (ids.length === 0) return []
    return this.db.update(messages).set({ replyState, error }).where(inArray(messages.id, ids)).returning().all()
  }

  /** A photo or voice note's file, transcript or description, as the media pipeline learns them. */
  setMedia(id: string, patch: MediaPatch): Message | undefined {
    if (Object.keys(patch).length === 0) return this.get(id)
    return this.db.update(messages).set(patch).where(eq(messages.id, id)).returning().get()
  }

  findByExternalId(externalId: string): Message | undefined {
    return this.db.select().from(messages).where(eq(messages.externalId, externalId)).get()
  }

  /** Outbound messages stored but never confirmed sent (the app stopped, or the link was down). */
  queuedOutbound(limit = 500): Message[] {
    return this.db
      .select()
      .from(messages)
      .where(and(eq(messages.direction, 'out'), eq(messages.status, 'queued')))
      .orderBy(asc(messages.createdAt))
      .limit(limit)
      .all()
  }

  /** Customer messages of a conversation with their transport ids, for read receipts. */
  externalIds(ids: string[]): string[] {
    if (ids.length === 0) return []
    return this.db
      .select({ externalId: messages.externalId })
      .from(messages)
      .where(inArray(messages.id, ids))
      .all()
      .flatMap((m) => (m.externalId ? [m.externalId] : []))
  }

  setStatus(
    id: string,
    patch: { status: MessageStatus; externalId?: string; sentAt?: Date; error?: string | null },
  ): Message | undefined {
    return this.db.update(messages).set(patch).where(eq(messages.id, id)).returning().get()
  }
}

import { and, asc, count, desc, eq, getTableColumns, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import type { ReviewFilters } from '../../../shared/api/contract'
import type { ReviewStatus, ScoreSource } from '../../../shared/types'
import type { Db } from '../database'
import { contacts, conversations, messages, trainingData } from '../schema'
import { newId } from '../../kernel/ids'
import { prepareRowInsert } from './row-insert'

export type TrainingRow = typeof trainingData.$inferSelect
export type NewTrainingRow = Omit<typeof trainingData.$inferInsert, 'id'> & { id?: string }
export type TrainingRowWithCustomer = TrainingRow & { customerName: string | null }
export type FewShotRow = Pick<
  TrainingRow,
  'id' | 'conversationId' | 'userMessage' | 'botResponse' | 'correctedResponse' | 'category' | 'productId' | 'qualityScore' | 'reviewStatus' | 'isDemo' | 'createdAt'
> & {
  /** The contact's display name: scrubbed from the example before another customer sees it. */
  customerName: string | null
}

export interface AutoScoreUpdate {
  autoScore: number
  autoScoreSource: ScoreSource
  autoConfidence: number
  wasSuccessful: boolean | null
  reviewPriority: number
  userFeedback?: string | null
  feedbackMessageId?: string | null
  evaluatedAt: Date
}

/** The columns the curator needs, and nothing else, to keep 100k-row exports small. */
export interface CurationRow {
  id: string
  userMessage: string
  botResponse: string
  correctedResponse: string | null
  context: unknown
  category: string | null
  productName: string | null
  qualityScore: number | null
  /** The owner's own score, when they gave one (it decides an approved line's score in a dataset). */
  manualScore: number | null
  reviewStatus: ReviewStatus
  createdAt: Date
  /** The contact's display name, so that curation can scrub it from the lines. */
  customerName: string | null
}

const customerName = sql<string | null>`coalesce(${contacts.displayName}, ${contacts.externalId})`
/** The queue holds what the owner has not looked at: not reviewed and not scored by hand. */
const unreviewed = and(eq(trainingData.reviewStatus, 'pending'), isNull(trainingData.manualScore))

/**
 * The queries the capture and evaluation of every exchange run, compiled once: building a
 * drizzle query and preparing its SQLite statement cost more than running it.
 */
function prepareHotQueries(db: Db) {
  const withCustomer = db
    .select({ ...getTableColumns(trainingData), customerName })
    .from(trainingData)
    .innerJoin(conversations, eq(conversations.id, trainingData.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
  return {
    byId: withCustomer.where(eq(trainingData.id, sql.placeholder('id'))).prepare(),
    byBotMessage: db.select().from(trainingData).where(eq(trainingData.botMessageId, sql.placeholder('botMessageId'))).prepare(),
    latestUnevaluated: db
      .select()
      .from(trainingData)
      .where(
        and(
          eq(trainingData.conversationId, sql.placeholder('conversationId')),
          isNull(trainingData.evaluatedAt),
          // Placeholders in comparisons skip the column's encoder: pass epoch milliseconds.
          lte(trainingData.createdAt, sql.placeholder('beforeMs')),
        ),
      )
      .orderBy(desc(trainingData.createdAt))
      .limit(1)
      .prepare(),
    insertCapture: db
      .insert(trainingData)
      .values({
        ...(Object.fromEntries(CAPTURE_FIELDS.map((f) => [f, sql.placeholder(f)])) as unknown as typeof trainingData.$inferInsert),
        // A placeholder goes through the column's encoder even for null, and JSON's turns
        // null into the string "null": this one is passed already encoded (see insertCapture).
        context: sql`${sql.placeholder('context')}`,
      })
      .returning({ id: trainingData.id })
      .prepare(),
    autoScore: prepareAutoScore(db, false),
    autoScoreWithFeedback: prepareAutoScore(db, true),
  }
}

const AUTO_FIELDS = ['autoScore', 'autoScoreSource', 'autoConfidence', 'wasSuccessful', 'reviewPriority', 'evaluatedAt'] as const
const FEEDBACK_FIELDS = ['userFeedback', 'feedbackMessageId'] as const

function prepareAutoScore(db: Db, withFeedback: boolean) {
  const fields = withFeedback ? [...AUTO_FIELDS, ...FEEDBACK_FIELDS] : AUTO_FIELDS
  return db
    .update(trainingData)
    .set({
      ...(Object.fromEntries(fields.map((f) => [f, sql.placeholder(f)])) as Partial<TrainingRow>),
      // The boolean encoder would turn null ("no outcome known") into 0: passed encoded.
      wasSuccessful: sql`${sql.placeholder('wasSuccessful')}`,
      // The owner's score always wins over any automatic one.
      qualityScore: sql`coalesce(${trainingData.manualScore}, ${sql.placeholder('autoScore')})`,
    })
    .where(eq(trainingData.id, sql.placeholder('id')))
    .returning()
    .prepare()
}

/** What a capture knows when it writes an exchange; everything else starts at its default. */
const CAPTURE_FIELDS = [
  'id',
  'userId',
  'conversationId',
  'userMessage',
  'botResponse',
  'context',
  'productId',
  'productName',
  'category',
  'model',
  'createdAt',
  'userMessageId',
  'botMessageId',
  'reviewPriority',
  'isDemo',
] as const
export type CaptureInsert = { [K in (typeof CAPTURE_FIELDS)[number]]-?: Exclude<NewTrainingRow[K], undefined> }

export class TrainingDataRepository {
  private hot: ReturnType<typeof prepareHotQueries> | null = null
  private rowInsert: ((row: NewTrainingRow) => void) | null = null

  constructor(private readonly db: Db) {}

  private get queries(): ReturnType<typeof prepareHotQueries> {
    this.hot ??= prepareHotQueries(this.db)
    return this.hot
  }

  insert(values: NewTrainingRow): TrainingRow {
    return this.db
      .insert(trainingData)
      .values({ ...values, id: values.id ?? newId() })
      .returning()
      .get()
  }

  /** The capture of one bot reply (the hot path: a compiled statement). */
  insertCapture(values: Omit<CaptureInsert, 'id'>): string {
    const id = newId()
    this.queries.insertCapture.get({ ...values, id, context: values.context == null ? null : JSON.stringify(values.context) })
    return id
  }

  /** Bulk load (demo data): one compiled statement per row, inside the caller's transaction. */
  insertMany(rows: NewTrainingRow[]): void {
    this.rowInsert ??= prepareRowInsert(this.db, trainingData)
    for (const row of rows) this.rowInsert({ ...row, id: row.id ?? newId() })
  }

  get(id: string): TrainingRowWithCustomer | undefined {
    return this.queries.byId.get({ id })
  }

  getMany(ids: string[]): TrainingRowWithCustomer[] {
    if (ids.length === 0) return []
    return this.withCustomer().where(inArray(trainingData.id, ids)).all()
  }

  findByBotMessage(botMessageId: string): TrainingRow | undefined {
    return this.queries.byBotMessage.get({ botMessageId })
  }

  /** The exchange a new customer message answers: the newest one not yet evaluated. */
  latestUnevaluated(conversationId: string, before: Date): TrainingRow | undefined {
    return this.queries.latestUnevaluated.get({ conversationId, beforeMs: before.getTime() })
  }

  latestInConversation(conversationId: string): TrainingRow | undefined {
    return this.db
      .select()
      .from(trainingData)
      .where(eq(trainingData.conversationId, conversationId))
      .orderBy(desc(trainingData.createdAt))
      .limit(1)
      .get()
  }

  /** Exchanges whose customer never answered within the window. */
  unevaluatedBefore(before: Date, limit: number): TrainingRow[] {
    return this.db
      .select()
      .from(trainingData)
      .where(and(isNull(trainingData.evaluatedAt), lt(trainingData.createdAt, before)))
      .orderBy(asc(trainingData.createdAt))
      .limit(limit)
      .all()
  }

  applyAutoScore(id: string, update: AutoScoreUpdate): TrainingRow | undefined {
    const base = {
      id,
      autoScore: update.autoScore,
      autoScoreSource: update.autoScoreSource,
      autoConfidence: update.autoConfidence,
      wasSuccessful: update.wasSuccessful === null ? null : update.wasSuccessful ? 1 : 0,
      reviewPriority: update.reviewPriority,
      evaluatedAt: update.evaluatedAt,
    }
    if (update.userFeedback === undefined) return this.queries.autoScore.get(base)
    return this.queries.autoScoreWithFeedback.get({ ...base, userFeedback: update.userFeedback, feedbackMessageId: update.feedbackMessageId ?? null })
  }

  setManualScore(ids: string[], score: number, at: Date): number {
    return this.db
      .update(trainingData)
      .set({ manualScore: score, qualityScore: score, reviewedAt: at })
      .where(inArray(trainingData.id, ids))
      .run().changes
  }

  setStatus(ids: string[], status: 'approved' | 'rejected', at: Date): number {
    // Approving keeps an owner's rewrite as the target: a corrected exchange stays corrected.
    const keepCorrected = status === 'approved' ? ne(trainingData.reviewStatus, 'corrected') : undefined
    return this.db
      .update(trainingData)
      .set({ reviewStatus: status, reviewedAt: at })
      .where(and(inArray(trainingData.id, ids), keepCorrected))
      .run().changes
  }

  correct(id: string, response: string, at: Date): number {
    return this.db
      .update(trainingData)
      .set({ correctedResponse: response, reviewStatus: 'corrected', reviewedAt: at })
      .where(eq(trainingData.id, id))
      .run().changes
  }

  /** A sale the owner marks: the strongest outcome signal there is. */
  markSale(id: string, at: Date): number {
    return this.db
      .update(trainingData)
      .set({
        wasSuccessful: true,
        autoScore: 5,
        autoScoreSource: 'sale',
        autoConfidence: 1,
        qualityScore: sql`coalesce(${trainingData.manualScore}, 5)`,
        evaluatedAt: sql`coalesce(${trainingData.evaluatedAt}, ${at.getTime()})`,
        reviewPriority: 0,
      })
      .where(eq(trainingData.id, id))
      .run().changes
  }

  /** The owner's manual scores of customer reactions: what the learned scorer trains on. */
  ownerReviews(): { text: string; score: number }[] {
    return this.db
      .select({ text: trainingData.userFeedback, score: trainingData.manualScore })
      .from(trainingData)
      .where(and(isNotNull(trainingData.manualScore), isNotNull(trainingData.userFeedback), eq(trainingData.isDemo, false)))
      .all()
      .map((row) => ({ text: row.text ?? '', score: row.score ?? 3 }))
  }

  /** The review queue, most in need of a human first. */
  reviewList(filters: ReviewFilters, limit: number, offset: number): { rows: TrainingRowWithCustomer[]; total: number } {
    const where = this.reviewWhere(filters)
    const total = this.db.select({ n: count() }).from(trainingData).where(where).get()?.n ?? 0
    const order = filters.status === 'pending' ? this.pendingOrder() : [desc(trainingData.createdAt)]
    const rows = this.withCustomer()
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset)
      .all()
    return { rows, total }
  }

  models(): string[] {
    return this.db
      .selectDistinct({ model: trainingData.model })
      .from(trainingData)
      .where(isNotNull(trainingData.model))
      .orderBy(asc(trainingData.model))
      .all()
      .map((r) => r.model ?? '')
  }

  /**
   * What curation reads. With `page`, `limit` rows in id order after the id `after` (null: from
   * the start), so that a large export loads a page at a time between turns of the event loop.
   */
  /**
   * Exchanges worth learning from created after `since` (all of them when null): the owner approved
   * or rewrote them, or they are unreviewed with a score at or above `minScore`. What the learning
   * cycle counts as new material, the same rule curation applies.
   */
  countLearnableSince(since: Date | null, minScore: number, includeDemo: boolean): number {
    return (
      this.db
        .select({ n: count() })
        .from(trainingData)
        .where(
          and(
            since ? gt(trainingData.createdAt, since) : undefined,
            includeDemo ? undefined : eq(trainingData.isDemo, false),
            or(
              inArray(trainingData.reviewStatus, ['approved', 'corrected']),
              and(eq(trainingData.reviewStatus, 'pending'), gte(trainingData.qualityScore, minScore)),
            ),
          ),
        )
        .get()?.n ?? 0
    )
  }

  /**
   * How a model did with customers: its scored exchanges from `from` on (oldest first, the first
   * `limit`), or before `before` (newest first, the last `limit`). The version watch compares a new
   * version's first exchanges with the previous one's last.
   */
  modelFigures(
    model: string,
    window: { from: Date; limit: number } | { before: Date; limit: number },
    includeDemo: boolean,
  ): { exchanges: number; meanScore: number | null; successRate: number | null; firstAt: Date | null; lastAt: Date | null } {
    const after = 'from' in window
    const rows = this.db
      .select({ score: trainingData.qualityScore, success: trainingData.wasSuccessful, at: trainingData.createdAt })
      .from(trainingData)
      .where(
        and(
          eq(trainingData.model, model),
          isNotNull(trainingData.qualityScore),
          includeDemo ? undefined : eq(trainingData.isDemo, false),
          after ? gte(trainingData.createdAt, window.from) : lt(trainingData.createdAt, window.before),
        ),
      )
      .orderBy(after ? asc(trainingData.createdAt) : desc(trainingData.createdAt))
      .limit(window.limit)
      .all()
    if (rows.length === 0) return { exchanges: 0, meanScore: null, successRate: null, firstAt: null, lastAt: null }
    const judged = rows.filter((r) => r.success !== null)
    const times = rows.map((r) => r.at.getTime())
    return {
      exchanges: rows.length,
      meanScore: rows.reduce((sum, r) => sum + (r.score ?? 0), 0) / rows.length,
      successRate: judged.length === 0 ? null : judged.filter((r) => r.success).length / judged.length,
      firstAt: new Date(Math.min(...times)),
      lastAt: new Date(Math.max(...times)),
    }
  }

  /** Exchanges answered in [from, to], and how many of them the owner answered (a takeover). */
  answersBetween(from: Date, to: Date, ownerModel: string, includeDemo: boolean): { answers: number; byOwner: number } {
    const row = this.db
      .select({ answers: count(), byOwner: sql<number>`coalesce(sum(case when ${trainingData.model} = ${ownerModel} then 1 else 0 end), 0)` })
      .from(trainingData)
      .where(and(gte(trainingData.createdAt, from), lte(trainingData.createdAt, to), includeDemo ? undefined : eq(trainingData.isDemo, false)))
      .get()
    return { answers: row?.answers ?? 0, byOwner: Number(row?.byOwner ?? 0) }
  }

  /** The owner's newest own answer (approved or rewritten) in each of these categories: what the basics check expects. */
  ownerAnswers(categories: string[], includeDemo: boolean): { category: string; question: string; answer: string }[] {
    return categories.flatMap((category) => {
      const row = this.db
        .select({ question: trainingData.userMessage, answer: sql<string>`coalesce(${trainingData.correctedResponse}, ${trainingData.botResponse})` })
        .from(trainingData)
        .where(
          and(
            eq(trainingData.category, category),
            inArray(trainingData.reviewStatus, ['approved', 'corrected']),
            includeDemo ? undefined : eq(trainingData.isDemo, false),
          ),
        )
        .orderBy(desc(trainingData.reviewedAt), desc(trainingData.createdAt))
        .limit(1)
        .get()
      return row ? [{ category, question: row.question, answer: row.answer }] : []
    })
  }

  curationRows(includeDemo: boolean, page?: { after: string | null; limit: number }): CurationRow[] {
    const query = this.db
      .select({
        id: trainingData.id,
        userMessage: trainingData.userMessage,
        botResponse: trainingData.botResponse,
        correctedResponse: trainingData.correctedResponse,
        context: trainingData.context,
        category: trainingData.category,
        productName: trainingData.productName,
        qualityScore: trainingData.qualityScore,
        manualScore: trainingData.manualScore,
        reviewStatus: trainingData.reviewStatus,
        createdAt: trainingData.createdAt,
        customerName: contacts.displayName,
      })
      .from(trainingData)
      .leftJoin(conversations, eq(conversations.id, trainingData.conversationId))
      .leftJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(and(includeDemo ? undefined : eq(trainingData.isDemo, false), page?.after == null ? undefined : gt(trainingData.id, page.after)))
      .$dynamic()
    return (page ? query.orderBy(asc(trainingData.id)).limit(page.limit) : query).all()
  }

  /**
   * The few-shot pool: exchanges the owner approved or corrected (owner replies are captured
   * approved) whose effective score reaches `minScore`. Demo data never teaches the live bot.
   */
  fewShotPool(minScore: number): FewShotRow[] {
    return this.db
      .select({
        id: trainingData.id,
        conversationId: trainingData.conversationId,
        userMessage: trainingData.userMessage,
        botResponse: trainingData.botResponse,
        correctedResponse: trainingData.correctedResponse,
        category: trainingData.category,
        productId: trainingData.productId,
        qualityScore: trainingData.qualityScore,
        reviewStatus: trainingData.reviewStatus,
        isDemo: trainingData.isDemo,
        createdAt: trainingData.createdAt,
        customerName: contacts.displayName,
      })
      .from(trainingData)
      .leftJoin(conversations, eq(conversations.id, trainingData.conversationId))
      .leftJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(
        and(
          inArray(trainingData.reviewStatus, ['approved', 'corrected']),
          gte(trainingData.qualityScore, minScore),
          eq(trainingData.isDemo, false),
        ),
      )
      .all()
  }

  /**
   * Exchanges the owner looked at after `since` (null: ever) that a dataset would take, by
   * curation's rule: approved or rewritten whatever their score, or scored at least `minScore`;
   * never rejected — "tienes N ejemplos nuevos" in Revisión.
   */
  countReviewedSince(since: Date | null, minScore: number, includeDemo: boolean): number {
    return (
      this.db
        .select({ n: count() })
        .from(trainingData)
        .where(
          and(
            isNotNull(trainingData.reviewedAt),
            since ? gt(trainingData.reviewedAt, since) : undefined,
            or(inArray(trainingData.reviewStatus, ['approved', 'corrected']), and(eq(trainingData.reviewStatus, 'pending'), gte(trainingData.qualityScore, minScore))),
            includeDemo ? undefined : eq(trainingData.isDemo, false),
          ),
        )
        .get()?.n ?? 0
    )
  }

  countDemo(): number {
    return this.db.select({ n: count() }).from(trainingData).where(eq(trainingData.isDemo, true)).get()?.n ?? 0
  }

  /** Bot replies that have no captured exchange (a crash between reply and capture). */
  uncapturedBotMessageIds(limit: number): string[] {
    return this.db
      .select({ id: messages.id })
      .from(messages)
      .leftJoin(trainingData, eq(trainingData.botMessageId, messages.id))
      .where(and(eq(messages.author, 'bot'), eq(messages.status, 'sent'), isNull(messages.template), isNull(trainingData.id)))
      .orderBy(asc(messages.createdAt))
      .limit(limit)
      .all()
      .map((r) => r.id)
  }

  /**
   * For exchanges still unevaluated, the first customer message after the reply: evaluations
   * a crash (or a power cut, on the learning connection) lost, to be run again at start.
   */
  customerRepliesToUnevaluated(limit: number): string[] {
    const rows = this.db.all<{ id: string }>(sql`
      SELECT (
        SELECT m.id FROM ${messages} m
        WHERE m.conversationId = t.conversationId AND m.direction = 'in' AND m.author = 'customer' AND m.createdAt > t.createdAt
        ORDER BY m.createdAt LIMIT 1
      ) AS id
      FROM ${trainingData} t
      WHERE t.evaluatedAt IS NULL
      ORDER BY t.createdAt
      LIMIT ${limit}`)
    return rows.flatMap((r) => (r.id ? [r.id] : []))
  }

  private withCustomer() {
    return this.db
      .select({ ...getTableColumns(trainingData), customerName })
      .from(trainingData)
      .innerJoin(conversations, eq(conversations.id, trainingData.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .$dynamic()
  }

  private reviewWhere(filters: ReviewFilters): SQL | undefined {
    const status =
      filters.status === 'all' ? undefined : filters.status === 'pending' ? unreviewed : eq(trainingData.reviewStatus, filters.status)
    return and(
      status,
      filters.category ? eq(trainingData.category, filters.category) : undefined,
      filters.minScore !== undefined ? gte(trainingData.qualityScore, filters.minScore) : undefined,
      filters.maxScore !== undefined ? or(lte(trainingData.qualityScore, filters.maxScore), isNull(trainingData.qualityScore)) : undefined,
      filters.model ? eq(trainingData.model, filters.model) : undefined,
      filters.from !== undefined ? gte(trainingData.createdAt, new Date(filters.from)) : undefined,
      filters.to !== undefined ? lte(trainingData.createdAt, new Date(filters.to)) : undefined,
      filters.includeDemo ? undefined : eq(trainingData.isDemo, false),
    )
  }

  /**
   * Stored priority (uncertain, conflicting or bad outcomes) plus a bonus for the categories
   * with the most unreviewed exchanges, where the owner's time teaches the most.
   */
  private pendingOrder(): SQL[] {
    const busy = this.db
      .select({ category: trainingData.category, n: count() })
      .from(trainingData)
      .where(unreviewed)
      .groupBy(trainingData.category)
      .all()
    const max = Math.max(1, ...busy.map((b) => b.n))
    const weights = busy.filter((b) => b.category !== null).map((b) => sql`when ${b.category} then ${(b.n / max).toFixed(4)}`)
    const bonus = weights.length > 0 ? sql`(case ${trainingData.category} ${sql.join(weights, sql` `)} else 0 end)` : sql`0`
    return [sql`${trainingData.reviewPriority} + ${bonus} desc`, desc(trainingData.createdAt)]
  }
}

// The whole SQLite schema. Migrations under drizzle/ are generated from this file
// (`npm run db:generate`); never edit a migration that has shipped.
//
// Column names are camelCase so that `training_data` keeps the seed's TrainingData
// field names verbatim; the other tables follow the same convention for consistency.
import { sql } from 'drizzle-orm'
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'

const createdAt = () =>
  integer('createdAt', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`)

/** The shop's own account: `training_data.userId` points here, as in the seed. */
export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  phone: text('phone'),
  createdAt: createdAt(),
})

export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    accountId: text('accountId')
      .notNull()
      .references(() => accounts.id),
    transport: text('transport', { enum: ['simulator', 'whatsapp'] }).notNull(),
    /** WhatsApp JID, or the simulator's customer handle. */
    externalId: text('externalId').notNull(),
    displayName: text('displayName'),
    phone: text('phone'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contacts_account_transport_external').on(t.accountId, t.transport, t.externalId)],
)

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    accountId: text('accountId')
      .notNull()
      .references(() => accounts.id),
    contactId: text('contactId')
      .notNull()
      .references(() => contacts.id),
    /** Who answers this chat: the bot, nobody (paused), or the owner who took it over. */
    botMode: text('botMode', { enum: ['bot', 'paused', 'human'] })
      .notNull()
      .default('bot'),
    /** A takeover pause ends here and the bot answers again; null = until switched back. */
    botModeUntil: integer('botModeUntil', { mode: 'timestamp_ms' }),
    lastMessageAt: integer('lastMessageAt', { mode: 'timestamp_ms' }),
    lastMessagePreview: text('lastMessagePreview'),
    unreadCount: integer('unreadCount').notNull().default(0),
    /** Synthetic conversations from `cli demo-data`; never mixed silently with real ones. */
    isDemo: integer('isDemo', { mode: 'boolean' }).notNull().default(false),
    /** The product the chat is about; follow-ups ("¿y cuánto vale?") keep it in the prompt. */
    focusProductId: text('focusProductId'),
    /** Why the owner should look at this chat now (the customer asked for a person); null = nothing. */
    attention: text('attention', { enum: ['human_request', 'likely_sale'] }),
    attentionAt: integer('attentionAt', { mode: 'timestamp_ms' }),
    /** Start of the closed spell the after-hours message was last sent for: once per spell. */
    afterHoursNoticeFor: integer('afterHoursNoticeFor', { mode: 'timestamp_ms' }),
    /** When the holding reply went out for the current model outage: once per outage. */
    holdingReplyAt: integer('holdingReplyAt', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversations_contact').on(t.contactId),
    index('conversations_account_last').on(t.accountId, t.lastMessageAt),
  ],
)

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversationId')
      .notNull()
      .references(() => conversations.id),
    /** The transport's message id (WhatsApp key id); unique so a redelivery is a no-op. */
    externalId: text('externalId'),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    author: text('author', { enum: ['customer', 'bot', 'owner'] }).notNull(),
    kind: text('kind').notNull().default('text'),
    text: text('text'),
    /** Delivery state of outbound messages; `received` for inbound ones. */
    status: text('status', {
      enum: ['received', 'queued', 'sent', 'delivered', 'read', 'failed'],
    }).notNull(),
    /** For inbound messages: where the bot's answer stands. */
    replyState: text('replyState', {
      enum: ['pending', 'answered', 'skipped', 'waiting_model', 'failed'],
    }),
    /** The model that wrote a bot message (`cloud:<name>` for the cloud endpoint). */
    model: text('model'),
    /**
     * Set on the bot's fixed messages (holding reply, handoff, after-hours, unsupported type):
     * they are not answers of the model, so the learning loop leaves them out.
     */
    template: text('template', { enum: ['holding', 'handoff', 'after_hours', 'unsupported', 'photo', 'media_reply'] }),
    /** The product in focus when the bot answered (capture copies it, as the seed does). */
    productId: text('productId'),
    /** What the guardrails did to this answer: e.g. ["price_regenerated", "length_trimmed"]. */
    guardrails: text('guardrails', { mode: 'json' }).$type<string[]>(),
    error: text('error'),
    raw: text('raw', { mode: 'json' }),
    createdAt: createdAt(),
    sentAt: integer('sentAt', { mode: 'timestamp_ms' }),
    /**
     * A photo or voice note: the file under the data folder's media/ (relative path, served through
     * the token-protected server, never a file:// URL), its type and size. Null for text, and for
     * media that could not be downloaded (the message still stands).
     */
    mediaPath: text('mediaPath'),
    mediaThumbPath: text('mediaThumbPath'),
    mediaMime: text('mediaMime'),
    mediaBytes: integer('mediaBytes'),
    mediaDurationSec: real('mediaDurationSec'),
    /** What a voice note said (Whisper), used by the bot as the customer's words. */
    transcript: text('transcript'),
    transcriptStatus: text('transcriptStatus', { enum: ['pending', 'done', 'no_model', 'too_long', 'failed'] }),
    /** What a vision model saw in a customer's photo (never certain: "parece…"). */
    mediaDescription: text('mediaDescription'),
  },
  (t) => [
    uniqueIndex('messages_external').on(t.externalId),
    index('messages_conversation_created').on(t.conversationId, t.createdAt),
    index('messages_reply_state').on(t.replyState),
  ],
)

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    accountId: text('accountId')
      .notNull()
      .references(() => accounts.id),
    sku: text('sku'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    price: real('price'),
    currency: text('currency').notNull().default('COP'),
    category: text('category'),
    keywords: text('keywords', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: integer('updatedAt', { mode: 'timestamp_ms' }),
    /**
     * Name, SKU, category, keywords and description as Catálogo's search compares them: folded
     * (case, accents) and singular, written with the product. SQL cannot fold, so it is kept
     * here rather than computed per search; null on rows from before it existed (filled on the next search).
     */
    searchText: text('searchText'),
    /** The product's photo (re-encoded, EXIF stripped) and its list thumbnail, relative to the data folder's media/. */
    photoPath: text('photoPath'),
    photoThumbPath: text('photoThumbPath'),
    photoMime: text('photoMime'),
    photoUpdatedAt: integer('photoUpdatedAt', { mode: 'timestamp_ms' }),
    /** The photo's file name from an imported catalog's «foto» column: a photo dropped later with that name is this product's. */
    photoFile: text('photoFile'),
  },
  (t) => [
    uniqueIndex('products_account_sku').on(t.accountId, t.sku),
    index('products_category').on(t.category),
    index('products_account_name').on(t.accountId, t.name),
  ],
)

/**
 * Embedding vectors of catalog products and reviewed exchanges, per embedding model, so that a
 * restart does not ask Ollama to embed 50,000 examples again. `textHash` says which text the
 * vector belongs to: an edited product or a rewritten answer is embedded anew.
 */
export const embeddings = sqliteTable(
  'embeddings',
  {
    kind: text('kind', { enum: ['product', 'example'] }).notNull(),
    refId: text('refId').notNull(),
    model: text('model').notNull(),
    textHash: text('textHash').notNull(),
    /** Float32 little-endian. */
    vector: blob('vector', { mode: 'buffer' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.refId, t.model] })],
)

/** Secrets the app holds for the owner (the cloud API key); `value` is SecretBox ciphertext. */
export const secrets = sqliteTable('secrets', {
  key: text('key').primaryKey(),
  value: blob('value', { mode: 'buffer' }).notNull(),
  updatedAt: integer('updatedAt', { mode: 'timestamp_ms' }).notNull(),
})

export const modelVersions = sqliteTable(
  'model_versions',
  {
    id: text('id').primaryKey(),
    /** The Ollama model name, e.g. `autodidacta-tienda:v3`; for the base, the model the shop started with. */
    name: text('name').notNull(),
    version: integer('version').notNull(),
    source: text('source', { enum: ['base', 'finetune', 'prompt', 'import'] }).notNull(),
    trainingRunId: text('trainingRunId').references((): AnySQLiteColumn => trainingRuns.id),
    /** What it was made from: the base model (an Ollama name or a GGUF path). */
    baseModel: text('baseModel'),
    /** The GGUF kept on disk for validation and rollback (fine-tunes and imported GGUFs). */
    path: text('path'),
    /** sha256 of the GGUF blob uploaded to Ollama. */
    digest: text('digest'),
    metrics: text('metrics', { mode: 'json' }),
    isLive: integer('isLive', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    deployedAt: integer('deployedAt', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('model_versions_name').on(t.name)],
)

/**
 * The seed's TrainingData model, every field under its own name, plus what the loop needs.
 * `qualityScore` is the effective score: the owner's `manualScore` when set, else `autoScore`.
 */
export const trainingData = sqliteTable(
  'training_data',
  {
    id: text('id').primaryKey(),
    userId: text('userId')
      .notNull()
      .references(() => accounts.id),
    conversationId: text('conversationId')
      .notNull()
      .references(() => conversations.id),
    userMessage: text('userMessage').notNull(),
    botResponse: text('botResponse').notNull(),
    context: text('context', { mode: 'json' }),
    productId: text('productId'),
    productName: text('productName'),
    category: text('category'),
    qualityScore: integer('qualityScore'),
    wasSuccessful: integer('wasSuccessful', { mode: 'boolean' }),
    userFeedback: text('userFeedback'),
    createdAt: createdAt(),
    evaluatedAt: integer('evaluatedAt', { mode: 'timestamp_ms' }),
    // Added for the loop.
    model: text('model'),
    autoScore: integer('autoScore'),
    autoScoreSource: text('autoScoreSource', {
      enum: ['rules', 'classifier', 'llm_judge', 'no_reply', 'takeover', 'sale', 'owner'],
    }),
    /** How sure the automatic score is (0..1); low confidence puts the exchange first in review. */
    autoConfidence: real('autoConfidence'),
    manualScore: integer('manualScore'),
    reviewStatus: text('reviewStatus', { enum: ['pending', 'approved', 'rejected', 'corrected'] })
      .notNull()
      .default('pending'),
    correctedResponse: text('correctedResponse'),
    reviewedAt: integer('reviewedAt', { mode: 'timestamp_ms' }),
    userMessageId: text('userMessageId').references(() => messages.id),
    botMessageId: text('botMessageId').references(() => messages.id),
    feedbackMessageId: text('feedbackMessageId').references(() => messages.id),
    /** Precomputed "how much this needs a human" so the review queue is an index scan. */
    reviewPriority: real('reviewPriority').notNull().default(0),
    isDemo: integer('isDemo', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('training_data_userId_qualityScore_idx').on(t.userId, t.qualityScore),
    index('training_data_category_qualityScore_idx').on(t.category, t.qualityScore),
    index('training_data_conversation_created').on(t.conversationId, t.createdAt),
    index('training_data_review').on(t.reviewStatus, t.reviewPriority),
    index('training_data_created').on(t.createdAt),
    index('training_data_bot_message').on(t.botMessageId),
  ],
)

/**
 * Per-day rollup of training_data kept exact by triggers (see drizzle/0002_stats_rollup.sql),
 * so the statistics read a few thousand rows instead of scanning every exchange.
 * Empty strings and 0 stand for NULL category/model/score so the key can be a primary key.
 */
export const trainingStatsDaily = sqliteTable(
  'training_stats_daily',
  {
    day: text('day').notNull(),
    category: text('category').notNull(),
    model: text('model').notNull(),
    qualityScore: integer('qualityScore').notNull(),
    isDemo: integer('isDemo', { mode: 'boolean' }).notNull(),
    exchanges: integer('exchanges').notNull(),
    /** Exchanges whose outcome is known (wasSuccessful not null) and those that sold. */
    outcomes: integer('outcomes').notNull(),
    successes: integer('successes').notNull(),
    /** Exchanges the owner has not reviewed yet. */
    backlog: integer('backlog').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.category, t.model, t.qualityScore, t.isDemo] })],
)

/**
 * Per-day counts of each score given, by who gave it: the automatic scorer (`autoScore`) and
 * the owner (`manualScore`). An exchange the owner re-scored counts once on each side, so the
 * two distributions can be compared. Kept exact by triggers (drizzle/0006_stats_dashboard.sql).
 */
export const scoreDistributionDaily = sqliteTable(
  'score_distribution_daily',
  {
    day: text('day').notNull(),
    category: text('category').notNull(),
    model: text('model').notNull(),
    isDemo: integer('isDemo', { mode: 'boolean' }).notNull(),
    source: text('source', { enum: ['auto', 'owner'] }).notNull(),
    score: integer('score').notNull(),
    exchanges: integer('exchanges').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.category, t.model, t.isDemo, t.source, t.score] })],
)

export const datasets = sqliteTable('datasets', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  status: text('status', { enum: ['building', 'ready', 'failed'] }).notNull(),
  /** Directory holding train.jsonl, valid.jsonl, Modelfile and manifest.json. */
  path: text('path'),
  trainCount: integer('trainCount').notNull().default(0),
  validationCount: integer('validationCount').notNull().default(0),
  params: text('params', { mode: 'json' }),
  stats: text('stats', { mode: 'json' }),
  error: text('error'),
  createdAt: createdAt(),
})

export const trainingRuns = sqliteTable(
  'training_runs',
  {
    id: text('id').primaryKey(),
    datasetId: text('datasetId').references(() => datasets.id),
    backend: text('backend', { enum: ['llamacpp', 'prompt', 'import'] }).notNull(),
    baseModel: text('baseModel').notNull(),
    status: text('status', {
      enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'],
    }).notNull(),
    /** Where a running run is: preparing → training → quantizing → validating → deploying. */
    stage: text('stage'),
    params: text('params', { mode: 'json' }),
    /** [{ step, epoch, loss }] as reported by the trainer. */
    lossCurve: text('lossCurve', { mode: 'json' }),
    /** Validation: perplexities, chrF, samples side by side, the gate's decision. */
    metrics: text('metrics', { mode: 'json' }),
    /** The model version this run produced (live or not). */
    modelVersionId: text('modelVersionId'),
    error: text('error'),
    logPath: text('logPath'),
    createdAt: createdAt(),
    startedAt: integer('startedAt', { mode: 'timestamp_ms' }),
    finishedAt: integer('finishedAt', { mode: 'timestamp_ms' }),
  },
  (t) => [index('training_runs_status').on(t.status)],
)

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updatedAt', { mode: 'timestamp_ms' }).notNull(),
})

/** Baileys credentials and signal keys; `value` is ciphertext from the app's SecretBox. */
export const whatsappAuth = sqliteTable(
  'whatsapp_auth',
  {
    category: text('category').notNull(),
    keyId: text('keyId').notNull(),
    value: blob('value', { mode: 'buffer' }).notNull(),
    updatedAt: integer('updatedAt', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.category, t.keyId] })],
)

/**
 * Every paid cloud call (answers, retries the guardrails asked for, the teacher's suggestions,
 * failed ones too), with its token counts: the cost "Menos nube" shows. Free local calls are
 * not written (a fourth disk sync on every local reply would buy nothing); the share of answers
 * comes from the exchanges' `model`. `estimated`: the server did not report usage, the counts
 * are guessed from the characters.
 */
export const llmCalls = sqliteTable(
  'llm_calls',
  {
    id: text('id').primaryKey(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    route: text('route', { enum: ['local', 'cloud'] }).notNull(),
    /** The service as the owner named it ("Groq"). */
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    purpose: text('purpose', { enum: ['reply', 'suggest', 'judge', 'other'] }).notNull(),
    promptTokens: integer('promptTokens').notNull(),
    completionTokens: integer('completionTokens').notNull(),
    estimated: integer('estimated', { mode: 'boolean' }).notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    /** Written by `cli demo-data`: counted only in demo mode, like the demo exchanges. */
    isDemo: integer('isDemo', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('llm_calls_at').on(t.at)],
)

/**
 * Turns of the learning cycle that runs itself (Ajustes → Aprendizaje automático) and the ones
 * the owner started with one tap: the dataset and training run each made, the version before
 * and after, the watch over the new version's first customers, and the morning summary.
 */
export const cycleRuns = sqliteTable(
  'cycle_runs',
  {
    id: text('id').primaryKey(),
    trigger: text('trigger', { enum: ['automatic', 'owner'] }).notNull(),
    status: text('status', { enum: ['running', 'deployed', 'kept', 'failed', 'rolled_back'] }).notNull(),
    newExamples: integer('newExamples').notNull(),
    datasetId: text('datasetId'),
    trainingRunId: text('trainingRunId'),
    versionId: text('versionId'),
    previousVersionId: text('previousVersionId'),
    /** null until the version goes live; then watching → passed | rolled_back. */
    watchStatus: text('watchStatus', { enum: ['watching', 'passed', 'rolled_back'] }),
    watchTarget: integer('watchTarget'),
    watchSeen: integer('watchSeen'),
    watchReasons: text('watchReasons', { mode: 'json' }),
    summary: text('summary'),
    summaryReadAt: integer('summaryReadAt', { mode: 'timestamp_ms' }),
    /** Validation and watch figures behind each automatic step. */
    details: text('details', { mode: 'json' }),
    error: text('error'),
    startedAt: integer('startedAt', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finishedAt', { mode: 'timestamp_ms' }),
  },
  (t) => [index('cycle_runs_startedAt').on(t.startedAt), index('cycle_runs_watch').on(t.watchStatus)],
)

/**
 * `llm_calls` folded per local day, kept by a trigger on every insert (drizzle/0012), so
 * "Menos nube" reads a row a day rather than every call: a year of a busy shop's cloud calls
 * took a quarter of a second to fold from the calls themselves. `llm_calls` is append-only.
 */
export const llmCallsDaily = sqliteTable(
  'llm_calls_daily',
  {
    day: text('day').notNull(),
    route: text('route', { enum: ['local', 'cloud'] }).notNull(),
    isDemo: integer('isDemo', { mode: 'boolean' }).notNull(),
    calls: integer('calls').notNull(),
    failed: integer('failed').notNull(),
    promptTokens: integer('promptTokens').notNull(),
    completionTokens: integer('completionTokens').notNull(),
    /** Calls whose token counts were estimated. */
    estimated: integer('estimated').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.route, t.isDemo] })],
)

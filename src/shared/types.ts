// Data shapes that cross the process boundary (main ↔ renderer, server ↔ browser).
// Plain JSON: timestamps are epoch milliseconds.

export type TransportKind = 'simulator' | 'whatsapp'
export type BotMode = 'bot' | 'paused' | 'human'
export type MessageAuthor = 'customer' | 'bot' | 'owner'
export type MessageStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed'
export type ReplyState = 'pending' | 'answered' | 'skipped' | 'waiting_model' | 'failed'

export interface ContactDto {
  id: string
  transport: TransportKind
  externalId: string
  displayName: string | null
}

export interface ConversationDto {
  id: string
  contact: ContactDto
  botMode: BotMode
  lastMessageAt: number | null
  lastMessagePreview: string | null
  unreadCount: number
  /** Why the owner should look now: the customer asked for a person. */
  attention: 'human_request' | 'likely_sale' | null
  attentionAt: number | null
  /** The product the chat is about, as the bot understood it. */
  focusProduct: { id: string; name: string } | null
  /** A demo conversation (cli demo-data): listed only in demo mode. */
  isDemo: boolean
}

export interface MessageDto {
  id: string
  conversationId: string
  direction: 'in' | 'out'
  author: MessageAuthor
  kind: string
  text: string | null
  status: MessageStatus
  replyState: ReplyState | null
  model: string | null
  /** Set on the bot's fixed messages, which are not model answers. */
  template: 'holding' | 'handoff' | 'after_hours' | 'unsupported' | 'photo' | 'media_reply' | null
  /** What the guardrails did to this answer (`price_regenerated`, `length_trimmed`…). */
  guardrails: string[]
  error: string | null
  createdAt: number
  /** A photo or voice note: fetched through `media.get` (never a file path); null for text or media that never arrived. */
  media: MessageMediaDto | null
  /** What a voice note said; `transcriptStatus` says why there is none. */
  transcript: string | null
  transcriptStatus: 'pending' | 'done' | 'no_model' | 'too_long' | 'failed' | null
  /** What the vision model saw in a customer's photo ("parece…"). */
  mediaDescription: string | null
}

export interface MessageMediaDto {
  mimeType: string
  bytes: number | null
  durationSec: number | null
  thumbnail: boolean
}

/**
 * Where the language model stands, as the app last saw it.
 * `unreachable`: nothing answers at the host; `model_missing`: the server answers but the
 * chosen model is not installed; `error`: it answered with something else that failed.
 */
export type LlmState = 'unknown' | 'ready' | 'unreachable' | 'model_missing' | 'unauthorized' | 'error'

export interface LlmStatus {
  /** The primary route: Ollama, or the cloud when the policy is `cloud`. */
  state: LlmState
  provider: 'ollama' | 'openai'
  host: string
  model: string
  detail: string | null
  checkedAt: number | null
  policy: LlmPolicy
  /** The cloud fallback under `local_then_cloud`; null otherwise. */
  fallback: { state: LlmState; host: string; model: string; detail: string | null } | null
  /** Whether a customer message would get an answer now (from either route). */
  canAnswer: boolean
}

export interface ModelInfoDto {
  name: string
  sizeBytes: number | null
  family: string | null
  parameterSize: string | null
  quantization: string | null
  embedding: boolean
}

/**
 * `unpaired`: no session stored; `pairing`: waiting for the owner to scan the QR or type the
 * code; `connecting`/`open`: with a session; `closed`: dropped, reconnecting (or given up, see
 * `WhatsappStatus.gaveUp`); `logged_out`: the phone unlinked the app, pair again; `replaced`:
 * another WhatsApp Web session took over.
 */
export type WhatsappState = 'unpaired' | 'pairing' | 'connecting' | 'open' | 'closed' | 'logged_out' | 'replaced'

export interface WhatsappStatus {
  state: WhatsappState
  /** The QR payload to draw while pairing by QR (Baileys rotates it about every 20 s). */
  qr: string | null
  /** The 8-character code to type on the phone while pairing by phone number. */
  pairingCode: string | null
  /** The linked number, once paired. */
  phone: string | null
  /** Plain-Spanish explanation of the state (why it closed, when it retries). */
  detail: string | null
  /** When the next reconnect attempt happens (epoch ms), if one is scheduled. */
  retryAt: number | null
  gaveUp: boolean
  lastMessageAt: number | null
}

export interface AppStatus {
  version: string
  whatsapp: WhatsappStatus
  llm: LlmStatus
  /** Customer messages stored but not answered because the model was not available. */
  waitingForModel: number
  /** The disk refuses the app's writes (it is full); what could not be written is retried. */
  diskFull: boolean
}

export interface Settings {
  llm: {
    /** Ollama's address. */
    host: string
    model: string
    temperature: number
    policy: LlmPolicy
    /** Context window asked of Ollama (`num_ctx`); the prompt is built to fit it. */
    contextTokens: number
    /** Longest answer in tokens (`num_predict`). */
    maxReplyTokens: number
    /** Longest wait for the model's first token, and between tokens. */
    timeoutSeconds: number
    /** Sent once per outage to a customer whose message waits for the model; null = say nothing. */
    holdingReply: string | null
  }
  /** An OpenAI-compatible endpoint (Groq by default) used as fallback or as the only model. The key is stored apart, encrypted. */
  cloud: {
    label: string
    baseUrl: string
    model: string
    /**
     * What the service charges, in US dollars per million tokens, as providers publish it
     * (input = what the app sends, output = what the model writes); null = not set, and
     * "Menos nube" shows tokens without a cost.
     */
    priceInputPerMillion: number | null
    priceOutputPerMillion: number | null
  }
  retrieval: {
    maxProducts: number
    maxExamples: number
    /** Catalogs this small go whole into the prompt. */
    wholeCatalogUpTo: number
    /** `auto`: the first embedding model installed in Ollama; `off`: text ranking only; or a model name. */
    embeddingModel: string
  }
  guardrails: GuardrailSettings
  businessHours: BusinessHours
  training: TrainingSettings
  persona: {
    shopName: string
    systemPrompt: string
  }
  /** Where the shop is (the "Tienda" step of Primeros pasos). Its time zone is `businessHours.timezone`. */
  shop: ShopSettings
  /** How many earlier messages of the chat the bot sees. */
  historyMessages: number
  locale: 'es' | 'en'
  /**
   * Demo mode: the demo conversations (cli demo-data) count in Revisión, Estadísticas and new
   * datasets — all of them or none, so reviewing demo exchanges is never work a dataset ignores.
   */
  demoMode: boolean
  learning: LearningSettings
  whatsapp: WhatsappSettings
  /** Ajustes → Aprendizaje automático: when the loop trains a new version by itself. */
  cycle: CycleSettings
}

/** `off`: only by hand; `suggest`: the app says a version is worth training, one tap does it; `automatic`: it trains at night. */
export type CycleMode = 'off' | 'suggest' | 'automatic'

export interface CycleSettings {
  mode: CycleMode
  /** New exchanges worth learning from (score ≥ the dataset threshold, or approved or rewritten) since the last version. */
  minNewExamples: number
  /** At most one automatic version per this many days. */
  minDaysBetween: number
  /** The night window, in the shop's time zone ("HH:MM"; start after end spans midnight). */
  windowStart: string
  windowEnd: string
  /** Only while nobody uses the computer (where the system says). */
  requireIdle: boolean
  /** Only on mains power (where the system says). */
  requireMains: boolean
  /** A new version is watched over its first this many customer exchanges. */
  watchExchanges: number
  /** Rolled back when its mean score is lower than the previous version's by more than this (points of 1–5). */
  watchScoreMargin: number
  /** …or its success rate or share of owner takeovers is worse by more than this (a fraction: 0.1 = 10 points). */
  watchRateMargin: number
}

export interface ShopSettings {
  /** ISO 3166 code from src/shared/countries.ts; null until the owner picks one. */
  country: string | null
  /** ISO 4217: the catalog's currency when a product names none, and how prices are shown. */
  currency: string
  /** Intl locale tag for numbers, prices and dates (es-CO, es-MX, pt-BR…), one of the countries'. */
  numberLocale: string
}

export interface WhatsappSettings {
  /** Customer messages older than this when they arrive (the app was off) are stored, not answered. */
  maxAnswerAgeMinutes: number
  /** After the owner writes in a chat, the bot stays quiet there this long; 0 = until switched back on. */
  takeoverPauseMinutes: number
  /** Wait this long after a customer's last message before answering, so a burst gets one reply. */
  debounceMs: number
  /** What the bot says to stickers, audio, locations…; null = stay silent. */
  unsupportedReply: string | null
  /** Minimum spacing between two messages to the same chat. */
  perChatMinIntervalMs: number
  /** Most messages the app sends per minute across all chats. */
  globalPerMinute: number
  /** Mark answered customer messages as read (blue ticks). */
  sendReadReceipts: boolean
}

/**
 * Stands in the `model` column of the exchanges the owner answered personally: they are the
 * owner's own words, never a version of the bot, so stats and filters name them apart.
 */
export const OWNER_ANSWERS_MODEL = 'dueño'

/** The seed's categories of customer messages. */
export const CATEGORIES = [
  'consulta_producto',
  'proceso_pago',
  'solicitud_foto',
  'consulta_precio',
  'consulta_envio',
  'general',
] as const
export type Category = (typeof CATEGORIES)[number]

export type ReviewStatus = 'pending' | 'approved' | 'rejected' | 'corrected'
/** Where an automatic score came from. */
export type ScoreSource = 'rules' | 'classifier' | 'llm_judge' | 'no_reply' | 'takeover' | 'sale' | 'owner'

export interface ChatTurn {
  role: 'user' | 'assistant'
  content: string
}

/** One captured exchange (a `training_data` row) as the review screen sees it. */
export interface ExchangeDto {
  id: string
  conversationId: string
  customerName: string | null
  userMessage: string
  botResponse: string
  /** The owner's rewrite; when set it is the training target. */
  correctedResponse: string | null
  context: ChatTurn[]
  productId: string | null
  productName: string | null
  category: Category | null
  /** Effective score: the owner's when set, else the automatic one. */
  qualityScore: number | null
  autoScore: number | null
  autoScoreSource: ScoreSource | null
  autoConfidence: number | null
  manualScore: number | null
  wasSuccessful: boolean | null
  userFeedback: string | null
  reviewStatus: ReviewStatus
  model: string | null
  isDemo: boolean
  createdAt: number
  evaluatedAt: number | null
  reviewedAt: number | null
}

export interface CaptureHealth {
  /** Captures waiting to be written. */
  pending: number
  captured: number
  failedAttempts: number
  lastError: string | null
  lastErrorAt: number | null
}

export interface DatasetDto {
  id: string
  name: string
  status: 'building' | 'ready' | 'failed'
  path: string | null
  trainCount: number
  validationCount: number
  /** The manifest written beside the files (counts per category and score, filters, hashes). */
  manifest: Record<string, unknown> | null
  error: string | null
  createdAt: number
}

export interface DatasetProgress {
  datasetId: string
  stage: 'loading' | 'filtering' | 'scrubbing' | 'deduplicating' | 'balancing' | 'splitting' | 'writing' | 'done'
  done: number
  total: number
}

/** Exchanges, mean score (1–5) and success rate (sales among known outcomes, 0–1) of a group. */
export interface StatsSeries {
  exchanges: number
  meanScore: number | null
  successRate: number | null
}

export interface StatsDailyPoint extends StatsSeries {
  day: string
  /** Exchanges of that day scoring ≥ 4, and those still waiting for the owner's review. */
  highQuality: number
  backlog: number
}

export interface StatsModelPoint extends StatsSeries {
  /** The Ollama model name as recorded on each exchange ('' when unknown). */
  model: string
  /** Our version number when the model is one of the shop's versions; null for any other model. */
  version: number | null
  source: 'base' | 'finetune' | 'prompt' | 'import' | null
  /** When the version was made (trained) and put live; null when not one of ours. */
  createdAt: number | null
  deployedAt: number | null
  live: boolean
  firstDay: string
  lastDay: string
}

export interface StatsDto {
  /** The seed's getDatasetStats: total, byCategory × score, highQuality (score ≥ 4). */
  total: number
  byCategory: { category: string; qualityScore: number | null; count: number }[]
  highQuality: number
  reviewBacklog: number
  keyFigures: {
    /** Chats with a message today (the day of the machine), whatever the date filter. */
    conversationsToday: number
    exchanges: number
    highQuality: number
    successRate: number | null
    meanScore: number | null
    /** The model that answers now: the cloud's under the `cloud` policy (`cloud` names its provider), else Ollama's. */
    liveModel: {
      name: string
      cloud: string | null
      version: number | null
      source: StatsModelPoint['source']
      createdAt: number | null
      deployedAt: number | null
    } | null
  }
  /** One row per score 1–5: how many exchanges got it from the automatic scorer and from the owner. */
  scoreDistribution: { score: number; auto: number; owner: number }[]
  daily: StatsDailyPoint[]
  /** In the order the models went live (the shop's versions by number, others by first use); never the owner's answers. */
  perModel: StatsModelPoint[]
  /** The answers the owner wrote personally, on their own line: not a version to compare against. Null when none. */
  ownerAnswers: (StatsSeries & { firstDay: string; lastDay: string }) | null
  /** High-quality examples accumulated up to each day (those before the date filter included). */
  datasetGrowth: { day: string; added: number; cumulative: number }[]
  /** Datasets generated within the period, as markers on the growth curve. */
  datasets: { id: string; name: string; day: string; trainCount: number; validationCount: number }[]
  backlogByCategory: { category: string; count: number }[]
  /** Every model seen, for the model filter (not narrowed by the filters). */
  models: string[]
  /** "Menos nube": per week, who wrote the answers and what the cloud cost (dates and demo filters only). */
  cloudUsage: StatsCloudUsage
}

export interface StatsCloudUsage {
  /** Consecutive weeks (Monday first), oldest first; empty when there is nothing in the period. */
  weeks: StatsCloudWeek[]
  /** Both prices are set in Ajustes → Nube; without them `costUsd` is null. */
  priced: boolean
}

export interface StatsCloudWeek {
  /** Its Monday, YYYY-MM-DD (the computer's time zone, as every stats day). */
  week: string
  /** Answers sent by the shop's own models (the owner's personal answers are not counted). */
  localAnswers: number
  cloudAnswers: number
  /** cloudAnswers out of all answers; null in a week without answers. */
  cloudShare: number | null
  /** Paid calls: answers, retries, the teacher's suggestions, failed ones included. */
  cloudCalls: number
  failedCalls: number
  promptTokens: number
  completionTokens: number
  /** Some calls' tokens were estimated from the characters (the service did not report them). */
  estimated: boolean
  /** US dollars at the prices set now; null without them. */
  costUsd: number | null
  /** The versions that went live that week. */
  versions: { name: string; version: number; deployedAt: number }[]
}

export interface LearningSettings {
  /** Curation threshold: exchanges scoring at least this go into datasets. */
  minScore: number
  /** Hours without a customer reply after which the bot's answer counts as not engaging. */
  noReplyHours: number
  /** Ask the model to judge each exchange as well (slower; off by default). */
  llmJudge: boolean
  /** Owner reviews needed before the learned scorer blends in. */
  ownerClassifierMinReviews: number
  nearDuplicateThreshold: number
  /** No category above this share of a dataset; null = no cap. */
  maxPerCategoryShare: number | null
  validationRatio: number
  /** Prior turns kept as context in each training example. */
  contextTurns: number
}

/** `local`: only Ollama; `local_then_cloud`: Ollama, and the cloud when Ollama cannot answer; `cloud`: only the cloud. */
export type LlmPolicy = 'local' | 'local_then_cloud' | 'cloud'

/** A weekly opening schedule in the shop's time zone. Times are "HH:MM", 24 h; close > open. */
export interface BusinessHours {
  enabled: boolean
  /** IANA zone, e.g. America/Bogota. */
  timezone: string
  /** Opening ranges; `day` is 0 = Sunday … 6 = Saturday, several ranges a day allowed. */
  week: { day: number; open: string; close: string }[]
  /** Sent once per closed spell to a customer who writes while the shop is closed. */
  message: string
  /** After the message, the bot still answers (`message_and_answer`) or waits for the owner (`message_only`). */
  mode: 'message_and_answer' | 'message_only'
}

export interface GuardrailSettings {
  /** Longest answer the bot sends; longer ones are cut at a sentence end. */
  maxReplyChars: number
  /** Check every amount in an answer against the catalog (regenerate, else a safe answer). */
  checkPrices: boolean
  /** Amounts the bot may say that are not product prices (shipping, for instance). */
  extraAllowedAmounts: number[]
  /** When a customer asks for a person: the bot says this, pauses in that chat and tells the owner. */
  handoffReply: string
}

export type TrainingBackend = 'llamacpp' | 'prompt' | 'import'
export type TrainingStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
export type TrainingStage = 'preparing' | 'training' | 'quantizing' | 'registering' | 'validating' | 'deploying'

export interface LossPoint {
  /** Step counted over the whole run (epochs one after the other). */
  step: number
  epoch: number
  loss: number
}

/** Where a training stands: epoch of epochs, step of the epoch's steps, the latest loss, speed and ETA. */
export interface TrainingStepProgress {
  epoch: number
  epochs: number
  /** Step within the epoch, and steps per epoch. */
  step: number
  steps: number
  loss: number | null
  tokensPerSecond: number | null
  etaSeconds: number | null
}

export interface TrainingProgress extends TrainingStepProgress {
  runId: string
  stage: TrainingStage
}

export interface ValidationSample {
  question: string
  reference: string
  live: string
  candidate: string
  liveChrf: number
  candidateChrf: number
}

/** Candidate vs live model on the dataset's validation split. */
export interface ValidationReport {
  examples: number
  /** `token`: same tokenizer, per-token perplexity; `byte`: different tokenizers, per UTF-8 byte so they compare. */
  perplexityUnit: 'token' | 'byte'
  /** The side the candidate was measured against: the live model, or (`comparedWith: 'base'`) its own untrained base. */
  live: { model: string; perplexity: number | null; chrf: number | null }
  candidate: { model: string; perplexity: number | null; chrf: number | null }
  /**
   * `base` when the live model is of another family than the candidate (then beating it would
   * say nothing about the training) and the candidate was compared with the model it was made
   * from; absent on reports made before this was recorded (they compared with the live model).
   */
  comparedWith?: 'live' | 'base'
  better: boolean
  /** Why, in Spanish, for the owner. */
  reasons: string[]
  samples: ValidationSample[]
  /** The shop's basics (greeting, prices, shipping, payment) asked of both sides; absent on older reports. */
  basics?: BasicsReport
}

export interface BasicsReport {
  questions: number
  /** How many the side it was compared with got right (null: it could not be asked). */
  live: number | null
  candidate: number
  /** What the new version got wrong that the other did not: "el precio de Parlante 20W". */
  forgotten: string[]
  /** The gate's word: nothing basic was lost. */
  ok: boolean
}

export interface TrainingRunDto {
  id: string
  datasetId: string | null
  datasetName: string | null
  backend: TrainingBackend
  baseModel: string
  status: TrainingStatus
  stage: TrainingStage | null
  params: Record<string, unknown>
  lossCurve: LossPoint[]
  validation: ValidationReport | null
  /** The version this run produced, and whether it went live. */
  modelVersion: { id: string; name: string; isLive: boolean } | null
  forced: boolean
  error: string | null
  createdAt: number
  startedAt: number | null
  finishedAt: number | null
}

export interface ModelVersionDto {
  id: string
  name: string
  version: number
  source: 'base' | 'finetune' | 'prompt' | 'import'
  baseModel: string | null
  trainingRunId: string | null
  validation: ValidationReport | null
  isLive: boolean
  createdAt: number
  deployedAt: number | null
}

/** A model the llama.cpp backend can start from. */
export interface BaseModelOption {
  /** What `training.start` takes as `baseModel`: the GGUF path. */
  path: string
  /** The Ollama model it is installed as, when it comes from Ollama's store. */
  ollamaModel: string | null
  sizeBytes: number
  fileType: string
  layers: number | null
  parameterCount: number | null
  trainable: boolean
  reason: string | null
}

export interface TrainingOptionsDto {
  datasets: DatasetDto[]
  backends: { id: TrainingBackend; available: boolean; reason: string | null }[]
  baseModels: BaseModelOption[]
  liveModel: string
  running: string | null
  /** The `path` of the base in `baseModels` that the chosen model plan trains from (`training.baseModel`), to preselect. */
  preferredBaseModel: string | null
}

export interface TrainingSettings {
  /** A folder with llama.cpp tools built elsewhere (a CUDA build, say); null = the app's own. */
  llamaBinDir: string | null
  /** Ollama's model store, where base models are looked for; null = Ollama's default place. */
  ollamaModelsDir: string | null
  epochs: number
  /** Tokens per training sequence. */
  contextTokens: number
  learningRate: number
  freezeLayers: number
  /**
   * The Ollama tag of the F16 training base of the model plan the owner chose
   * ("qwen2.5:1.5b-instruct-fp16"); null = none chosen (data folders from before the plans).
   */
  baseModel: string | null
}

/** One condition of the automatic cycle, in the owner's words. */
export interface CycleCondition {
  id: 'mode' | 'material' | 'interval' | 'window' | 'closed' | 'idle' | 'power' | 'disk' | 'training'
  met: boolean
  /** What it asks, or what is missing: "Faltan 23 ejemplos nuevos (hay 77 de 100)". */
  text: string
}

export type CycleRunStatus = 'running' | 'deployed' | 'kept' | 'failed' | 'rolled_back'

export interface CycleRunDto {
  id: string
  trigger: 'automatic' | 'owner'
  status: CycleRunStatus
  newExamples: number
  datasetId: string | null
  trainingRunId: string | null
  /** The version it made, and the one that was live before it. */
  version: { id: string; name: string; version: number } | null
  previousVersion: { id: string; name: string; version: number } | null
  /** After going live: being watched, passed the watch, or rolled back by it. */
  watch: { status: 'watching' | 'passed' | 'rolled_back'; target: number; seen: number; reasons: string[] } | null
  /** The morning summary in plain words, and whether the owner has read it. */
  summary: string | null
  summaryRead: boolean
  /** The numbers behind each automatic step (validation, watch), for the run history. */
  details: Record<string, unknown>
  error: string | null
  startedAt: number
  finishedAt: number | null
}

export interface CycleDto {
  mode: CycleMode
  conditions: CycleCondition[]
  /** New exchanges worth learning from since the last version. */
  newExamples: number
  lastRun: CycleRunDto | null
  /** When the automatic cycle may run next (null: off, or nothing can be said). */
  nextRunAt: number | null
  /** The first condition not met, in words; null when it would run now. */
  reasonNotYet: string | null
  /** `suggest` mode with enough material: the app proposes a new version. */
  suggestion: { newExamples: number } | null
  /** A summary not read yet: the morning card. */
  unreadSummary: CycleRunDto | null
}

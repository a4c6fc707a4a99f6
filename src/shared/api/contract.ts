// The one API contract. Electron IPC and HTTP are two bindings of the handler table that
// implements it; the renderer only ever sees `ApiClient`.
import { z } from 'zod'
import { productInputSchema, type CatalogImportReport, type PhotoImportReport, type ProductDto } from '../catalog'
import {
  CATEGORIES,
  type AppStatus,
  type CaptureHealth,
  type ConversationDto,
  type CycleDto,
  type CycleRunDto,
  type DatasetDto,
  type ExchangeDto,
  type LlmStatus,
  type ModelInfoDto,
  type ModelVersionDto,
  type TrainingOptionsDto,
  type TrainingRunDto,
  type MessageDto,
  type Settings,
  type StatsDto,
  type WhatsappStatus,
} from '../types'
import { countryByCode, isCountryLocale, isKnownCurrency } from '../countries'
import { SETUP_STEPS, VOICE_MODEL_IDS, type ModelPlanDto, type ModelPullDto, type OllamaInstallDto, type SetupDto, type VoiceModelDto } from '../setup'

/** Ties an input schema to a result type; `output` exists only for the type checker. */
function method<I extends z.ZodType, O>(input: I): { input: I; output: O } {
  return { input, output: undefined as O }
}

const noInput = z.object({}).strict()
const id = z.string().trim().min(1, 'No puede quedar vacío.').max(64)

/** "HH:MM" on a 24-hour clock. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Escribe la hora como 22:00 (de 00:00 a 23:59).' })

/** A photo sent from a screen (product form, reply box). 15 MB of photo is 20 MB in base64; its real size is checked again after decoding. */
const photoUpload = {
  dataBase64: z.string().min(1, 'Elige una foto.').max(21_000_000, 'La foto pesa más de 15 MB. Elige una más liviana.'),
  mimeType: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^image\/[a-z0-9.+-]+$/, 'Ese archivo no es una foto. Usa una foto JPG, PNG o WebP.'),
}

/**
 * What the pretend customer may send, as a real one can: WhatsApp caps media at 16 MB (22.4 M
 * characters of base64); a photo keeps the 15 MB of `photoUpload`. Real size and content are
 * checked again after decoding.
 */
const SIMULATED_PHOTO_TYPES = /^image\/(jpeg|png|webp)$/
const SIMULATED_VOICE_TYPES = /^audio\/(ogg|opus)(\s*;\s*codecs="?opus"?)?$/
const simulatedMedia = z
  .object({
    kind: z.enum(['image', 'audio']),
    mimeType: z.string().trim().toLowerCase().max(100),
    dataBase64: z.string().min(1, 'Elige un archivo.').max(22_400_000, 'El archivo pesa más de 16 MB. Elige uno más liviano.'),
  })
  .strict()
  .superRefine((media, ctx) => {
    if (media.kind === 'image') {
      if (!SIMULATED_PHOTO_TYPES.test(media.mimeType)) ctx.addIssue({ code: 'custom', path: ['mimeType'], message: 'Ese archivo no es una foto. Usa una foto JPG, PNG o WebP.' })
      if (media.dataBase64.length > 21_000_000) ctx.addIssue({ code: 'custom', path: ['dataBase64'], message: 'La foto pesa más de 15 MB. Elige una más liviana.' })
    } else if (!SIMULATED_VOICE_TYPES.test(media.mimeType)) {
      ctx.addIssue({ code: 'custom', path: ['mimeType'], message: 'Ese audio no es una nota de voz de WhatsApp. Usa un audio .ogg u .opus.' })
    }
  })

const settingsPatchSchema = z
  .object({
    llm: z
      .object({
        host: z.url({ protocol: /^https?$/, message: 'Debe ser una dirección web completa, que empiece por http:// o https://.' }),
        model: z.string().trim().min(1).max(200),
        temperature: z.number().min(0).max(2),
        policy: z.enum(['local', 'local_then_cloud', 'cloud']),
        contextTokens: z.number().int().min(1024).max(131_072),
        maxReplyTokens: z.number().int().min(32).max(4096),
        timeoutSeconds: z.number().int().min(5).max(900),
        holdingReply: z.string().trim().min(1).max(500).nullable(),
      })
      .partial()
      .strict(),
    cloud: z
      .object({
        label: z.string().trim().min(1).max(40),
        baseUrl: z.url({ protocol: /^https?$/, message: 'Debe ser una dirección web completa, que empiece por http:// o https://.' }),
        model: z.string().trim().min(1).max(200),
        // US$ per million tokens, as providers publish prices; 1,000 is far above any chat model's.
        priceInputPerMillion: z.number().min(0).max(1000).nullable(),
        priceOutputPerMillion: z.number().min(0).max(1000).nullable(),
      })
      .partial()
      .strict(),
    retrieval: z
      .object({
        maxProducts: z.number().int().min(0).max(30),
        maxExamples: z.number().int().min(0).max(10),
        wholeCatalogUpTo: z.number().int().min(0).max(100),
        embeddingModel: z.string().trim().min(1).max(200),
      })
      .partial()
      .strict(),
    guardrails: z
      .object({
        maxReplyChars: z.number().int().min(80).max(4000),
        checkPrices: z.boolean(),
        extraAllowedAmounts: z.array(z.number().nonnegative().max(1e12)).max(50),
        handoffReply: z.string().trim().min(1).max(500),
      })
      .partial()
      .strict(),
    training: z
      .object({
        llamaBinDir: z.string().trim().min(1).max(1000).nullable(),
        ollamaModelsDir: z.string().trim().min(1).max(1000).nullable(),
        epochs: z.number().int().min(1).max(50),
        contextTokens: z.number().int().min(64).max(8192),
        learningRate: z.number().min(1e-7).max(1e-2),
        freezeLayers: z.number().int().min(0).max(200),
        baseModel: z.string().trim().min(1).max(200).nullable(),
      })
      .partial()
      .strict(),
    businessHours: z
      .object({
        enabled: z.boolean(),
        timezone: z.string().trim().min(1).max(64),
        week: z
          .array(
            z
              .object({
                day: z.number().int().min(0).max(6),
                open: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Escribe la hora con horas y minutos, como 09:00.'),
                close: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Escribe la hora con horas y minutos, como 09:00.'),
              })
              .strict(),
          )
          .max(28),
        message: z.string().trim().min(1).max(500),
        mode: z.enum(['message_and_answer', 'message_only']),
      })
      .partial()
      .strict(),
    persona: z
      .object({
        shopName: z.string().trim().min(1).max(120),
        systemPrompt: z.string().trim().min(1).max(8000),
      })
      .partial()
      .strict(),
    shop: z
      .object({
        country: z
          .string()
          .trim()
          .toUpperCase()
          .refine((code) => countryByCode(code) !== null, 'Elige un país de la lista.')
          .nullable(),
        currency: z.string().trim().toUpperCase().refine(isKnownCurrency, 'Escribe una moneda conocida, como COP.'),
        numberLocale: z.string().trim().refine(isCountryLocale, 'Elige el formato de números de un país de la lista.'),
      })
      .partial()
      .strict(),
    historyMessages: z.number().int().min(0).max(50),
    locale: z.enum(['es', 'en']),
    /** Demo data (cli demo-data) in Revisión, Estadísticas and new datasets: one switch for the whole app. */
    demoMode: z.boolean(),
    learning: z
      .object({
        minScore: z.number().int().min(1).max(5),
        noReplyHours: z.number().min(0.25).max(24 * 14),
        llmJudge: z.boolean(),
        ownerClassifierMinReviews: z.number().int().min(5).max(10_000),
        nearDuplicateThreshold: z.number().min(0.5).max(1),
        maxPerCategoryShare: z.number().min(0.05).max(1).nullable(),
        validationRatio: z.number().min(0).max(0.5),
        contextTurns: z.number().int().min(0).max(20),
      })
      .partial()
      .strict(),
    /**
     * The owner agreed to an address that is not private: a plain http:// Ollama host on
     * another machine, or a cloud endpoint without https. Never stored; without it such a
     * change is refused with the reason.
     */
    confirmInsecure: z.boolean(),
    whatsapp: z
      .object({
        maxAnswerAgeMinutes: z.number().int().min(1).max(7 * 24 * 60),
        takeoverPauseMinutes: z.number().int().min(0).max(7 * 24 * 60),
        debounceMs: z.number().int().min(0).max(60_000),
        unsupportedReply: z.string().trim().min(1).max(500).nullable(),
        perChatMinIntervalMs: z.number().int().min(1000).max(60_000),
        globalPerMinute: z.number().int().min(1).max(40),
        sendReadReceipts: z.boolean(),
      })
      .partial()
      .strict(),
    cycle: z
      .object({
        mode: z.enum(['off', 'suggest', 'automatic']),
        minNewExamples: z.number().int().min(10).max(100_000),
        minDaysBetween: z.number().int().min(1).max(90),
        windowStart: clockTime,
        windowEnd: clockTime,
        requireIdle: z.boolean(),
        requireMains: z.boolean(),
        watchExchanges: z.number().int().min(10).max(10_000),
        watchScoreMargin: z.number().min(0).max(4),
        watchRateMargin: z.number().min(0).max(1),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict()

export type SettingsPatch = z.infer<typeof settingsPatchSchema>

const score = z.number().int().min(1, 'Debe ser una nota del 1 al 5.').max(5, 'Debe ser una nota del 1 al 5.')
const ids = z.array(id).min(1, 'Elige al menos una respuesta.').max(500)
const epochMs = z.number().int().nonnegative()

const reviewFiltersSchema = z
  .object({
    category: z.enum(CATEGORIES).optional(),
    minScore: score.optional(),
    maxScore: score.optional(),
    status: z.enum(['pending', 'approved', 'rejected', 'corrected', 'all']).default('pending'),
    model: z.string().trim().min(1).max(200).optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    /** Absent: the app's demo mode (`settings.demoMode`) decides. */
    includeDemo: z.boolean().optional(),
  })
  .strict()
/** The filters once the demo mode has answered for an absent `includeDemo`. */
export type ReviewFilters = z.output<typeof reviewFiltersSchema> & { includeDemo: boolean }

const datasetOptionsSchema = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    minScore: score.optional(),
    includeUnreviewed: z.boolean().optional(),
    nearDuplicateThreshold: z.number().min(0.5).max(1).optional(),
    maxPerCategoryShare: z.number().min(0.05).max(1).nullable().optional(),
    validationRatio: z.number().min(0).max(0.5).optional(),
    contextTurns: z.number().int().min(0).max(20).optional(),
    /** Absent: the app's demo mode (`settings.demoMode`) decides. */
    includeDemo: z.boolean().optional(),
  })
  .strict()
export type DatasetOptions = z.output<typeof datasetOptionsSchema>

/** A file name, not a path: nothing that could climb out of the imports folder. */
const importFileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..' && name.trim() === name, 'Escribe solo el nombre de un archivo de la carpeta de importación, no una ruta.')

/** A file the owner may import: one in the imports folder, or the one picked on the desktop. */
export interface ImportFileDto {
  name: string
  sizeBytes: number
  /** What its first bytes say it is; `unknown` files are listed so the owner sees why they are refused. */
  format: 'gguf' | 'safetensors' | 'unknown'
}

/** Where imports can come from on this machine. */
export interface ImportSourcesDto {
  /** The folder whose files can be imported by name (`<data folder>/imports`). */
  folder: string
  /** The desktop app can open a file picker; the browser (headless) cannot. */
  picker: boolean
  files: ImportFileDto[]
}

const trainingStartSchema = z
  .object({
    datasetId: id,
    backend: z.enum(['llamacpp', 'prompt', 'import']),
    /** llama.cpp: the base GGUF's path; prompt and adapter import: the Ollama model to start FROM (default: the live one). */
    baseModel: z.string().trim().min(1).max(1000).optional(),
    /**
     * Import: a GGUF model, or a LoRA adapter (GGUF or safetensors file) trained elsewhere,
     * named one of two ways and never by a path: a file NAME in the imports folder
     * (`training.imports`), or the handle the desktop file picker gave (`training.pickImport`).
     */
    importFile: importFileName.optional(),
    importHandle: z.string().trim().min(1).max(64).optional(),
    importKind: z.enum(['model', 'adapter']).optional(),
    epochs: z.number().int().min(1).max(50).optional(),
    contextTokens: z.number().int().min(64).max(8192).optional(),
    learningRate: z.number().min(1e-7).max(1e-2).optional(),
    freezeLayers: z.number().int().min(0).max(200).optional(),
    /** Put it live even if validation says it is not better. */
    force: z.boolean().default(false),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.backend === 'llamacpp' && !value.baseModel) ctx.addIssue({ code: 'custom', path: ['baseModel'], message: 'Elige el modelo de partida (el archivo .gguf).' })
    if (value.backend === 'import' && !value.importFile && !value.importHandle) ctx.addIssue({ code: 'custom', path: ['importFile'], message: 'Elige el archivo que quieres importar.' })
    if (value.importFile && value.importHandle) ctx.addIssue({ code: 'custom', path: ['importHandle'], message: 'Elige un archivo de la carpeta o uno del selector, no los dos.' })
  })
export type TrainingStartInput = z.output<typeof trainingStartSchema>

const statsFiltersSchema = z
  .object({
    from: epochMs.optional(),
    to: epochMs.optional(),
    category: z.enum(CATEGORIES).optional(),
    model: z.string().trim().min(1).max(200).optional(),
    /** Absent: the app's demo mode (`settings.demoMode`) decides. */
    includeDemo: z.boolean().optional(),
  })
  .strict()
/** The filters once the demo mode has answered for an absent `includeDemo`. */
export type StatsFilters = z.output<typeof statsFiltersSchema> & { includeDemo: boolean }

export const apiContract = {
  'app.status': method<typeof noInput, AppStatus>(noInput),
  'settings.get': method<typeof noInput, Settings>(noInput),
  'settings.update': method<typeof settingsPatchSchema, Settings>(settingsPatchSchema),
  'llm.check': method<typeof noInput, LlmStatus>(noInput),
  /** The models installed in Ollama, for the model picker; `error` says why the list is empty. */
  'llm.models': method<typeof noInput, { models: ModelInfoDto[]; error: string | null }>(noInput),
  /** Stores (or, with null, deletes) the cloud endpoint's API key, encrypted. It is never read back. */
  'llm.setCloudKey': (() => {
    const input = z.object({ apiKey: z.string().trim().min(8, 'Parece demasiado corta para ser una clave de la nube; cópiala completa.').max(500).nullable() }).strict()
    return method<typeof input, { configured: boolean }>(input)
  })(),
  'llm.cloudKey': method<typeof noInput, { configured: boolean }>(noInput),
  /** What the model would be sent for a message: the prompt editor's preview. */
  'llm.previewPrompt': (() => {
    const input = z.object({ text: z.string().trim().min(1, 'No puede quedar vacío.').max(4096), systemPrompt: z.string().trim().min(1).max(8000).optional() }).strict()
    return method<
      typeof input,
      { messages: { role: 'system' | 'user' | 'assistant'; content: string }[]; estimatedTokens: number; products: string[]; examples: number; semantic: boolean }
    >(input)
  })(),
  'catalog.list': (() => {
    const input = z
      .object({
        query: z.string().trim().max(200).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict()
    return method<typeof input, { items: ProductDto[]; total: number }>(input)
  })(),
  'catalog.save': (() => {
    const input = z.object({ id: id.optional(), product: productInputSchema }).strict()
    return method<typeof input, ProductDto>(input)
  })(),
  'catalog.delete': (() => {
    const input = z.object({ id }).strict()
    return method<typeof input, { deleted: boolean }>(input)
  })(),
  /** Checks a CSV or JSON catalog file and, unless `dryRun`, writes it whole — never half. */
  'catalog.import': (() => {
    const input = z
      .object({
        format: z.enum(['csv', 'json']),
        content: z.string().max(10_000_000, 'El archivo pesa más de 10 MB; divídelo en partes más pequeñas.'),
        dryRun: z.boolean().default(true),
      })
      .strict()
    return method<typeof input, CatalogImportReport>(input)
  })(),
  /** A product's photo, from the product form (picked or dropped): resized, re-encoded, EXIF removed. */
  'catalog.setPhoto': (() => {
    const input = z
      .object({
        productId: id,
        ...photoUpload,
      })
      .strict()
    return method<typeof input, ProductDto>(input)
  })(),
  'catalog.removePhoto': (() => {
    const input = z.object({ productId: id }).strict()
    return method<typeof input, ProductDto>(input)
  })(),
  /**
   * Photos from a folder: each file whose name is a product's code (SKU), its name ("Parlante
   * Portátil 20W.jpg") or the name the catalog's «foto» column gave becomes that product's photo.
   * No paths: `folder` names a folder inside the data folder's `imports/`; absent, the desktop's
   * folder dialog asks (null: the owner closed it).
   */
  'catalog.importPhotos': (() => {
    const input = z.object({ folder: z.string().trim().min(1, 'Escribe el nombre de la carpeta.').max(255).optional() }).strict()
    return method<typeof input, PhotoImportReport | null>(input)
  })(),
  /** One photo of a batch the owner dropped: it becomes the photo of the product whose SKU or name is its file name. */
  'catalog.importPhoto': (() => {
    const input = z
      .object({
        fileName: z.string().trim().min(1, 'No puede quedar vacío.').max(255),
        dataBase64: z.string().min(1, 'Elige una foto.').max(21_000_000, 'La foto pesa más de 15 MB. Elige una más liviana.'),
        mimeType: z.string().trim().toLowerCase().max(100),
      })
      .strict()
    return method<typeof input, { product: ProductDto | null }>(input)
  })(),
  /** A stored photo or voice note, for the screens (never a file path): the full file or its thumbnail. */
  'media.get': (() => {
    const input = z
      .object({
        source: z.enum(['product', 'message']),
        id,
        variant: z.enum(['full', 'thumbnail']).default('full'),
      })
      .strict()
    return method<typeof input, { mimeType: string; dataBase64: string }>(input)
  })(),
  'conversations.list': (() => {
    const input = z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        /** Cursor: only conversations whose last message is older than this (epoch ms). */
        before: z.number().int().positive().optional(),
        /** Part of the customer's name (accents and case do not matter) or of their number. */
        query: z.string().trim().max(100).optional(),
        /** `attention`: the customer asked for a person; `paused`: the bot is not answering there. Absent: all. */
        show: z.enum(['all', 'attention', 'paused']).optional(),
        /** Absent: the app's demo mode (`settings.demoMode`) decides. */
        includeDemo: z.boolean().optional(),
      })
      .strict()
    return method<typeof input, ConversationDto[]>(input)
  })(),
  'conversations.messages': (() => {
    const input = z
      .object({
        conversationId: id,
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict()
    return method<typeof input, MessageDto[]>(input)
  })(),
  'conversations.markRead': (() => {
    const input = z.object({ conversationId: id }).strict()
    return method<typeof input, ConversationDto>(input)
  })(),
  'conversations.setBotMode': (() => {
    const input = z.object({ conversationId: id, mode: z.enum(['bot', 'paused', 'human']) }).strict()
    return method<typeof input, ConversationDto>(input)
  })(),
  'conversations.reply': (() => {
    const input = z.object({ conversationId: id, text: z.string().trim().min(1, 'No puede quedar vacío.').max(4096) }).strict()
    return method<typeof input, MessageDto>(input)
  })(),
  /** The owner sends a photo from the reply box (a takeover, like a typed reply). */
  'conversations.sendPhoto': (() => {
    const input = z
      .object({
        conversationId: id,
        ...photoUpload,
        caption: z.string().trim().max(1024).default(''),
      })
      .strict()
    return method<typeof input, MessageDto>(input)
  })(),
  'whatsapp.status': method<typeof noInput, WhatsappStatus>(noInput),
  'whatsapp.pair': (() => {
    const input = z.discriminatedUnion('method', [
      z.object({ method: z.literal('qr') }).strict(),
      z
        .object({
          method: z.literal('code'),
          /** International format, digits only after an optional +: 573001234567. */
          phone: z.string().trim().regex(/^\+?[0-9]{8,15}$/, 'Escribe el número completo con el código de país, como +57 300 123 4567.'),
        })
        .strict(),
    ])
    return method<typeof input, WhatsappStatus>(input)
  })(),
  'whatsapp.cancelPairing': method<typeof noInput, WhatsappStatus>(noInput),
  'whatsapp.reconnect': method<typeof noInput, WhatsappStatus>(noInput),
  'whatsapp.logout': method<typeof noInput, WhatsappStatus>(noInput),
  'review.list': (() => {
    const input = reviewFiltersSchema.extend({
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    })
    return method<typeof input, { items: ExchangeDto[]; total: number; models: string[] }>(input)
  })(),
  'review.score': (() => {
    const input = z.object({ ids, score }).strict()
    return method<typeof input, { updated: number }>(input)
  })(),
  'review.approve': (() => {
    const input = z.object({ ids }).strict()
    return method<typeof input, { updated: number }>(input)
  })(),
  'review.reject': (() => {
    const input = z.object({ ids }).strict()
    return method<typeof input, { updated: number }>(input)
  })(),
  'review.correct': (() => {
    const input = z.object({ id, response: z.string().trim().min(1, 'No puede quedar vacío.').max(4000) }).strict()
    return method<typeof input, ExchangeDto>(input)
  })(),
  /** The cloud model (the teacher) proposes a better answer for the owner to edit and save. */
  'review.suggest': (() => {
    const input = z.object({ id }).strict()
    return method<typeof input, { text: string; model: string; guardrails: string[] }>(input)
  })(),
  'review.markSale': (() => {
    const input = z.object({ id }).strict()
    return method<typeof input, ExchangeDto>(input)
  })(),
  /** Examples reviewed since the last dataset (what a new one would add): Revisión's "next step". */
  'review.newExamples': method<typeof noInput, { count: number; sinceDataset: number | null }>(noInput),
  'capture.health': method<typeof noInput, CaptureHealth>(noInput),
  'datasets.list': method<typeof noInput, DatasetDto[]>(noInput),
  'datasets.create': method<typeof datasetOptionsSchema, DatasetDto>(datasetOptionsSchema),
  'stats.get': method<typeof statsFiltersSchema, StatsDto>(statsFiltersSchema),
  'training.options': method<typeof noInput, TrainingOptionsDto>(noInput),
  'training.start': method<typeof trainingStartSchema, TrainingRunDto>(trainingStartSchema),
  /** The files in the imports folder, and whether a desktop file picker exists. */
  'training.imports': method<typeof noInput, ImportSourcesDto>(noInput),
  /** Desktop only: opens the file picker; the chosen file comes back as a handle (null: cancelled). */
  'training.pickImport': (() => {
    const input = z.object({ kind: z.enum(['model', 'adapter']) }).strict()
    return method<typeof input, ({ handle: string } & ImportFileDto) | null>(input)
  })(),
  'training.cancel': (() => {
    const input = z.object({ id }).strict()
    return method<typeof input, TrainingRunDto>(input)
  })(),
  'training.list': (() => {
    const input = z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict()
    return method<typeof input, TrainingRunDto[]>(input)
  })(),
  /** One run with the end of its log, for "why did it fail". */
  'training.get': (() => {
    const input = z.object({ id }).strict()
    return method<typeof input, TrainingRunDto & { logTail: string }>(input)
  })(),
  /** The learning cycle: its mode, each condition in words, the last turn, when it may run next. */
  'cycle.get': method<typeof noInput, CycleDto>(noInput),
  /** One tap: a turn now (dataset → training → validation → live if better), whatever the hour. */
  'cycle.runNow': method<typeof noInput, CycleRunDto>(noInput),
  /** The turns, newest first: the history of every automatic step with its numbers. */
  'cycle.list': (() => {
    const input = z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict()
    return method<typeof input, CycleRunDto[]>(input)
  })(),
  /** The owner read the summary card. */
  'cycle.markRead': (() => {
    const input = z.object({ id }).strict()
    return method<typeof input, CycleRunDto>(input)
  })(),
  /** "Deshacer" on the summary: the version live before the turn goes back in use. */
  'cycle.undo': (() => {
    const input = z.object({ id }).strict()
    return method<typeof input, CycleRunDto>(input)
  })(),
  'models.list': method<typeof noInput, ModelVersionDto[]>(noInput),
  /** Puts a version live: a rollback, or a candidate the validation did not prefer. */
  'models.activate': (() => {
    const input = z.object({ id }).strict()
    return method<typeof input, ModelVersionDto[]>(input)
  })(),
  /** The first-day assistant: which steps are done, skipped, and where the owner left off. */
  'setup.get': method<typeof noInput, SetupDto>(noInput),
  /** Step "Tienda": the shop's name and country (which sets currency, number format, phone formats and time zone). */
  'setup.saveShop': (() => {
    const input = z
      .object({
        shopName: z.string().trim().min(1, 'No puede quedar vacío.').max(80),
        country: z.string().trim().regex(/^[A-Z]{2}$/, 'Elige el país de tu tienda en la lista.'),
        timezone: z.string().trim().min(1).max(64).optional(),
      })
      .strict()
    return method<typeof input, SetupDto>(input)
  })(),
  /** "Más tarde" on a step; it stays in the checklist. */
  'setup.skip': (() => {
    const input = z.object({ step: z.enum(SETUP_STEPS) }).strict()
    return method<typeof input, SetupDto>(input)
  })(),
  /** The owner opened a step: remembered, so the assistant reopens there. */
  'setup.open': (() => {
    const input = z.object({ step: z.enum(SETUP_STEPS) }).strict()
    return method<typeof input, SetupDto>(input)
  })(),
  /** The owner closed the assistant (or opened it again from the checklist). */
  'setup.dismiss': (() => {
    const input = z.object({ dismissed: z.boolean() }).strict()
    return method<typeof input, SetupDto>(input)
  })(),
  /** Step "Catálogo": start from an example catalog for the shop's country. */
  'setup.exampleCatalog': method<typeof noInput, CatalogImportReport>(noInput),
  /** Is Ollama running, installed but stopped, missing or too old — and what to do about it. */
  'ollama.detect': method<typeof noInput, OllamaInstallDto>(noInput),
  /** Starts the installed Ollama where the OS allows; answers with the state after trying. */
  'ollama.start': method<typeof noInput, OllamaInstallDto>(noInput),
  /** The models this computer can run and train, the recommended one first. */
  'models.plan': method<typeof noInput, ModelPlanDto>(noInput),
  /** Makes a plan the shop's: its model answers (once downloaded) and its F16 tag is the training base. */
  'models.choosePlan': (() => {
    const input = z.object({ id: z.string().trim().min(1).max(64) }).strict()
    return method<typeof input, ModelPlanDto>(input)
  })(),
  /** Downloads a model into Ollama; progress arrives as `models.pull` events. */
  'models.pull': (() => {
    const input = z.object({ name: z.string().trim().min(1, 'No puede quedar vacío.').max(200) }).strict()
    return method<typeof input, ModelPullDto>(input)
  })(),
  'models.cancelPull': (() => {
    const input = z.object({ name: z.string().trim().min(1).max(200) }).strict()
    return method<typeof input, ModelPullDto | null>(input)
  })(),
  /** Downloads under way or unfinished (they resume by themselves after a restart). */
  'models.pulls': method<typeof noInput, ModelPullDto[]>(noInput),
  /** The voice-note model (Whisper): the size for this computer, whether it is installed, its download. */
  'voice.model': method<typeof noInput, VoiceModelDto>(noInput),
  /** Downloads a voice-note model into the data folder; progress arrives as `voice.pull` events. */
  'voice.pull': (() => {
    const input = z.object({ id: z.enum(VOICE_MODEL_IDS) }).strict()
    return method<typeof input, ModelPullDto>(input)
  })(),
  /** Stops that download; what arrived is kept and the next download resumes from it. */
  'voice.cancelPull': (() => {
    const input = z.object({ id: z.enum(VOICE_MODEL_IDS) }).strict()
    return method<typeof input, ModelPullDto | null>(input)
  })(),
  /** Opens an official page (Ollama's download page) in the owner's browser. */
  'app.openExternal': (() => {
    const input = z.object({ url: z.url({ protocol: /^https$/, message: 'Debe ser una dirección que empiece por https://.' }).max(500) }).strict()
    return method<typeof input, { opened: boolean }>(input)
  })(),
  /**
   * The pretend customer writes, or sends a photo (with the text as its caption) or a voice note
   * (Ogg Opus, what WhatsApp records; no text): it takes the path a WhatsApp message takes.
   */
  'simulator.send': (() => {
    const input = z
      .object({
        /** The pretend customer: a name or phone the owner types. */
        from: z.string().trim().min(1, 'No puede quedar vacío.').max(64),
        text: z.string().trim().max(4096).default(''),
        media: simulatedMedia.optional(),
      })
      .strict()
      .superRefine((value, ctx) => {
        if (!value.media && value.text === '') ctx.addIssue({ code: 'custom', path: ['text'], message: 'No puede quedar vacío.' })
        // WhatsApp's voice notes carry no text; a caption would be lost on the way.
        if (value.media?.kind === 'audio' && value.text !== '') {
          ctx.addIssue({ code: 'custom', path: ['text'], message: 'Una nota de voz va sin texto: envía el mensaje aparte.' })
        }
      })
    return method<typeof input, { conversationId: string; messageId: string }>(input)
  })(),
} as const

export type ApiContract = typeof apiContract
export type ApiMethod = keyof ApiContract
/** What a caller sends (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>
/** What a handler receives, after validation and defaults. */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>
export type ApiOutput<M extends ApiMethod> = ApiContract[M]['output']

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiContract, name)
}

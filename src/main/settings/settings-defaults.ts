import type { Settings } from '../../shared/types'
import { defaultBusinessHours } from '../guardrails/business-hours'
import { DEFAULT_SHOP_NAME, DEFAULT_SYSTEM_PROMPT } from '../../shared/persona'
import { DEFAULT_CURRENCY } from '../../shared/catalog'

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434'
/** The model the seed's Modelfile starts FROM. */
const DEFAULT_MODEL = 'llama3.1:8b'
export { DEFAULT_SHOP_NAME, DEFAULT_SYSTEM_PROMPT }

/**
 * Ollama's own clients accept OLLAMA_HOST as `host`, `host:port` or a URL, and `0.0.0.0`
 * meaning "this machine"; normalise all of them to a URL we can call.
 */
export function normalizeOllamaHost(raw: string | undefined): string {
  const value = raw?.trim()
  if (!value) return DEFAULT_OLLAMA_HOST
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `http://${value}`
  try {
    const url = new URL(withScheme)
    if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1'
    if (!url.port && url.protocol === 'http:' && !/:\d+/.test(value)) url.port = '11434'
    return url.toString().replace(/\/$/, '')
  } catch {
    return DEFAULT_OLLAMA_HOST
  }
}

export function defaultSettings(env: Record<string, string | undefined>): Settings {
  return {
    llm: {
      host: normalizeOllamaHost(env.OLLAMA_HOST),
      model: DEFAULT_MODEL,
      temperature: 0.7,
      policy: 'local',
      // Ollama's own default context (2048 before 0.6) cuts long prompts from the start — the
      // system prompt first; 4096 fits persona, catalog, examples and a dozen turns.
      contextTokens: 4096,
      maxReplyTokens: 300,
      timeoutSeconds: 120,
      holdingReply: '¡Gracias por escribirnos! En un momento te respondemos 🙏',
    },
    cloud: { label: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.1-8b-instant', priceInputPerMillion: null, priceOutputPerMillion: null },
    retrieval: { maxProducts: 6, maxExamples: 3, wholeCatalogUpTo: 15, embeddingModel: 'auto' },
    guardrails: {
      maxReplyChars: 700,
      checkPrices: true,
      extraAllowedAmounts: [],
      handoffReply: 'Claro, ya le aviso a una persona del equipo para que te atienda por aquí. Te escribimos en breve 🙌',
    },
    businessHours: defaultBusinessHours(),
    // Small models on a CPU: a few epochs over short sequences is what fits an evening.
    training: { llamaBinDir: null, ollamaModelsDir: null, epochs: 3, contextTokens: 256, learningRate: 2e-5, freezeLayers: 0, baseModel: null },
    persona: { shopName: DEFAULT_SHOP_NAME, systemPrompt: DEFAULT_SYSTEM_PROMPT },
    // No country until the owner picks one (Primeros pasos asks); until then the shop keeps what
    // the app always assumed — Colombian pesos and Colombian number marks — so a data folder from
    // before this setting prices and formats exactly as it did.
    shop: { country: null, currency: DEFAULT_CURRENCY, numberLocale: 'es-CO' },
    historyMessages: 12,
    locale: 'es',
    // A real shop's figures are its own; `cli demo-data` switches this on for a folder it fills.
    demoMode: false,
    learning: {
      minScore: 4,
      noReplyHours: 24,
      llmJudge: false,
      ownerClassifierMinReviews: 30,
      nearDuplicateThreshold: 0.85,
      maxPerCategoryShare: 0.35,
      validationRatio: 0.1,
      contextTurns: 4,
    },
    whatsapp: {
      maxAnswerAgeMinutes: 60,
      takeoverPauseMinutes: 60,
      debounceMs: 2500,
      unsupportedReply: 'Por ahora solo puedo leer mensajes de texto. ¿Me lo escribes, por favor? 🙏',
      // Well under what gets numbers restricted: see src/main/whatsapp/send-throttle.ts.
      perChatMinIntervalMs: 1500,
      globalPerMinute: 20,
      sendReadReceipts: true,
    },
    // The seed's "100+ conversations" per round; a week apart, at night while the shop is closed.
    // Suggest first: the owner sees a version is worth training before anything trains by itself.
    cycle: {
      mode: 'suggest',
      minNewExamples: 100,
      minDaysBetween: 7,
      windowStart: '23:00',
      windowEnd: '06:00',
      requireIdle: true,
      requireMains: true,
      watchExchanges: 50,
      watchScoreMargin: 0.3,
      watchRateMargin: 0.1,
    },
  }
}

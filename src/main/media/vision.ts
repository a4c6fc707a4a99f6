import { withoutTrailingSlashes } from '../../shared/url'
import type { Clock } from '../kernel/clock'
import { sameModel } from '../../shared/model-catalog'

/** What a vision model saw in a customer's photo. Never certain: the bot says "parece…". */
export interface PhotoDescription {
  /** One short sentence in Spanish. */
  description: string
  /** The catalog product it most looks like, by its exact name, or null. */
  productName: string | null
  /** A bank transfer, deposit or payment receipt (a likely sale, for the owner to confirm). */
  receipt: boolean
}

export interface PhotoDescriber {
  /** The installed model that can see, or null (Ollama's `vision` capability). */
  visionModel(signal?: AbortSignal): Promise<string | null>
  describe(image: Uint8Array, catalogNames: string[], signal?: AbortSignal): Promise<PhotoDescription>
}

export interface OllamaVisionOptions {
  /** Ollama's address now (it follows Ajustes). */
  host: () => string
  /** The chat model: tried first, since a multimodal chat model needs nothing else loaded. */
  preferredModel: () => string
  fetch?: typeof fetch
  /** How long the answer to "which model can see" is kept (installing one takes minutes anyway). */
  cacheMs?: number
  clock?: Clock
}

const SYSTEM = [
  'Eres el asistente de una tienda. Un cliente mandó esta foto por WhatsApp.',
  'Responde SOLO con JSON: {"descripcion": "una frase corta en español de lo que se ve", "producto": "el nombre EXACTO de un producto de la lista que se parezca, o null", "comprobante": true si es un comprobante de pago, transferencia o depósito, si no false}.',
  'Si no estás seguro del producto, pon null.',
].join(' ')

/**
 * Ollama's multimodal models (llava, llama3.2-vision, gemma3, qwen2.5vl…): found by the `vision`
 * capability that /api/show lists, asked through /api/chat with `images`.
 */
export class OllamaVision implements PhotoDescriber {
  private cached: { at: number; host: string; model: string | null } | null = null
  private readonly fetchImpl: typeof fetch
  private readonly clock: Clock

  constructor(private readonly options: OllamaVisionOptions) {
    this.fetchImpl = options.fetch ?? fetch
    this.clock = options.clock ?? Date.now
  }

  async visionModel(signal?: AbortSignal): Promise<string | null> {
    const host = this.options.host()
    const cacheMs = this.options.cacheMs ?? 5 * 60_000
    if (this.cached && this.cached.host === host && this.clock() - this.cached.at < cacheMs) return this.cached.model
    let model: string | null = null
    try {
      const tags = (await this.post('/api/tags', null, signal)) as { models?: { name?: string }[] }
      const installed = (tags.models ?? []).flatMap((m) => (typeof m.name === 'string' ? [m.name] : []))
      const preferred = this.options.preferredModel()
      const ordered = [...installed.filter((name) => sameModel(name, preferred)), ...installed.filter((name) => !sameModel(name, preferred))]
      for (const name of ordered) {
        const show = (await this.post('/api/show', { model: name }, signal)) as { capabilities?: unknown }
        if (Array.isArray(show.capabilities) && show.capabilities.includes('vision')) {
          model = name
          break
        }
      }
    } catch {
      // Ollama away: no vision now; asked again after the cache time.
      model = null
    }
    this.cached = { at: this.clock(), host, model }
    return model
  }

  async describe(image: Uint8Array, catalogNames: string[], signal?: AbortSignal): Promise<PhotoDescription> {
    const model = await this.visionModel(signal)
    if (!model) throw new Error('No vision model installed')
    const list = catalogNames.length > 0 ? `Productos de la tienda: ${catalogNames.map((n) => `"${n}"`).join(', ')}.` : 'La tienda no tiene productos cargados.'
    const answer = (await this.post(
      '/api/chat',
      {
        model,
        stream: false,
        format: 'json',
        options: { temperature: 0 },
        messages: [
          { role: 'system', content: SYSTEM },
          { role: 'user', content: `${list} ¿Qué se ve en la foto?`, images: [Buffer.from(image).toString('base64')] },
        ],
      },
      signal,
    )) as { message?: { content?: unknown } }
    return parseDescription(typeof answer.message?.content === 'string' ? answer.message.content : '', catalogNames)
  }

  private async post(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const url = new URL(path, withoutTrailingSlashes(this.options.host()) + '/')
    const timeout = AbortSignal.timeout(path === '/api/chat' ? 120_000 : 10_000)
    const response = await this.fetchImpl(url, {
      method: body === null ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      ...(body === null ? {} : { body: JSON.stringify(body) }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    })
    if (!response.ok) throw new Error(`Ollama ${path} answered ${response.status}`)
    return response.json()
  }
}

/** The model's JSON, read leniently: a model that wrote prose still gives a description. */
export function parseDescription(content: string, catalogNames: string[]): PhotoDescription {
  let parsed: Record<string, unknown> = {}
  try {
    const start = content.indexOf('{')
    const end = content.lastIndexOf('}')
    if (start >= 0 && end > start) parsed = JSON.parse(content.slice(start, end + 1)) as Record<string, unknown>
  } catch {
    parsed = {}
  }
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null)
  const description = (text(parsed.descripcion) ?? text(parsed.description) ?? content.trim()).slice(0, 500)
  const named = text(parsed.producto) ?? text(parsed.product)
  // Only a name from the list counts: a model's own guess ("un parlante") is no product.
  const productName = named ? (catalogNames.find((n) => n.toLowerCase() === named.toLowerCase()) ?? null) : null
  const flag = parsed.comprobante ?? parsed.receipt
  const receipt = flag === true || flag === 'true' || (flag === undefined && /comprobante|transferencia|dep[oó]sito|recibo de pago/i.test(description))
  return { description, productName, receipt }
}

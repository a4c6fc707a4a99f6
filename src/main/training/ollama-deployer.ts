import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { Ollama, type Message } from 'ollama'

/** What `/api/create` takes (Ollama's API docs); the JS client's type lacks `files`, which it passes through. */
export interface CreateModelRequest {
  model: string
  from?: string
  /** File name → `sha256:<digest>` of a blob already uploaded. */
  files?: Record<string, string>
  adapters?: Record<string, string>
  template?: string
  system?: string
  parameters?: Record<string, unknown>
  messages?: Message[]
}

export interface ShownModel {
  template: string | null
  /** Ollama's parameters text: one `name value` per line, e.g. `stop "<|im_end|>"`. */
  parameters: string | null
  system: string | null
  family: string | null
}

export interface SmokeResult {
  ok: boolean
  text: string
  reason: string | null
}

/**
 * Puts models into Ollama through its REST API: uploads a GGUF as a blob
 * (`HEAD`/`POST /api/blobs/sha256:<digest>`), creates a named model from it with the base's
 * TEMPLATE and stop parameters (`/api/create`, through the official client), runs the smoke test.
 */
export class OllamaDeployer {
  constructor(
    private readonly host: () => string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private client(): Ollama {
    return new Ollama({ host: this.host(), fetch: this.fetchImpl })
  }

  /** Uploads a file unless Ollama already has it; returns `sha256:<hex>`. */
  async uploadBlob(path: string, signal?: AbortSignal): Promise<string> {
    const digest = `sha256:${await sha256File(path)}`
    const url = `${this.host().replace(/\/$/, '')}/api/blobs/${digest}`
    const head = await this.fetchImpl(url, { method: 'HEAD', ...(signal ? { signal } : {}) })
    if (head.ok) return digest
    const size = (await stat(path)).size
    const response = await this.fetchImpl(url, {
      method: 'POST',
      body: Readable.toWeb(createReadStream(path)) as ReadableStream,
      headers: { 'Content-Length': String(size), 'Content-Type': 'application/octet-stream' },
      // Node's fetch needs half duplex to stream a request body.
      duplex: 'half',
      ...(signal ? { signal } : {}),
    } as RequestInit)
    if (!response.ok) throw new Error(`Ollama no aceptó el archivo del modelo (HTTP ${response.status}: ${await response.text()})`)
    return digest
  }

  async create(request: CreateModelRequest, onStatus?: (status: string) => void): Promise<void> {
    const stream = await this.client().create({ ...request, stream: true } as Parameters<Ollama['create']>[0] & { stream: true })
    for await (const part of stream) {
      if (part.status) onStatus?.(part.status)
    }
  }

  async show(model: string): Promise<ShownModel> {
    const shown = await this.client().show({ model })
    return {
      template: shown.template || null,
      parameters: shown.parameters || null,
      system: (shown as { system?: string }).system ?? null,
      family: shown.details?.family ?? null,
    }
  }

  async delete(model: string): Promise<void> {
    await this.client().delete({ model })
  }

  async chat(model: string, messages: Message[], options: { signal?: AbortSignal; maxTokens?: number } = {}): Promise<string> {
    const client = this.client()
    const abort = () => client.abort()
    options.signal?.addEventListener('abort', abort, { once: true })
    try {
      const response = await client.chat({ model, messages, stream: false, options: { temperature: 0, num_predict: options.maxTokens ?? 160 } })
      return response.message.content.trim()
    } finally {
      options.signal?.removeEventListener('abort', abort)
    }
  }

  /**
   * A short real generation through Ollama before the responder switches: a template that does
   * not match the model's training is the usual reason an exported fine-tune answers garbage,
   * and it shows here as empty text, leaked control tokens or a loop.
   */
  async smokeTest(model: string, system: string): Promise<SmokeResult> {
    let text: string
    try {
      text = await this.chat(model, [
        { role: 'system', content: system },
        { role: 'user', content: 'Hola, ¿qué productos venden?' },
      ])
    } catch (error) {
      return { ok: false, text: '', reason: `Ollama no pudo generar con el modelo nuevo: ${error instanceof Error ? error.message : String(error)}` }
    }
    return { text, ...judgeSmokeText(text) }
  }
}

/** Sane text: some words, no chat-template markers, not one token on repeat. */
export function judgeSmokeText(text: string): { ok: boolean; reason: string | null } {
  const trimmed = text.trim()
  if (trimmed.length < 2) return { ok: false, reason: 'El modelo nuevo respondió vacío' }
  if (/<\|[a-z_]+\|>|<\/?s>|\[INST\]/i.test(trimmed)) return { ok: false, reason: 'El modelo nuevo deja ver marcas de la plantilla de chat: la plantilla no coincide con la del entrenamiento' }
  const letters = (trimmed.match(/[\p{L}\p{N}\s.,;:¡!¿?'"()$%-]/gu) ?? []).length
  if (letters / [...trimmed].length < 0.6) return { ok: false, reason: 'El modelo nuevo responde con caracteres sin sentido' }
  const words = trimmed.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length >= 8) {
    const counts = new Map<string, number>()
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1)
    if (Math.max(...counts.values()) / words.length > 0.5) return { ok: false, reason: 'El modelo nuevo repite la misma palabra una y otra vez' }
  }
  return { ok: true, reason: null }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * ChatML in Ollama's Go-template language, for fine-tunes whose GGUF uses that format. Ollama
 * hands the system prompt in `.System` (the last system message), so system messages are
 * skipped in the loop, as Ollama's own Qwen template does.
 */
export const CHATML_OLLAMA_TEMPLATE =
  '{{- if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}' +
  '{{- range .Messages }}{{- if ne .Role "system" }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}{{- end }}<|im_start|>assistant\n'

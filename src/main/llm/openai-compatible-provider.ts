import { trimTrailing } from '../../shared/text-bounds'
import { IdleTimeout } from './idle-timeout'
import { describe, isConnectionFailure } from './network-errors'
import { estimateUsage, readUsage } from './usage'
import {
  LlmCancelledError,
  LlmUnavailableError,
  type ChatRequest,
  type ChatResult,
  type LlmProvider,
  type ModelInfo,
  type ProviderHealth,
} from './llm-provider'

export interface OpenAiCompatibleProviderOptions {
  /** The API root, with the version: `https://api.groq.com/openai/v1`, `https://api.openai.com/v1`. */
  baseUrl: string
  /** Sent as `Authorization: Bearer …`; without one nothing is called. */
  apiKey: string | null
  /** Longest wait for the first byte and between streamed chunks. */
  timeoutMs?: number
  fetch?: typeof fetch
  /** How messages name the service ("Groq"); the host name when absent. */
  label?: string
}

/** Several small requests rather than one huge one: compatible servers cap inputs per request differently. */
const EMBED_BATCH_SIZE = 64
/** A health check must not hang the status screen for a slow minute. */
const HEALTH_TIMEOUT_MS = 10_000

interface ApiError {
  message: string | null
  type: string | null
  code: string | null
}

/**
 * Talks to a cloud endpoint that follows OpenAI's API (OpenAI, Groq, OpenRouter, a vLLM…):
 * streamed chat completions over Server-Sent Events, /models and /embeddings. Plain fetch, no
 * SDK: the surface used is small and the SDK would not know each vendor's quirks either.
 * The key goes only into the Authorization header; no message built here contains it.
 */
export class OpenAiCompatibleProvider implements LlmProvider {
  readonly id = 'openai' as const
  readonly host: string
  private readonly baseUrl: string
  private readonly apiKey: string | null
  private readonly timeoutMs: number
  private readonly fetchImpl: typeof fetch
  private readonly label: string
  /**
   * Asks for the token counts at the end of the stream (`stream_options.include_usage`, which
   * OpenAI documents and most compatible servers accept); turned off for this provider when a
   * server rejects the option, so its answers go on with estimated counts.
   */
  private askUsage = true

  constructor(options: OpenAiCompatibleProviderOptions) {
    this.baseUrl = trimTrailing(options.baseUrl, '/')
    this.host = this.baseUrl
    // A key pasted with a trailing newline is still the key; a blank one is no key.
    this.apiKey = options.apiKey?.trim() || null
    this.timeoutMs = options.timeoutMs ?? 60_000
    this.fetchImpl = options.fetch ?? fetch
    this.label = options.label?.trim() || hostnameOf(this.baseUrl)
  }

  async chat(request: ChatRequest): Promise<ChatResult> {
    const key = this.requireKey()
    if (request.signal?.aborted) throw new LlmCancelledError()
    const idle = new IdleTimeout(this.timeoutMs)
    const signal = request.signal ? AbortSignal.any([request.signal, idle.signal]) : idle.signal
    let cancelBody: (() => Promise<void>) | null = null
    try {
      const body: Record<string, unknown> = { model: request.model, messages: request.messages, stream: true }
      const askedUsage = this.askUsage
      if (askedUsage) body.stream_options = { include_usage: true }
      if (request.temperature !== undefined) body.temperature = request.temperature
      if (request.maxTokens !== undefined) body.max_tokens = request.maxTokens
      const response = await untilAborted(
        this.fetchImpl(`${this.baseUrl}/chat/completions`, {
          method: 'POST',
          headers: this.headers(key, 'text/event-stream'),
          body: JSON.stringify(body),
          signal,
        }),
        signal,
      )
      idle.reset()
      if (!response.ok) {
        const failure = await response.text().catch(() => '')
        if (askedUsage && response.status === 400 && /stream_options|include_usage/i.test(failure)) {
          this.askUsage = false
          idle.clear()
          return await this.chat(request)
        }
        throw this.httpError(response, failure, request.model)
      }

      let text = ''
      let usage: ChatResult['usage'] = undefined
      let model = request.model
      let doneReason: string | null = null
      let finished = false
      const take = (content: string | null, chunkModel: string | null, finishReason: string | null) => {
        if (content) {
          text += content
          request.onToken?.(content)
        }
        if (chunkModel) model = chunkModel
        if (finishReason) doneReason = finishReason
      }

      // A server that ignores `stream: true` answers with one completion object; take it as is.
      if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
        const completion = record(await untilAborted(response.json() as Promise<unknown>, signal))
        const failure = record(completion?.error)
        if (failure) throw this.apiFailure(null, toApiError(failure), null, request.model)
        const choice = record(asArray(completion?.choices)[0])
        take(asString(record(choice?.message)?.content), asString(completion?.model), asString(choice?.finish_reason))
        usage = readUsage(completion?.usage) ?? estimateUsage(request.messages, text)
        return { text: text.trim(), model, provider: 'openai', doneReason, usage }
      }

      if (!response.body) throw new LlmUnavailableError('unreachable', `${this.label} respondió sin contenido`)
      const reader = response.body.getReader()
      // Cancelling the body closes the connection, which is what makes the server stop generating.
      cancelBody = () => reader.cancel()
      const parser = new SseParser()
      const decoder = new TextDecoder()
      const onData = (data: string) => {
        if (data.trim() === '[DONE]') {
          finished = true
          return
        }
        const chunk = this.parseChunk(data, request.model)
        const choice = record(asArray(chunk.choices)[0])
        take(asString(record(choice?.delta)?.content), asString(chunk.model), asString(choice?.finish_reason))
        // The usage chunk comes last, with no choices; some servers put it on every chunk, the last one
        // is the total. Groq also reports it in its own `x_groq` field.
        usage = readUsage(chunk.usage) ?? readUsage(record(chunk.x_groq)?.usage) ?? usage
      }
      while (!finished) {
        const { done, value } = await untilAborted(reader.read(), signal)
        if (done) {
          for (const data of parser.end()) if (!finished) onData(data)
          break
        }
        idle.reset()
        for (const data of parser.push(decoder.decode(value, { stream: true }))) {
          onData(data)
          if (finished) break
        }
      }
      // Without `[DONE]` or a finish reason the connection broke halfway: the text is not the answer.
      if (!finished && doneReason === null) {
        throw new LlmUnavailableError('unreachable', `${this.label} cortó la respuesta antes de terminarla`)
      }
      return { text: text.trim(), model, provider: 'openai', doneReason, usage: usage ?? estimateUsage(request.messages, text) }
    } catch (error) {
      // Which signal fired decides the error: fetch reports both as the same AbortError.
      if (request.signal?.aborted) throw new LlmCancelledError()
      if (idle.fired) throw this.timeoutError()
      throw this.classify(error)
    } finally {
      idle.clear()
      // Not awaited: a cancelled caller must not wait on the socket closing.
      if (cancelBody) cancelBody().catch(() => undefined)
    }
  }

  async health(model: string): Promise<ProviderHealth> {
    if (!this.apiKey) return { state: 'unauthorized', detail: this.missingKeyMessage(), serverVersion: null, installedModels: [] }
    try {
      const installedModels = await this.modelIds(undefined, Math.min(this.timeoutMs, HEALTH_TIMEOUT_MS))
      const found = installedModels.includes(model)
      return {
        state: found ? 'ready' : 'model_missing',
        detail: found ? null : this.missingModelMessage(model),
        serverVersion: null,
        installedModels,
      }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      return { state: healthState(error), detail, serverVersion: null, installedModels: [] }
    }
  }

  async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    const ids = await this.modelIds(signal, this.timeoutMs)
    return ids.map((name) => ({
      name,
      sizeBytes: null,
      family: null,
      parameterSize: null,
      quantization: null,
      embedding: EMBEDDING_NAME.test(name),
    }))
  }

  async embed(model: string, inputs: string[], signal?: AbortSignal): Promise<number[][]> {
    const vectors: number[][] = []
    for (let start = 0; start < inputs.length; start += EMBED_BATCH_SIZE) {
      const batch = inputs.slice(start, start + EMBED_BATCH_SIZE)
      const response = record(
        await this.requestJson('/embeddings', { method: 'POST', body: JSON.stringify({ model, input: batch }) }, signal, this.timeoutMs, model),
      )
      // The API says each item carries its `index`; order by it rather than trust the array order.
      const items = asArray(response?.data)
        .map((item) => record(item))
        .map((item, position) => ({ index: typeof item?.index === 'number' ? item.index : position, embedding: item?.embedding }))
        .sort((a, b) => a.index - b.index)
      if (items.length !== batch.length || !items.every((item) => isVector(item.embedding))) {
        throw new Error(`${this.label} devolvió ${items.length} vectores para ${batch.length} textos`)
      }
      for (const item of items) vectors.push(item.embedding as number[])
    }
    return vectors
  }

  private async modelIds(signal: AbortSignal | undefined, timeoutMs: number): Promise<string[]> {
    const response = record(await this.requestJson('/models', { method: 'GET' }, signal, timeoutMs, null))
    return asArray(response?.data)
      .map((item) => asString(record(item)?.id))
      .filter((id): id is string => id !== null)
  }

  /** One non-streamed call under a timeout and the caller's signal, errors mapped as for chat. */
  private async requestJson(path: string, init: RequestInit, callerSignal: AbortSignal | undefined, timeoutMs: number, model: string | null): Promise<unknown> {
    const key = this.requireKey()
    if (callerSignal?.aborted) throw new LlmCancelledError()
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout
    try {
      const response = await untilAborted(this.fetchImpl(`${this.baseUrl}${path}`, { ...init, headers: this.headers(key, 'application/json'), signal }), signal)
      if (!response.ok) throw this.httpError(response, await response.text().catch(() => ''), model)
      return await untilAborted(response.json() as Promise<unknown>, signal)
    } catch (error) {
      if (callerSignal?.aborted) throw new LlmCancelledError()
      if (timeout.aborted) throw new LlmUnavailableError('timeout', `${this.label} no respondió en ${seconds(timeoutMs)} s`)
      throw this.classify(error)
    }
  }

  private headers(key: string, accept: string): Record<string, string> {
    return { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', Accept: accept }
  }

  private requireKey(): string {
    if (!this.apiKey) throw new LlmUnavailableError('unauthorized', this.missingKeyMessage())
    return this.apiKey
  }

  private parseChunk(data: string, model: string): Record<string, unknown> {
    let parsed: unknown
    try {
      parsed = JSON.parse(data)
    } catch {
      throw new LlmUnavailableError('unreachable', `${this.label} envió una respuesta ilegible`)
    }
    const chunk = record(parsed)
    if (!chunk) throw new LlmUnavailableError('unreachable', `${this.label} envió una respuesta ilegible`)
    // Errors that happen after the 200 come inside the stream, in the same shape as HTTP errors.
    const failure = record(chunk.error)
    if (failure) throw this.apiFailure(null, toApiError(failure), null, model)
    return chunk
  }

  private httpError(response: Response, text: string, model: string | null): Error {
    let apiError: ApiError | null = null
    try {
      const failure = record(record(JSON.parse(text) as unknown)?.error)
      if (failure) apiError = toApiError(failure)
    } catch {
      // Not JSON (a proxy's HTML page): the status alone decides.
    }
    return this.apiFailure(response.status, apiError, response.headers.get('retry-after'), model)
  }

  /**
   * Maps an HTTP status and/or OpenAI's `{"error": {message, type, code}}` to what the caller can act on.
   * The owner reads these: the server's own words (English, from the provider) go in `cause`, for the
   * log and "Detalles técnicos", never in the message.
   */
  private apiFailure(status: number | null, apiError: ApiError | null, retryAfter: string | null, model: string | null): Error {
    const code = apiError?.code ?? null
    const shown = status === null ? '' : ` (HTTP ${status})`
    // OpenAI echoes (part of) a rejected key in its message: redacted even in the cause.
    const cause = apiError?.message ? { cause: new Error(this.redact(apiError.message)) } : undefined
    if (status === 401 || status === 403 || code === 'invalid_api_key') {
      return new LlmUnavailableError('unauthorized', `La clave de la API de ${this.label} no es válida${shown}: revísala en Ajustes → Nube`)
    }
    if (code === 'model_not_found' || (status === 404 && model !== null)) {
      return new LlmUnavailableError(
        'model_missing',
        model === null ? `${this.label} no encuentra el modelo: revisa su nombre en Ajustes → Nube` : this.missingModelMessage(model),
        cause,
      )
    }
    if (status === 429 || code === 'rate_limit_exceeded' || apiError?.type === 'rate_limit_exceeded') {
      const wait = parseRetryAfter(retryAfter)
      const retry = wait === null ? '' : `; se puede reintentar en ${wait} s`
      return new LlmUnavailableError('rate_limited', `${this.label} alcanzó su límite de uso${retry}. Si pasa seguido, revisa tu plan con ${this.label}`, cause)
    }
    if ((status !== null && status >= 500) || (status === null && apiError?.type === 'server_error')) {
      return new LlmUnavailableError('unreachable', `${this.label} tiene un problema de su lado${shown}: inténtalo más tarde`, cause)
    }
    return new Error(`${this.label} rechazó la solicitud${shown}: revisa el modelo y la dirección en Ajustes → Nube`, cause)
  }

  private classify(error: unknown): Error {
    if (error instanceof LlmUnavailableError || error instanceof LlmCancelledError) return error
    if (isConnectionFailure(error)) {
      return new LlmUnavailableError('unreachable', `${this.label} no responde en ${this.baseUrl} (${this.redact(describe(error))})`)
    }
    if (error instanceof Error) {
      // Errors built here are already clean; a foreign one could quote a request that carried the key.
      return this.apiKey && error.message.includes(this.apiKey) ? new Error(this.redact(error.message)) : error
    }
    return new Error(this.redact(String(error)))
  }

  private redact(text: string): string {
    return this.apiKey ? text.split(this.apiKey).join('***') : text
  }

  private timeoutError(): LlmUnavailableError {
    return new LlmUnavailableError('timeout', `${this.label} no respondió en ${seconds(this.timeoutMs)} s`)
  }

  private missingKeyMessage(): string {
    return `Falta la clave de la API de ${this.label}`
  }

  private missingModelMessage(model: string): string {
    return `El modelo «${model}» no existe en ${this.label} o la clave no tiene acceso a él`
  }
}

/**
 * Incremental parser for a `text/event-stream` body (the WHATWG event-stream format): feed it
 * decoded text as it arrives, in pieces of any size, and get the `data` of each complete event.
 * Handles LF, CR and CRLF line ends (also a CRLF split between two pieces), `:` comment lines such
 * as keep-alive pings, and events with several `data:` lines (joined with "\n").
 */
export class SseParser {
  private buffer = ''
  private data: string[] = []
  private afterCr = false

  push(text: string): string[] {
    const events: string[] = []
    let input = text
    // A CR ended the previous piece; if this one starts with LF, both were one CRLF line end.
    if (this.afterCr && input.startsWith('\n')) input = input.slice(1)
    this.afterCr = false
    const buffer = this.buffer + input
    let start = 0
    for (let i = 0; i < buffer.length; i++) {
      const ch = buffer[i]
      if (ch !== '\n' && ch !== '\r') continue
      const line = buffer.slice(start, i)
      if (ch === '\r') {
        if (i + 1 === buffer.length) this.afterCr = true
        else if (buffer[i + 1] === '\n') i++
      }
      start = i + 1
      this.line(line, events)
    }
    this.buffer = buffer.slice(start)
    return events
  }

  /** The body ended: a last event without its blank line still counts. */
  end(): string[] {
    const events: string[] = []
    if (this.buffer !== '') this.line(this.buffer, events)
    this.buffer = ''
    this.line('', events)
    return events
  }

  private line(line: string, events: string[]): void {
    if (line === '') {
      if (this.data.length > 0) events.push(this.data.join('\n'))
      this.data = []
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    // `event`, `id` and `retry` carry nothing the chat completions stream uses.
    if (field === 'data') this.data.push(value)
  }
}

/** Embedding models by name: text-embedding-3-small, nomic-embed-text, bge-m3, all-minilm, multilingual-e5… */
const EMBEDDING_NAME = /embed|bge|minilm|(^|[/:_.-])e5([/:_.-]|$)/i

function healthState(error: unknown): ProviderHealth['state'] {
  if (!(error instanceof LlmUnavailableError)) return 'error'
  switch (error.reason) {
    case 'unauthorized':
      return 'unauthorized'
    case 'model_missing':
      return 'model_missing'
    case 'unreachable':
    case 'timeout':
      return 'unreachable'
    case 'rate_limited':
      // The key works and the server is up: only this minute is used up.
      return 'error'
  }
}

/** `Retry-After` is either seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | null {
  if (value === null || value.trim() === '') return null
  const asSeconds = Number(value)
  if (Number.isFinite(asSeconds)) return Math.max(0, Math.ceil(asSeconds))
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

function toApiError(failure: Record<string, unknown>): ApiError {
  const code = failure.code
  return {
    message: asString(failure.message),
    type: asString(failure.type),
    code: typeof code === 'string' ? code : typeof code === 'number' ? String(code) : null,
  }
}

/** Settles with `promise`, or rejects as soon as `signal` aborts even if a custom fetch ignores it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined)
    return Promise.reject(signal.reason as Error)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error as Error)
      },
    )
  })
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number')
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return url
  }
}

function seconds(ms: number): number {
  return Math.round(ms / 1000)
}

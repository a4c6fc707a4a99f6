import { IdleTimeout } from './idle-timeout'
import { describe, isConnectionFailure } from './network-errors'
import { Ollama, type ModelResponse, type Options } from 'ollama'
import {
  LlmCancelledError,
  LlmUnavailableError,
  type ChatRequest,
  type ChatResult,
  type LlmProvider,
  type ModelInfo,
  type ProviderHealth,
} from './llm-provider'

export interface OllamaProviderOptions {
  host: string
  /** Longest wait for the first byte and between streamed chunks; a cold model load is slow. */
  timeoutMs?: number
  fetch?: typeof fetch
}

/** Ollama accepts any number of inputs per /api/embed, but one huge request holds the model and the memory for long. */
const EMBED_BATCH_SIZE = 64

/** Talks to an Ollama server through the official `ollama` client (Ollama's REST API). */
export class OllamaProvider implements LlmProvider {
  readonly id = 'ollama' as const
  readonly host: string
  private readonly timeoutMs: number
  private readonly fetchImpl: typeof fetch

  constructor(options: OllamaProviderOptions) {
    this.host = options.host
    this.timeoutMs = options.timeoutMs ?? 120_000
    this.fetchImpl = options.fetch ?? fetch
  }

  async chat(request: ChatRequest): Promise<ChatResult> {
    if (request.signal?.aborted) throw new LlmCancelledError()
    const idle = new IdleTimeout(this.timeoutMs)
    const signal = request.signal ? AbortSignal.any([request.signal, idle.signal]) : idle.signal
    try {
      const options: Partial<Options> = {}
      if (request.temperature !== undefined) options.temperature = request.temperature
      if (request.maxTokens !== undefined) options.num_predict = request.maxTokens
      if (request.contextTokens !== undefined) options.num_ctx = request.contextTokens
      const stream = await this.client(signal).chat({
        model: request.model,
        messages: request.messages,
        stream: true,
        options,
      })
      let text = ''
      let model = request.model
      let doneReason: string | null = null
      for await (const part of stream) {
        idle.reset()
        const piece = part.message?.content ?? ''
        if (piece) {
          text += piece
          request.onToken?.(piece)
        }
        if (part.model) model = part.model
        if (part.done) doneReason = part.done_reason || null
      }
      return { text: text.trim(), model, provider: 'ollama', doneReason }
    } catch (error) {
      // Which signal fired decides the error: the caller's abort is a cancellation, ours a timeout;
      // the client reports both as the same AbortError.
      if (request.signal?.aborted) throw new LlmCancelledError()
      if (idle.fired) throw this.timeoutError()
      throw this.classify(error, request.model)
    } finally {
      idle.clear()
    }
  }

  async health(model: string): Promise<ProviderHealth> {
    const signal = AbortSignal.timeout(Math.min(this.timeoutMs, 5_000))
    const client = this.client(signal)
    let serverVersion: string
    try {
      serverVersion = (await client.version()).version
    } catch (error) {
      const classified = this.classify(error, model)
      return {
        state: classified instanceof LlmUnavailableError ? 'unreachable' : 'error',
        detail: classified.message,
        serverVersion: null,
        installedModels: [],
      }
    }
    try {
      const installedModels = (await client.list()).models.map((m) => m.name)
      const wanted = withTag(model)
      const found = installedModels.some((name) => withTag(name) === wanted)
      return {
        state: found ? 'ready' : 'model_missing',
        detail: found ? null : missingModelMessage(model),
        serverVersion,
        installedModels,
      }
    } catch (error) {
      return { state: 'error', detail: describe(error), serverVersion, installedModels: [] }
    }
  }

  async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    const response = await this.bounded(signal, null, (client) => client.list())
    return response.models.map(toModelInfo)
  }

  async embed(model: string, inputs: string[], signal?: AbortSignal): Promise<number[][]> {
    const vectors: number[][] = []
    for (let start = 0; start < inputs.length; start += EMBED_BATCH_SIZE) {
      const batch = inputs.slice(start, start + EMBED_BATCH_SIZE)
      // Each batch gets its own timeout: a long list is slow as a whole, not per request.
      const response = await this.bounded(signal, model, (client) => client.embed({ model, input: batch }))
      if (!Array.isArray(response.embeddings) || response.embeddings.length !== batch.length) {
        throw new Error(`Ollama devolvió ${response.embeddings?.length ?? 0} vectores para ${batch.length} textos`)
      }
      vectors.push(...response.embeddings)
    }
    return vectors
  }

  /** Runs one non-streamed call under the provider's timeout and the caller's signal. */
  private async bounded<T>(callerSignal: AbortSignal | undefined, model: string | null, call: (client: Ollama) => Promise<T>): Promise<T> {
    if (callerSignal?.aborted) throw new LlmCancelledError()
    const timeout = AbortSignal.timeout(this.timeoutMs)
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout
    try {
      return await call(this.client(signal))
    } catch (error) {
      if (callerSignal?.aborted) throw new LlmCancelledError()
      if (timeout.aborted) throw this.timeoutError()
      throw this.classify(error, model)
    }
  }

  private client(signal: AbortSignal): Ollama {
    const fetchImpl = this.fetchImpl
    return new Ollama({
      host: this.host,
      // The client passes no signal on non-streamed calls; ours bounds every request.
      fetch: (input, init) =>
        fetchImpl(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
    })
  }

  private timeoutError(): LlmUnavailableError {
    return new LlmUnavailableError('timeout', `Ollama no respondió en ${Math.round(this.timeoutMs / 1000)} s (${this.host})`)
  }

  private classify(error: unknown, model: string | null): Error {
    const status = (error as { status_code?: unknown } | null)?.status_code
    if (status === 404 && model !== null) {
      return new LlmUnavailableError('model_missing', missingModelMessage(model))
    }
    if (isConnectionFailure(error)) {
      return new LlmUnavailableError('unreachable', `Ollama no responde en ${this.host} (${describe(error)})`)
    }
    return error instanceof Error ? error : new Error(describe(error))
  }
}

function missingModelMessage(model: string): string {
  return `El modelo «${model}» no está instalado en Ollama`
}

/** Ollama names an untagged model `name:latest`. */
function withTag(name: string): string {
  return name.includes(':') ? name : `${name}:latest`
}

function toModelInfo(model: ModelResponse): ModelInfo {
  // The client types every field as present; older servers and odd models leave some out.
  const details = (model.details ?? {}) as Partial<ModelResponse['details']>
  const families = [details.family, ...(details.families ?? [])].filter((f): f is string => typeof f === 'string' && f !== '')
  return {
    name: model.name,
    sizeBytes: typeof model.size === 'number' ? model.size : null,
    family: details.family || null,
    parameterSize: details.parameter_size || null,
    quantization: details.quantization_level || null,
    embedding: families.some((family) => EMBEDDING_FAMILY.test(family)) || EMBEDDING_NAME.test(model.name),
  }
}

/** BERT-style encoders (bert, nomic-bert, xlm-roberta…) only embed; chat models are decoders. */
const EMBEDDING_FAMILY = /bert/i
/** Names of the embedding models people install (nomic-embed-text, bge-m3, all-minilm, multilingual-e5…). */
const EMBEDDING_NAME = /embed|bge|minilm|(^|[/:_.-])e5([/:_.-]|$)/i

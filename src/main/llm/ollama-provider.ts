import { Ollama } from 'ollama'
import {
  LlmUnavailableError,
  type ChatRequest,
  type ChatResult,
  type LlmProvider,
  type ProviderHealth,
} from './llm-provider'

export interface OllamaProviderOptions {
  host: string
  /** Longest wait for the first byte and between streamed chunks; a cold model load is slow. */
  timeoutMs?: number
  fetch?: typeof fetch
}

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
    const idle = new IdleTimeout(this.timeoutMs)
    const signal = request.signal ? AbortSignal.any([request.signal, idle.signal]) : idle.signal
    try {
      const stream = await this.client(signal).chat({
        model: request.model,
        messages: request.messages,
        stream: true,
        options: request.temperature === undefined ? {} : { temperature: request.temperature },
      })
      let text = ''
      let model = request.model
      for await (const part of stream) {
        idle.reset()
        text += part.message?.content ?? ''
        if (part.model) model = part.model
      }
      return { text: text.trim(), model }
    } catch (error) {
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
        detail: found ? null : `El modelo «${model}» no está instalado en Ollama`,
        serverVersion,
        installedModels,
      }
    } catch (error) {
      return { state: 'error', detail: describe(error), serverVersion, installedModels: [] }
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

  private classify(error: unknown, model: string): Error {
    const status = (error as { status_code?: unknown } | null)?.status_code
    if (status === 404) {
      return new LlmUnavailableError('model_missing', `El modelo «${model}» no está instalado en Ollama`)
    }
    if (isConnectionFailure(error)) {
      return new LlmUnavailableError('unreachable', `Ollama no responde en ${this.host} (${describe(error)})`)
    }
    return error instanceof Error ? error : new Error(describe(error))
  }
}

/** Ollama names an untagged model `name:latest`. */
function withTag(name: string): string {
  return name.includes(':') ? name : `${name}:latest`
}

function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true
  // undici reports refused/reset connections as `TypeError: fetch failed` with a cause.
  return error instanceof TypeError && /fetch failed|network/i.test(error.message)
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? error.message
}

/** An abort signal that fires after `ms` without a `reset()`. */
class IdleTimeout {
  private readonly controller = new AbortController()
  private timer: NodeJS.Timeout

  constructor(private readonly ms: number) {
    this.timer = this.arm()
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  reset(): void {
    clearTimeout(this.timer)
    this.timer = this.arm()
  }

  clear(): void {
    clearTimeout(this.timer)
  }

  private arm(): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const error = new Error(`no answer within ${this.ms} ms`)
      error.name = 'TimeoutError'
      this.controller.abort(error)
    }, this.ms)
    timer.unref()
    return timer
  }
}

import type { ModelInfoDto } from '../../shared/types'

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export type ProviderId = 'ollama' | 'openai'

export interface ChatRequest {
  model: string
  messages: ChatMessage[]
  temperature?: number
  /** Upper bound on generated tokens (Ollama `num_predict`, OpenAI `max_tokens`). */
  maxTokens?: number
  /** Context window to run the model with (Ollama `num_ctx`); cloud endpoints fix their own. */
  contextTokens?: number
  /** Aborts the generation: the provider stops reading and the server stops generating. */
  signal?: AbortSignal
  /** Called with each streamed piece of the answer, in order. */
  onToken?: (delta: string) => void
}

export interface ChatResult {
  text: string
  /** The model that actually answered, as the server names it. */
  model: string
  provider: ProviderId
  /** Why the generation ended, as the server says it (`stop`, `length`…); null if unknown. */
  doneReason: string | null
  /** What the call cost in tokens; absent where nobody pays per token (Ollama). */
  usage?: TokenUsage
}

/** Tokens a call was billed for, as the server reported them, or guessed from the characters (`estimated`). */
export interface TokenUsage {
  promptTokens: number
  completionTokens: number
  estimated: boolean
}

/** A model installed on the server, as the model picker shows it. */
export type ModelInfo = ModelInfoDto

export interface ProviderHealth {
  /** `ready` only when the server answers and the model is installed. */
  state: 'ready' | 'unreachable' | 'model_missing' | 'unauthorized' | 'error'
  detail: string | null
  serverVersion: string | null
  installedModels: string[]
}

/** A language model behind an API: Ollama locally, or an OpenAI-compatible cloud endpoint. */
export interface LlmProvider {
  readonly id: ProviderId
  readonly host: string
  chat(request: ChatRequest): Promise<ChatResult>
  health(model: string): Promise<ProviderHealth>
  listModels(signal?: AbortSignal): Promise<ModelInfo[]>
  /** One vector per input, in order. Throws LlmUnavailableError('model_missing') for an unknown model. */
  embed(model: string, inputs: string[], signal?: AbortSignal): Promise<number[][]>
}

/**
 * The model cannot answer right now; the message should wait for it (or go to the fallback),
 * not be dropped. `unauthorized`: the cloud key is wrong or missing; `rate_limited`: the cloud
 * said 429; `timeout`: no byte within the provider's timeout.
 */
export class LlmUnavailableError extends Error {
  constructor(
    readonly reason: 'unreachable' | 'model_missing' | 'unauthorized' | 'rate_limited' | 'timeout',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'LlmUnavailableError'
  }
}

/** The caller aborted the generation (owner took over, app closing). */
export class LlmCancelledError extends Error {
  constructor(message = 'La generación se canceló') {
    super(message)
    this.name = 'LlmCancelledError'
  }
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export interface ChatRequest {
  model: string
  messages: ChatMessage[]
  temperature?: number
  signal?: AbortSignal
}

export interface ChatResult {
  text: string
  /** The model that actually answered, as the server names it. */
  model: string
}

export interface ProviderHealth {
  /** `ready` only when the server answers and the model is installed. */
  state: 'ready' | 'unreachable' | 'model_missing' | 'error'
  detail: string | null
  serverVersion: string | null
  installedModels: string[]
}

/** A language model behind an API: Ollama locally, or an OpenAI-compatible cloud endpoint. */
export interface LlmProvider {
  readonly id: 'ollama'
  readonly host: string
  chat(request: ChatRequest): Promise<ChatResult>
  health(model: string): Promise<ProviderHealth>
}

/** The model cannot answer right now; the message should wait for it, not be dropped. */
export class LlmUnavailableError extends Error {
  constructor(
    readonly reason: 'unreachable' | 'model_missing',
    message: string,
  ) {
    super(message)
    this.name = 'LlmUnavailableError'
  }
}

import type { LlmStatus, Settings } from '../../shared/types'
import type { Logger } from '../logging/logger'
import type { SettingsService } from '../settings/settings-service'
import { LlmUnavailableError, type ChatMessage, type ChatResult, type LlmProvider } from './llm-provider'

export type ProviderFactory = (settings: Settings) => LlmProvider

export interface LlmServiceOptions {
  settings: SettingsService
  createProvider: ProviderFactory
  logger: Logger
  /** How often to look again while the model is not available. */
  recheckMs?: number
}

/**
 * The app's view of its language model: answers chats, and keeps a status the UI shows.
 * While the model is unavailable it re-checks on a timer and tells `onReady` listeners when
 * it comes back, so that waiting customers get their answer.
 */
export class LlmService {
  private provider: LlmProvider
  private current: LlmStatus
  private readonly statusListeners = new Set<(status: LlmStatus) => void>()
  private readonly readyListeners = new Set<() => void>()
  private recheckTimer: NodeJS.Timeout | null = null
  private closed = false
  private readonly inflight = new Set<Promise<unknown>>()
  private readonly recheckMs: number

  constructor(private readonly options: LlmServiceOptions) {
    this.recheckMs = options.recheckMs ?? 15_000
    const settings = options.settings.get()
    this.provider = options.createProvider(settings)
    this.current = { state: 'unknown', provider: 'ollama', host: this.provider.host, model: settings.llm.model, detail: null, checkedAt: null }
    options.settings.onChange((next) => {
      if (next.llm.host !== this.provider.host) this.provider = options.createProvider(next)
      this.check().catch((error: unknown) => options.logger.error('LLM health check failed', { error }))
    })
  }

  status(): LlmStatus {
    return this.current
  }

  check(): Promise<LlmStatus> {
    return this.track(
      (async () => {
        const model = this.options.settings.get().llm.model
        const health = await this.provider.health(model)
        this.update({ state: health.state, detail: health.detail, model })
        return this.current
      })(),
    )
  }

  async chat(messages: ChatMessage[]): Promise<ChatResult> {
    const { llm } = this.options.settings.get()
    try {
      const result = await this.provider.chat({ model: llm.model, messages, temperature: llm.temperature })
      this.update({ state: 'ready', detail: null, model: llm.model })
      return result
    } catch (error) {
      if (error instanceof LlmUnavailableError) {
        this.update({ state: error.reason, detail: error.message, model: llm.model })
      }
      throw error
    }
  }

  onStatus(listener: (status: LlmStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  onReady(listener: () => void): () => void {
    this.readyListeners.add(listener)
    return () => this.readyListeners.delete(listener)
  }

  /** Stops re-checking and waits for checks under way, so nothing reports after shutdown. */
  async close(): Promise<void> {
    this.closed = true
    if (this.recheckTimer) clearTimeout(this.recheckTimer)
    this.recheckTimer = null
    await Promise.allSettled([...this.inflight])
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inflight.add(promise)
    void promise.then(
      () => this.inflight.delete(promise),
      () => this.inflight.delete(promise),
    )
    return promise
  }

  private update(next: Pick<LlmStatus, 'state' | 'detail' | 'model'>): void {
    if (this.closed) return
    const previous = this.current
    this.current = { ...previous, ...next, host: this.provider.host, checkedAt: Date.now() }
    const changed = previous.state !== next.state || previous.detail !== next.detail || previous.host !== this.current.host || previous.model !== next.model
    if (changed) {
      if (next.state !== 'ready') this.options.logger.warn('LLM not available', { state: next.state, detail: next.detail })
      for (const listener of this.statusListeners) listener(this.current)
    }
    if (next.state === 'ready' && previous.state !== 'ready') {
      for (const listener of this.readyListeners) listener()
    }
    this.scheduleRecheck()
  }

  private scheduleRecheck(): void {
    if (this.closed || this.current.state === 'ready' || this.recheckTimer) return
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = null
      this.check().catch((error: unknown) => this.options.logger.error('LLM health check failed', { error }))
    }, this.recheckMs)
    this.recheckTimer.unref()
  }
}

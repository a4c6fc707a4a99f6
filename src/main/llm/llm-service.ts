import type { Clock } from '../kernel/clock'
import type { LlmState, LlmStatus, Settings } from '../../shared/types'
import type { Logger } from '../kernel/logger'
import type { SettingsService } from '../settings/settings-service'
import {
  LlmUnavailableError,
  type ChatMessage,
  type ChatResult,
  type LlmProvider,
  type ModelInfo,
} from './llm-provider'
import { estimateUsage } from './usage'

export type ProviderFactory = (settings: Settings) => LlmProvider
export type CloudProviderFactory = (settings: Settings, apiKey: string | null) => LlmProvider

export interface LlmServiceOptions {
  settings: SettingsService
  createProvider: ProviderFactory
  createCloudProvider: CloudProviderFactory
  cloudKey: () => string | null
  logger: Logger
  /** How often to look again while a route the policy uses is not available. */
  recheckMs?: number
  clock?: Clock
  /** Hears every paid (cloud) call, answered or failed, with what it cost in tokens. Must not throw. */
  recordCall?: (call: CloudCall) => void
}

/** What a model call was for: a customer's answer, the teacher's suggestion, the scorer's second opinion. */
export type CallPurpose = 'reply' | 'suggest' | 'judge' | 'other'

/** One paid call, as "Menos nube" counts it. */
export interface CloudCall {
  at: number
  route: 'cloud'
  /** The service as the owner named it ("Groq"). */
  provider: string
  model: string
  purpose: CallPurpose
  promptTokens: number
  completionTokens: number
  estimated: boolean
  ok: boolean
}

export interface ChatOptions {
  signal?: AbortSignal
  onToken?: (delta: string) => void
  /** Recorded with a cloud call; `reply` when not said. */
  purpose?: CallPurpose
  /** Fewer tokens than a reply may take (a judge answers with one digit). */
  maxTokens?: number
}

export interface AnsweredChat extends ChatResult {
  /** How the exchange records who answered: the Ollama model name, or `cloud:<model>`. */
  modelLabel: string
}

type Route = 'local' | 'cloud'

interface RouteStatus {
  state: LlmState
  detail: string | null
  checkedAt: number | null
}

/** The prefix that marks an answer of the cloud endpoint in `messages.model` and `training_data.model`. */
const CLOUD_MODEL_PREFIX = 'cloud:'

/**
 * The app's language model: Ollama, an OpenAI-compatible cloud endpoint, or Ollama with the
 * cloud behind it, as the owner's policy says. Keeps a status per route for the UI; while a
 * route the policy needs is down it re-checks on a timer, and when answering becomes possible
 * again `onReady` listeners hear it so that waiting customers get their answer.
 */
export class LlmService {
  private local: LlmProvider
  private cloud: LlmProvider
  private readonly routes: Record<Route, RouteStatus> = {
    local: { state: 'unknown', detail: null, checkedAt: null },
    cloud: { state: 'unknown', detail: null, checkedAt: null },
  }
  private current: LlmStatus
  private readonly statusListeners = new Set<(status: LlmStatus) => void>()
  private readonly readyListeners = new Set<() => void>()
  private recheckTimer: NodeJS.Timeout | null = null
  private closed = false
  private readonly inflight = new Set<Promise<unknown>>()
  private readonly recheckMs: number
  private readonly clock: Clock
  private localKey: string
  private cloudKey: string

  constructor(private readonly options: LlmServiceOptions) {
    this.recheckMs = options.recheckMs ?? 15_000
    this.clock = options.clock ?? Date.now
    const settings = options.settings.get()
    this.local = options.createProvider(settings)
    this.cloud = options.createCloudProvider(settings, options.cloudKey())
    this.localKey = localIdentity(settings)
    this.cloudKey = cloudIdentity(settings, options.cloudKey())
    this.current = this.compose(settings)
    options.settings.onChange((next) => {
      this.rebuildProviders(next)
      this.publish()
      this.check().catch((error: unknown) => options.logger.error('LLM health check failed', { error }))
    })
  }

  status(): LlmStatus {
    return this.current
  }

  /** The local server, for what only it does here: listing installed models and embeddings. */
  get localProvider(): LlmProvider {
    return this.local
  }

  listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    return this.local.listModels(signal)
  }

  embed(model: string, inputs: string[], signal?: AbortSignal): Promise<number[][]> {
    return this.local.embed(model, inputs, signal)
  }

  /** The stored cloud key changed: use it from the next call on. */
  cloudKeyChanged(): void {
    this.rebuildProviders(this.options.settings.get())
    this.check().catch((error: unknown) => this.options.logger.error('LLM health check failed', { error }))
  }

  /** Checks every route the policy uses. */
  check(): Promise<LlmStatus> {
    return this.track(
      (async () => {
        const settings = this.options.settings.get()
        await Promise.all(
          this.routesFor(settings).map(async (route) => {
            const provider = this.provider(route)
            const model = this.modelFor(route, settings)
            const health = await provider.health(model)
            // A check of a model no longer in use, answered after the check of the new one (the
            // download that sets the model starts one, the settings change another), is stale.
            if (provider === this.provider(route) && model === this.modelFor(route, this.options.settings.get())) this.setRoute(route, health.state, health.detail)
          }),
        )
        this.publish()
        return this.current
      })(),
    )
  }

  /**
   * Answers with the first route of the policy that can. A route known to be down is skipped
   * until a re-check finds it back, so a customer does not wait for Ollama's timeout on every
   * message while the cloud answers.
   */
  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<AnsweredChat> {
    const settings = this.options.settings.get()
    const routes = this.routesFor(settings)
    const usable = routes.filter((route, i) => i === routes.length - 1 || isWorthTrying(this.routes[route].state))
    let firstUnavailable: LlmUnavailableError | null = null
    try {
      for (const route of usable) {
        const provider = this.provider(route)
        const model = this.modelFor(route, settings)
        const meter = route === 'cloud' ? this.meter(messages, model, options.purpose ?? 'reply', options.onToken) : null
        const onToken = meter?.onToken ?? options.onToken
        try {
          const result = await provider.chat({
            model,
            messages,
            temperature: settings.llm.temperature,
            maxTokens: Math.min(options.maxTokens ?? settings.llm.maxReplyTokens, settings.llm.maxReplyTokens),
            ...(route === 'local' ? { contextTokens: settings.llm.contextTokens } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            ...(onToken ? { onToken } : {}),
          })
          meter?.answered(result)
          this.setRoute(route, 'ready', null)
          return { ...result, modelLabel: route === 'cloud' ? `${CLOUD_MODEL_PREFIX}${result.model}` : result.model }
        } catch (error) {
          meter?.failed()
          if (!(error instanceof LlmUnavailableError)) throw error
          this.setRoute(route, stateOf(error), error.message)
          firstUnavailable ??= error
          this.options.logger.warn('LLM route unavailable', { route, reason: error.reason })
        }
      }
    } finally {
      this.publish()
    }
    throw firstUnavailable ?? new LlmUnavailableError('unreachable', 'No hay ningún modelo configurado para responder')
  }

  /**
   * Asks the cloud model, whatever the policy: the teacher that proposes a better answer for
   * the owner to accept as the training target.
   */
  async teach(messages: ChatMessage[], options: ChatOptions = {}): Promise<AnsweredChat> {
    const settings = this.options.settings.get()
    const meter = this.meter(messages, settings.cloud.model, options.purpose ?? 'suggest', options.onToken)
    try {
      const result = await this.cloud.chat({
        model: settings.cloud.model,
        messages,
        temperature: Math.min(settings.llm.temperature, 0.7),
        maxTokens: settings.llm.maxReplyTokens,
        ...(options.signal ? { signal: options.signal } : {}),
        onToken: meter.onToken,
      })
      meter.answered(result)
      this.setRoute('cloud', 'ready', null)
      return { ...result, modelLabel: `${CLOUD_MODEL_PREFIX}${result.model}` }
    } catch (error) {
      meter.failed()
      if (error instanceof LlmUnavailableError) this.setRoute('cloud', stateOf(error), error.message)
      throw error
    } finally {
      this.publish()
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

  /**
   * Counts one cloud call for `recordCall`: its usage when it answered; when it failed, the
   * tokens only if part of the answer had arrived (then the prompt was read and billed, the
   * counts estimated); a refused call (bad key, limit reached, no such model) is counted at zero.
   */
  private meter(messages: ChatMessage[], model: string, purpose: CallPurpose, onToken?: (delta: string) => void) {
    const record = this.options.recordCall
    const at = this.clock()
    let streamed = ''
    const write = (call: Omit<CloudCall, 'at' | 'route' | 'provider' | 'purpose'>) => {
      if (!record) return
      const provider = this.options.settings.get().cloud.label || this.cloud.host
      try {
        record({ at, route: 'cloud', provider, purpose, ...call })
      } catch (error) {
        // A cost figure never stops a customer's answer.
        this.options.logger.warn('A cloud call could not be recorded', { error })
      }
    }
    return {
      onToken: (delta: string) => {
        streamed += delta
        onToken?.(delta)
      },
      answered: (result: ChatResult) => {
        const usage = result.usage ?? estimateUsage(messages, result.text)
        write({ model: result.model, ...usage, ok: true })
      },
      failed: () => {
        const usage = streamed === '' ? { promptTokens: 0, completionTokens: 0, estimated: false } : estimateUsage(messages, streamed)
        write({ model, ...usage, ok: false })
      },
    }
  }

  private rebuildProviders(settings: Settings): void {
    const localKey = localIdentity(settings)
    if (localKey !== this.localKey) {
      this.local = this.options.createProvider(settings)
      this.localKey = localKey
      this.routes.local = { state: 'unknown', detail: null, checkedAt: null }
    }
    const apiKey = this.options.cloudKey()
    const cloudKey = cloudIdentity(settings, apiKey)
    if (cloudKey !== this.cloudKey) {
      this.cloud = this.options.createCloudProvider(settings, apiKey)
      this.cloudKey = cloudKey
      this.routes.cloud = { state: 'unknown', detail: null, checkedAt: null }
    }
  }

  private provider(route: Route): LlmProvider {
    return route === 'local' ? this.local : this.cloud
  }

  private modelFor(route: Route, settings: Settings): string {
    return route === 'local' ? settings.llm.model : settings.cloud.model
  }

  private routesFor(settings: Settings): Route[] {
    switch (settings.llm.policy) {
      case 'local':
        return ['local']
      case 'cloud':
        return ['cloud']
      case 'local_then_cloud':
        return ['local', 'cloud']
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inflight.add(promise)
    void promise.then(
      () => this.inflight.delete(promise),
      () => this.inflight.delete(promise),
    )
    return promise
  }

  private setRoute(route: Route, state: LlmState, detail: string | null): void {
    this.routes[route] = { state, detail, checkedAt: this.clock() }
  }

  private compose(settings: Settings): LlmStatus {
    const primaryRoute: Route = settings.llm.policy === 'cloud' ? 'cloud' : 'local'
    const primary = this.routes[primaryRoute]
    const fallback =
      settings.llm.policy === 'local_then_cloud'
        ? { state: this.routes.cloud.state, host: this.cloud.host, model: settings.cloud.model, detail: this.routes.cloud.detail }
        : null
    return {
      state: primary.state,
      provider: primaryRoute === 'cloud' ? 'openai' : 'ollama',
      host: this.provider(primaryRoute).host,
      model: this.modelFor(primaryRoute, settings),
      detail: primary.detail,
      checkedAt: primary.checkedAt,
      policy: settings.llm.policy,
      fallback,
      canAnswer: primary.state === 'ready' || fallback?.state === 'ready',
    }
  }

  private publish(): void {
    if (this.closed) return
    const previous = this.current
    const settings = this.options.settings.get()
    this.current = this.compose(settings)
    const changed = JSON.stringify({ ...previous, checkedAt: 0 }) !== JSON.stringify({ ...this.current, checkedAt: 0 })
    if (changed) {
      if (!this.current.canAnswer) this.options.logger.warn('LLM not available', { state: this.current.state, detail: this.current.detail })
      for (const listener of this.statusListeners) listener(this.current)
    }
    if (this.current.canAnswer && !previous.canAnswer) {
      for (const listener of this.readyListeners) listener()
    }
    this.scheduleRecheck(settings)
  }

  private scheduleRecheck(settings: Settings): void {
    const allReady = this.routesFor(settings).every((route) => this.routes[route].state === 'ready')
    if (this.closed || allReady || this.recheckTimer) return
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = null
      this.check().catch((error: unknown) => this.options.logger.error('LLM health check failed', { error }))
    }, this.recheckMs)
    this.recheckTimer.unref()
  }
}

function stateOf(error: LlmUnavailableError): LlmState {
  switch (error.reason) {
    case 'model_missing':
      return 'model_missing'
    case 'unauthorized':
      return 'unauthorized'
    case 'unreachable':
    case 'timeout':
      return 'unreachable'
    case 'rate_limited':
      return 'error'
  }
}

/** Unknown means never tried: try it. A route in error may answer the next call (a 429 passes). */
function isWorthTrying(state: LlmState): boolean {
  return state === 'ready' || state === 'unknown' || state === 'error'
}

function localIdentity(settings: Settings): string {
  return `${settings.llm.host} ${settings.llm.timeoutSeconds}`
}

function cloudIdentity(settings: Settings, apiKey: string | null): string {
  // The key itself never goes into a string kept around; whether it changed is enough.
  return `${settings.cloud.baseUrl} ${settings.cloud.label} ${settings.llm.timeoutSeconds} ${apiKey === null ? 0 : apiKey.length}:${apiKey ? hashKey(apiKey) : ''}`
}

function hashKey(key: string): number {
  let h = 0
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0
  return h
}

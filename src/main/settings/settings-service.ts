import type { SettingsPatch } from '../../shared/api/contract'
import { ApiError, type ApiFieldError } from '../../shared/api/errors'
import type { Settings } from '../../shared/types'
import { withSpanishPlaceholder } from '../../shared/persona'
import type { SettingsRepository } from '../store/repositories/settings-repository'
import { insecureEndpointProblems } from './endpoint-rules'

const OVERRIDES_KEY = 'app.settings'

export interface SettingsDeps {
  repo: SettingsRepository
  defaults: Settings
  /**
   * Sees the settings a patch would produce, for rules no single field can check (a
   * business-hours range that closes before it opens); what it returns rejects the patch.
   */
  validate?: (candidate: Settings) => ApiFieldError[]
}

/**
 * Effective settings = defaults ⊕ what the owner changed. Only the owner's changes are stored,
 * so a default that depends on the environment (OLLAMA_HOST) keeps following it until the
 * owner picks a value of their own.
 */
export class SettingsService {
  private readonly listeners = new Set<(settings: Settings, previous: Settings) => void>()
  /** Settings are read on every reply and capture; this service is their only writer. */
  private cached: Settings | null = null

  private readonly validate: (candidate: Settings) => ApiFieldError[]

  constructor(private readonly deps: SettingsDeps) {
    this.validate = deps.validate ?? (() => [])
  }

  get(): Settings {
    // Frozen, because every caller shares the one cached object.
    this.cached ??= deepFreeze(withSpanishPersona(merge(this.deps.defaults, this.overrides())))
    return this.cached
  }

  update(patchWithConfirmation: SettingsPatch): Settings {
    // The confirmation answers for this one change; it is not a setting.
    const { confirmInsecure, ...patch } = patchWithConfirmation
    const previous = this.get()
    const overrides = merge(this.overrides(), patch)
    const candidate = merge(this.deps.defaults, overrides)
    const problems = [...this.validate(candidate), ...(confirmInsecure ? [] : insecureEndpointProblems(previous, candidate))]
    if (problems.length > 0) throw new ApiError('invalid_input', problems.map((p) => p.message).join('; '), problems)
    this.deps.repo.set(OVERRIDES_KEY, overrides)
    this.cached = null
    const settings = this.get()
    for (const listener of this.listeners) listener(settings, previous)
    return settings
  }

  /** Called after every change with the new settings and the ones they replaced. */
  onChange(listener: (settings: Settings, previous: Settings) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private overrides(): SettingsPatch {
    const stored = this.deps.repo.get(OVERRIDES_KEY)
    return stored && typeof stored === 'object' ? (stored as SettingsPatch) : {}
  }
}

/**
 * Instructions written before `{tienda}` carry `{shopName}`: the owner sees, edits and saves
 * them with the Spanish placeholder (both are filled in the same way).
 */
function withSpanishPersona(settings: Settings): Settings {
  const systemPrompt = withSpanishPlaceholder(settings.persona.systemPrompt)
  return systemPrompt === settings.persona.systemPrompt ? settings : { ...settings, persona: { ...settings.persona, systemPrompt } }
}

/** Merges plain objects one level at a time; arrays and scalars are replaced. */
function merge<T extends object>(base: T, patch: object): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    const current = out[key]
    out[key] =
      isPlainObject(current) && isPlainObject(value) ? merge(current, value) : value
  }
  return out as T
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

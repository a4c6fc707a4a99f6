import type { WriteStream } from 'node:fs'
import { ApiError } from '../../shared/api/errors'
import type { ModelVersionDto, Settings, ValidationReport } from '../../shared/types'
import { fillShopName } from '../../shared/persona'
import type { EventBus } from '../kernel/event-bus'
import type { SettingsService } from '../settings/settings-service'
import type { ModelVersion, ModelVersionsRepository, NewModelVersion } from '../store/repositories/model-versions-repository'
import type { OllamaDeployer } from './ollama-deployer'
import { TRAINING_ERRORS, TrainingError } from './training-errors'
import { toModelVersionDto } from './training-dto'

export interface ModelRegistryDeps {
  modelVersions: ModelVersionsRepository
  /** The live model is `settings.llm.model`: the registry keeps it and the version list in step. */
  settings: Pick<SettingsService, 'get' | 'update' | 'onChange'>
  events: EventBus
  /** Ollama answers the smoke test a version must pass before it goes live. */
  deployer: Pick<OllamaDeployer, 'smokeTest'>
}

/** The shop's system prompt with its name filled in, as every version is served with it. */
export function shopSystemPrompt(settings: Settings): string {
  return fillShopName(settings.persona.systemPrompt, settings.persona.shopName)
}

/**
 * Stage 8: every model the shop has answered with, and which one is live. The model the shop
 * started with becomes version 0 before the first candidate, so it can always be rolled back
 * to; putting a version live (a validated candidate, or the owner's pick, old or new) passes a
 * smoke test through Ollama first and then switches the settings the responder reads.
 */
export class ModelRegistry {
  constructor(private readonly deps: ModelRegistryDeps) {}

  versions(): ModelVersionDto[] {
    return this.deps.modelVersions.list().map(toModelVersionDto)
  }

  /**
   * The owner may pick another model in Ajustes: the version list follows what is live.
   * Returns the unsubscribe.
   */
  followSettings(): () => void {
    const { modelVersions } = this.deps
    return this.deps.settings.onChange((settings) => {
      const live = modelVersions.live()
      if (live?.name === settings.llm.model) return
      const match = modelVersions.findByName(settings.llm.model)
      if (match) modelVersions.setLive(match.id, new Date())
      else modelVersions.clearLive()
      this.publish()
    })
  }

  /** The number the next candidate gets (versions count 1, 2, 3…; the starting model is 0). */
  nextVersion(): number {
    return this.deps.modelVersions.nextVersion()
  }

  /** A candidate now in Ollama becomes a version (not live yet). */
  register(values: NewModelVersion & { version: number }): ModelVersion {
    this.ensureBaseVersion()
    return this.deps.modelVersions.create(values)
  }

  recordValidation(versionId: string, report: ValidationReport): void {
    this.deps.modelVersions.setMetrics(versionId, report)
  }

  /**
   * Puts a version live by the owner's hand (a rollback, or a candidate the validation did not
   * prefer): it passes the same smoke test first, as it may have been deleted in Ollama or
   * never have worked. The base the shop started with is Ollama's own and needs none.
   */
  async activate(id: string): Promise<ModelVersionDto[]> {
    const version = this.deps.modelVersions.get(id)
    if (!version) throw new ApiError('not_found', 'Esa versión del bot ya no existe. Recarga la página.', [{ path: 'id', message: 'Esa versión ya no existe.' }])
    if (version.source !== 'base') {
      const smoke = await this.deps.deployer.smokeTest(version.name, shopSystemPrompt(this.deps.settings.get()))
      if (!smoke.ok) throw new ApiError('precondition', TRAINING_ERRORS.notActivated(version.name, smoke.reason))
    }
    return this.switchTo(version)
  }

  /** A run's candidate goes live after its smoke test; a failed test fails the run. */
  async deploy(version: ModelVersion, system: string, log: WriteStream): Promise<void> {
    const smoke = await this.deps.deployer.smokeTest(version.name, system)
    log.write(`smoke test: ${JSON.stringify(smoke)}\n`)
    if (!smoke.ok) throw new TrainingError(TRAINING_ERRORS.smokeTestFailed(smoke.reason))
    this.switchTo(version)
  }

  /** Tells every window the version list changed; returns it. */
  publish(): ModelVersionDto[] {
    const versions = this.versions()
    this.deps.events.emit('models.updated', versions)
    return versions
  }

  private switchTo(version: ModelVersion): ModelVersionDto[] {
    this.ensureBaseVersion()
    this.deps.modelVersions.setLive(version.id, new Date())
    if (this.deps.settings.get().llm.model !== version.name) this.deps.settings.update({ llm: { model: version.name } })
    return this.publish()
  }

  /** Before the first version, the model the shop started with becomes version 0. */
  private ensureBaseVersion(): void {
    const { modelVersions } = this.deps
    const current = this.deps.settings.get().llm.model
    if (modelVersions.findByName(current)) return
    if (modelVersions.list().some((v) => v.source === 'base')) return
    const version = modelVersions.create({ name: current, version: 0, source: 'base', baseModel: null, path: null, digest: null })
    modelVersions.setLive(version.id, new Date())
  }
}

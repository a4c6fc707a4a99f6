import { join } from 'node:path'
import type { TrainingStartInput } from '../../shared/api/contract'
import type { BaseModelOption, ModelVersionDto, TrainingOptionsDto, TrainingRunDto } from '../../shared/types'
import { toDatasetDto } from '../curate/dataset-service'
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import type { SettingsService } from '../settings/settings-service'
import type { DatasetsRepository } from '../store/repositories/datasets-repository'
import type { ModelVersionsRepository } from '../store/repositories/model-versions-repository'
import type { TrainingRunsRepository } from '../store/repositories/training-runs-repository'
import { ImportBackend } from './backends/import-backend'
import { ImportSources } from './backends/import-sources'
import { LlamaCppBackend } from './backends/llamacpp-backend'
import { PromptBackend } from './backends/prompt-backend'
import type { TrainingBackend } from './backends/training-backend'
import type { LlamaTools } from './llama-tools'
import { ModelRegistry } from './model-registry'
import type { OllamaDeployer } from './ollama-deployer'
import type { OllamaBaseModel } from './ollama-store'
import { Trainer } from './trainer'
import type { AppSetup } from './training-errors'
import { Validator } from './validator'
import type { BasicsQuestion } from './shop-basics'

export interface TrainingServiceDeps {
  repos: {
    trainingRuns: TrainingRunsRepository
    modelVersions: ModelVersionsRepository
    datasets: Pick<DatasetsRepository, 'get' | 'list'>
  }
  dataDir: string
  settings: SettingsService
  events: EventBus
  logger: Logger
  tools: () => LlamaTools | null
  deployer: OllamaDeployer
  /** Models in Ollama's store on this machine (bases to train from, GGUFs of the live model). */
  storeModels: () => Promise<OllamaBaseModel[]>
  /** The root Modelfile (the documented template), filled and kept next to each version; null = none. */
  modelfileTemplate: () => string | null
  /** Where imports may come from; defaults to `<dataDir>/imports` with no file picker (headless). */
  imports?: ImportSources
  /** Installed app or development checkout (default): what the owner is told when the tools are missing. */
  setup?: AppSetup
  /** The shop's basics every candidate must still answer (greeting, prices, shipping, payment). */
  basics?: () => BasicsQuestion[]
}

/**
 * Stages 6–8 of the loop as one room for the handlers: the trainer runs trainings (each
 * backend checks its request and builds its parameters), the validator compares a candidate
 * with the live model (with its own base when the live model is of another family), the
 * registry keeps every version and which is live. This facade only wires them and answers what
 * the training screen asks in one call.
 */
export class TrainingService {
  readonly imports: ImportSources
  private readonly backends: Record<TrainingBackend['id'], TrainingBackend>
  private readonly registry: ModelRegistry
  private readonly trainer: Trainer

  constructor(private readonly deps: TrainingServiceDeps) {
    const { repos, settings } = deps
    this.imports = deps.imports ?? new ImportSources(join(deps.dataDir, 'imports'), null)
    this.backends = { llamacpp: new LlamaCppBackend(deps.setup), prompt: new PromptBackend(), import: new ImportBackend(this.imports) }
    this.registry = new ModelRegistry({ modelVersions: repos.modelVersions, settings, events: deps.events, deployer: deps.deployer })
    const validator = new Validator({
      modelVersions: repos.modelVersions,
      liveModel: () => settings.get().llm.model,
      tools: deps.tools,
      deployer: deps.deployer,
      storeModels: deps.storeModels,
      ...(deps.basics ? { basics: deps.basics } : {}),
    })
    this.trainer = new Trainer({
      runs: repos.trainingRuns,
      lookups: { datasets: repos.datasets, modelVersions: repos.modelVersions },
      settings,
      events: deps.events,
      logger: deps.logger,
      dataDir: deps.dataDir,
      tools: deps.tools,
      deployer: deps.deployer,
      storeModels: deps.storeModels,
      modelfileTemplate: deps.modelfileTemplate,
      backends: this.backends,
      validator,
      registry: this.registry,
    })
    this.trainer.failInterrupted()
    this.registry.followSettings()
  }

  get running(): string | null {
    return this.trainer.running
  }

  /** Everything the training screen offers: ready datasets, backends, base models, what is live. */
  async options(): Promise<TrainingOptionsDto> {
    const tools = this.deps.tools()
    const store = await this.deps.storeModels().catch(() => [])
    const baseModels: BaseModelOption[] = store.flatMap((m) =>
      m.blobPath
        ? [
            {
              path: m.blobPath,
              ollamaModel: m.model,
              sizeBytes: m.sizeBytes ?? 0,
              fileType: m.fileType ?? 'desconocido',
              layers: m.layers,
              parameterCount: m.parameterCount,
              trainable: m.trainable,
              reason: m.reason ?? null,
            },
          ]
        : [],
    )
    // The chosen model plan's F16 base, so the screen starts on the base of the family that answers.
    const planBase = this.deps.settings.get().training.baseModel
    const withTag = (name: string) => (name.includes(':') ? name : `${name}:latest`)
    const preferred = planBase ? baseModels.find((b) => b.ollamaModel !== null && withTag(b.ollamaModel) === withTag(planBase)) : undefined
    return {
      datasets: this.deps.repos.datasets.list().filter((d) => d.status === 'ready').map(toDatasetDto),
      backends: Object.values(this.backends).map((backend) => {
        const reason = backend.unavailable(tools)
        return { id: backend.id, available: reason === null, reason }
      }),
      baseModels,
      liveModel: this.deps.settings.get().llm.model,
      running: this.running,
      preferredBaseModel: preferred?.path ?? null,
    }
  }

  start(input: TrainingStartInput): Promise<TrainingRunDto> {
    return this.trainer.start(input)
  }

  cancel(id: string): TrainingRunDto {
    return this.trainer.cancel(id)
  }

  list(limit: number): TrainingRunDto[] {
    return this.trainer.list(limit)
  }

  get(id: string): TrainingRunDto & { logTail: string } {
    return this.trainer.get(id)
  }

  versions(): ModelVersionDto[] {
    return this.registry.versions()
  }

  /** Puts a version live by the owner's hand: a rollback, or a candidate validation did not prefer. */
  activate(id: string): Promise<ModelVersionDto[]> {
    return this.registry.activate(id)
  }

  /** Resolves when the run under way (if any) has finished, failed or been cancelled. */
  idle(): Promise<void> {
    return this.trainer.idle()
  }

  /** The app is closing: a run under way stops and is recorded as not finished. */
  close(): Promise<void> {
    return this.trainer.close()
  }
}

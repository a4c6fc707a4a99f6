import { dirname } from 'node:path'
import { ApiError } from '../../shared/api/errors'
import type { HardwareDto, ModelPlanDto, ModelPullDto, OllamaInstallDto } from '../../shared/setup'
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import type { Clock } from '../kernel/clock'
import type { SettingsService } from '../settings/settings-service'
import type { SettingsRepository } from '../store/repositories/settings-repository'
import { defaultOllamaModelsDirs } from '../training/ollama-store'
import { isAllowedExternalUrl } from './external-links'
import { createHardwareProbe, hardwareFromEnv, type HardwareProbe, type LoadedModel } from './hardware'
import type { Machine } from './machine'
import { MODEL_CATALOG, knownDownloadBytes, sameModel, type CatalogModel } from '../../shared/model-catalog'
import { planFor, trainingFit } from './model-plan'
import { ModelPulls, type ModelPullsDeps } from './model-pulls'
import { describeInstall, findOllamaProgram, isLocalHost } from './ollama-install'
import { isTooOld } from './ollama-version'

export interface ModelsSetupDeps {
  settings: SettingsService
  repos: { settings: Pick<SettingsRepository, 'get' | 'set'> }
  events: EventBus
  logger: Logger
  /** The operating system as this room sees it (tests play other OSes). */
  machine: Machine
  /** Ollama's installed model names. */
  installedModels: () => Promise<string[]>
  /** The installed models changed (a download finished): the LLM re-checks its model. */
  modelsChanged: () => void
  /** Opens a page in the owner's browser (the desktop's shell); null = headless, the screen shows the link. */
  openExternal: ((url: string) => Promise<void>) | null
  /** Replaces the hardware probe (tests); otherwise AUTODIDACTA_HARDWARE, then Ollama and the OS. */
  hardware?: HardwareProbe
  fetch?: typeof fetch
  clock?: Clock
  /** How long `ollama.start` waits for Ollama to answer after starting it. */
  startWaitMs?: number
  /** Download tuning (tests shorten the waits). */
  pulls?: Pick<ModelPullsDeps, 'retryDelaysMs' | 'maxRetries' | 'emitIntervalMs' | 'idleTimeoutMs'>
}

/** A probe of the OS and Ollama is repeated at most this often (nvidia-smi is a process start). */
const HARDWARE_CACHE_MS = 30_000
const VERSION_TIMEOUT_MS = 2_000

/**
 * The first day's technical half: Ollama found or explained, the model plan for this computer,
 * and the downloads that bring its models. The choice lives in settings (`training.baseModel`,
 * `llm.model`); unfinished downloads in the settings table under their own key.
 */
export class ModelsSetupService {
  private readonly pulls: ModelPulls
  private readonly fetchImpl: typeof fetch
  private readonly probe: HardwareProbe
  private cachedHardware: { at: number; value: HardwareDto } | null = null
  private readonly clock: Clock

  constructor(private readonly deps: ModelsSetupDeps) {
    this.fetchImpl = deps.fetch ?? fetch
    this.clock = deps.clock ?? Date.now
    const fromEnv = hardwareFromEnv(deps.machine.env.AUTODIDACTA_HARDWARE)
    this.probe =
      deps.hardware ??
      (fromEnv ? () => Promise.resolve(fromEnv) : createHardwareProbe({ machine: deps.machine, loadedModels: () => this.loadedModels() }))
    this.pulls = new ModelPulls({
      host: () => this.host(),
      repo: deps.repos.settings,
      emit: (pull) => deps.events.emit('models.pull', pull),
      logger: deps.logger,
      clock: this.clock,
      fetch: this.fetchImpl,
      onDone: (name) => this.downloaded(name),
      ...deps.pulls,
    })
  }

  // --- Ollama, found or explained ---------------------------------------------------------

  async detect(): Promise<OllamaInstallDto> {
    const host = this.host()
    const version = await this.version(host)
    return describeInstall({ machine: this.deps.machine, host, version, answered: version !== null, tooOld: isTooOld(version) })
  }

  /** Starts the installed Ollama where the OS allows it, then waits a few seconds for it to answer. */
  async start(): Promise<OllamaInstallDto> {
    const before = await this.detect()
    if (before.state !== 'installed') return before
    const program = findOllamaProgram(this.deps.machine)
    if (!program?.start) return before
    try {
      await this.deps.machine.spawn(program.start)
    } catch (error) {
      this.deps.logger.warn('Starting Ollama failed', { path: program.path, error })
      return { ...before, instructions: ['No pudimos abrir Ollama desde aquí; ábrelo tú, así:', ...before.instructions] }
    }
    const deadline = this.clock() + (this.deps.startWaitMs ?? 10_000)
    while (this.clock() < deadline) {
      const state = await this.detect()
      if (state.state !== 'installed') return state
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    const after = await this.detect()
    return after.state === 'installed'
      ? { ...after, instructions: ['Ollama se está abriendo pero todavía no responde; espera unos segundos.', ...after.instructions] }
      : after
  }

  async openExternal(url: string): Promise<{ opened: boolean }> {
    if (!isAllowedExternalUrl(url)) throw new ApiError('invalid_input', 'Solo se pueden abrir las páginas oficiales de Ollama (https://ollama.com).')
    if (!this.deps.openExternal) return { opened: false }
    await this.deps.openExternal(url)
    return { opened: true }
  }

  // --- The model plan -----------------------------------------------------------------------

  async plan(): Promise<ModelPlanDto> {
    const [hardware, installed] = await Promise.all([this.hardware(), this.installed()])
    const settings = this.deps.settings.get()
    return planFor({ hardware, installed, currentModel: settings.llm.model, epochs: settings.training.epochs })
  }

  /**
   * Makes a plan the shop's: its F16 tag becomes the training base (with the frozen layers that
   * let it train here), and its model answers now if installed, else when its download finishes.
   */
  async choosePlan(id: string): Promise<ModelPlanDto> {
    const model = MODEL_CATALOG.find((plan) => plan.id === id)
    if (!model) throw new ApiError('not_found', `No hay un plan «${id}».`)
    const [hardware, installed] = await Promise.all([this.hardware(), this.installed()])
    const fit = trainingFit(model, hardware)
    const answering = installed.find((name) => answersFor(model, name))
    this.deps.settings.update({
      training: { baseModel: model.trainingBase, ...(fit ? { freezeLayers: fit.freezeLayers } : {}) },
      ...(answering ? { llm: { model: answering } } : {}),
    })
    return this.plan()
  }

  // --- Downloads ----------------------------------------------------------------------------

  async pull(name: string): Promise<ModelPullDto> {
    const running = this.pulls.get(name)
    if (running && (running.state === 'queued' || running.state === 'downloading' || running.state === 'verifying' || running.retrying)) return running
    await this.checkDiskSpace(name, running)
    return this.pulls.start(name)
  }

  cancelPull(name: string): ModelPullDto | null {
    return this.pulls.cancel(name)
  }

  listPulls(): ModelPullDto[] {
    return this.pulls.list()
  }

  /** Downloads the app was doing when it last closed go on (Ollama resumes their partial files). */
  resumeUnfinished(): void {
    this.pulls.resumeUnfinished()
  }

  close(): Promise<void> {
    return this.pulls.close()
  }

  private async downloaded(name: string): Promise<void> {
    this.deps.modelsChanged()
    const settings = this.deps.settings.get()
    const chosen = settings.training.baseModel ? MODEL_CATALOG.find((plan) => sameModel(plan.trainingBase, settings.training.baseModel!)) : undefined
    // The chosen plan's answering model arrived: it answers from now on (the owner already chose it).
    if (chosen && answersFor(chosen, name) && !sameModel(settings.llm.model, name)) {
      this.deps.settings.update({ llm: { model: name } })
      this.deps.logger.info('The chosen plan’s model is downloaded and now answers', { model: name })
    }
  }

  /** Refuses a download that cannot fit on the disk of Ollama's model store (this computer's Ollama only). */
  private async checkDiskSpace(name: string, previous: ModelPullDto | null): Promise<void> {
    const size = knownDownloadBytes(name)
    if (size === null || !isLocalHost(this.host(), this.deps.machine)) return
    const installed = await this.installed()
    if (installed.some((model) => sameModel(model, name))) return
    const free = await this.freeBytesOfStore()
    if (free === null) return
    // What an earlier try already brought is on the disk (Ollama resumes it).
    const needed = size - Math.min(size, previous?.completedBytes ?? 0)
    if (free < needed) {
      throw new ApiError(
        'precondition',
        `No hay espacio suficiente en el disco: el modelo necesita ${diskGb(needed)} y quedan ${diskGb(free)} libres. Libera espacio y vuelve a intentarlo.`,
      )
    }
  }

  private async freeBytesOfStore(): Promise<number | null> {
    const { machine } = this.deps
    const configured = this.deps.settings.get().training.ollamaModelsDir
    const dirs = configured ? [configured] : defaultOllamaModelsDirs(machine.env as NodeJS.ProcessEnv, machine.platform, machine.home)
    // Before the first download the store may not exist yet: the disk it will be on is its nearest existing parent's.
    let dir = dirs.find((candidate) => machine.fileExists(candidate)) ?? dirs[0]!
    while (!machine.fileExists(dir) && dirname(dir) !== dir) dir = dirname(dir)
    try {
      return await machine.freeBytes(dir)
    } catch (error) {
      this.deps.logger.warn('Free disk space unknown', { dir, error })
      return null
    }
  }

  // --- What Ollama and the OS say ------------------------------------------------------------

  private host(): string {
    return this.deps.settings.get().llm.host
  }

  private async hardware(): Promise<HardwareDto> {
    const now = this.clock()
    if (this.cachedHardware && now - this.cachedHardware.at < HARDWARE_CACHE_MS) return this.cachedHardware.value
    const value = await this.probe()
    this.cachedHardware = { at: now, value }
    return value
  }

  private async installed(): Promise<string[]> {
    return this.deps.installedModels().catch(() => [])
  }

  private async version(host: string): Promise<string | null> {
    try {
      const response = await this.fetchImpl(`${host.replace(/\/$/, '')}/api/version`, { signal: AbortSignal.timeout(VERSION_TIMEOUT_MS) })
      if (!response.ok) return null
      const body = (await response.json()) as { version?: unknown }
      return typeof body.version === 'string' ? body.version : ''
    } catch {
      return null
    }
  }

  private async loadedModels(): Promise<LoadedModel[] | null> {
    try {
      const response = await this.fetchImpl(`${this.host().replace(/\/$/, '')}/api/ps`, { signal: AbortSignal.timeout(VERSION_TIMEOUT_MS) })
      if (!response.ok) return null
      const body = (await response.json()) as { models?: unknown }
      if (!Array.isArray(body.models)) return []
      return body.models.map((model: unknown) => {
        const { name, size, size_vram } = (model ?? {}) as Record<string, unknown>
        return { name: String(name), sizeBytes: typeof size === 'number' ? size : 0, vramBytes: typeof size_vram === 'number' ? size_vram : 0 }
      })
    } catch {
      return null
    }
  }
}

function answersFor(model: CatalogModel, name: string): boolean {
  return [model.answerModel, ...model.answerAliases].some((tag) => sameModel(tag, name))
}

function diskGb(bytes: number): string {
  return `${(bytes / 1_000_000_000).toLocaleString('es', { maximumFractionDigits: 1 })} GB`
}

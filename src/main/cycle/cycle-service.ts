import { statfsSync } from 'node:fs'
import type { TrainingStartInput } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import { OWNER_ANSWERS_MODEL, type CycleDto, type CycleRunDto, type DatasetDto, type ModelVersionDto, type TrainingOptionsDto, type TrainingRunDto } from '../../shared/types'
import type { Clock } from '../kernel/clock'
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import type { SettingsService } from '../settings/settings-service'
import type { CycleRun, CycleRunsRepository } from '../store/repositories/cycle-runs-repository'
import type { ModelVersionsRepository } from '../store/repositories/model-versions-repository'
import type { TrainingDataRepository } from '../store/repositories/training-data-repository'
import { checkConditions, reasonNotYet, type ConditionsResult } from './cycle-conditions'
import { judgeWatch, type WatchFigures } from './version-watch'

/** What the operating system says about the computer; null where it cannot say (a headless server). */
export interface SystemProbes {
  idleSeconds: () => number | null
  onMains: () => boolean | null
  /** Free bytes on the disk of the data folder (default: read with statfs). */
  freeBytes?: () => number | null
}

export interface CycleServiceDeps {
  repos: {
    cycleRuns: CycleRunsRepository
    trainingData: Pick<TrainingDataRepository, 'countLearnableSince' | 'modelFigures' | 'answersBetween'>
    modelVersions: Pick<ModelVersionsRepository, 'get' | 'live' | 'list' | 'findByName'>
  }
  settings: Pick<SettingsService, 'get'>
  /** Stage 5: the dataset of a turn. */
  datasets: { create: (options: { name: string; includeDemo: boolean }) => Promise<DatasetDto> }
  /** Stages 6–8: the trainer, the gate and the registry, as the training room offers them. */
  training: {
    options: () => Promise<TrainingOptionsDto>
    start: (input: TrainingStartInput) => Promise<TrainingRunDto>
    get: (id: string) => TrainingRunDto
    idle: () => Promise<void>
    readonly running: string | null
    activate: (id: string) => Promise<ModelVersionDto[]>
  }
  events: EventBus
  logger: Logger
  /** The data folder, whose disk must have room for a dataset and a model. */
  dataDir: string
  clock?: Clock
  probes?: SystemProbes
  /** How often the scheduler looks at the conditions and the watch (default 5 minutes). */
  tickMs?: number
}

const NO_PROBES: SystemProbes = { idleSeconds: () => null, onMains: () => null }
const INTERRUPTED = 'La aplicación se cerró mientras aprendía: la vuelta quedó sin terminar y se repetirá cuando se den las condiciones.'

/**
 * The loop that runs itself (issue 18): when enough new material has piled up and the night,
 * the shop's hours, the computer and the week allow, it makes a dataset, trains, lets the
 * validation gate decide, and watches a new live version over its first customers, rolling it
 * back when it does worse. In "suggest" mode it only says a version is worth training; one tap
 * (`runNow`) does the same turn. Every step lands in the run history with its numbers, and a
 * summary in plain words waits for the owner.
 */
export class CycleService {
  private readonly now: Clock
  private readonly probes: SystemProbes
  private timer: NodeJS.Timeout | null = null
  private turn: Promise<void> | null = null
  private ticking = false
  private closing = false

  constructor(private readonly deps: CycleServiceDeps) {
    this.now = deps.clock ?? Date.now
    this.probes = deps.probes ?? NO_PROBES
    for (const run of deps.repos.cycleRuns.failInterrupted(INTERRUPTED, new Date(this.now()))) {
      deps.logger.warn('Learning cycle turn interrupted by a stop', { cycleRunId: run.id })
    }
  }

  /** Looks at the conditions and the watch now and then (and once right away). */
  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.tick(), this.deps.tickMs ?? 5 * 60_000)
    this.timer.unref()
    void this.tick()
  }

  /** No new turn starts; one under way ends when training and curation stop (they close before the database). */
  stop(): void {
    this.closing = true
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  get(): CycleDto {
    const settings = this.deps.settings.get()
    const newExamples = this.newExamples()
    const check = this.conditions(newExamples)
    const latest = this.deps.repos.cycleRuns.latest()
    const unread = this.deps.repos.cycleRuns.unreadSummary()
    return {
      mode: settings.cycle.mode,
      conditions: check.conditions,
      newExamples,
      lastRun: latest ? this.toDto(latest) : null,
      nextRunAt: check.nextRunAt?.getTime() ?? null,
      reasonNotYet: reasonNotYet(check),
      suggestion: settings.cycle.mode === 'suggest' && check.worthTraining && !this.turn && this.deps.training.running === null ? { newExamples } : null,
      unreadSummary: unread ? this.toDto(unread) : null,
    }
  }

  list(limit: number): CycleRunDto[] {
    return this.deps.repos.cycleRuns.list(limit).map((run) => this.toDto(run))
  }

  /** One tap: a turn now, whatever the hour (the owner is the one who decides that), if nothing else is training. */
  runNow(): CycleRunDto {
    if (this.closing) throw new ApiError('unavailable', 'La aplicación se está cerrando.')
    if (this.turn || this.deps.training.running !== null) throw new ApiError('precondition', 'Ya hay un entrenamiento en curso: espera a que termine.')
    return this.begin('owner')
  }

  /** The owner read the summary card. */
  markRead(id: string): CycleRunDto {
    const run = this.mustGet(id)
    const updated = this.deps.repos.cycleRuns.update(run.id, { summaryReadAt: new Date(this.now()) }) ?? run
    return this.publish(updated)
  }

  /** "Deshacer" on the summary: the version live before the turn goes back in use. */
  async undo(id: string): Promise<CycleRunDto> {
    const run = this.mustGet(id)
    if (run.status !== 'deployed' || !run.previousVersionId) throw new ApiError('precondition', 'Esta vuelta no cambió la versión en uso: no hay nada que deshacer.')
    await this.deps.training.activate(run.previousVersionId)
    const previous = this.deps.repos.modelVersions.get(run.previousVersionId)
    const updated =
      this.deps.repos.cycleRuns.update(run.id, {
        status: 'rolled_back',
        watchStatus: 'rolled_back',
        watchReasons: ['La deshiciste desde el resumen.'],
        summary: `Deshiciste el cambio: sigue en uso la versión ${previous?.version ?? ''}.`.replace(' .', '.'),
        summaryReadAt: new Date(this.now()),
      }) ?? run
    return this.publish(updated)
  }

  /** The scheduler's beat: the watch first (a bad version should not wait for the night), then the conditions. */
  async tick(): Promise<void> {
    if (this.ticking || this.closing) return
    this.ticking = true
    try {
      await this.checkWatch()
      if (this.deps.settings.get().cycle.mode === 'automatic' && !this.turn && this.conditions().due) this.begin('automatic')
    } catch (error) {
      this.deps.logger.error('Learning cycle check failed', { error })
    } finally {
      this.ticking = false
    }
  }

  /** Resolves when the turn under way (if any) is over. */
  async idle(): Promise<void> {
    await this.turn
  }

  private conditions(newExamples = this.newExamples()): ConditionsResult {
    const settings = this.deps.settings.get()
    return checkConditions({
      now: new Date(this.now()),
      cycle: settings.cycle,
      businessHours: settings.businessHours,
      locale: settings.shop.numberLocale,
      newExamples,
      lastVersionAt: this.lastVersionAt(),
      trainingRunning: this.turn !== null || this.deps.training.running !== null,
      idleSeconds: this.probes.idleSeconds(),
      onMains: this.probes.onMains(),
      freeBytes: this.probes.freeBytes ? this.probes.freeBytes() : freeBytesAt(this.deps.dataDir),
    })
  }

  /** New material counts from the newest version made from the shop's data (or from the start). */
  private newExamples(): number {
    const settings = this.deps.settings.get()
    return this.deps.repos.trainingData.countLearnableSince(this.lastVersionAt(), settings.learning.minScore, settings.demoMode)
  }

  private lastVersionAt(): Date | null {
    const made = this.deps.repos.modelVersions.list().filter((v) => v.source !== 'base')
    const newest = made.reduce<Date | null>((at, v) => (at === null || v.createdAt > at ? v.createdAt : at), null)
    const lastTurn = this.deps.repos.cycleRuns.latest()
    // A failed turn also waits its interval: it would fail the same way tonight.
    const turnAt = lastTurn && lastTurn.status !== 'running' ? lastTurn.startedAt : null
    if (!newest) return turnAt
    if (!turnAt) return newest
    return turnAt > newest ? turnAt : newest
  }

  private begin(trigger: 'automatic' | 'owner'): CycleRunDto {
    const live = this.deps.repos.modelVersions.live()
    const run = this.deps.repos.cycleRuns.create({ trigger, newExamples: this.newExamples(), startedAt: new Date(this.now()), previousVersionId: live?.id ?? null })
    this.deps.logger.info('Learning cycle turn started', { cycleRunId: run.id, trigger, newExamples: run.newExamples })
    this.turn = this.execute(run).finally(() => {
      this.turn = null
    })
    return this.publish(run)
  }

  private async execute(run: CycleRun): Promise<void> {
    const settings = this.deps.settings.get()
    const details: Record<string, unknown> = { newExamples: run.newExamples }
    try {
      const dataset = await this.deps.datasets.create({ name: `automatico-${new Date(this.now()).toISOString().slice(0, 10)}`, includeDemo: settings.demoMode })
      details.dataset = { id: dataset.id, train: dataset.trainCount, validation: dataset.validationCount }
      this.save(run.id, { datasetId: dataset.id, details })
      const options = await this.deps.training.options()
      const start = chooseBackend(options, dataset.id)
      details.backend = start.backend
      const started = await this.deps.training.start(start)
      this.save(run.id, { trainingRunId: started.id, details })
      await this.deps.training.idle()
      const trained = this.deps.training.get(started.id)
      details.validation = trained.validation
        ? { better: trained.validation.better, reasons: trained.validation.reasons, live: trained.validation.live, candidate: trained.validation.candidate }
        : null
      const version = trained.modelVersion ? this.deps.repos.modelVersions.get(trained.modelVersion.id) : undefined
      // Before a shop's first version the model it started with had no version; the first training made it version 0.
      const previous = run.previousVersionId ? this.deps.repos.modelVersions.get(run.previousVersionId) : this.deps.repos.modelVersions.findByName(settings.llm.model)
      if (previous && !run.previousVersionId) this.save(run.id, { previousVersionId: previous.id })
      const when = run.trigger === 'automatic' ? 'Anoche entrené' : 'Entrené'
      const examples = `${new Intl.NumberFormat(settings.shop.numberLocale).format(run.newExamples)} ${run.newExamples === 1 ? 'ejemplo nuevo' : 'ejemplos nuevos'}`
      if (trained.status !== 'succeeded' || !version) {
        const error = trained.error ?? 'el entrenamiento no terminó'
        this.finish(run.id, { status: 'failed', error, details, summary: `${when === 'Anoche entrené' ? 'Anoche intenté' : 'Intenté'} entrenar una versión nueva con ${examples}, pero no se pudo: ${error}` })
        return
      }
      if (trained.modelVersion?.isLive) {
        this.finish(run.id, {
          status: 'deployed',
          versionId: version.id,
          watchStatus: 'watching',
          watchTarget: settings.cycle.watchExchanges,
          watchSeen: 0,
          details,
          summary: `${when} la versión ${version.version} con ${examples}; responde mejor y ya está en uso. La vigilo con tus próximos ${settings.cycle.watchExchanges} clientes.`,
        })
      } else {
        this.finish(run.id, {
          status: 'kept',
          versionId: version.id,
          details,
          summary: `${when} la versión ${version.version} con ${examples}, pero no respondía mejor; sigue en uso la ${previous ? `versión ${previous.version}` : 'misma de antes'}.`,
        })
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      this.deps.logger.error('Learning cycle turn failed', { cycleRunId: run.id, error })
      this.finish(run.id, { status: 'failed', error: message, details, summary: `No pude entrenar una versión nueva: ${message}` })
    }
  }

  /** The version under watch against the one before it, over as many customer exchanges. */
  private async checkWatch(): Promise<void> {
    const run = this.deps.repos.cycleRuns.watching()
    if (!run?.versionId) return
    const version = this.deps.repos.modelVersions.get(run.versionId)
    const previous = run.previousVersionId ? this.deps.repos.modelVersions.get(run.previousVersionId) : undefined
    if (!version || !version.isLive || !version.deployedAt || !previous) {
      // The owner put another version live (or the previous one is gone): nothing left to compare.
      this.save(run.id, { watchStatus: 'passed', watchReasons: ['Ya no está en uso o no hay una versión anterior con qué compararla.'] })
      return
    }
    const settings = this.deps.settings.get()
    const target = run.watchTarget ?? settings.cycle.watchExchanges
    const includeDemo = settings.demoMode
    const since = version.deployedAt
    const current = this.figures(version.name, { from: since, limit: target }, includeDemo)
    const before = this.figures(previous.name, { before: since, limit: target }, includeDemo)
    const verdict = judgeWatch(current, before, target, { score: settings.cycle.watchScoreMargin, rate: settings.cycle.watchRateMargin }, settings.shop.numberLocale)
    const details = { ...(run.details as Record<string, unknown>), watch: { current, previous: before, target } }
    if (verdict.verdict === 'watching') {
      if (current.exchanges !== run.watchSeen) this.save(run.id, { watchSeen: current.exchanges, details })
      return
    }
    if (verdict.verdict === 'passed') {
      this.save(run.id, { watchStatus: 'passed', watchSeen: current.exchanges, watchReasons: verdict.reasons, details })
      return
    }
    await this.deps.training.activate(previous.id)
    this.deps.logger.warn('Learning cycle rolled back a version', { cycleRunId: run.id, version: version.name, reasons: verdict.reasons })
    this.finish(run.id, {
      status: 'rolled_back',
      watchStatus: 'rolled_back',
      watchSeen: current.exchanges,
      watchReasons: verdict.reasons,
      details,
      summary: `La versión ${version.version} respondía peor con tus clientes que la ${previous.version} (${verdict.reasons.join('; ')}): volví a la versión ${previous.version}.`,
    })
  }

  private figures(model: string, window: { from: Date; limit: number } | { before: Date; limit: number }, includeDemo: boolean): WatchFigures {
    const { trainingData } = this.deps.repos
    const f = trainingData.modelFigures(model, window, includeDemo)
    const answers = f.firstAt && f.lastAt ? trainingData.answersBetween(f.firstAt, f.lastAt, OWNER_ANSWERS_MODEL, includeDemo) : null
    return {
      exchanges: f.exchanges,
      meanScore: f.meanScore,
      successRate: f.successRate,
      takeoverRate: answers && answers.answers > 0 ? answers.byOwner / answers.answers : null,
    }
  }

  private save(id: string, patch: Parameters<CycleRunsRepository['update']>[1]): void {
    const updated = this.deps.repos.cycleRuns.update(id, patch)
    if (updated) this.publish(updated)
  }

  /** A turn (or its watch) ended with a summary for the owner: the card, and the desktop's notification. */
  private finish(id: string, patch: Parameters<CycleRunsRepository['update']>[1]): void {
    const updated = this.deps.repos.cycleRuns.update(id, { ...patch, finishedAt: new Date(this.now()), summaryReadAt: null })
    if (!updated) return
    const dto = this.publish(updated)
    this.deps.events.emit('cycle.summary', dto)
  }

  private publish(run: CycleRun): CycleRunDto {
    const dto = this.toDto(run)
    this.deps.events.emit('cycle.updated', dto)
    return dto
  }

  private mustGet(id: string): CycleRun {
    const run = this.deps.repos.cycleRuns.get(id)
    if (!run) throw new ApiError('not_found', 'Esa vuelta de aprendizaje ya no existe. Recarga la página.', [{ path: 'id', message: 'Ya no existe.' }])
    return run
  }

  private toDto(run: CycleRun): CycleRunDto {
    const versionRef = (id: string | null) => {
      const v = id ? this.deps.repos.modelVersions.get(id) : undefined
      return v ? { id: v.id, name: v.name, version: v.version } : null
    }
    return {
      id: run.id,
      trigger: run.trigger,
      status: run.status,
      newExamples: run.newExamples,
      datasetId: run.datasetId,
      trainingRunId: run.trainingRunId,
      version: versionRef(run.versionId),
      previousVersion: versionRef(run.previousVersionId),
      watch: run.watchStatus
        ? { status: run.watchStatus, target: run.watchTarget ?? 0, seen: run.watchSeen ?? 0, reasons: Array.isArray(run.watchReasons) ? (run.watchReasons as string[]) : [] }
        : null,
      summary: run.summary,
      summaryRead: run.summaryReadAt !== null,
      details: (run.details as Record<string, unknown> | null) ?? {},
      error: run.error,
      startedAt: run.startedAt.getTime(),
      finishedAt: run.finishedAt?.getTime() ?? null,
    }
  }
}

/**
 * A real fine-tune when the llama.cpp tools and a trainable base are here (the plan's base first);
 * otherwise a version from the best examples (it changes no weights, and says so in Entrenamiento).
 */
export function chooseBackend(options: TrainingOptionsDto, datasetId: string): TrainingStartInput {
  const llama = options.backends.find((b) => b.id === 'llamacpp')
  const base = options.preferredBaseModel ?? options.baseModels.find((b) => b.trainable)?.path ?? null
  if (llama?.available && base) return { datasetId, backend: 'llamacpp', baseModel: base, force: false }
  return { datasetId, backend: 'prompt', force: false }
}

function freeBytesAt(dir: string): number | null {
  try {
    const stats = statfsSync(dir)
    return stats.bavail * stats.bsize
  } catch {
    return null
  }
}

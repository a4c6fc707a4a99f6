import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs'
import { join } from 'node:path'
import type { TrainingStartInput } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import type { LossPoint, TrainingRunDto, TrainingStage, TrainingStepProgress } from '../../shared/types'
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import type { SettingsService } from '../settings/settings-service'
import type { TrainingRun, TrainingRunsRepository } from '../store/repositories/training-runs-repository'
import type { Candidate, RunParams, TrainingBackend } from './backends/training-backend'
import type { LlamaTools } from './llama-tools'
import { shopSystemPrompt, type ModelRegistry } from './model-registry'
import { renderModelfile } from './modelfile-template'
import type { OllamaDeployer } from './ollama-deployer'
import type { OllamaBaseModel } from './ollama-store'
import { describeFailure, throwIfCancelled, TRAINING_ERRORS, TrainingError } from './training-errors'
import { toTrainingRunDto, type RunLookups } from './training-dto'
import type { Validator } from './validator'

export interface TrainerDeps {
  runs: TrainingRunsRepository
  /** The dataset a run trains on, and the names its DTO shows. */
  lookups: RunLookups
  settings: Pick<SettingsService, 'get'>
  events: EventBus
  logger: Logger
  dataDir: string
  tools: () => LlamaTools | null
  /** Creates the candidate in Ollama; backends upload their blobs through it. */
  deployer: OllamaDeployer
  storeModels: () => Promise<OllamaBaseModel[]>
  /** The root Modelfile (the documented template), filled and kept next to each version; null = none. */
  modelfileTemplate: () => string | null
  backends: Record<TrainingRun['backend'], TrainingBackend>
  validator: Validator
  registry: ModelRegistry
}

interface Current {
  runId: string
  controller: AbortController
  done: Promise<void>
}

/**
 * Stage 6, and the run that carries a candidate through 7 and 8. One training at a time: a
 * base model and a dataset become a candidate through a backend (real weights through
 * llama.cpp, a few-shot prompt model, or an import), the candidate is created in Ollama and
 * registered as a version, the validator compares it with the live model (or with its own base
 * when the live model is of another family), and the registry puts it live only if it is better
 * — or the owner forced it. Progress, the loss curve and the outcome are recorded on the run as
 * they happen.
 */
export class Trainer {
  private current: Current | null = null
  private lastCurveWrite = 0

  constructor(private readonly deps: TrainerDeps) {}

  /** Runs the app was working on when it stopped are failed: a training process does not survive its parent. */
  failInterrupted(): void {
    for (const run of this.deps.runs.failInterrupted(TRAINING_ERRORS.interruptedByStop)) {
      this.deps.logger.warn('Training run interrupted by a stop', { runId: run.id })
    }
  }

  get running(): string | null {
    return this.current?.runId ?? null
  }

  list(limit: number): TrainingRunDto[] {
    return this.deps.runs.list(limit).map((run) => toTrainingRunDto(run, this.deps.lookups))
  }

  get(id: string): TrainingRunDto & { logTail: string } {
    const run = this.mustGet(id)
    let logTail = ''
    if (run.logPath && existsSync(run.logPath)) {
      const text = readFileSync(run.logPath, 'utf8')
      logTail = text.slice(-6_000)
    }
    return { ...toTrainingRunDto(run, this.deps.lookups), logTail }
  }

  async start(input: TrainingStartInput): Promise<TrainingRunDto> {
    if (this.current) throw new ApiError('precondition', TRAINING_ERRORS.busy)
    const dataset = this.deps.lookups.datasets.get(input.datasetId)
    if (!dataset) throw new ApiError('not_found', 'Ese lote de ejemplos ya no existe. Recarga la página y elige otro.', [{ path: 'datasetId', message: 'Ese lote de ejemplos ya no existe.' }])
    if (dataset.status !== 'ready' || !dataset.path) throw new ApiError('precondition', TRAINING_ERRORS.datasetNotReady)
    const plan = await this.deps.backends[input.backend].plan({ input, settings: this.deps.settings.get(), tools: this.deps.tools() })
    // Checking an import reads the file: another start may have won meanwhile.
    if (this.current) throw new ApiError('precondition', TRAINING_ERRORS.busy)
    const run = this.deps.runs.create({ datasetId: dataset.id, backend: input.backend, baseModel: plan.baseModel, params: plan.params, logPath: null })
    const workDir = join(this.deps.dataDir, 'training', run.id)
    mkdirSync(workDir, { recursive: true })
    const logPath = join(workDir, 'train.log')
    const updated = this.deps.runs.update(run.id, { logPath })!
    const controller = new AbortController()
    const done = this.execute(updated, dataset.path, workDir, controller.signal).finally(() => {
      this.current = null
    })
    this.current = { runId: run.id, controller, done }
    const dto = toTrainingRunDto(updated, this.deps.lookups)
    this.deps.events.emit('training.updated', dto)
    return dto
  }

  cancel(id: string): TrainingRunDto {
    const run = this.mustGet(id)
    if (this.current?.runId === id) this.current.controller.abort()
    return toTrainingRunDto(run, this.deps.lookups)
  }

  /** Resolves when the run under way (if any) has finished, failed or been cancelled. */
  async idle(): Promise<void> {
    await this.current?.done
  }

  /** The app is closing: a run under way stops and is recorded as not finished. */
  async close(): Promise<void> {
    this.current?.controller.abort('shutdown')
    await this.idle()
  }

  private async execute(run: TrainingRun, datasetDir: string, workDir: string, signal: AbortSignal): Promise<void> {
    const { registry } = this.deps
    const log = createWriteStream(run.logPath!, { flags: 'a' })
    const params = run.params as RunParams
    log.write(`# ${new Date().toISOString()} ${run.backend} run ${run.id}\n# base: ${run.baseModel}\n# params: ${JSON.stringify(params)}\n`)
    this.update(run.id, { status: 'running', stage: 'preparing', startedAt: new Date() })
    try {
      const settings = this.deps.settings.get()
      const versionNumber = registry.nextVersion()
      const name = `autodidacta-${slug(settings.persona.shopName)}:v${versionNumber}`
      const system = shopSystemPrompt(settings)
      const modelsDir = join(this.deps.dataDir, 'models')
      const fileStem = name.replace(':', '-')
      const candidate = await this.deps.backends[run.backend].prepare({
        baseModel: run.baseModel,
        params,
        datasetDir,
        workDir,
        modelsDir,
        name,
        fileStem,
        system,
        signal,
        log,
        tools: this.deps.tools(),
        deployer: this.deps.deployer,
        storeModels: this.deps.storeModels,
        stage: (stage) => this.stage(run.id, stage),
        progress: (stage, p, curve) => this.progress(run.id, stage, p, curve),
        saveLossCurve: (lossCurve) => this.update(run.id, { lossCurve }),
      })
      throwIfCancelled(signal)
      // What the candidate was made from; a whole imported model has no base of its own.
      const base = candidate.source === 'import' && params.importKind !== 'adapter' ? null : run.baseModel
      await this.deps.deployer.create(candidate.request, (status) => log.write(`ollama: ${status}\n`))
      this.keepModelfile(candidate, modelsDir, fileStem, log)
      const version = registry.register({
        name,
        version: versionNumber,
        source: candidate.source,
        trainingRunId: run.id,
        baseModel: base,
        path: candidate.path,
        digest: candidate.request.files?.['model.gguf'] ?? null,
      })
      this.update(run.id, { modelVersionId: version.id })

      this.stage(run.id, 'validating')
      const report = await this.deps.validator.validate({
        datasetDir,
        candidate: { model: name, path: candidate.path },
        base,
        contextTokens: params.contextTokens,
        signal,
        log,
        system,
      })
      registry.recordValidation(version.id, report)
      this.update(run.id, { metrics: report })
      log.write(`validation: ${JSON.stringify({ better: report.better, live: report.live, candidate: report.candidate })}\n`)

      if (report.better || params.force) {
        this.stage(run.id, 'deploying')
        await registry.deploy(version, system, log)
      }
      this.update(run.id, { status: 'succeeded', stage: null, finishedAt: new Date() })
      registry.publish()
    } catch (error) {
      const shutdown = signal.aborted && signal.reason === 'shutdown'
      const cancelled = !shutdown && ((error instanceof TrainingError && error.cancelled) || signal.aborted)
      const message = shutdown ? TRAINING_ERRORS.shutdown : cancelled ? TRAINING_ERRORS.cancelledByOwner : describeFailure(error)
      log.write(`${cancelled ? 'cancelled' : 'failed'}: ${message}\n${error instanceof Error && !(error instanceof TrainingError) ? (error.stack ?? '') : ''}\n`)
      if (!cancelled && !shutdown) this.deps.logger.error('Training run failed', { runId: run.id, error })
      this.update(run.id, { status: cancelled ? 'cancelled' : 'failed', stage: null, error: message, finishedAt: new Date() })
    } finally {
      await new Promise<void>((resolve) => log.end(resolve))
    }
  }

  /** The candidate as a Modelfile next to its GGUF, so the owner can recreate it in Ollama by hand. */
  private keepModelfile(candidate: Candidate, modelsDir: string, fileStem: string, log: WriteStream): void {
    const template = this.deps.modelfileTemplate()
    if (!template) return
    mkdirSync(modelsDir, { recursive: true })
    const modelfile = join(modelsDir, `${fileStem}.Modelfile`)
    writeFileSync(modelfile, renderModelfile(template, candidate.modelfile))
    log.write(`modelfile: ${modelfile}\n`)
  }

  private stage(runId: string, stage: TrainingStage): void {
    this.update(runId, { stage })
  }

  private progress(runId: string, stage: TrainingStage, p: TrainingStepProgress, curve: LossPoint[]): void {
    this.deps.events.emit('training.progress', { runId, stage, ...p })
    const run = this.deps.runs.get(runId)
    if (run && run.stage !== stage) this.update(runId, { stage })
    // The curve goes to the database every couple of seconds, so a crash keeps most of it.
    if (Date.now() - this.lastCurveWrite > 2_000) {
      this.lastCurveWrite = Date.now()
      this.deps.runs.update(runId, { lossCurve: curve })
    }
  }

  private update(runId: string, patch: Parameters<TrainingRunsRepository['update']>[1]): void {
    const run = this.deps.runs.update(runId, patch)
    if (run) this.deps.events.emit('training.updated', toTrainingRunDto(run, this.deps.lookups))
  }

  private mustGet(id: string): TrainingRun {
    const run = this.deps.runs.get(id)
    if (!run) throw new ApiError('not_found', 'Ese entrenamiento ya no existe. Recarga la página.', [{ path: 'id', message: 'Ese entrenamiento ya no existe.' }])
    return run
  }
}

function slug(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return s || 'tienda'
}

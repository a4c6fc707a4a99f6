import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs'
import { join } from 'node:path'
import type { TrainingStartInput } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import type { BaseModelOption, LossPoint, ModelVersionDto, TrainingOptionsDto, TrainingRunDto, TrainingStage, ValidationReport } from '../../shared/types'
import type { EventBus } from '../kernel/event-bus'
import { toDatasetDto } from '../datasets/dataset-service'
import type { Logger } from '../kernel/logger'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'
import type { ModelVersion } from '../store/repositories/model-versions-repository'
import type { TrainingRun } from '../store/repositories/training-runs-repository'
import { ggufArray, readGgufHeader } from './gguf'
import { ImportBackend } from './backends/import-backend'
import { checkImportFile, ImportSources } from './backends/import-sources'
import { LlamaCppBackend } from './backends/llamacpp-backend'
import { PromptBackend } from './backends/prompt-backend'
import type { RunParams, TrainingBackend } from './backends/training-backend'
import { renderModelfile } from './modelfile-template'
import { evaluatePerplexity, generateLocally, TrainingError } from './llamacpp-finetune'
import type { LlamaTools } from './llama-tools'
import type { OllamaDeployer } from './ollama-deployer'
import type { OllamaBaseModel } from './ollama-store'
import { toModelVersionDto, toTrainingRunDto } from './training-dto'
import { judge, promptAndReference, readChatExamples, type SideResult } from './validation'

export interface TrainingServiceDeps {
  repos: Repositories
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
}

/** Validation examples generated per side (a CPU generates slowly; perplexity uses them all). */
const GENERATION_LIMIT = 12

interface Current {
  runId: string
  controller: AbortController
  done: Promise<void>
}

/**
 * Stages 6–8 of the loop. One training at a time: a base model and a dataset become a
 * candidate (real weights through llama.cpp, a few-shot prompt model, or an import), the
 * candidate is registered in Ollama as a new version, compared with the live model on the
 * dataset's validation split, and goes live only if it is better — or the owner forces it.
 * Every version stays listed with its metrics; any can be put live again in one click.
 */
export class TrainingService {
  private current: Current | null = null
  private readonly backends: Record<TrainingRun['backend'], TrainingBackend> = {
    llamacpp: new LlamaCppBackend(),
    prompt: new PromptBackend(),
    import: new ImportBackend(),
  }
  private lastCurveWrite = 0
  readonly imports: ImportSources

  constructor(private readonly deps: TrainingServiceDeps) {
    this.imports = deps.imports ?? new ImportSources(join(deps.dataDir, 'imports'), null)
    for (const run of deps.repos.trainingRuns.failInterrupted('La aplicación se cerró mientras entrenaba; el entrenamiento no terminó. Vuelve a empezarlo.')) {
      deps.logger.warn('Training run interrupted by a stop', { runId: run.id })
    }
    // The owner may pick another model in Ajustes: the version list follows what is live.
    deps.settings.onChange((settings) => {
      const live = deps.repos.modelVersions.live()
      if (live?.name === settings.llm.model) return
      const match = deps.repos.modelVersions.findByName(settings.llm.model)
      if (match) deps.repos.modelVersions.setLive(match.id, new Date())
      else deps.repos.modelVersions.clearLive()
      this.publishVersions()
    })
  }

  get running(): string | null {
    return this.current?.runId ?? null
  }

  async options(): Promise<TrainingOptionsDto> {
    const tools = this.deps.tools()
    const store = await this.deps.storeModels().catch(() => [])
    const baseModels: BaseModelOption[] = store.flatMap((m) => m.blobPath ? [{
      path: m.blobPath,
      ollamaModel: m.model,
      sizeBytes: m.sizeBytes ?? 0,
      fileType: m.fileType ?? 'desconocido',
      layers: m.layers,
      parameterCount: m.parameterCount,
      trainable: m.trainable,
      reason: m.reason ?? null,
    }] : [])
    return {
      datasets: this.deps.repos.datasets.list().filter((d) => d.status === 'ready').map(toDatasetDto),
      backends: [
        {
          id: 'llamacpp',
          available: tools !== null,
          reason: tools ? null : 'Faltan las herramientas de entrenamiento (llama.cpp). En una instalación de desarrollo: npm run build:llama.',
        },
        { id: 'prompt', available: true, reason: null },
        { id: 'import', available: true, reason: null },
      ],
      baseModels,
      liveModel: this.deps.settings.get().llm.model,
      running: this.running,
    }
  }

  list(limit: number): TrainingRunDto[] {
    return this.deps.repos.trainingRuns.list(limit).map((run) => toTrainingRunDto(run, this.deps.repos))
  }

  get(id: string): TrainingRunDto & { logTail: string } {
    const run = this.mustGet(id)
    let logTail = ''
    if (run.logPath && existsSync(run.logPath)) {
      const text = readFileSync(run.logPath, 'utf8')
      logTail = text.slice(-6_000)
    }
    return { ...toTrainingRunDto(run, this.deps.repos), logTail }
  }

  versions(): ModelVersionDto[] {
    return this.deps.repos.modelVersions.list().map(toModelVersionDto)
  }

  async start(input: TrainingStartInput): Promise<TrainingRunDto> {
    if (this.current) throw new ApiError('precondition', 'Ya hay un entrenamiento en curso: espera a que termine o cancélalo.')
    const dataset = this.deps.repos.datasets.get(input.datasetId)
    if (!dataset) throw new ApiError('not_found', `Dataset ${input.datasetId} does not exist`, [{ path: 'datasetId', message: 'no such dataset' }])
    if (dataset.status !== 'ready' || !dataset.path) throw new ApiError('precondition', 'Ese dataset no está listo (falló o se está generando).')
    const settings = this.deps.settings.get()
    if (input.backend === 'llamacpp') {
      if (!this.deps.tools()) throw new ApiError('precondition', 'Faltan las herramientas de entrenamiento (llama.cpp). En una instalación de desarrollo: npm run build:llama.')
      if (!input.baseModel || !existsSync(input.baseModel)) {
        throw new ApiError('invalid_input', `No existe el modelo base ${input.baseModel ?? ''}`, [{ path: 'baseModel', message: 'file not found' }])
      }
    }
    const importKind = input.importKind ?? 'model'
    let imported: { path: string; name: string; format: 'gguf' | 'safetensors' } | null = null
    if (input.backend === 'import') {
      // Checked before anything is uploaded: Ollama would take any file as a blob.
      const { path, name } = this.imports.resolve(input)
      imported = { path, name, format: await checkImportFile(path, name, importKind) }
    }
    if (this.current) throw new ApiError('precondition', 'Ya hay un entrenamiento en curso: espera a que termine o cancélalo.')
    // Only what the backend uses is recorded with the run.
    const params: Record<string, unknown> =
      input.backend === 'llamacpp'
        ? {
            epochs: input.epochs ?? settings.training.epochs,
            contextTokens: input.contextTokens ?? settings.training.contextTokens,
            learningRate: input.learningRate ?? settings.training.learningRate,
            freezeLayers: input.freezeLayers ?? settings.training.freezeLayers,
            seed: 42,
            force: input.force,
          }
        : imported
          ? { importPath: imported.path, importFile: imported.name, importKind, importFormat: imported.format, contextTokens: settings.training.contextTokens, force: input.force }
          : { contextTokens: settings.training.contextTokens, force: input.force }
    const baseModel =
      input.backend === 'llamacpp' ? input.baseModel! : imported && importKind === 'model' ? imported.path : (input.baseModel ?? settings.llm.model)
    const run = this.deps.repos.trainingRuns.create({ datasetId: dataset.id, backend: input.backend, baseModel, params, logPath: null })
    const workDir = join(this.deps.dataDir, 'training', run.id)
    mkdirSync(workDir, { recursive: true })
    const logPath = join(workDir, 'train.log')
    const updated = this.deps.repos.trainingRuns.update(run.id, { logPath })!
    const controller = new AbortController()
    const done = this.execute(updated, dataset.path, workDir, controller.signal).finally(() => {
      this.current = null
    })
    this.current = { runId: run.id, controller, done }
    const dto = toTrainingRunDto(updated, this.deps.repos)
    this.deps.events.emit('training.updated', dto)
    return dto
  }

  cancel(id: string): TrainingRunDto {
    const run = this.mustGet(id)
    if (this.current?.runId === id) this.current.controller.abort()
    return toTrainingRunDto(run, this.deps.repos)
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

  /**
   * Puts a version live: the responder answers with it from the next message on. A version the
   * owner picks by hand (a rollback, or a candidate the validation did not prefer) passes the
   * same smoke test through Ollama first: it may have been deleted there, or never have worked.
   */
  async activate(id: string): Promise<ModelVersionDto[]> {
    const version = this.deps.repos.modelVersions.get(id)
    if (!version) throw new ApiError('not_found', `Model version ${id} does not exist`, [{ path: 'id', message: 'no such version' }])
    if (version.source !== 'base') {
      const settings = this.deps.settings.get()
      const smoke = await this.deps.deployer.smokeTest(version.name, settings.persona.systemPrompt.replaceAll('{shopName}', settings.persona.shopName))
      if (!smoke.ok) throw new ApiError('precondition', `No se puso en uso ${version.name}: ${smoke.reason ?? 'la prueba rápida falló'}`)
    }
    return this.switchTo(version)
  }

  private switchTo(version: ModelVersion): ModelVersionDto[] {
    this.ensureBaseVersion()
    this.deps.repos.modelVersions.setLive(version.id, new Date())
    if (this.deps.settings.get().llm.model !== version.name) this.deps.settings.update({ llm: { model: version.name } })
    return this.publishVersions()
  }

  private async execute(run: TrainingRun, datasetDir: string, workDir: string, signal: AbortSignal): Promise<void> {
    const log = createWriteStream(run.logPath!, { flags: 'a' })
    const params = run.params as RunParams
    log.write(`# ${new Date().toISOString()} ${run.backend} run ${run.id}\n# base: ${run.baseModel}\n# params: ${JSON.stringify(params)}\n`)
    this.update(run.id, { status: 'running', stage: 'preparing', startedAt: new Date() })
    try {
      const settings = this.deps.settings.get()
      const versionNumber = this.deps.repos.modelVersions.nextVersion()
      const name = `autodidacta-${slug(settings.persona.shopName)}:v${versionNumber}`
      const system = settings.persona.systemPrompt.replaceAll('{shopName}', settings.persona.shopName)
      const modelsDir = join(this.deps.dataDir, 'models')
      const fileStem = name.replace(':', '-')
      const candidate = await this.backends[run.backend].prepare({
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
      await this.deps.deployer.create(candidate.request, (status) => log.write(`ollama: ${status}\n`))
      const template = this.deps.modelfileTemplate()
      if (template) {
        mkdirSync(modelsDir, { recursive: true })
        const modelfile = join(modelsDir, `${fileStem}.Modelfile`)
        writeFileSync(modelfile, renderModelfile(template, candidate.modelfile))
        log.write(`modelfile: ${modelfile}\n`)
      }
      this.ensureBaseVersion()
      const version = this.deps.repos.modelVersions.create({
        name,
        version: versionNumber,
        source: candidate.source,
        trainingRunId: run.id,
        baseModel: candidate.source === 'import' && params.importKind !== 'adapter' ? null : run.baseModel,
        path: candidate.path,
        digest: candidate.request.files?.['model.gguf'] ?? null,
      })
      this.update(run.id, { modelVersionId: version.id })

      this.stage(run.id, 'validating')
      const report = await this.validate(datasetDir, { model: name, path: candidate.path }, params.contextTokens, signal, log)
      this.deps.repos.modelVersions.setMetrics(version.id, report)
      this.update(run.id, { metrics: report })
      log.write(`validation: ${JSON.stringify({ better: report.better, live: report.live, candidate: report.candidate })}\n`)

      if (report.better || params.force) {
        this.stage(run.id, 'deploying')
        const smoke = await this.deps.deployer.smokeTest(name, system)
        log.write(`smoke test: ${JSON.stringify(smoke)}\n`)
        if (!smoke.ok) throw new TrainingError(`La prueba rápida en Ollama falló, el modelo no se puso en uso: ${smoke.reason ?? ''}`)
        this.switchTo(version)
      }
      this.update(run.id, { status: 'succeeded', stage: null, finishedAt: new Date() })
      this.publishVersions()
    } catch (error) {
      const shutdown = signal.aborted && signal.reason === 'shutdown'
      const cancelled = !shutdown && ((error instanceof TrainingError && error.cancelled) || signal.aborted)
      const message = shutdown ? 'La aplicación se cerró durante el entrenamiento; vuelve a empezarlo.' : cancelled ? 'Cancelado por el dueño' : describeFailure(error)
      log.write(`${cancelled ? 'cancelled' : 'failed'}: ${message}\n${error instanceof Error && !(error instanceof TrainingError) ? (error.stack ?? '') : ''}\n`)
      if (!cancelled && !shutdown) this.deps.logger.error('Training run failed', { runId: run.id, error })
      this.update(run.id, { status: cancelled ? 'cancelled' : 'failed', stage: null, error: message, finishedAt: new Date() })
    } finally {
      await new Promise<void>((resolve) => log.end(resolve))
    }
  }

  /** The candidate against the live model on the validation split (the training split if there is none). */
  private async validate(datasetDir: string, candidate: { model: string; path: string | null }, contextTokens: number, signal: AbortSignal, log: WriteStream): Promise<ValidationReport> {
    const validFile = join(datasetDir, 'valid.jsonl')
    const dataFile = existsSync(validFile) && readFileSync(validFile, 'utf8').trim() ? validFile : join(datasetDir, 'train.jsonl')
    const examples = readChatExamples(dataFile)
    const sample = examples.slice(0, GENERATION_LIMIT)
    const tools = this.deps.tools()
    const liveModel = this.deps.settings.get().llm.model
    const livePath = await this.ggufOf(liveModel)

    const perplexity = async (path: string | null) => {
      if (!tools || !path) return null
      try {
        const r = await evaluatePerplexity(tools, path, dataFile, contextTokens, { signal, log })
        return { nll: r.nll, tokens: r.tokens }
      } catch (error) {
        throwIfCancelled(signal)
        log.write(`perplexity of ${path} failed: ${String(error)}\n`)
        return null
      }
    }
    const throughOllama = async (model: string): Promise<string[] | null> => {
      try {
        const out: string[] = []
        for (const example of sample) out.push(await this.deps.deployer.chat(model, promptAndReference(example).prompt, { signal }))
        return out
      } catch (error) {
        throwIfCancelled(signal)
        log.write(`generation with ${model} through Ollama failed: ${String(error)}\n`)
        return null
      }
    }
    const candidateAnswers = async (): Promise<string[] | null> => {
      // The candidate's own weights, locally: Ollama's copy is the same file.
      if (tools && candidate.path) {
        try {
          return await generateLocally(tools, candidate.path, dataFile, sample.length, contextTokens, { signal, log })
        } catch (error) {
          throwIfCancelled(signal)
          log.write(`local generation failed, trying Ollama: ${String(error)}\n`)
        }
      }
      return throughOllama(candidate.model)
    }
    const liveSide: SideResult = { model: liveModel, perplexity: await perplexity(livePath), answers: await throughOllama(liveModel) }
    const candidateSide: SideResult = { model: candidate.model, perplexity: await perplexity(candidate.path), answers: await candidateAnswers() }
    const sameTokenizer = livePath !== null && candidate.path !== null && (await tokenizerKey(livePath)) === (await tokenizerKey(candidate.path))
    return judge({ measured: examples, generated: sample }, liveSide, candidateSide, sameTokenizer)
  }

  /** A GGUF on this machine for an Ollama model name: one of our versions, or a blob in Ollama's store. */
  private async ggufOf(model: string): Promise<string | null> {
    const version = this.deps.repos.modelVersions.findByName(model)
    if (version?.path && existsSync(version.path)) return version.path
    const withTag = model.includes(':') ? model : `${model}:latest`
    const store = await this.deps.storeModels().catch(() => [])
    return store.find((m) => m.model === model || m.model === withTag)?.blobPath ?? null
  }

  /** Before the first version, the model the shop started with becomes version 0, so it can always be rolled back to. */
  private ensureBaseVersion(): void {
    const current = this.deps.settings.get().llm.model
    if (this.deps.repos.modelVersions.findByName(current)) return
    if (this.deps.repos.modelVersions.list().some((v) => v.source === 'base')) return
    const version = this.deps.repos.modelVersions.create({ name: current, version: 0, source: 'base', baseModel: null, path: null, digest: null })
    this.deps.repos.modelVersions.setLive(version.id, new Date())
  }

  private publishVersions(): ModelVersionDto[] {
    const versions = this.versions()
    this.deps.events.emit('models.updated', versions)
    return versions
  }

  private stage(runId: string, stage: TrainingStage): void {
    this.update(runId, { stage })
  }

  private progress(runId: string, stage: TrainingStage, p: { epoch: number; epochs: number; step: number; steps: number; loss: number | null; tokensPerSecond: number | null; etaSeconds: number | null }, curve: LossPoint[]): void {
    this.deps.events.emit('training.progress', { runId, stage, ...p })
    const run = this.deps.repos.trainingRuns.get(runId)
    if (run && run.stage !== stage) this.update(runId, { stage })
    // The curve goes to the database every couple of seconds, so a crash keeps most of it.
    if (Date.now() - this.lastCurveWrite > 2_000) {
      this.lastCurveWrite = Date.now()
      this.deps.repos.trainingRuns.update(runId, { lossCurve: curve })
    }
  }

  private update(runId: string, patch: Parameters<Repositories['trainingRuns']['update']>[1]): void {
    const run = this.deps.repos.trainingRuns.update(runId, patch)
    if (run) this.deps.events.emit('training.updated', toTrainingRunDto(run, this.deps.repos))
  }

  private mustGet(id: string): TrainingRun {
    const run = this.deps.repos.trainingRuns.get(id)
    if (!run) throw new ApiError('not_found', `Training run ${id} does not exist`, [{ path: 'id', message: 'no such run' }])
    return run
  }
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new TrainingError('Entrenamiento cancelado', true)
}

function describeFailure(error: unknown): string {
  if (error instanceof TrainingError) return error.message
  const message = error instanceof Error ? error.message : String(error)
  if (/ECONNREFUSED|fetch failed/i.test(message)) return `Ollama no responde: el modelo entrenado quedó guardado pero no se pudo registrar (${message}).`
  return `Falló de forma inesperada: ${message}`
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

/** Two GGUFs share a tokenizer when their vocabularies are the same list of tokens. */
async function tokenizerKey(path: string): Promise<string> {
  const tokens = ggufArray(await readGgufHeader(path), 'tokenizer.ggml.tokens')?.values
  return JSON.stringify(tokens ? [tokens.length, tokens.slice(0, 64), tokens.slice(-64)] : null)
}

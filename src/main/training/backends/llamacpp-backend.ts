import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import type { LossPoint, TrainingStage } from '../../../shared/types'
import type { LlamaTools } from '../llama-tools'
import { fineTuneWithLlamaCpp } from '../llamacpp-finetune'
import { TRAINING_ERRORS, TrainingError, type AppSetup } from '../training-errors'
import { servingTemplate, templateRequest } from './chat-template'
import type { BackendContext, Candidate, PlanContext, RunPlan, TrainingBackend } from './training-backend'

/** Fixed so two runs on the same data and settings start from the same shuffle. */
const SEED = 42

/** Real weights: llama.cpp through our trainer, the Q8_0 result uploaded to Ollama. */
export class LlamaCppBackend implements TrainingBackend {
  readonly id = 'llamacpp' as const

  /** `setup` picks the text for missing tools: an installed app's owner cannot build them. */
  constructor(private readonly setup: AppSetup = 'checkout') {}

  unavailable(tools: LlamaTools | null): string | null {
    return tools ? null : TRAINING_ERRORS.toolsMissing(this.setup)
  }

  plan({ input, settings, tools }: PlanContext): Promise<RunPlan> {
    if (!tools) throw new ApiError('precondition', TRAINING_ERRORS.toolsMissing(this.setup))
    if (!input.baseModel || !existsSync(input.baseModel)) {
      throw new ApiError('invalid_input', TRAINING_ERRORS.baseModelMissing(input.baseModel ?? ''), [{ path: 'baseModel', message: 'No se encontró el archivo.' }])
    }
    const defaults = settings.training
    return Promise.resolve({
      baseModel: input.baseModel,
      params: {
        epochs: input.epochs ?? defaults.epochs,
        contextTokens: input.contextTokens ?? defaults.contextTokens,
        learningRate: input.learningRate ?? defaults.learningRate,
        freezeLayers: input.freezeLayers ?? defaults.freezeLayers,
        seed: SEED,
        force: input.force,
      },
    })
  }

  async prepare(ctx: BackendContext): Promise<Candidate> {
    if (!ctx.tools) throw new TrainingError(TRAINING_ERRORS.toolsMissing(this.setup))
    const curve: LossPoint[] = []
    const result = await fineTuneWithLlamaCpp({
      tools: ctx.tools,
      basePath: ctx.baseModel,
      datasetDir: ctx.datasetDir,
      workDir: ctx.workDir,
      outPath: join(ctx.workDir, 'trained-f32.gguf'),
      params: ctx.params,
      signal: ctx.signal,
      log: ctx.log,
      onProgress: (p) => {
        const stage: TrainingStage = p.stage === 'evaluating' ? 'validating' : p.stage
        if (p.loss !== null && p.steps > 0) {
          const step = (p.epoch - 1) * p.steps + p.step
          if (curve.at(-1)?.step !== step) curve.push({ step, epoch: p.epoch, loss: p.loss })
        }
        ctx.progress(stage, p, curve)
      },
    })
    ctx.saveLossCurve(result.lossCurve)
    mkdirSync(ctx.modelsDir, { recursive: true })
    const path = join(ctx.modelsDir, `${ctx.fileStem}.gguf`)
    renameSync(result.quantizedPath ?? result.trainedPath, path)
    ctx.log.write(`candidate: ${path} (${statSync(path).size} bytes)\n`)
    ctx.stage('registering')
    const served = await servingTemplate(await ctx.storeModels().catch(() => []), ctx.baseModel, path)
    const digest = await ctx.deployer.uploadBlob(path, ctx.signal)
    return {
      source: 'finetune',
      path,
      request: { model: ctx.name, files: { 'model.gguf': digest }, system: ctx.system, ...templateRequest(served) },
      modelfile: { from: path, adapter: null, template: served.template, stop: served.stop, system: ctx.system },
    }
  }
}

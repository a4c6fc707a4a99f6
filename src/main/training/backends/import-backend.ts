import { servingTemplate, templateRequest } from './chat-template'
import { checkImportFile, type ImportSources } from './import-sources'
import type { BackendContext, Candidate, PlanContext, RunPlan, TrainingBackend } from './training-backend'

/**
 * A model or LoRA adapter trained elsewhere (a GPU in the cloud, say): a GGUF model is deployed
 * FROM its file, an adapter through ADAPTER on the base model; either is validated like the rest.
 */
export class ImportBackend implements TrainingBackend {
  readonly id = 'import' as const

  constructor(private readonly imports: ImportSources) {}

  unavailable(): string | null {
    return null
  }

  /** Checked before anything is uploaded: Ollama would take any file as a blob. */
  async plan({ input, settings }: PlanContext): Promise<RunPlan> {
    const importKind = input.importKind ?? 'model'
    const { path, name } = this.imports.resolve(input)
    const importFormat = await checkImportFile(path, name, importKind)
    return {
      // A whole model is its own base; an adapter goes on top of an Ollama model.
      baseModel: importKind === 'model' ? path : (input.baseModel ?? settings.llm.model),
      params: { importPath: path, importFile: name, importKind, importFormat, contextTokens: settings.training.contextTokens, force: input.force },
    }
  }

  async prepare(ctx: BackendContext): Promise<Candidate> {
    const file = ctx.params.importPath!
    ctx.stage('registering')
    if (ctx.params.importKind === 'adapter') {
      const digest = await ctx.deployer.uploadBlob(file, ctx.signal)
      return {
        source: 'import',
        path: null,
        // Ollama tells an adapter's format by its file name.
        request: { model: ctx.name, from: ctx.baseModel, adapters: { [ctx.params.importFormat === 'safetensors' ? 'adapter_model.safetensors' : 'adapter.gguf']: digest }, system: ctx.system },
        modelfile: { from: ctx.baseModel, adapter: file, template: null, stop: [], system: ctx.system },
      }
    }
    const served = await servingTemplate([], null, file)
    const digest = await ctx.deployer.uploadBlob(file, ctx.signal)
    return {
      source: 'import',
      path: file,
      request: { model: ctx.name, files: { 'model.gguf': digest }, system: ctx.system, ...templateRequest(served) },
      modelfile: { from: file, adapter: null, template: served.template, stop: served.stop, system: ctx.system },
    }
  }
}

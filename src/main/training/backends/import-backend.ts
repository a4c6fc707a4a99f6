import { servingTemplate, templateRequest } from './chat-template'
import type { BackendContext, Candidate, TrainingBackend } from './training-backend'

/**
 * A model or LoRA adapter trained elsewhere (a GPU in the cloud, say): a GGUF model is deployed
 * FROM its file, an adapter through ADAPTER on the base model; either is validated like the rest.
 */
export class ImportBackend implements TrainingBackend {
  readonly id = 'import' as const

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

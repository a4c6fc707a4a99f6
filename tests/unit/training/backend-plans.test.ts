import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { TrainingStartInput } from '../../../src/shared/api/contract'
import { ApiError } from '../../../src/shared/api/errors'
import { defaultSettings } from '../../../src/main/settings/settings-defaults'
import { ImportBackend } from '../../../src/main/training/backends/import-backend'
import { ImportSources } from '../../../src/main/training/backends/import-sources'
import { LlamaCppBackend } from '../../../src/main/training/backends/llamacpp-backend'
import { PromptBackend } from '../../../src/main/training/backends/prompt-backend'
import type { LlamaTools } from '../../../src/main/training/llama-tools'
import { TRAINING_ERRORS } from '../../../src/main/training/training-errors'
import { writeGguf } from '../../support/gguf-writer'
import { tempDir } from '../../support/test-app'

// Each backend checks its own request and records only the parameters it uses: a run's
// `params` is what the training screen shows, so a prompt run must not claim epochs.
describe('training backends build their own run parameters', () => {
  const dir = tempDir('autodidacta-plans-')
  afterAll(() => dir.remove())
  const settings = { ...defaultSettings({}), training: { ...defaultSettings({}).training, epochs: 3, contextTokens: 512, learningRate: 1e-4, freezeLayers: 2 } }
  // Planning only checks the tools are there; nothing is run.
  const tools: LlamaTools = { dir: '/opt/llama', trainer: 'autodidacta-train', quantize: 'llama-quantize', perplexity: 'llama-perplexity', finetune: 'llama-finetune' }
  const input = (extra: Partial<TrainingStartInput>): TrainingStartInput => ({ datasetId: 'd', backend: 'prompt', force: false, ...extra })

  it('llama.cpp: the settings fill what the request leaves out; the request wins where it says; the seed is fixed', async () => {
    const base = join(dir.path, 'base.gguf')
    writeFileSync(base, 'not read here')
    const plan = await new LlamaCppBackend().plan({ input: input({ backend: 'llamacpp', baseModel: base, epochs: 7, force: true }), settings, tools })
    expect(plan).toEqual({ baseModel: base, params: { epochs: 7, contextTokens: 512, learningRate: 1e-4, freezeLayers: 2, seed: 42, force: true } })
  })

  it('llama.cpp: refuses without the tools or without the base file, in Spanish', async () => {
    const backend = new LlamaCppBackend()
    expect(backend.unavailable(null)).toBe(TRAINING_ERRORS.toolsMissing('checkout'))
    expect(backend.unavailable(tools)).toBeNull()
    await expect(async () => backend.plan({ input: input({ backend: 'llamacpp', baseModel: '/x.gguf' }), settings, tools: null })).rejects.toMatchObject({
      code: 'precondition',
      message: TRAINING_ERRORS.toolsMissing('checkout'),
    })
    const missing = join(dir.path, 'no-existe.gguf')
    await expect(async () => backend.plan({ input: input({ backend: 'llamacpp', baseModel: missing }), settings, tools })).rejects.toMatchObject({
      code: 'invalid_input',
      message: `No existe el modelo base ${missing}`,
    })
  })

  it('prompt: records only the context and force, and starts from the live model unless told', async () => {
    const backend = new PromptBackend()
    expect(await backend.plan({ input: input({ epochs: 9 }), settings, tools: null })).toEqual({ baseModel: settings.llm.model, params: { contextTokens: 512, force: false } })
    expect((await backend.plan({ input: input({ baseModel: 'qwen2.5:1.5b' }), settings, tools: null })).baseModel).toBe('qwen2.5:1.5b')
  })

  it('import: a model is its own base, an adapter goes on the live model; the checked file and its format are recorded', async () => {
    const folder = join(dir.path, 'imports')
    mkdirSync(folder, { recursive: true })
    await writeGguf(join(folder, 'modelo.gguf'), { kv: { 'general.architecture': { type: 'string', value: 'llama' } }, tensors: [] })
    const backend = new ImportBackend(new ImportSources(folder, null))
    const model = await backend.plan({ input: input({ backend: 'import', importFile: 'modelo.gguf' }), settings, tools: null })
    expect(model.baseModel).toMatch(/modelo\.gguf$/)
    expect(model.params).toEqual({ importPath: model.baseModel, importFile: 'modelo.gguf', importKind: 'model', importFormat: 'gguf', contextTokens: 512, force: false })
    const adapter = await backend.plan({ input: input({ backend: 'import', importFile: 'modelo.gguf', importKind: 'adapter' }), settings, tools: null })
    expect(adapter.baseModel).toBe(settings.llm.model)
    expect(adapter.params).toMatchObject({ importKind: 'adapter', importFormat: 'gguf' })
    await expect(backend.plan({ input: input({ backend: 'import', importFile: 'otro.gguf' }), settings, tools: null })).rejects.toBeInstanceOf(ApiError)
  })
})

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CHATML_OLLAMA_TEMPLATE } from '../../src/main/training/ollama-deployer'
import type { TrainingProgress } from '../../src/shared/types'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, eventually, type TestApp } from '../support/test-app'
import { datasetAndTinyModel } from '../support/training-fixtures'

describe('the llama.cpp backend end to end in the app: train, register in Ollama, validate, deploy; cancel', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = undefined
    ollama = undefined
  })

  async function setup() {
    ollama = await startOllamaDouble({
      // The live model answers nothing useful ('…' shares no character n-gram with any reference,
      // chrF 0): whether the gate lets a real candidate through is what this test checks, not
      // how a 4-layer model's babble compares with a short Spanish phrase ('No sé.' did, and it
      // lost to it now and then — training on several threads is not bit-for-bit repeatable).
      reply: () => '…',
      // The double cannot run a GGUF: for the smoke test the deployed fine-tune answers sanely.
      replyFor: (model) => (model.startsWith('autodidacta-') ? '¡Hola! Tenemos cursos y gadgets. ¿Qué buscas?' : undefined),
    })
    app = await buildTestApp({ ollamaHost: ollama.url })
    await call(app, 'settings.update', { training: { learningRate: 2e-4, epochs: 12 } })
    return datasetAndTinyModel(app, app.dataDir, { layers: 4, seed: 21 })
  }

  it('trains real weights with live progress, uploads the Q8_0 GGUF with the ChatML template, and puts it live when it beats the live model', async () => {
    const { dataset, basePath } = await setup()
    const progress: TrainingProgress[] = []
    app!.events.subscribe((event, payload) => {
      if (event === 'training.progress') progress.push(payload as TrainingProgress)
    })
    const started = await call(app!, 'training.start', { datasetId: dataset.id, backend: 'llamacpp', baseModel: basePath })
    await app!.training.idle()
    const run = await call(app!, 'training.get', { id: started.id })
    expect(run.error).toBeNull()
    expect(run.status).toBe('succeeded')
    expect(progress.some((p) => p.stage === 'training' && p.loss !== null && p.steps > 0)).toBe(true)
    expect(run.lossCurve.length).toBeGreaterThan(3)
    expect(run.lossCurve.at(-1)!.loss).toBeLessThan(run.lossCurve[0]!.loss)

    const name = run.modelVersion!.name
    expect(name).toBe('autodidacta-tecnovariedades-d-s:v1')
    const created = ollama!.created.get(name)!
    const digest = created.files!['model.gguf']!
    expect(ollama!.blobs.has(digest)).toBe(true)
    expect(created).toMatchObject({ template: CHATML_OLLAMA_TEMPLATE, parameters: { stop: ['<|im_end|>', '<|im_start|>'] } })
    expect(created.system).toContain('Tecnovariedades D&S')

    const report = run.validation!
    expect(report.candidate.perplexity).not.toBeNull()
    // The live model (only in Ollama) has no GGUF here: chrF decides, on answers the candidate generated itself.
    expect(report.live.perplexity).toBeNull()
    expect(report.samples[0]!.live).toBe('…')
    expect(report.samples.every((s) => s.candidate.length > 0)).toBe(true)
    expect(report.better).toBe(true)
    expect(run.modelVersion!.isLive).toBe(true)
    expect(app!.settings.get().llm.model).toBe(name)
    expect(readdirSync(join(app!.dataDir, 'models')).sort()).toEqual(['autodidacta-tecnovariedades-d-s-v1.Modelfile', 'autodidacta-tecnovariedades-d-s-v1.gguf'])
    // The root Modelfile, filled: what `ollama create -f` would take to make the same model by hand.
    const modelfile = readFileSync(join(app!.dataDir, 'models', 'autodidacta-tecnovariedades-d-s-v1.Modelfile'), 'utf8')
    expect(modelfile.split('\n')).toContain(`FROM ${join(app!.dataDir, 'models', 'autodidacta-tecnovariedades-d-s-v1.gguf')}`)
    expect(modelfile).toContain('PARAMETER stop "<|im_end|>"')
    expect(modelfile).toContain(`TEMPLATE """${CHATML_OLLAMA_TEMPLATE}"""`)
    expect(run.logTail).toContain('smoke test')
  }, 600_000)

  it('cancels a run under way: the trainer stops, no version is made, the run says it was cancelled', async () => {
    const { dataset, basePath } = await setup()
    const started = await call(app!, 'training.start', { datasetId: dataset.id, backend: 'llamacpp', baseModel: basePath, epochs: 40 })
    await eventually(async () => (await call(app!, 'training.get', { id: started.id })).stage === 'training', 240_000, 100)
    await call(app!, 'training.cancel', { id: started.id })
    await app!.training.idle()
    const run = await call(app!, 'training.get', { id: started.id })
    expect(run).toMatchObject({ status: 'cancelled', error: 'Cancelado por el dueño', modelVersion: null })
    expect(existsSync(join(app!.dataDir, 'models'))).toBe(false)
    expect(ollama!.created.size).toBe(0)
  }, 300_000)
})

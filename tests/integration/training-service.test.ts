import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generateDemoData } from '../../src/main/demo/demo-data'
import type { DatasetDto } from '../../src/shared/types'
import { startOllamaDouble, type ChatRequestBody, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, type TestApp } from '../support/test-app'

/** The reference answer of each validation question, so the double can play a model that learned them. */
function referencesOf(datasetPath: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const line of readFileSync(join(datasetPath, 'valid.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const { messages } = JSON.parse(line) as { messages: { role: string; content: string }[] }
    map.set(messages.at(-2)!.content, messages.at(-1)!.content)
  }
  return map
}

describe('training service: prompt and import backends, the validation gate, versions and rollback', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = undefined
    ollama = undefined
  })

  /** An app with demo conversations and a ready dataset; `candidate` plays the new model's answers. */
  async function setup(candidate: (references: Map<string, string>, request: ChatRequestBody) => string): Promise<{ dataset: DatasetDto }> {
    let references = new Map<string, string>()
    ollama = await startOllamaDouble({
      reply: () => 'No sé, pregúntele a otra persona.',
      replyFor: (model, request) => (model.startsWith('autodidacta-') ? candidate(references, request) : undefined),
    })
    app = await buildTestApp({ ollamaHost: ollama.url })
    generateDemoData(app.repos, app.accountId, { count: 240, seed: 3 })
    const dataset = await call(app, 'datasets.create', { includeDemo: true, validationRatio: 0.2 })
    references = referencesOf(dataset.path!)
    return { dataset }
  }
  const lastUser = (request: ChatRequestBody) => [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? ''

  it('prompt backend: a few-shot model in Ollama that beats the live one goes live as v1; the next customer is answered by it', async () => {
    const { dataset } = await setup((refs, request) => refs.get(lastUser(request)) ?? 'Con gusto te ayudo.')
    const started = await call(app!, 'training.start', { datasetId: dataset.id, backend: 'prompt' })
    expect(started.status).toBe('queued')
    await app!.training.idle()
    const run = await call(app!, 'training.get', { id: started.id })
    expect(run).toMatchObject({ status: 'succeeded', backend: 'prompt', baseModel: 'llama3.1:8b', modelVersion: { name: 'autodidacta-tecnovariedades-d-s:v1', isLive: true } })
    const created = ollama!.created.get('autodidacta-tecnovariedades-d-s:v1')!
    expect(created.from).toBe('llama3.1:8b')
    expect(created.system).toContain('Tecnovariedades D&S')
    expect(created.messages!.length).toBeGreaterThanOrEqual(4)
    expect(created.messages!.filter((m) => m.role === 'user').length).toBe(created.messages!.length / 2)
    const modelfile = readFileSync(join(app!.dataDir, 'models', 'autodidacta-tecnovariedades-d-s-v1.Modelfile'), 'utf8')
    expect(modelfile).toMatch(/^FROM llama3\.1:8b$/m)
    expect(modelfile.match(/^MESSAGE (user|assistant) /gm)).toHaveLength(created.messages!.length)

    const report = run.validation!
    expect(report.better).toBe(true)
    expect(report.candidate.chrf!).toBeGreaterThan(report.live.chrf! + 20)
    expect(report.samples.length).toBeGreaterThan(0)
    expect(report.samples[0]).toMatchObject({ live: 'No sé, pregúntele a otra persona.' })
    expect(report.reasons.join(' ')).toMatch(/chrF/)

    const versions = await call(app!, 'models.list', {})
    expect(versions.map((v) => [v.version, v.name, v.source, v.isLive])).toEqual([
      [1, 'autodidacta-tecnovariedades-d-s:v1', 'prompt', true],
      [0, 'llama3.1:8b', 'base', false],
    ])
    expect(app!.settings.get().llm.model).toBe('autodidacta-tecnovariedades-d-s:v1')

    // The responder answers with the new version, and records it.
    const sent = await call(app!, 'simulator.send', { from: 'Ana', text: 'hola' })
    await app!.idle()
    const messages = await call(app!, 'conversations.messages', { conversationId: sent.conversationId })
    expect(messages.at(-1)).toMatchObject({ author: 'bot', model: 'autodidacta-tecnovariedades-d-s:v1' })
    expect(ollama!.chatRequests.at(-1)?.model).toBe('autodidacta-tecnovariedades-d-s:v1')

    // Rollback in one call: the base is live again.
    const rolledBack = await call(app!, 'models.activate', { id: versions[1]!.id })
    expect(rolledBack.find((v) => v.isLive)?.name).toBe('llama3.1:8b')
    expect(app!.settings.get().llm.model).toBe('llama3.1:8b')
  })

  it('a candidate that is not better stays out of use, with the reasons; the owner can still put it live', async () => {
    const { dataset } = await setup(() => 'Zzz.')
    const started = await call(app!, 'training.start', { datasetId: dataset.id, backend: 'prompt' })
    await app!.training.idle()
    const run = await call(app!, 'training.get', { id: started.id })
    expect(run.status).toBe('succeeded')
    expect(run.validation?.better).toBe(false)
    expect(run.validation?.reasons.join(' ')).toMatch(/se parecen menos/)
    expect(run.modelVersion).toMatchObject({ isLive: false })
    expect(app!.settings.get().llm.model).toBe('llama3.1:8b')
    // The model the shop started with is listed as version 0, live, from the first candidate on.
    const listed = await call(app!, 'models.list', {})
    expect(listed.map((v) => [v.version, v.source, v.isLive])).toEqual([
      [1, 'prompt', false],
      [0, 'base', true],
    ])

    const versions = await call(app!, 'models.activate', { id: run.modelVersion!.id })
    expect(versions.find((v) => v.isLive)?.name).toBe(run.modelVersion!.name)
    expect(app!.settings.get().llm.model).toBe(run.modelVersion!.name)
  })

  it('forced into use, a model that answers with template markers fails the smoke test and is not switched to', async () => {
    const { dataset } = await setup(() => '<|im_start|>assistant<|im_start|>assistant')
    const started = await call(app!, 'training.start', { datasetId: dataset.id, backend: 'prompt', force: true })
    await app!.training.idle()
    const run = await call(app!, 'training.get', { id: started.id })
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/^La prueba rápida en Ollama falló.*plantilla/)
    expect(run.logTail).toContain('smoke test')
    expect(app!.settings.get().llm.model).toBe('llama3.1:8b')
  })

  it('one training at a time, and clear errors for a dataset or base that is not there', async () => {
    const { dataset } = await setup(() => 'ok')
    await call(app!, 'training.start', { datasetId: dataset.id, backend: 'prompt' })
    const second = await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'prompt' })
    expect(second).toMatchObject({ ok: false, error: { code: 'precondition', message: expect.stringMatching(/Ya hay un entrenamiento en curso/) } })
    await app!.training.idle()
    expect(await app!.dispatch('training.start', { datasetId: 'nope', backend: 'prompt' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'llamacpp' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'baseModel' }] } })
  })

  it('refuses to import a file that is not a GGUF model, in Spanish, before uploading anything', async () => {
    const { dataset } = await setup(() => 'ok')
    const { writeFileSync } = await import('node:fs')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(app!.dataDir, 'imports'), { recursive: true })
    writeFileSync(join(app!.dataDir, 'imports', 'no-es-un-modelo.gguf'), 'hola, esto no es un modelo')
    const result = await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'import', importFile: 'no-es-un-modelo.gguf', importKind: 'model' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/no es un archivo de modelo que la app pueda usar/), fields: [{ path: 'importFile' }] } })
    expect(ollama!.blobs.size).toBe(0)
    expect(await call(app!, 'training.list', {})).toEqual([])
  })

  it('a run that was under way when the app stopped shows as failed after the restart, never "running" forever', async () => {
    const first = await buildTestApp()
    const dataDir = first.dataDir
    const run = first.repos.trainingRuns.create({ datasetId: null, backend: 'llamacpp', baseModel: '/x.gguf', params: {}, logPath: null })
    first.repos.trainingRuns.update(run.id, { status: 'running', stage: 'training' })
    await first.close()
    app = await buildTestApp({ dataDir })
    const after = await call(app, 'training.get', { id: run.id })
    expect(after).toMatchObject({ status: 'failed', stage: null, error: expect.stringMatching(/se cerró mientras entrenaba/) })
    const { rmSync } = await import('node:fs')
    const dispose = app.dispose
    app.dispose = async () => {
      await dispose()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

import { createWriteStream, copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { findLlamaTools, type LlamaTools } from '../../../src/main/training/llama-tools'
import { familyOfGguf, familyOfTag, sameFamily } from '../../../src/main/training/model-family'
import { OllamaDeployer } from '../../../src/main/training/ollama-deployer'
import { findOllamaBaseModels } from '../../../src/main/training/ollama-store'
import { Validator } from '../../../src/main/training/validator'
import { addToOllamaStore } from '../../support/ollama-store-fixture'
import { startOllamaDouble, type OllamaDouble } from '../../support/ollama-double'
import { tempDir } from '../../support/test-app'
import { createTinyLlamaModel } from '../../support/tiny-model'

const EXAMPLES = [
  { q: '¿Cuánto cuestan los audífonos?', a: 'Los audífonos cuestan $45.000 y te llegan mañana.' },
  { q: '¿Tienen cargadores tipo C?', a: 'Sí, tenemos cargadores tipo C de 20 W a $25.000.' },
  { q: '¿Hacen envíos a Medellín?', a: 'Claro, enviamos a Medellín por $12.000 en dos días.' },
]
const CORPUS = EXAMPLES.flatMap((e) => [e.q, e.a])
const CANDIDATE = 'autodidacta-tienda:v1'
const QWEN_BASE = 'qwen2.5:0.5b-instruct-fp16'

/**
 * An old data folder answering with llama3.1:8b while the candidate was trained from a Qwen
 * 0.5B F16 base: tiny GGUFs stand in for both, of different shapes (a family and size is its
 * architecture, depth, width and vocabulary), in an Ollama store laid out as Ollama writes it.
 */
describe('the validation gate compares versions of the same family', () => {
  const dir = tempDir('autodidacta-family-')
  const store = join(dir.path, 'ollama-models')
  const datasetDir = join(dir.path, 'dataset')
  let llama8b = ''
  let qwenBase = ''
  let qwenInstruct = ''
  let candidatePath = ''
  let qwenBaseBlob = ''
  let ollama: OllamaDouble | undefined

  beforeAll(async () => {
    mkdirSync(datasetDir)
    const lines = EXAMPLES.map((e) => JSON.stringify({ messages: [{ role: 'user', content: e.q }, { role: 'assistant', content: e.a }] }))
    writeFileSync(join(datasetDir, 'valid.jsonl'), `${lines.join('\n')}\n`)
    writeFileSync(join(datasetDir, 'train.jsonl'), `${lines.join('\n')}\n`)
    llama8b = join(dir.path, 'llama.gguf')
    qwenBase = join(dir.path, 'qwen-base.gguf')
    qwenInstruct = join(dir.path, 'qwen-instruct.gguf')
    await createTinyLlamaModel(llama8b, { corpus: CORPUS, layers: 3, embedding: 64, vocabSize: 400, name: 'Meta Llama 3.1 8B' })
    await createTinyLlamaModel(qwenBase, { corpus: CORPUS, layers: 2, embedding: 32, vocabSize: 400, name: 'Qwen2.5 0.5B', seed: 1 })
    // The same family and size, other weights: what the plan's answering model is to its F16 base.
    await createTinyLlamaModel(qwenInstruct, { corpus: CORPUS, layers: 2, embedding: 32, vocabSize: 400, name: 'Qwen2.5 0.5B Instruct', seed: 2 })
    // A fine-tune keeps its base's shape and metadata.
    candidatePath = join(dir.path, 'autodidacta-tienda-v1.gguf')
    copyFileSync(qwenBase, candidatePath)
    addToOllamaStore(store, 'llama3.1', '8b', llama8b)
    // What the training screen offers as a base is the blob behind the Ollama model.
    qwenBaseBlob = addToOllamaStore(store, 'qwen2.5', '0.5b-instruct-fp16', qwenBase)
    addToOllamaStore(store, 'qwen2.5', '0.5b-instruct', qwenInstruct)
  })
  afterEach(async () => {
    await ollama?.close()
    ollama = undefined
  })
  afterAll(() => dir.remove())

  /** The candidate answers every reference; every other model answers nothing useful. */
  async function validate(live: string, base: string | null, storeDir: string = store, tools: LlamaTools | null = null) {
    ollama = await startOllamaDouble({
      models: ['llama3.1:8b', 'qwen2.5:0.5b-instruct', QWEN_BASE, 'mi-modelo', CANDIDATE],
      reply: () => 'No sé.',
      replyFor: (model, request) => (model === CANDIDATE ? EXAMPLES.find((e) => e.q === request.messages.at(-1)?.content)?.a : undefined),
    })
    const url = ollama.url
    const validator = new Validator({
      modelVersions: { findByName: () => undefined },
      liveModel: () => live,
      // Without llama.cpp answers come through Ollama, where the double plays each model.
      tools: () => tools,
      deployer: new OllamaDeployer(() => url),
      storeModels: () => findOllamaBaseModels(storeDir),
    })
    const log = createWriteStream(join(dir.path, 'validate.log'), { flags: 'a' })
    try {
      const report = await validator.validate({ datasetDir, candidate: { model: CANDIDATE, path: candidatePath }, base, contextTokens: 128, signal: new AbortController().signal, log })
      return { report, asked: new Set(ollama.chatRequests.map((r) => r.model)) }
    } finally {
      await new Promise<void>((resolve) => log.end(resolve))
    }
  }

  it('live model of another family: the candidate is compared with its own untrained base, and the result says so in Spanish', async () => {
    const { report, asked } = await validate('llama3.1:8b', qwenBaseBlob)
    expect(report.comparedWith).toBe('base')
    expect(report.live.model).toBe(QWEN_BASE)
    // The 8B is not asked anything: its answers would measure the sizes, not the training.
    expect([...asked].sort()).toEqual([CANDIDATE, QWEN_BASE].sort())
    expect(report.samples.every((s) => s.live === 'No sé.')).toBe(true)
    expect(report.reasons[0]).toMatch(/^El modelo que responde ahora \(llama3\.1:8b, Meta Llama 3\.1 8B\) es de otra familia que el nuevo \(Qwen2\.5 0\.5B\): /)
    expect(report.reasons[0]).toContain(`se comparó con el modelo del que partió, sin entrenar (${QWEN_BASE})`)
    expect(report.reasons[0]).toContain('se pone en uso en lugar de llama3.1:8b')
    expect(report.better).toBe(true)
  })

  it('with the llama.cpp tools, the untrained base is measured from its own file: perplexity and answers, no Ollama', async () => {
    const tools = findLlamaTools({ env: process.env })
    // npm test builds them first (scripts/build-llama.mjs --if-needed).
    if (!tools) throw new Error('llama.cpp tools not built: run `npm run build:llama`')
    const { report, asked } = await validate('llama3.1:8b', qwenBaseBlob, store, tools)
    expect(report.comparedWith).toBe('base')
    expect(report.live.model).toBe(QWEN_BASE)
    expect(asked.has(QWEN_BASE)).toBe(false)
    expect(asked.has('llama3.1:8b')).toBe(false)
    // Same tokenizer (the candidate is the base's copy here): per-token perplexity on both sides, and equal.
    expect(report.perplexityUnit).toBe('token')
    expect(report.live.perplexity).not.toBeNull()
    expect(report.candidate.perplexity).toBeCloseTo(report.live.perplexity!, 6)
    expect(report.samples.every((s) => s.live === s.candidate)).toBe(true)
    // The same weights are not better than themselves.
    expect(report.better).toBe(false)
  })

  it('live model of the same family and size: compared with the live model, as always', async () => {
    const { report, asked } = await validate('qwen2.5:0.5b-instruct', qwenBaseBlob)
    expect(report.comparedWith).toBe('live')
    expect(report.live.model).toBe('qwen2.5:0.5b-instruct')
    expect(asked.has('qwen2.5:0.5b-instruct')).toBe(true)
    expect(asked.has(QWEN_BASE)).toBe(false)
    expect(report.reasons.join(' ')).not.toContain('otra familia')
  })

  it('the live model only in Ollama (no GGUF here): the tags up to the size tell the families apart', async () => {
    const onlyBase = join(dir.path, 'store-without-llama')
    const base = addToOllamaStore(onlyBase, 'qwen2.5', '0.5b-instruct-fp16', qwenBase)
    const { report } = await validate('llama3.1:8b', base, onlyBase)
    expect(report.comparedWith).toBe('base')
    expect(report.live.model).toBe(QWEN_BASE)
    expect(report.reasons[0]).toContain('El modelo que responde ahora (llama3.1:8b, llama3.1 8B)')
  })

  it('a family that cannot be told (a live model without size or GGUF, a base file outside the store): no guess, the live model', async () => {
    const loose = join(dir.path, 'loose-base.gguf')
    copyFileSync(qwenBase, loose)
    const { report, asked } = await validate('mi-modelo', loose, join(dir.path, 'empty-store'))
    expect(report.comparedWith).toBe('live')
    expect(report.live.model).toBe('mi-modelo')
    expect(asked.has('mi-modelo')).toBe(true)
  })

  it('a whole imported model has no base: compared with the live model', async () => {
    const { report } = await validate('llama3.1:8b', null)
    expect(report.comparedWith).toBe('live')
    expect(report.live.model).toBe('llama3.1:8b')
  })

  it('families: by GGUF shape (sizes of one architecture differ), by Ollama tag up to the size', async () => {
    const [llama, qwen, instruct] = await Promise.all([familyOfGguf(llama8b), familyOfGguf(qwenBase), familyOfGguf(qwenInstruct)])
    expect(qwen!.key).toBe(instruct!.key)
    expect(llama!.key).not.toBe(qwen!.key)
    expect(await familyOfGguf(join(datasetDir, 'valid.jsonl'))).toBeNull()
    expect(familyOfTag('qwen2.5:0.5b-instruct-fp16')?.key).toBe('qwen2.5:0.5b')
    expect(familyOfTag('qwen2.5:0.5b')?.key).toBe('qwen2.5:0.5b')
    expect(familyOfTag('qwen2.5:1.5b-instruct')?.key).toBe('qwen2.5:1.5b')
    expect(familyOfTag('llama3.1:8b')?.key).toBe('llama3.1:8b')
    expect(familyOfTag('llama3.1')).toBeNull()
    expect(familyOfTag('llama3.1:latest')).toBeNull()
    expect(familyOfTag('autodidacta-tienda:v3')).toBeNull()
    const tagOnly = (model: string) => ({ gguf: null, tag: familyOfTag(model) })
    expect(sameFamily(tagOnly('qwen2.5:0.5b-instruct'), tagOnly('qwen2.5:0.5b-instruct-fp16'))).toBe(true)
    expect(sameFamily(tagOnly('qwen2.5:0.5b-instruct'), tagOnly('qwen2.5:1.5b-instruct'))).toBe(false)
    // One side known only by its file, the other only by its name: nothing to compare.
    expect(sameFamily({ gguf: qwen, tag: null }, tagOnly('llama3.1:8b'))).toBeNull()
  })
})

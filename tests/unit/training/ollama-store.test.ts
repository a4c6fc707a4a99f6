import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GgufValue } from '../../../src/main/training/gguf'
import { writeGguf, type GgufTensorInput } from '../../support/gguf-writer'
import type { OllamaBaseModel } from '../../../src/main/training/ollama-store'
import { OLLAMA_MEDIA_TYPES, blobPathFor, defaultOllamaModelsDirs, findOllamaBaseModels, modelName } from '../../../src/main/training/ollama-store'

const QWEN_TEMPLATE = '{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}<|im_start|>assistant\n'
const QWEN_PARAMS = { stop: ['<|im_start|>', '<|im_end|>'], temperature: 0.7 }
const JINJA = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"

let store: string
let blobs: string

/** Writes content-addressed like Ollama does, returning the manifest layer. */
async function blob(mediaType: string, content: Buffer | string): Promise<{ mediaType: string; digest: string; size: number }> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content
  const hex = createHash('sha256').update(bytes).digest('hex')
  await writeFile(join(blobs, `sha256-${hex}`), bytes)
  return { mediaType, digest: `sha256:${hex}`, size: bytes.length }
}

async function manifest(registry: string, namespace: string, model: string, tag: string, layers: object[] | string): Promise<void> {
  const dir = join(store, 'manifests', registry, namespace, model)
  await mkdir(dir, { recursive: true })
  const body = typeof layers === 'string' ? layers : JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json', config: {}, layers })
  await writeFile(join(dir, tag), body)
}

async function qwenGguf(fileType: number, tensors: GgufTensorInput[]): Promise<Buffer> {
  const path = join(store, `build-${fileType}.gguf`)
  const kv: Record<string, GgufValue> = {
    'general.architecture': { type: 'string', value: 'qwen2' },
    'general.file_type': { type: 'u32', value: fileType },
    'qwen2.block_count': { type: 'u32', value: 24 },
    'qwen2.context_length': { type: 'u32', value: 32768 },
    'qwen2.embedding_length': { type: 'u32', value: 256 },
    'tokenizer.chat_template': { type: 'string', value: JINJA },
  }
  await writeGguf(path, { kv, tensors })
  const bytes = await readFile(path)
  await rm(path)
  return bytes
}

let models: OllamaBaseModel[]
beforeAll(async () => {
  store = await mkdtemp(join(tmpdir(), 'ollama-store-test-'))
  blobs = join(store, 'blobs')
  await mkdir(blobs, { recursive: true })

  const template = await blob(OLLAMA_MEDIA_TYPES.template, QWEN_TEMPLATE)
  const params = await blob(OLLAMA_MEDIA_TYPES.params, JSON.stringify(QWEN_PARAMS))
  const system = await blob(OLLAMA_MEDIA_TYPES.system, 'You are Qwen, created by Alibaba Cloud.')
  const license = await blob('application/vnd.ollama.image.license', 'Apache 2.0')

  const f16 = await qwenGguf(1, [
    { name: 'token_embd.weight', type: 'F16', dims: [256, 64], data: new Uint16Array(256 * 64).fill(0x3c00) },
    { name: 'output_norm.weight', type: 'F32', dims: [256], data: new Float32Array(256).fill(1) },
  ])
  await manifest('registry.ollama.ai', 'library', 'qwen2.5', '0.5b-instruct-fp16', [await blob(OLLAMA_MEDIA_TYPES.model, f16), template, license, system, params])

  const q4 = await qwenGguf(15, [
    { name: 'token_embd.weight', type: 'Q4_K', dims: [256, 64], data: new Uint8Array(144 * 64) },
    { name: 'output_norm.weight', type: 'F32', dims: [256], data: new Float32Array(256).fill(1) },
  ])
  await manifest('registry.ollama.ai', 'library', 'qwen2.5', '0.5b-instruct-q4_K_M', [await blob(OLLAMA_MEDIA_TYPES.model, q4), template, params])

  // Same F16 weights with a LoRA on top: training must start from the base, not this.
  await manifest('registry.ollama.ai', 'shop', 'tiendita', 'v1', [await blob(OLLAMA_MEDIA_TYPES.model, f16), await blob(OLLAMA_MEDIA_TYPES.adapter, 'lora'), template])

  await manifest('registry.ollama.ai', 'someone', 'broken', 'latest', [await blob(OLLAMA_MEDIA_TYPES.model, 'this is not a gguf file at all')])
  await manifest('hf.co', 'bartowski', 'Gone-GGUF', 'Q8_0', [{ mediaType: OLLAMA_MEDIA_TYPES.model, digest: `sha256:${'a'.repeat(64)}`, size: 10 }])
  await manifest('registry.ollama.ai', 'library', 'evil', 'latest', [{ mediaType: OLLAMA_MEDIA_TYPES.model, digest: 'sha256:../../../etc/passwd', size: 10 }])
  await manifest('registry.ollama.ai', 'library', 'garbled', 'latest', '{ not json')
  await manifest('registry.ollama.ai', 'library', 'embed-only', 'latest', [template])
  // Half-written blob: the manifest promises more bytes than there are.
  const short = await blob(OLLAMA_MEDIA_TYPES.model, f16.subarray(0, 100))
  await manifest('registry.ollama.ai', 'library', 'partial', 'latest', [{ ...short, size: f16.length }])
  // Hidden files next to manifests are Finder/editor droppings, not tags.
  await writeFile(join(store, 'manifests', 'registry.ollama.ai', 'library', 'qwen2.5', '.DS_Store'), 'x')

  models = await findOllamaBaseModels(store)
})
afterAll(async () => {
  await rm(store, { recursive: true, force: true })
})

const byName = (name: string): OllamaBaseModel => {
  const found = models.find((m) => m.model === name)
  if (!found) throw new Error(`${name} not found in ${models.map((m) => m.model).join(', ')}`)
  return found
}

describe('findOllamaBaseModels', () => {
  it('lists every manifest once, by the name `ollama run` takes', () => {
    expect(models.map((m) => m.model).sort()).toEqual(
      [
        'embed-only:latest',
        'evil:latest',
        'garbled:latest',
        'hf.co/bartowski/Gone-GGUF:Q8_0',
        'partial:latest',
        'qwen2.5:0.5b-instruct-fp16',
        'qwen2.5:0.5b-instruct-q4_K_M',
        'shop/tiendita:v1',
        'someone/broken:latest',
      ].sort(),
    )
  })

  it('reads the F16 base: its GGUF header, its blob, and the TEMPLATE, SYSTEM and stop words a deploy needs', () => {
    const qwen = byName('qwen2.5:0.5b-instruct-fp16')
    expect(qwen).toMatchObject({
      trainable: true,
      fileType: 'F16',
      architecture: 'qwen2',
      layers: 24,
      contextLength: 32768,
      parameterCount: 256 * 64 + 256,
      chatTemplate: JINJA,
      template: QWEN_TEMPLATE,
      system: 'You are Qwen, created by Alibaba Cloud.',
      params: QWEN_PARAMS,
      stop: ['<|im_start|>', '<|im_end|>'],
      modelsDir: store,
    })
    expect(qwen.reason).toBeUndefined()
    expect(qwen.blobPath).toBe(join(store, 'blobs', `sha256-${qwen.digest!.slice('sha256:'.length)}`))
    expect(qwen.sizeBytes).toBeGreaterThan(256 * 64 * 2)
  })

  it('marks the Q4_K_M build as not trainable and says which tag to pull', () => {
    const q4 = byName('qwen2.5:0.5b-instruct-q4_K_M')
    expect(q4).toMatchObject({ trainable: false, fileType: 'Q4_K_M', architecture: 'qwen2', template: QWEN_TEMPLATE, stop: QWEN_PARAMS.stop })
    expect(q4.reason).toMatch(/cuantizado \(Q4_K_M\).*F16/)
  })

  it('turns every broken model into a reason instead of an exception', () => {
    expect(byName('someone/broken:latest')).toMatchObject({ trainable: false, reason: expect.stringMatching(/no es GGUF/) })
    expect(byName('hf.co/bartowski/Gone-GGUF:Q8_0')).toMatchObject({ trainable: false, sizeBytes: null, reason: expect.stringMatching(/Falta el archivo/) })
    expect(byName('evil:latest')).toMatchObject({ trainable: false, blobPath: null, reason: expect.stringMatching(/digest inválido/) })
    expect(byName('garbled:latest')).toMatchObject({ trainable: false, reason: expect.stringMatching(/manifiesto/) })
    expect(byName('embed-only:latest')).toMatchObject({ trainable: false, blobPath: null, template: QWEN_TEMPLATE, reason: expect.stringMatching(/capa GGUF/) })
    expect(byName('partial:latest')).toMatchObject({ trainable: false, sizeBytes: 100, reason: expect.stringMatching(/incompleta/) })
    expect(byName('shop/tiendita:v1')).toMatchObject({ trainable: false, fileType: 'F16', reason: expect.stringMatching(/adaptador/) })
  })

  it('sorts by size, smallest first, models without a blob last', () => {
    const sizes = models.map((m) => m.sizeBytes ?? Infinity)
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b))
    expect(models.at(-1)?.sizeBytes).toBeNull()
  })

  it('returns nothing for a store that does not exist, and reports a model found in two stores once', async () => {
    expect(await findOllamaBaseModels(join(store, 'nowhere'))).toEqual([])
    const twice = await findOllamaBaseModels([store, store])
    expect(twice).toHaveLength(models.length)
  })
})

describe('Ollama store paths and names', () => {
  it('looks where Ollama keeps models on each OS', () => {
    expect(defaultOllamaModelsDirs({ OLLAMA_MODELS: '/data/ollama' }, 'linux', '/home/ana')).toEqual(['/data/ollama'])
    expect(defaultOllamaModelsDirs({}, 'linux', '/home/ana')).toEqual([join('/home/ana', '.ollama', 'models'), '/usr/share/ollama/.ollama/models'])
    expect(defaultOllamaModelsDirs({}, 'darwin', '/Users/ana')).toEqual([join('/Users/ana', '.ollama', 'models')])
    expect(defaultOllamaModelsDirs({ OLLAMA_MODELS: '  ' }, 'win32', 'C:\\Users\\ana')).toEqual([join('C:\\Users\\ana', '.ollama', 'models')])
  })

  it('shortens names like Ollama and only maps real sha256 digests to blobs', () => {
    expect(modelName('registry.ollama.ai', 'library', 'llama3.2', '1b')).toBe('llama3.2:1b')
    expect(modelName('registry.ollama.ai', 'ana', 'tienda', 'latest')).toBe('ana/tienda:latest')
    expect(modelName('hf.co', 'Qwen', 'Qwen2.5-0.5B-Instruct-GGUF', 'f16')).toBe('hf.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF:f16')
    const hex = 'ab'.repeat(32)
    expect(blobPathFor('/m', `sha256:${hex}`)).toBe(join('/m', 'blobs', `sha256-${hex}`))
    expect(blobPathFor('/m', 'sha256:../../x')).toBeNull()
    expect(blobPathFor('/m', `md5:${hex}`)).toBeNull()
  })
})

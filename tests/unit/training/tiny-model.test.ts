import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GgufHeader } from '../../../src/main/training/gguf'
import { describeModel, ggufArray, ggufString, readGgufHeader } from '../../../src/main/training/gguf'
import type { SpmVocab } from '../../support/tiny-model'
import { CHATML_TEMPLATE, TOKEN_TYPE, buildSpmVocab, createTinyLlamaModel, tinyCorpusFromDataset } from '../../support/tiny-model'

const SHOP_TEXTS = [
  'Eres el asistente de ventas de La Tiendita. Responde corto y amable.',
  'Hola, ¿tienen el bolso de cuero en color negro?',
  'Sí, claro. El bolso de cuero negro cuesta $120.000 y el envío a Medellín es gratis.',
  '¿Cuánto se demora el envío a Bogotá?',
  'El envío a Bogotá tarda de 2 a 3 días hábiles.',
  'Gracias, quiero pagar por Nequi.',
  'Perfecto, te envío el número de Nequi para el pago. 😊',
  '¿Tienen la chaqueta de jean en talla M?',
  'Sí, la chaqueta de jean en talla M está disponible y cuesta $95.000.',
]
const CORPUS = Array.from({ length: 40 }, (_, i) => SHOP_TEXTS.map((text) => (i % 2 ? text : text.toLowerCase()))).flat()

let dir: string
let modelPath: string
let header: GgufHeader
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tiny-model-test-'))
  modelPath = join(dir, 'tiny.gguf')
  await createTinyLlamaModel(modelPath, { corpus: CORPUS, layers: 2, seed: 7 })
  header = await readGgufHeader(modelPath)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/**
 * llama.cpp's SPM tokenizer (llm_tokenizer_spm_session + tokenizer_st_partition with
 * parse_special), re-implemented to check the vocabulary does what llama.cpp will do with it:
 * control tokens are cut out first, spaces become "▁", then starting from UTF-8 characters the
 * adjacent pair whose concatenation is a token with the best score (leftmost on ties) merges,
 * and whatever is not a token falls back to <0xXX> byte tokens.
 */
function spmTokenize(vocab: Pick<SpmVocab, 'tokens' | 'scores' | 'types'>, text: string, addSpacePrefix = false): number[] {
  const ids = new Map(vocab.tokens.map((token, id) => [token, id]))
  const specials = vocab.tokens.filter((_, id) => vocab.types[id] === TOKEN_TYPE.control || vocab.types[id] === TOKEN_TYPE.unknown).sort((a, b) => b.length - a.length)
  const out: number[] = []
  let rest = text
  while (rest.length > 0) {
    let cut = rest.length
    let special: string | null = null
    for (const token of specials) {
      const at = rest.indexOf(token)
      if (at !== -1 && (at < cut || (at === cut && special !== null && token.length > special.length))) {
        cut = at
        special = token
      }
    }
    // A text fragment always follows the start or a control token: llama.cpp's is_prev_special.
    if (cut > 0) out.push(...spmFragment(vocab, ids, (addSpacePrefix ? ' ' : '') + rest.slice(0, cut)))
    if (special === null) break
    out.push(ids.get(special)!)
    rest = rest.slice(cut + special.length)
  }
  return out
}

function spmFragment(vocab: Pick<SpmVocab, 'scores'>, ids: Map<string, number>, fragment: string): number[] {
  const symbols = Array.from(fragment.replaceAll(' ', '▁'))
  for (;;) {
    let best = -1
    let bestScore = -Infinity
    for (let i = 0; i + 1 < symbols.length; i++) {
      const id = ids.get(symbols[i]! + symbols[i + 1]!)
      if (id !== undefined && vocab.scores[id]! > bestScore) {
        best = i
        bestScore = vocab.scores[id]!
      }
    }
    if (best === -1) break
    symbols.splice(best, 2, symbols[best]! + symbols[best + 1]!)
  }
  return symbols.flatMap((symbol) => {
    const id = ids.get(symbol)
    if (id !== undefined) return [id]
    return [...Buffer.from(symbol, 'utf8')].map((byte) => ids.get(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`)!)
  })
}

function detokenize(vocab: Pick<SpmVocab, 'tokens' | 'types'>, tokens: number[]): string {
  const bytes: number[] = []
  for (const id of tokens) {
    const piece = vocab.tokens[id]!
    if (vocab.types[id] === TOKEN_TYPE.byte) bytes.push(parseInt(piece.slice(3, 5), 16))
    else bytes.push(...Buffer.from(piece.replaceAll('▁', ' '), 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}

function vocabOf(h: GgufHeader): Pick<SpmVocab, 'tokens' | 'scores' | 'types'> {
  return {
    tokens: ggufArray(h, 'tokenizer.ggml.tokens')!.values as string[],
    scores: ggufArray(h, 'tokenizer.ggml.scores')!.values as number[],
    types: ggufArray(h, 'tokenizer.ggml.token_type')!.values as number[],
  }
}

describe('createTinyLlamaModel', () => {
  it('writes every hparam llama.cpp requires, with the exact types its loader checks', () => {
    const expectKv = (key: string, type: string, value?: unknown): void => {
      const entry = header.kv.get(key)
      expect(entry?.type, key).toBe(type)
      if (value !== undefined && entry && entry.type !== 'array') expect(entry.value, key).toEqual(value)
    }
    expectKv('general.architecture', 'string', 'llama')
    expectKv('general.file_type', 'u32', 0)
    expectKv('llama.context_length', 'u32', 512)
    expectKv('llama.embedding_length', 'u32', 128)
    expectKv('llama.block_count', 'u32', 2)
    expectKv('llama.feed_forward_length', 'u32', 512)
    expectKv('llama.attention.head_count', 'u32', 4)
    expectKv('llama.attention.head_count_kv', 'u32', 4)
    expectKv('llama.attention.layer_norm_rms_epsilon', 'f32', Math.fround(1e-5))
    expectKv('llama.rope.dimension_count', 'u32', 32)
    expectKv('llama.rope.freq_base', 'f32', 10000)
    expectKv('tokenizer.ggml.model', 'string', 'llama')
    expectKv('tokenizer.ggml.bos_token_id', 'u32', 1)
    expectKv('tokenizer.ggml.unknown_token_id', 'u32', 0)
    expectKv('tokenizer.ggml.add_bos_token', 'bool', false)
    expectKv('tokenizer.ggml.add_space_prefix', 'bool', false)
    expect(header.kv.get('tokenizer.ggml.tokens')).toMatchObject({ type: 'array', itemType: 'string' })
    expect(header.kv.get('tokenizer.ggml.scores')).toMatchObject({ type: 'array', itemType: 'f32' })
    expect(header.kv.get('tokenizer.ggml.token_type')).toMatchObject({ type: 'array', itemType: 'i32' })
    expect(ggufString(header, 'tokenizer.chat_template')).toBe(CHATML_TEMPLATE)
    expect(describeModel(header)).toMatchObject({ architecture: 'llama', layers: 2, embedding: 128, contextLength: 512, fileType: 'F32', chatTemplate: CHATML_TEMPLATE })
  })

  it('has llama-shaped tensors in ne order, all F32, sized to the vocabulary', () => {
    const nVocab = (header.kv.get('llama.vocab_size') as { value: number }).value
    expect(ggufArray(header, 'tokenizer.ggml.tokens')?.values).toHaveLength(nVocab)
    const expected: [string, number[]][] = [
      ['token_embd.weight', [128, nVocab]],
      ['output_norm.weight', [128]],
      ['output.weight', [128, nVocab]],
    ]
    for (let i = 0; i < 2; i++) {
      expected.push(
        [`blk.${i}.attn_norm.weight`, [128]],
        [`blk.${i}.attn_q.weight`, [128, 128]],
        [`blk.${i}.attn_k.weight`, [128, 128]],
        [`blk.${i}.attn_v.weight`, [128, 128]],
        [`blk.${i}.attn_output.weight`, [128, 128]],
        [`blk.${i}.ffn_norm.weight`, [128]],
        [`blk.${i}.ffn_gate.weight`, [128, 512]],
        [`blk.${i}.ffn_up.weight`, [128, 512]],
        [`blk.${i}.ffn_down.weight`, [512, 128]],
      )
    }
    expect(header.tensors.map((t) => [t.name, t.dims])).toEqual(expected)
    expect(new Set(header.tensors.map((t) => t.typeName))).toEqual(new Set(['F32']))
    expect(describeModel(header).parameterCount).toBe(2 * 128 * nVocab + 128 + 2 * (2 * 128 + 4 * 128 * 128 + 3 * 128 * 512))
  })

  it('uses small random weights and unit norms', async () => {
    const file = await readFile(modelPath)
    const tensor = (name: string): Float32Array => {
      const info = header.tensors.find((t) => t.name === name)!
      const start = header.dataOffset + info.offset
      return new Float32Array(file.buffer.slice(file.byteOffset + start, file.byteOffset + start + info.byteSize))
    }
    const norm = tensor('blk.1.ffn_norm.weight')
    expect([...norm].every((x) => x === 1)).toBe(true)
    const q = tensor('blk.0.attn_q.weight')
    const mean = q.reduce((s, x) => s + x, 0) / q.length
    const std = Math.sqrt(q.reduce((s, x) => s + (x - mean) ** 2, 0) / q.length)
    expect(Math.abs(mean)).toBeLessThan(0.001)
    expect(std).toBeGreaterThan(0.018)
    expect(std).toBeLessThan(0.022)
    // Different tensors get different draws.
    expect(tensor('blk.0.attn_k.weight').slice(0, 8)).not.toEqual(q.slice(0, 8))
  })

  it('is deterministic for a seed and differs across seeds', async () => {
    const digest = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex')
    const again = join(dir, 'again.gguf')
    const other = join(dir, 'other-seed.gguf')
    await createTinyLlamaModel(again, { corpus: CORPUS, layers: 2, seed: 7 })
    await createTinyLlamaModel(other, { corpus: CORPUS, layers: 2, seed: 8 })
    expect(await digest(again)).toBe(await digest(modelPath))
    expect(await digest(other)).not.toBe(await digest(modelPath))
  })

  it('honours the shape options (GQA, feed-forward, context) and rejects impossible shapes', async () => {
    const path = join(dir, 'gqa.gguf')
    const result = await createTinyLlamaModel(path, { corpus: CORPUS, layers: 1, embedding: 64, heads: 4, headsKv: 2, feedForward: 96, contextLength: 256, vocabSize: 300 })
    const h = await readGgufHeader(path)
    expect(result.vocabSize).toBeLessThanOrEqual(300)
    expect(h.tensors.find((t) => t.name === 'blk.0.attn_k.weight')?.dims).toEqual([64, 32])
    expect(h.tensors.find((t) => t.name === 'blk.0.ffn_down.weight')?.dims).toEqual([96, 64])
    expect(describeModel(h)).toMatchObject({ contextLength: 256, vocabSize: result.vocabSize, parameterCount: result.parameterCount })
    await expect(createTinyLlamaModel(path, { corpus: CORPUS, layers: 0 })).rejects.toThrow(/layers/)
    await expect(createTinyLlamaModel(path, { corpus: CORPUS, layers: 1, embedding: 100, heads: 3 })).rejects.toThrow(/even integer/)
    await expect(createTinyLlamaModel(path, { corpus: CORPUS, layers: 1, heads: 4, headsKv: 3 })).rejects.toThrow(/multiple/)
  })
})

describe('the SentencePiece vocabulary', () => {
  const vocab = buildSpmVocab(CORPUS, 1024)

  it('lays out specials, byte tokens and ChatML control tokens where llama.cpp looks for them', () => {
    expect(vocab.tokens.slice(0, 3)).toEqual(['<unk>', '<s>', '</s>'])
    expect(vocab.types.slice(0, 3)).toEqual([TOKEN_TYPE.unknown, TOKEN_TYPE.control, TOKEN_TYPE.control])
    for (let b = 0; b < 256; b++) {
      expect(vocab.tokens[3 + b]).toBe(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`)
      expect(vocab.types[3 + b]).toBe(TOKEN_TYPE.byte)
    }
    expect(vocab.ids).toEqual({ unk: 0, bos: 1, eos: 2, imStart: 259, imEnd: 260 })
    expect([vocab.tokens[259], vocab.tokens[260]]).toEqual(['<|im_start|>', '<|im_end|>'])
    expect([vocab.types[259], vocab.types[260]]).toEqual([TOKEN_TYPE.control, TOKEN_TYPE.control])
    expect(new Set(vocab.tokens).size).toBe(vocab.tokens.length) // llama-vocab asserts unique texts
    expect(vocab.tokens.length).toBeLessThanOrEqual(1024)
    expect(vocab.scores).toHaveLength(vocab.tokens.length)
    expect(vocab.types).toHaveLength(vocab.tokens.length)
  })

  it('stops generation at <|im_end|>: EOS and EOT point at it', () => {
    expect(header.kv.get('tokenizer.ggml.eos_token_id')).toEqual({ type: 'u32', value: 260 })
    expect(header.kv.get('tokenizer.ggml.eot_token_id')).toEqual({ type: 'u32', value: 260 })
  })

  it('learns whole words and subwords that the SPM merge order actually reaches', () => {
    for (const word of ['▁bolso', '▁cuero', '▁envío', '▁Bogotá', 'user', 'assistant', 'system']) expect(vocab.tokens, word).toContain(word)
    // Every learned piece splits into two tokens (or characters) with a better score: reachable.
    const ids = new Map(vocab.tokens.map((token, id) => [token, id]))
    for (let id = 261; id < vocab.tokens.length; id++) {
      const piece = vocab.tokens[id]!
      const chars = Array.from(piece)
      if (chars.length === 1) continue
      const reachable = chars.slice(1).some((_, i) => {
        const left = chars.slice(0, i + 1).join('')
        const right = chars.slice(i + 1).join('')
        return (Array.from(left).length === 1 || (ids.get(left) ?? 0) > 260) && (Array.from(right).length === 1 || (ids.get(right) ?? 0) > 260)
      })
      expect(reachable, piece).toBe(true)
    }
  })

  it('tokenizes a ChatML conversation as llama.cpp would: control tokens whole, words merged, the rest as bytes', () => {
    const v = vocabOf(header)
    const text = '<|im_start|>user\nHola, ¿tienen el bolso de cuero?<|im_end|>\n<|im_start|>assistant\nSí, cuesta $120.000 ✨<|im_end|>\n'
    const tokens = spmTokenize(v, text)
    expect(tokens[0]).toBe(259)
    expect(tokens.filter((t) => t === 259)).toHaveLength(2)
    expect(tokens.filter((t) => t === 260)).toHaveLength(2)
    const pieces = tokens.map((t) => v.tokens[t])
    expect(pieces).toContain('user')
    expect(pieces).toContain('assistant')
    expect(pieces).toContain('▁bolso')
    expect(pieces).toContain('▁cuero')
    expect(pieces).toContain('<0x0A>') // newlines are bytes, as in LLaMA's own vocabulary
    expect(pieces.filter((p) => p?.startsWith('<0x')).length).toBeGreaterThanOrEqual(3 + 4) // ✨ is 3 bytes
    expect(detokenize(v, tokens)).toBe(text)
    // A known sentence compresses well below one token per character.
    const sentence = 'El envío a Bogotá tarda de 2 a 3 días hábiles.'
    expect(spmTokenize(v, sentence).length).toBeLessThan(sentence.length / 2.5)
  })

  it('is the same vocabulary for the same corpus, and degrades to bytes for an empty one', () => {
    expect(buildSpmVocab(CORPUS, 1024)).toEqual(vocab)
    const empty = buildSpmVocab([], 1024)
    // Only the role names are there to learn from ("st" repeats across system and assistant).
    expect(empty.tokens.slice(261).every((piece) => ['system', 'user', 'assistant'].some((role) => role.includes(piece)))).toBe(true)
    const v = { tokens: empty.tokens, scores: empty.scores, types: empty.types }
    expect(detokenize(v, spmTokenize(v, 'ñandú'))).toBe('ñandú')
  })
})

describe('tinyCorpusFromDataset', () => {
  it('takes the message texts of chat-messages JSONL lines and skips the rest', () => {
    const lines = [
      JSON.stringify({ messages: [{ role: 'system', content: 'Eres amable.' }, { role: 'user', content: 'Hola' }, { role: 'assistant', content: '¡Hola! ¿En qué te ayudo?' }], metadata: {} }),
      '',
      'not json',
      JSON.stringify({ nothing: true }),
      JSON.stringify({ messages: [{ role: 'user', content: '' }, { role: 'user' }, { role: 'user', content: 'Precio?' }] }),
    ]
    expect(tinyCorpusFromDataset(lines)).toEqual(['Eres amable.', 'Hola', '¡Hola! ¿En qué te ayudo?', 'Precio?'])
  })
})

/** gguf-py (llama.cpp's own Python reader), when python3 with numpy and gguf-py is around. */
function ggufPyPath(): string | null {
  const candidates = [process.env.GGUF_PY_PATH, resolve('.cache/llama-cpp/src/gguf-py')].filter((p): p is string => !!p && existsSync(p))
  for (const path of [...candidates, '']) {
    const probe = spawnSync('python3', ['-c', 'import numpy, gguf'], { env: { ...process.env, PYTHONPATH: path }, encoding: 'utf8' })
    if (probe.status === 0) return path
  }
  return null
}
const GGUF_PY = ggufPyPath()

describe('cross-check with gguf-py', () => {
  const title = GGUF_PY === null ? 'GGUFReader cross-check — skipped: no python3 with numpy and gguf-py (set GGUF_PY_PATH to llama.cpp/gguf-py)' : 'GGUFReader reads the same keys, shapes and data'
  it.skipIf(GGUF_PY === null)(title, async () => {
    const script = `
import json, sys
import numpy as np
from gguf import GGUFReader
r = GGUFReader(sys.argv[1])
out = {"kv": {}, "tensors": []}
for name, field in r.fields.items():
    if name.startswith("GGUF."):
        continue
    value = field.contents()
    out["kv"][name] = value if not isinstance(value, list) or len(value) < 8 else {"len": len(value), "head": value[:8]}
for t in r.tensors:
    data = np.asarray(t.data, dtype=np.float64).ravel()
    out["tensors"].append({"name": t.name, "shape": [int(x) for x in t.shape], "type": t.tensor_type.name, "sum": float(data.sum()), "first": float(data[0])})
print(json.dumps(out))
`
    const run = spawnSync('python3', ['-c', script, modelPath], { env: { ...process.env, PYTHONPATH: GGUF_PY! }, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    const py = JSON.parse(run.stdout) as { kv: Record<string, unknown>; tensors: { name: string; shape: number[]; type: string; sum: number; first: number }[] }
    for (const [key, value] of header.kv) {
      if (value.type === 'array') {
        expect(py.kv[key], key).toEqual(value.values.length < 8 ? value.values : { len: value.values.length, head: value.values.slice(0, 8) })
      } else if (value.type === 'f32') {
        expect(py.kv[key] as number, key).toBeCloseTo(value.value, 6)
      } else {
        expect(py.kv[key], key).toEqual(value.value)
      }
    }
    expect(py.tensors.map((t) => [t.name, t.shape, t.type])).toEqual(header.tensors.map((t) => [t.name, t.dims, 'F32']))
    const file = await readFile(modelPath)
    for (const [i, info] of header.tensors.entries()) {
      const start = file.byteOffset + header.dataOffset + info.offset
      const data = new Float32Array(file.buffer.slice(start, start + info.byteSize))
      expect(py.tensors[i]!.first, info.name).toBe(data[0])
      expect(py.tensors[i]!.sum, info.name).toBeCloseTo(data.reduce((sum, x) => sum + x, 0), 4)
    }
  })
})

/** The app's llama.cpp build (npm run build:llama), or one named by AUTODIDACTA_LLAMA_BIN. */
function trainerBinary(): string | null {
  const exe = process.platform === 'win32' ? '.exe' : ''
  const dirs = [process.env.AUTODIDACTA_LLAMA_BIN, resolve('.cache/llama-cpp/bin')].filter((d): d is string => !!d)
  return dirs.map((d) => join(d, `autodidacta-train${exe}`)).find((p) => existsSync(p)) ?? null
}
const TRAINER = trainerBinary()

describe('llama.cpp loads the tiny model', () => {
  const title = TRAINER === null ? 'autodidacta-train eval — skipped: no llama.cpp build (.cache/llama-cpp/bin or AUTODIDACTA_LLAMA_BIN)' : 'autodidacta-train reads it, applies its ChatML template and tokenizes exactly like the SPM emulation'
  it.skipIf(TRAINER === null)(title, async () => {
    const info = spawnSync(TRAINER!, ['info', '--model', modelPath], { encoding: 'utf8', timeout: 60_000 })
    expect(info.status, info.stderr).toBe(0)
    expect(JSON.parse(info.stdout.trim().split('\n').at(-1)!)).toMatchObject({ event: 'info', arch: 'llama', n_layer: 2, n_embd: 128, file_type: 0, chat_template: CHATML_TEMPLATE })

    const examples = SHOP_TEXTS.slice(1, 7).map((text, i, all) => ({ system: SHOP_TEXTS[0]!, user: i % 2 === 0 ? text : all[i - 1]!, assistant: i % 2 === 0 ? all[i + 1]! : text }))
    const data = join(dir, 'valid.jsonl')
    const line = (e: (typeof examples)[number]): string =>
      JSON.stringify({ messages: [{ role: 'system', content: e.system }, { role: 'user', content: e.user }, { role: 'assistant', content: e.assistant }], metadata: {} })
    await writeFile(data, examples.map(line).join('\n') + '\n')
    const evaluation = spawnSync(TRAINER!, ['eval', '--model', modelPath, '--data', data, '--threads', '2'], { encoding: 'utf8', timeout: 120_000 })
    expect(evaluation.status, evaluation.stderr).toBe(0)
    expect(evaluation.stderr).toContain("chat template: the model's own")
    const result = JSON.parse(evaluation.stdout.trim().split('\n').at(-1)!) as { event: string; examples: number; tokens: number; perplexity: number }
    // The answer tokens end at the first end-of-generation token: only if <|im_end|> is one
    // control token, and every merge happens as emulated, do the counts agree.
    const v = vocabOf(header)
    const expected = examples.reduce((sum, e) => sum + spmTokenize(v, `${e.assistant}<|im_end|>`).length, 0)
    expect(result).toMatchObject({ event: 'eval', examples: examples.length, tokens: expected })
    // Random weights: about as uncertain as a uniform guess over the vocabulary.
    expect(result.perplexity).toBeGreaterThan(v.tokens.length / 3)
  })
})

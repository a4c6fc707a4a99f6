// A tiny llama-architecture F32 GGUF with random weights and a SentencePiece-style vocabulary
// learned from the shop's own texts. It exists so the training pipeline (load, tokenize,
// fine-tune, quantize, deploy) can run end to end in seconds, on any machine, without
// downloading a real base model. The shapes and keys are exactly what llama.cpp's `llama`
// architecture and its SPM tokenizer read (src/models/llama.cpp, src/llama-vocab.cpp).

import { hashString, mulberry32 } from '../../src/main/kernel/hash'
import type { GgufValue } from '../../src/main/training/gguf'
import { writeGguf, type GgufTensorInput } from './gguf-writer'

/**
 * Plain ChatML, as Qwen's instruct models render it (minus Qwen's default system line, since
 * every training example brings its own). llama.cpp detects it as "chatml" by `<|im_start|>`.
 */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"

/** SentencePiece's word-boundary marker: llama.cpp's SPM tokenizer turns every space into it. */
export const SPM_SPACE = '\u2581'

/** llama_token_type values stored in `tokenizer.ggml.token_type`. */
export const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 } as const

export const TINY_SPECIAL_TOKENS = { unk: '<unk>', bos: '<s>', eos: '</s>', imStart: '<|im_start|>', imEnd: '<|im_end|>' } as const

export interface SpmVocab {
  tokens: string[]
  scores: number[]
  types: number[]
  ids: { unk: number; bos: number; eos: number; imStart: number; imEnd: number }
  /** How many pieces came from the corpus (characters and merges). */
  learned: number
}

export interface TinyLlamaOptions {
  /** Texts the vocabulary is learned from (message contents; see tinyCorpusFromDataset). */
  corpus: readonly string[]
  layers: number
  /** n_embd (default 128). */
  embedding?: number
  /** Attention heads (default 4); head size = embedding / heads. */
  heads?: number
  /** KV heads for grouped-query attention (default = heads). */
  headsKv?: number
  /** n_ff (default 4 × embedding). */
  feedForward?: number
  /** n_ctx_train (default 512). */
  contextLength?: number
  /** Total vocabulary size cap, specials and byte tokens included (default 2048). */
  vocabSize?: number
  /** Weight seed (default 1): the same options and corpus give a byte-identical file. */
  seed?: number
  /** `general.name` (default 'autodidacta-tiny'). */
  name?: string
  /**
   * Whether llama.cpp prepends `<s>` when tokenizing (default false, like Qwen's ChatML models:
   * the template carries the structure, a BOS would only be one more token to learn).
   */
  addBos?: boolean
}

export interface TinyLlamaResult {
  path: string
  bytes: number
  vocabSize: number
  parameterCount: number
  tokenIds: SpmVocab['ids']
}

const DEFAULTS = { embedding: 128, heads: 4, contextLength: 512, vocabSize: 2048, seed: 1, name: 'autodidacta-tiny' } as const
const RMS_EPS = 1e-5
const ROPE_FREQ_BASE = 10000
/** Weight scale: GPT-2's 0.02 keeps activations small in a random deep-ish stack. */
const INIT_STD = 0.02

/** Writes the model to `path` (temp file + rename) and says what it holds. */
export async function createTinyLlamaModel(path: string, options: TinyLlamaOptions): Promise<TinyLlamaResult> {
  const shape = resolveShape(options)
  const vocab = buildSpmVocab(options.corpus, shape.vocabSize)
  const nVocab = vocab.tokens.length
  const seed = options.seed ?? DEFAULTS.seed
  const { embedding: nEmbd, feedForward: nFf } = shape
  const nEmbdKv = shape.headDim * shape.headsKv

  const tensors: GgufTensorInput[] = []
  const random = (name: string, dims: number[]): GgufTensorInput => ({ name, type: 'F32', dims, data: () => normalWeights(dims[0]! * dims[1]!, hashString(name, seed)) })
  const ones = (name: string, n: number): GgufTensorInput => ({ name, type: 'F32', dims: [n], data: () => new Float32Array(n).fill(1) })

  // Shapes in ne order, as llama_model_llama::load_arch_tensors creates them.
  tensors.push(random('token_embd.weight', [nEmbd, nVocab]))
  tensors.push(ones('output_norm.weight', nEmbd))
  tensors.push(random('output.weight', [nEmbd, nVocab]))
  for (let i = 0; i < shape.layers; i++) {
    tensors.push(ones(`blk.${i}.attn_norm.weight`, nEmbd))
    tensors.push(random(`blk.${i}.attn_q.weight`, [nEmbd, shape.headDim * shape.heads]))
    tensors.push(random(`blk.${i}.attn_k.weight`, [nEmbd, nEmbdKv]))
    tensors.push(random(`blk.${i}.attn_v.weight`, [nEmbd, nEmbdKv]))
    tensors.push(random(`blk.${i}.attn_output.weight`, [shape.headDim * shape.heads, nEmbd]))
    tensors.push(ones(`blk.${i}.ffn_norm.weight`, nEmbd))
    tensors.push(random(`blk.${i}.ffn_gate.weight`, [nEmbd, nFf]))
    tensors.push(random(`blk.${i}.ffn_up.weight`, [nEmbd, nFf]))
    tensors.push(random(`blk.${i}.ffn_down.weight`, [nFf, nEmbd]))
  }

  const u32 = (value: number): GgufValue => ({ type: 'u32', value })
  const f32 = (value: number): GgufValue => ({ type: 'f32', value })
  // llama.cpp's loader checks each key's exact type (u32 hparams, f32 eps, bool flags).
  const kv: Record<string, GgufValue> = {
    'general.architecture': { type: 'string', value: 'llama' },
    'general.name': { type: 'string', value: options.name ?? DEFAULTS.name },
    'general.file_type': u32(0),
    'llama.context_length': u32(shape.contextLength),
    'llama.embedding_length': u32(nEmbd),
    'llama.block_count': u32(shape.layers),
    'llama.feed_forward_length': u32(nFf),
    'llama.attention.head_count': u32(shape.heads),
    'llama.attention.head_count_kv': u32(shape.headsKv),
    'llama.attention.layer_norm_rms_epsilon': f32(RMS_EPS),
    'llama.rope.dimension_count': u32(shape.headDim),
    'llama.rope.freq_base': f32(ROPE_FREQ_BASE),
    'llama.vocab_size': u32(nVocab),
    'tokenizer.ggml.model': { type: 'string', value: 'llama' },
    'tokenizer.ggml.tokens': { type: 'array', itemType: 'string', values: vocab.tokens },
    'tokenizer.ggml.scores': { type: 'array', itemType: 'f32', values: vocab.scores },
    'tokenizer.ggml.token_type': { type: 'array', itemType: 'i32', values: vocab.types },
    'tokenizer.ggml.unknown_token_id': u32(vocab.ids.unk),
    'tokenizer.ggml.bos_token_id': u32(vocab.ids.bos),
    // Generation must stop at the end of the assistant's turn: EOS is <|im_end|> (as in Qwen's
    // instruct GGUFs) and EOT too; llama-vocab also marks "</s>" and "<|im_end|>" end-of-generation by text.
    'tokenizer.ggml.eos_token_id': u32(vocab.ids.imEnd),
    'tokenizer.ggml.eot_token_id': u32(vocab.ids.imEnd),
    'tokenizer.ggml.padding_token_id': u32(vocab.ids.eos),
    'tokenizer.ggml.add_bos_token': { type: 'bool', value: options.addBos ?? false },
    'tokenizer.ggml.add_eos_token': { type: 'bool', value: false },
    // No dummy "▁" after every control token: "<|im_start|>user\n" stays "user", not "▁user",
    // matching how the vocabulary was learned (message text starts right after a newline).
    'tokenizer.ggml.add_space_prefix': { type: 'bool', value: false },
    'tokenizer.chat_template': { type: 'string', value: CHATML_TEMPLATE },
  }

  const { bytes } = await writeGguf(path, { kv, tensors })
  const parameterCount = tensors.reduce((sum, t) => sum + t.dims.reduce((p, n) => p * n, 1), 0)
  return { path, bytes, vocabSize: nVocab, parameterCount, tokenIds: vocab.ids }
}

interface Shape {
  layers: number
  embedding: number
  heads: number
  headsKv: number
  headDim: number
  feedForward: number
  contextLength: number
  vocabSize: number
}

function resolveShape(options: TinyLlamaOptions): Shape {
  const embedding = options.embedding ?? DEFAULTS.embedding
  const heads = options.heads ?? DEFAULTS.heads
  const headsKv = options.headsKv ?? heads
  const shape: Shape = {
    layers: options.layers,
    embedding,
    heads,
    headsKv,
    headDim: embedding / heads,
    feedForward: options.feedForward ?? 4 * embedding,
    contextLength: options.contextLength ?? DEFAULTS.contextLength,
    vocabSize: options.vocabSize ?? DEFAULTS.vocabSize,
  }
  for (const key of ['layers', 'embedding', 'heads', 'headsKv', 'feedForward', 'contextLength', 'vocabSize'] as const) {
    if (!Number.isInteger(shape[key]) || shape[key] < 1) throw new RangeError(`tiny model: ${key} must be a positive integer, got ${shape[key]}`)
  }
  // RoPE rotates pairs of dimensions, and llama.cpp requires n_rot == head size for llama.
  if (!Number.isInteger(shape.headDim) || shape.headDim % 2 !== 0) throw new RangeError(`tiny model: embedding ${embedding} / heads ${heads} must be an even integer`)
  if (heads % headsKv !== 0) throw new RangeError(`tiny model: heads ${heads} must be a multiple of headsKv ${headsKv}`)
  if (shape.vocabSize < FIXED_TOKENS) throw new RangeError(`tiny model: vocabSize must be at least ${FIXED_TOKENS} (specials and byte tokens)`)
  return shape
}

/** Seeded N(0, INIT_STD²) by Box–Muller over mulberry32: deterministic on every platform V8 runs. */
function normalWeights(n: number, seed: number): Float32Array {
  const random = mulberry32(seed)
  const out = new Float32Array(n)
  for (let i = 0; i < n; i += 2) {
    const u1 = 1 - random() // (0, 1]: log(0) would be -Infinity
    const u2 = random()
    const radius = Math.sqrt(-2 * Math.log(u1)) * INIT_STD
    out[i] = radius * Math.cos(2 * Math.PI * u2)
    if (i + 1 < n) out[i + 1] = radius * Math.sin(2 * Math.PI * u2)
  }
  return out
}

/* ------------------------------------------------------------------------------------------ */
/* Vocabulary                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/** <unk>, <s>, </s>, 256 byte tokens, <|im_start|>, <|im_end|>. */
const FIXED_TOKENS = 3 + 256 + 2
const ROLE_WORDS = ['system', 'user', 'assistant'] as const

/**
 * A SentencePiece-BPE-style vocabulary: specials, the 256 `<0xXX>` byte-fallback tokens, the
 * ChatML control tokens, then pieces learned by BPE over the corpus with score −rank.
 *
 * llama.cpp's SPM tokenizer starts from single UTF-8 characters and repeatedly merges the
 * adjacent pair whose concatenation is a token with the highest score; anything left that is
 * not a token falls back to byte tokens. Every learned piece is the concatenation of two
 * earlier pieces (or characters), so each piece is reachable by those merges, and ranking by
 * −rank makes the merges replay in the order BPE learned them.
 */
export function buildSpmVocab(corpus: readonly string[], maxVocab: number = DEFAULTS.vocabSize): SpmVocab {
  const tokens: string[] = ['<unk>', '<s>', '</s>']
  const types: number[] = [TOKEN_TYPE.unknown, TOKEN_TYPE.control, TOKEN_TYPE.control]
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`)
    types.push(TOKEN_TYPE.byte)
  }
  tokens.push(TINY_SPECIAL_TOKENS.imStart, TINY_SPECIAL_TOKENS.imEnd)
  types.push(TOKEN_TYPE.control, TOKEN_TYPE.control)
  const scores: number[] = tokens.map(() => 0)
  const ids = { unk: 0, bos: 1, eos: 2, imStart: 259, imEnd: 260 }

  const words = countWords(corpus)
  const budget = Math.max(0, maxVocab - tokens.length)
  const { alphabet, merges } = learnBpe(words, budget)
  // Token texts must be unique (llama-vocab maps text → id); a learned piece can never spell
  // a special or byte token because pre-tokens never mix '<', letters and '>'.
  const taken = new Set(tokens)
  const learned: string[] = []
  for (const piece of [...merges, ...alphabet]) {
    if (taken.has(piece)) continue
    taken.add(piece)
    learned.push(piece)
  }
  learned.forEach((piece, rank) => {
    tokens.push(piece)
    scores.push(-rank)
    types.push(TOKEN_TYPE.normal)
  })
  return { tokens, scores, types, ids, learned: learned.length }
}

/**
 * Pre-tokens with their counts, cut where SentencePiece cuts by default: a space starts a new
 * piece (kept as "▁"), letters, digits and each punctuation mark are separate, and whitespace
 * other than the space (newlines, tabs) is never part of a piece: it is byte-encoded.
 */
function countWords(corpus: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (word: string, n: number): void => void counts.set(word, (counts.get(word) ?? 0) + n)
  const pattern = /▁?[\p{L}\p{M}]+|▁?\p{N}+|▁?[^\p{L}\p{M}\p{N}\s▁\p{Cc}]|▁+/gu
  for (const text of corpus) {
    for (const word of text.replaceAll(' ', SPM_SPACE).match(pattern) ?? []) add(word, 1)
  }
  // Every turn renders "<|im_start|>role\n": the role names deserve their own pieces.
  for (const role of ROLE_WORDS) add(role, Math.max(1, Math.ceil(corpus.length / ROLE_WORDS.length)))
  return counts
}

interface BpeResult {
  /** Single characters, most frequent first. */
  alphabet: string[]
  /** Merged pieces in the order learned. */
  merges: string[]
}

/** Byte-pair merges over the word counts until `budget` pieces (alphabet included) or no pair repeats. */
function learnBpe(counts: ReadonlyMap<string, number>, budget: number): BpeResult {
  const charCounts = new Map<string, number>()
  for (const [word, n] of counts) for (const ch of word) charCounts.set(ch, (charCounts.get(ch) ?? 0) + n)
  const alphabet = [...charCounts.entries()]
    .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
    .slice(0, budget)
    .map(([ch]) => ch)
  const known = new Set(alphabet)

  // Words as symbol lists; characters left out of the alphabet split words (bytes there).
  const words: { symbols: string[]; count: number }[] = []
  for (const [word, count] of counts) {
    let current: string[] = []
    for (const ch of word) {
      if (known.has(ch)) {
        current.push(ch)
        continue
      }
      if (current.length > 1) words.push({ symbols: current, count })
      current = []
    }
    if (current.length > 1) words.push({ symbols: current, count })
  }

  const pairs = new Map<string, { count: number; words: Set<number> }>()
  const heap = new PairHeap()
  const touched = new Set<string>()
  const adjust = (left: string, right: string, wordIndex: number, delta: number): void => {
    const key = `${left}\u0000${right}`
    let pair = pairs.get(key)
    if (!pair) {
      pair = { count: 0, words: new Set() }
      pairs.set(key, pair)
    }
    pair.count += delta
    if (delta > 0) pair.words.add(wordIndex)
    touched.add(key)
  }
  const flush = (): void => {
    for (const key of touched) {
      const pair = pairs.get(key)
      if (pair && pair.count > 0) heap.push(pair.count, key)
    }
    touched.clear()
  }
  words.forEach((word, index) => {
    for (let i = 0; i + 1 < word.symbols.length; i++) adjust(word.symbols[i]!, word.symbols[i + 1]!, index, word.count)
  })
  flush()

  const merges: string[] = []
  const pieces = new Set(alphabet)
  while (pieces.size < budget) {
    const best = heap.pop((count, key) => pairs.get(key)?.count === count)
    // A pair seen once teaches nothing general; stop rather than memorize single words.
    if (!best || best.count < 2) break
    const [left, right] = best.key.split('\u0000') as [string, string]
    const merged = left + right
    const pair = pairs.get(best.key)!
    for (const index of pair.words) {
      const word = words[index]!
      const symbols = word.symbols
      let hit = false
      for (let i = 0; i + 1 < symbols.length; i++) if (symbols[i] === left && symbols[i + 1] === right) hit = true
      if (!hit) continue
      for (let i = 0; i + 1 < symbols.length; i++) adjust(symbols[i]!, symbols[i + 1]!, index, -word.count)
      const next: string[] = []
      for (let i = 0; i < symbols.length; i++) {
        if (i + 1 < symbols.length && symbols[i] === left && symbols[i + 1] === right) {
          next.push(merged)
          i++
        } else next.push(symbols[i]!)
      }
      word.symbols = next
      for (let i = 0; i + 1 < next.length; i++) adjust(next[i]!, next[i + 1]!, index, word.count)
    }
    pairs.delete(best.key)
    touched.delete(best.key)
    flush()
    if (!pieces.has(merged)) {
      pieces.add(merged)
      merges.push(merged)
    }
  }
  return { alphabet, merges }
}

/** Code-unit order: locale-independent, so the vocabulary is the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Max-heap of (count, key) with lazy deletion: stale entries are skipped on pop. Ties go to
 * the smaller key so the learned vocabulary never depends on insertion order.
 */
class PairHeap {
  private readonly items: { count: number; key: string }[] = []

  push(count: number, key: string): void {
    const items = this.items
    items.push({ count, key })
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(items[i]!, items[parent]!)) break
      ;[items[i], items[parent]] = [items[parent]!, items[i]!]
      i = parent
    }
  }

  pop(isCurrent: (count: number, key: string) => boolean): { count: number; key: string } | undefined {
    while (this.items.length > 0) {
      const top = this.popTop()
      if (isCurrent(top.count, top.key)) return top
    }
    return undefined
  }

  private popTop(): { count: number; key: string } {
    const items = this.items
    const top = items[0]!
    const last = items.pop()!
    if (items.length > 0) {
      items[0] = last
      let i = 0
      for (;;) {
        const left = 2 * i + 1
        const right = left + 1
        let best = i
        if (left < items.length && this.before(items[left]!, items[best]!)) best = left
        if (right < items.length && this.before(items[right]!, items[best]!)) best = right
        if (best === i) break
        ;[items[i], items[best]] = [items[best]!, items[i]!]
        i = best
      }
    }
    return top
  }

  private before(a: { count: number; key: string }, b: { count: number; key: string }): boolean {
    return a.count > b.count || (a.count === b.count && a.key < b.key)
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Corpus                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/**
 * The message texts of a chat-messages JSONL dataset (train.jsonl / valid.jsonl lines), in
 * order; blank or malformed lines are skipped, since the corpus only seeds a vocabulary.
 */
export function tinyCorpusFromDataset(jsonlLines: Iterable<string>): string[] {
  const texts: string[] = []
  for (const line of jsonlLines) {
    if (line.trim().length === 0) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      continue
    }
    const messages = (parsed as { messages?: unknown } | null)?.messages
    if (!Array.isArray(messages)) continue
    for (const message of messages as unknown[]) {
      const content = (message as { content?: unknown } | null)?.content
      if (typeof content === 'string' && content.length > 0) texts.push(content)
    }
  }
  return texts
}

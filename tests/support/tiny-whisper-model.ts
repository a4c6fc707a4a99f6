// A tiny random-weight Whisper model in whisper.cpp's ggml file format, so the voice-note
// pipeline (decode, WAV, whisper-cli, parse) runs end to end without a real model (none can be
// downloaded on the test machines). It transcribes nothing meaningful.
//
// The layout is what whisper.cpp's models/convert-pt-to-ggml.py writes and src/whisper.cpp's
// whisper_model_load reads: magic, 11 int32 hyper-parameters, the mel filter bank, the
// vocabulary (length-prefixed words), then each tensor as (n_dims, name length, type, ne[],
// name, data). With ftype 1 the big matrices are F16 (as in the real files); biases, norms,
// positional embeddings and the conv biases are F32, exactly as whisper.cpp expects them.
import { writeFileSync } from 'node:fs'
import { mulberry32 } from '../../src/main/kernel/hash'

export interface TinyWhisperOptions {
  /** Width of every layer (n_audio_state = n_text_state; default 64). */
  state?: number
  heads?: number
  layers?: number
  seed?: number
}

/** What every window of speech transcribes to with this model. */
export const TINY_WHISPER_WORD = 'hola'
const WORD_ID = 29
/** The multilingual end-of-text token (whisper.cpp: 50256 + 1 for multilingual vocabularies). */
const EOT_ID = 50257

const GGML_MAGIC = 0x67676d6c
/** The multilingual vocabulary size: whisper.cpp calls a model multilingual at n_vocab ≥ 51865. */
const N_VOCAB = 51865
/** Words written to the file; every id below is a plain text token (the rest are whisper.cpp's specials). */
const N_WORDS = 50257
const N_AUDIO_CTX = 1500
const N_TEXT_CTX = 448
const N_MELS = 80
const N_FFT = 201

const F32 = 0
const F16 = 1

/** float32 → IEEE half bits, for the small values written here (subnormals flush to zero). */
const scratch = new Float32Array(1)
const scratchBits = new Uint32Array(scratch.buffer)
function toHalf(value: number): number {
  scratch[0] = value
  const bits = scratchBits[0]!
  const sign = (bits >>> 16) & 0x8000
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15
  const mantissa = (bits >>> 13) & 0x3ff
  if (exponent <= 0) return sign
  if (exponent >= 31) return sign | 0x7c00
  return sign | (exponent << 10) | mantissa
}

/** Writes the model to `path`; returns its size in bytes. */
export function writeTinyWhisperModel(path: string, options: TinyWhisperOptions = {}): number {
  const state = options.state ?? 64
  const heads = options.heads ?? 2
  const layers = options.layers ?? 1
  const random = mulberry32(options.seed ?? 1)
  const chunks: Buffer[] = []
  const int32s = (...values: number[]) => {
    const buffer = Buffer.alloc(4 * values.length)
    values.forEach((v, i) => buffer.writeInt32LE(v, 4 * i))
    chunks.push(buffer)
  }

  int32s(GGML_MAGIC, N_VOCAB, N_AUDIO_CTX, state, heads, layers, N_TEXT_CTX, state, heads, layers, N_MELS, F16)

  // Mel filters: small positive weights, so the log-mel spectrogram is finite.
  int32s(N_MELS, N_FFT)
  const filters = Buffer.alloc(4 * N_MELS * N_FFT)
  for (let i = 0; i < N_MELS * N_FFT; i++) filters.writeFloatLE(random() * 0.01, 4 * i)
  chunks.push(filters)

  // whisper.cpp looks a few words up by text while decoding (" " above all): they must exist.
  const named = [' ', ' -', " '", ' hola']
  int32s(N_WORDS)
  for (let i = 0; i < N_WORDS; i++) {
    const text = i < 26 ? String.fromCharCode(97 + i) : i < 26 + named.length ? named[i - 26]! : ` w${i}`
    const word = Buffer.from(text, 'utf8')
    int32s(word.length)
    chunks.push(word)
  }

  /** `ne` in ggml order (the reverse of the PyTorch shape), as the file stores it. */
  const tensor = (
    name: string,
    ne: number[],
    kind: 'weight' | 'bias' | 'norm',
    type: typeof F32 | typeof F16,
    override?: (index: number) => number | undefined,
  ) => {
    const nameBytes = Buffer.from(name, 'utf8')
    int32s(ne.length, nameBytes.length, type, ...ne)
    chunks.push(nameBytes)
    const count = ne.reduce((a, b) => a * b, 1)
    const data = Buffer.alloc(count * (type === F16 ? 2 : 4))
    for (let i = 0; i < count; i++) {
      const value = override?.(i) ?? (kind === 'norm' ? 1 : kind === 'bias' ? 0 : (random() * 2 - 1) * 0.05)
      if (type === F16) data.writeUInt16LE(toHalf(value), 2 * i)
      else data.writeFloatLE(value, 4 * i)
    }
    chunks.push(data)
  }
  const block = (prefix: string, cross: boolean) => {
    const attention = (name: string) => {
      tensor(`${prefix}.${name}_ln.weight`, [state], 'norm', F32)
      tensor(`${prefix}.${name}_ln.bias`, [state], 'bias', F32)
      tensor(`${prefix}.${name}.query.weight`, [state, state], 'weight', F16)
      tensor(`${prefix}.${name}.query.bias`, [state], 'bias', F32)
      tensor(`${prefix}.${name}.key.weight`, [state, state], 'weight', F16)
      tensor(`${prefix}.${name}.value.weight`, [state, state], 'weight', F16)
      tensor(`${prefix}.${name}.value.bias`, [state], 'bias', F32)
      tensor(`${prefix}.${name}.out.weight`, [state, state], 'weight', F16)
      tensor(`${prefix}.${name}.out.bias`, [state], 'bias', F32)
    }
    attention('attn')
    if (cross) attention('cross_attn')
    tensor(`${prefix}.mlp_ln.weight`, [state], 'norm', F32)
    tensor(`${prefix}.mlp_ln.bias`, [state], 'bias', F32)
    tensor(`${prefix}.mlp.0.weight`, [state, 4 * state], 'weight', F16)
    tensor(`${prefix}.mlp.0.bias`, [4 * state], 'bias', F32)
    tensor(`${prefix}.mlp.2.weight`, [4 * state, state], 'weight', F16)
    tensor(`${prefix}.mlp.2.bias`, [state], 'bias', F32)
  }

  tensor('encoder.positional_embedding', [state, N_AUDIO_CTX], 'weight', F32)
  tensor('encoder.conv1.weight', [3, N_MELS, state], 'weight', F16)
  tensor('encoder.conv1.bias', [1, state], 'bias', F32)
  tensor('encoder.conv2.weight', [3, state, state], 'weight', F16)
  tensor('encoder.conv2.bias', [1, state], 'bias', F32)
  for (let i = 0; i < layers; i++) block(`encoder.blocks.${i}`, false)
  tensor('encoder.ln_post.weight', [state], 'norm', F32)
  tensor('encoder.ln_post.bias', [state], 'bias', F32)

  tensor('decoder.positional_embedding', [state, N_TEXT_CTX], 'weight', F32)
  // logits = (decoder output) · token_embedding; the output is the one-hot bias below, so a
  // token's logit is its embedding's first component: " hola" 14, end-of-text 16, the rest ≈ 0.
  const firstComponent: Record<number, number> = { [WORD_ID]: 14, [EOT_ID]: 16 }
  tensor('decoder.token_embedding.weight', [state, N_VOCAB], 'weight', F16, (i) => (i % state === 0 ? firstComponent[i / state] : undefined))
  for (let i = 0; i < layers; i++) block(`decoder.blocks.${i}`, true)
  tensor('decoder.ln.weight', [state], 'norm', F32, () => 0)
  tensor('decoder.ln.bias', [state], 'bias', F32, (i) => (i === 0 ? 1 : 0))

  const file = Buffer.concat(chunks)
  writeFileSync(path, file)
  return file.length
}

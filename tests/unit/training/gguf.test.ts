import { mkdtemp, open, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { GgufValue } from '../../../src/main/training/gguf'
import {
  GgufError,
  describeModel,
  fileTypeName,
  ggufArray,
  ggufNumber,
  ggufString,
  readGgufHeader,
} from '../../../src/main/training/gguf'
import { writeGguf, type GgufTensorInput } from '../../support/gguf-writer'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gguf-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Every scalar and array type, with edge values that survive their type exactly. */
const EVERY_TYPE: Record<string, GgufValue> = {
  'test.u8': { type: 'u8', value: 255 },
  'test.i8': { type: 'i8', value: -128 },
  'test.u16': { type: 'u16', value: 65535 },
  'test.i16': { type: 'i16', value: -32768 },
  'test.u32': { type: 'u32', value: 4294967295 },
  'test.i32': { type: 'i32', value: -2147483648 },
  'test.f32': { type: 'f32', value: Math.fround(3.14159) },
  'test.f64': { type: 'f64', value: Math.PI },
  'test.bool.true': { type: 'bool', value: true },
  'test.bool.false': { type: 'bool', value: false },
  'test.string': { type: 'string', value: 'Hola, ¿cuánto vale? ▁ 🚀 <|im_start|>' },
  'test.string.empty': { type: 'string', value: '' },
  'test.u64': { type: 'u64', value: 18446744073709551615n },
  'test.i64': { type: 'i64', value: -9223372036854775808n },
  'test.arr.u8': { type: 'array', itemType: 'u8', values: [0, 1, 255] },
  'test.arr.i8': { type: 'array', itemType: 'i8', values: [-128, 0, 127] },
  'test.arr.u16': { type: 'array', itemType: 'u16', values: [0, 65535] },
  'test.arr.i16': { type: 'array', itemType: 'i16', values: [-32768, 32767] },
  'test.arr.u32': { type: 'array', itemType: 'u32', values: [0, 4294967295] },
  'test.arr.i32': { type: 'array', itemType: 'i32', values: [-2147483648, 2147483647, 6] },
  'test.arr.f32': { type: 'array', itemType: 'f32', values: [0, -0.5, Math.fround(1e-5), Math.fround(-3.4e38)] },
  'test.arr.f64': { type: 'array', itemType: 'f64', values: [Number.MIN_VALUE, -1e300] },
  'test.arr.bool': { type: 'array', itemType: 'bool', values: [true, false, true] },
  'test.arr.string': { type: 'array', itemType: 'string', values: ['<unk>', '▁hola', '', 'ñ'] },
  'test.arr.u64': { type: 'array', itemType: 'u64', values: [0n, 18446744073709551615n] },
  'test.arr.i64': { type: 'array', itemType: 'i64', values: [-1n, 9223372036854775807n] },
  'test.arr.empty': { type: 'array', itemType: 'i32', values: [] },
}

function f32(n: number, seed: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i + seed) * 0.1))
}

async function readSlice(path: string, start: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(length)
    await handle.read(buffer, 0, length, start)
    return buffer
  } finally {
    await handle.close()
  }
}

/** A GGUF header built by hand, byte by byte from gguf.h, independent of the writer under test. */
function handHeader(options: { version?: number; kv?: [string, number, Buffer][]; tensors?: { name: string; dims: number[]; type: number; offset: bigint }[] }): Buffer {
  const parts: Buffer[] = []
  const u32 = (n: number): Buffer => {
    const b = Buffer.alloc(4)
    b.writeUInt32LE(n)
    return b
  }
  const u64 = (n: bigint): Buffer => {
    const b = Buffer.alloc(8)
    b.writeBigUInt64LE(n)
    return b
  }
  const str = (s: string): Buffer => Buffer.concat([u64(BigInt(Buffer.byteLength(s))), Buffer.from(s)])
  const kv = options.kv ?? []
  const tensors = options.tensors ?? []
  parts.push(Buffer.from('GGUF'), u32(options.version ?? 3), u64(BigInt(tensors.length)), u64(BigInt(kv.length)))
  for (const [key, type, value] of kv) parts.push(str(key), u32(type), value)
  for (const t of tensors) {
    parts.push(str(t.name), u32(t.dims.length), ...t.dims.map((d) => u64(BigInt(d))), u32(t.type), u64(t.offset))
  }
  const header = Buffer.concat(parts)
  const padded = Math.ceil(header.length / 32) * 32
  return Buffer.concat([header, Buffer.alloc(padded - header.length)])
}
const stringValue = (s: string): Buffer => {
  const b = Buffer.alloc(8)
  b.writeBigUInt64LE(BigInt(Buffer.byteLength(s)))
  return Buffer.concat([b, Buffer.from(s)])
}

/** The GgufError a read fails with, as plain fields (toMatchObject on Error objects is unreliable). */
async function failure(path: string): Promise<{ code: string; message: string }> {
  const error = await readGgufHeader(path).then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof GgufError)) throw new Error(`expected a GgufError for ${path}, got ${String(error)}`)
  return { code: error.code, message: error.message }
}

describe('writeGguf → readGgufHeader', () => {
  it('round-trips every KV type and the tensor data, with padding to the alignment', async () => {
    const path = join(dir, 'every-type.gguf')
    const weights = f32(7 * 3, 1) // 84 bytes: not a multiple of the alignment, so padding shows
    const half = Uint16Array.from({ length: 16 }, (_, i) => 0x3c00 + i) // F16 bit patterns
    const quant = Uint8Array.from({ length: 144 * 2 }, (_, i) => i % 251) // two Q4_K blocks
    const ints = Int32Array.from([1, -2, 3, -4])
    const cube = f32(2 * 3 * 4, 2)
    const tensors: GgufTensorInput[] = [
      { name: 'a.weight', type: 'F32', dims: [7, 3], data: weights },
      { name: 'b.f16', type: 'F16', dims: [16], data: half },
      { name: 'c.q4k', type: 'Q4_K', dims: [256, 2], data: () => quant },
      { name: 'd.i32', type: 'I32', dims: [4], data: async () => ints },
      { name: 'e.cube', type: 'F32', dims: [2, 3, 4], data: cube },
    ]
    const kv = { 'general.alignment': { type: 'u32', value: 64 } as GgufValue, ...EVERY_TYPE }
    const written = await writeGguf(path, { kv, tensors })

    const header = await readGgufHeader(path)
    expect(header.version).toBe(3)
    expect(header.alignment).toBe(64)
    expect(header.dataOffset % 64).toBe(0)
    expect(header.dataOffset).toBe(written.dataOffset)
    expect(header.fileSize).toBe(written.bytes)
    expect([...header.kv.keys()]).toEqual(Object.keys(kv))
    for (const [key, value] of Object.entries(kv)) expect(header.kv.get(key), key).toEqual(value)

    expect(header.tensors.map((t) => [t.name, t.dims, t.typeName, t.byteSize])).toEqual([
      ['a.weight', [7, 3], 'F32', 84],
      ['b.f16', [16], 'F16', 32],
      ['c.q4k', [256, 2], 'Q4_K', 288],
      ['d.i32', [4], 'I32', 16],
      ['e.cube', [2, 3, 4], 'F32', 96],
    ])
    expect(header.tensors.map((t) => t.offset)).toEqual([0, 128, 192, 512, 576])
    const datas = [weights, half, quant, ints, cube]
    for (const [i, tensor] of header.tensors.entries()) {
      const bytes = await readSlice(path, header.dataOffset + tensor.offset, tensor.byteSize)
      const data = datas[i]!
      expect(bytes.equals(Buffer.from(data.buffer, data.byteOffset, data.byteLength)), tensor.name).toBe(true)
    }
    // Padding after the last tensor too, as ggml writes it.
    expect(header.fileSize).toBe(header.dataOffset + 576 + 128)
    // Nothing but the file is left behind.
    expect((await readdir(dir)).filter((name) => name.includes('every-type'))).toEqual(['every-type.gguf'])
  })

  it('accessors read typed values and refuse the wrong type', async () => {
    const path = join(dir, 'accessors.gguf')
    await writeGguf(path, { kv: EVERY_TYPE, tensors: [] })
    const header = await readGgufHeader(path)
    expect(header.alignment).toBe(32)
    expect(ggufString(header, 'test.string')).toBe('Hola, ¿cuánto vale? ▁ 🚀 <|im_start|>')
    expect(ggufString(header, 'test.u32')).toBeUndefined()
    expect(ggufNumber(header, 'test.u32')).toBe(4294967295)
    expect(ggufNumber(header, 'test.i64')).toBe(-9223372036854775808)
    expect(ggufNumber(header, 'test.string')).toBeUndefined()
    expect(ggufNumber(header, 'missing')).toBeUndefined()
    expect(header.kv.get('test.bool.true')).toEqual({ type: 'bool', value: true })
    expect(ggufArray(header, 'test.arr.string')?.values).toEqual(['<unk>', '▁hola', '', 'ñ'])
    expect(ggufArray(header, 'test.u8')).toBeUndefined()
  })

  it('reads a header it did not write (hand-built bytes, gguf.h layout)', async () => {
    const path = join(dir, 'hand.gguf')
    const header = handHeader({
      kv: [['general.architecture', 8, stringValue('llama')]],
      tensors: [{ name: 'x', dims: [4, 2], type: 0, offset: 0n }],
    })
    await writeFile(path, Buffer.concat([header, Buffer.alloc(32)]))
    const parsed = await readGgufHeader(path)
    expect(ggufString(parsed, 'general.architecture')).toBe('llama')
    expect(parsed.tensors).toEqual([{ name: 'x', dims: [4, 2], type: 0, typeName: 'F32', offset: 0, elements: 8, byteSize: 32 }])
    expect(parsed.dataOffset).toBe(header.length)
  })

  it('writes atomically: a failing tensor leaves neither the file nor a temp file', async () => {
    const sub = await mkdtemp(join(dir, 'atomic-'))
    const path = join(sub, 'bad.gguf')
    await expect(writeGguf(path, { kv: {}, tensors: [{ name: 'x', type: 'F32', dims: [4], data: new Float32Array(3) }] })).rejects.toThrow(/12 bytes of data.*needs 16/)
    await expect(writeGguf(path, { kv: {}, tensors: [{ name: 'x', type: 'F16', dims: [4], data: new Float32Array(4) }] })).rejects.toThrow(/does not hold F16/)
    await expect(
      writeGguf(path, {
        kv: {},
        tensors: [
          { name: 'x', type: 'F32', dims: [1], data: new Float32Array(1) },
          { name: 'y', type: 'F32', dims: [1], data: () => Promise.reject(new Error('generator failed')) },
        ],
      }),
    ).rejects.toThrow('generator failed')
    expect(await readdir(sub)).toEqual([])
  })

  it('validates values and shapes before writing anything', async () => {
    const path = join(dir, 'invalid.gguf')
    await expect(writeGguf(path, { kv: { k: { type: 'u8', value: 256 } }, tensors: [] })).rejects.toThrow(RangeError)
    await expect(writeGguf(path, { kv: { k: { type: 'u32', value: 1.5 } }, tensors: [] })).rejects.toThrow(RangeError)
    await expect(writeGguf(path, { kv: { k: { type: 'array', itemType: 'i8', values: [200] } }, tensors: [] })).rejects.toThrow(RangeError)
    await expect(writeGguf(path, { kv: { 'general.alignment': { type: 'u32', value: 48 } }, tensors: [] })).rejects.toThrow(/power of 2/)
    await expect(writeGguf(path, { kv: {}, tensors: [{ name: 'q', type: 'Q4_K', dims: [100], data: new Uint8Array(0) }] })).rejects.toThrow(/block size 256/)
    await expect(writeGguf(path, { kv: {}, tensors: [{ name: 'x'.repeat(64), type: 'F32', dims: [1], data: new Float32Array(1) }] })).rejects.toThrow(/1–63 bytes/)
    await expect(
      writeGguf(path, {
        kv: {},
        tensors: [
          { name: 'x', type: 'F32', dims: [1], data: new Float32Array(1) },
          { name: 'x', type: 'F32', dims: [1], data: new Float32Array(1) },
        ],
      }),
    ).rejects.toThrow(/duplicate tensor/)
    await expect(readFile(path)).rejects.toThrow(/ENOENT/)
  })
})

describe('readGgufHeader on large and broken files', () => {
  it('reads only the header of a file with an 8 GiB tensor section, quickly', async () => {
    const path = join(dir, 'big.gguf')
    const header = handHeader({
      kv: [
        ['general.architecture', 8, stringValue('llama')],
        ['general.file_type', 4, Buffer.from([1, 0, 0, 0])],
      ],
      tensors: [
        { name: 'token_embd.weight', dims: [65536, 32768], type: 1, offset: 0n }, // 4 GiB of F16
        { name: 'output.weight', dims: [65536, 32768], type: 1, offset: 4n * 1024n ** 3n },
      ],
    })
    await writeFile(path, header)
    await truncate(path, header.length + 8 * 1024 ** 3) // sparse: no real 8 GiB on disk

    const probe = await open(path, 'r')
    const fileHandlePrototype = Object.getPrototypeOf(probe) as { read: (...args: unknown[]) => Promise<{ bytesRead: number }> }
    await probe.close()
    const read = vi.spyOn(fileHandlePrototype, 'read')
    try {
      const started = performance.now()
      const parsed = await readGgufHeader(path)
      const elapsed = performance.now() - started
      expect(parsed.tensors.map((t) => t.byteSize)).toEqual([4 * 1024 ** 3, 4 * 1024 ** 3])
      expect(parsed.fileSize).toBe(header.length + 8 * 1024 ** 3)
      expect(describeModel(parsed)).toMatchObject({ architecture: 'llama', fileType: 'F16', parameterCount: 2 * 65536 * 32768 })
      // handle.read(buffer, offset, length, position): the lengths asked for, all together.
      const bytesAsked = read.mock.calls.reduce((sum, call) => sum + Number(call[2] ?? 0), 0)
      expect(read.mock.calls.length).toBeLessThanOrEqual(2)
      expect(bytesAsked).toBeLessThanOrEqual(256 * 1024)
      expect(elapsed).toBeLessThan(1000)
    } finally {
      read.mockRestore()
    }
  })

  it('parses a 150k-token vocabulary header in well under a second', async () => {
    const path = join(dir, 'vocab.gguf')
    const tokens = Array.from({ length: 150_000 }, (_, i) => `▁tok${i}`)
    await writeGguf(path, {
      kv: {
        'tokenizer.ggml.tokens': { type: 'array', itemType: 'string', values: tokens },
        'tokenizer.ggml.scores': { type: 'array', itemType: 'f32', values: tokens.map((_, i) => -i) },
      },
      tensors: [],
    })
    const started = performance.now()
    const header = await readGgufHeader(path, { chunkSize: 64 * 1024 })
    expect(performance.now() - started).toBeLessThan(1000)
    expect(ggufArray(header, 'tokenizer.ggml.tokens')?.values).toEqual(tokens)
    expect(describeModel(header).vocabSize).toBe(150_000)
  })

  it('rejects a file that is not GGUF, naming what it found', async () => {
    const text = join(dir, 'notes.txt')
    await writeFile(text, 'FROM qwen2.5:0.5b\nSYSTEM hola\n')
    expect(await failure(text)).toMatchObject({ code: 'not-gguf', message: expect.stringContaining('"FROM"') })

    const empty = join(dir, 'empty.gguf')
    await writeFile(empty, '')
    expect(await failure(empty)).toMatchObject({ code: 'not-gguf' })
  })

  it('rejects unsupported versions, including byte-swapped (big-endian) files', async () => {
    for (const [version, pattern] of [
      [1, /version 1 is not supported/],
      [4, /version 4 is not supported/],
      [0x03000000, /big-endian/],
    ] as const) {
      const path = join(dir, `v${version}.gguf`)
      await writeFile(path, handHeader({ version }))
      expect(await failure(path)).toMatchObject({ code: 'unsupported-version', message: expect.stringMatching(pattern) })
    }
  })

  it('reports a truncated header and truncated tensor data', async () => {
    const path = join(dir, 'whole.gguf')
    await writeGguf(path, {
      kv: { 'tokenizer.ggml.tokens': { type: 'array', itemType: 'string', values: ['a', 'b', 'c'] } },
      tensors: [{ name: 'w', type: 'F32', dims: [64], data: new Float32Array(64) }],
    })
    const whole = await readFile(path)
    const header = await readGgufHeader(path)

    const cutHeader = join(dir, 'cut-header.gguf')
    await writeFile(cutHeader, whole.subarray(0, 60))
    expect(await failure(cutHeader)).toMatchObject({ code: 'truncated', message: expect.stringContaining(cutHeader) })

    const cutCounts = join(dir, 'cut-counts.gguf')
    await writeFile(cutCounts, whole.subarray(0, 10))
    expect(await failure(cutCounts)).toMatchObject({ code: 'truncated' })

    const cutData = join(dir, 'cut-data.gguf')
    await writeFile(cutData, whole.subarray(0, header.dataOffset + 100))
    expect(await failure(cutData)).toMatchObject({ code: 'truncated', message: expect.stringMatching(/tensor data needs 416 bytes .*incomplete download/) })
  })

  it('reports corruption the way llama.cpp would refuse it', async () => {
    const cases: [string, Buffer, RegExp][] = [
      ['bad-kv-type', handHeader({ kv: [['k', 13, Buffer.alloc(8)]] }), /invalid GGUF type 13/],
      ['nested-array', handHeader({ kv: [['k', 9, Buffer.from([9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])]] }), /array of arrays/],
      ['bad-tensor-type', handHeader({ tensors: [{ name: 'x', dims: [4], type: 4, offset: 0n }] }), /unknown ggml type 4/],
      ['bad-offset', handHeader({ tensors: [{ name: 'x', dims: [4], type: 0, offset: 32n }] }), /offset 32, expected 0/],
      ['bad-block', handHeader({ tensors: [{ name: 'x', dims: [100], type: 12, offset: 0n }] }), /not a multiple of the block size 256/],
      ['bad-alignment', handHeader({ kv: [['general.alignment', 4, Buffer.from([3, 0, 0, 0])]] }), /not a power of 2/],
      ['huge-counts', Buffer.concat([Buffer.from('GGUF'), Buffer.from([3, 0, 0, 0]), Buffer.alloc(8, 0xff), Buffer.alloc(8, 0x7f)]), /beyond any real file|more than the/],
    ]
    for (const [name, bytes, pattern] of cases) {
      const path = join(dir, `${name}.gguf`)
      await writeFile(path, Buffer.concat([bytes, Buffer.alloc(64)]))
      expect(await failure(path), name).toMatchObject({ message: expect.stringMatching(pattern) })
    }
  })
})

describe('names and descriptions', () => {
  it('names file types as Ollama and llama-quantize do', () => {
    expect([0, 1, 7, 15, 32, 18].map(fileTypeName)).toEqual(['F32', 'F16', 'Q8_0', 'Q4_K_M', 'BF16', 'Q6_K'])
    expect(fileTypeName(15 | 1024)).toBe('Q4_K_M')
    expect(fileTypeName(99)).toBe('UNKNOWN_99')
  })

  it('describes a model from its keys and tensors, guessing the file type when the key is missing', async () => {
    const path = join(dir, 'describe.gguf')
    await writeGguf(path, {
      kv: {
        'general.architecture': { type: 'string', value: 'qwen2' },
        'general.name': { type: 'string', value: 'Qwen2.5 0.5B Instruct' },
        'qwen2.block_count': { type: 'u32', value: 24 },
        'qwen2.embedding_length': { type: 'u32', value: 896 },
        'qwen2.context_length': { type: 'u32', value: 32768 },
        'tokenizer.ggml.tokens': { type: 'array', itemType: 'string', values: ['a', 'b', 'c'] },
        'tokenizer.chat_template': { type: 'string', value: '{{ "<|im_start|>" }}' },
      },
      tensors: [
        { name: 'n', type: 'F32', dims: [8], data: new Float32Array(8) },
        { name: 'a', type: 'BF16', dims: [8, 2], data: new Uint16Array(16) },
        { name: 'b', type: 'BF16', dims: [8], data: new Uint16Array(8) },
      ],
    })
    expect(describeModel(await readGgufHeader(path))).toEqual({
      architecture: 'qwen2',
      name: 'Qwen2.5 0.5B Instruct',
      layers: 24,
      embedding: 896,
      contextLength: 32768,
      vocabSize: 3,
      fileType: 'BF16',
      fileTypeId: 32 | 1024,
      chatTemplate: '{{ "<|im_start|>" }}',
      parameterCount: 32,
    })
  })
})

// GGUF v3 (little-endian) header reader, following ggml/src/gguf.cpp. (The app never writes a
// GGUF itself: llama.cpp's tools do. The writer the tests use to make models is in tests/support.)
//
// The reader parses only the header — KV pairs and tensor infos — in chunks, so describing a
// multi-GB model costs a few reads, never the tensor data. It is as strict as llama.cpp's
// loader (types, alignment, sequential tensor offsets, data inside the file): a file this
// reader accepts is one llama.cpp will at least open, and a rejected one gets a reason.

import type { FileHandle } from 'node:fs/promises'
import { open } from 'node:fs/promises'

export const GGUF_MAGIC = 'GGUF'
export const GGUF_VERSION = 3
export const GGUF_DEFAULT_ALIGNMENT = 32
/** ggml's GGML_MAX_DIMS. */
export const GGUF_MAX_DIMS = 4
/** ggml's GGML_MAX_NAME: tensor names must be shorter than this (the C struct holds a NUL). */
export const GGUF_MAX_TENSOR_NAME = 64

/* ------------------------------------------------------------------------------------------ */
/* Value types                                                                                  */
/* ------------------------------------------------------------------------------------------ */

export type GgufNumberType = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'f64'
export type GgufBigIntType = 'u64' | 'i64'
export type GgufScalarType = GgufNumberType | GgufBigIntType | 'bool' | 'string'

export type GgufScalar =
  | { type: GgufNumberType; value: number }
  | { type: GgufBigIntType; value: bigint }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }

export type GgufArray =
  | { type: 'array'; itemType: GgufNumberType; values: number[] }
  | { type: 'array'; itemType: GgufBigIntType; values: bigint[] }
  | { type: 'array'; itemType: 'bool'; values: boolean[] }
  | { type: 'array'; itemType: 'string'; values: string[] }

export type GgufValue = GgufScalar | GgufArray

/** gguf_type codes (gguf.h): a type's code is its index here. */
export const GGUF_KV_TYPES: readonly (GgufScalarType | 'array')[] = ['u8', 'i8', 'u16', 'i16', 'u32', 'i32', 'f32', 'bool', 'string', 'array', 'u64', 'i64', 'f64']

/** Bytes per item of fixed-size types; strings are at least their 8-byte length. */
const KV_ITEM_SIZE: Record<GgufScalarType, number> = { u8: 1, i8: 1, u16: 2, i16: 2, u32: 4, i32: 4, f32: 4, bool: 1, string: 8, u64: 8, i64: 8, f64: 8 }

/* ------------------------------------------------------------------------------------------ */
/* ggml tensor types and llama file types                                                      */
/* ------------------------------------------------------------------------------------------ */

interface GgmlTypeTraits {
  id: number
  /** Elements per block (1 for plain types). */
  blockSize: number
  /** Bytes per block. */
  typeSize: number
}

const QK_K = 256

/** ggml_type ids with their block layout (gguf-py's GGML_QUANT_SIZES). */
export const GGML_TYPES = {
  F32: { id: 0, blockSize: 1, typeSize: 4 },
  F16: { id: 1, blockSize: 1, typeSize: 2 },
  Q4_0: { id: 2, blockSize: 32, typeSize: 2 + 16 },
  Q4_1: { id: 3, blockSize: 32, typeSize: 2 + 2 + 16 },
  Q5_0: { id: 6, blockSize: 32, typeSize: 2 + 4 + 16 },
  Q5_1: { id: 7, blockSize: 32, typeSize: 2 + 2 + 4 + 16 },
  Q8_0: { id: 8, blockSize: 32, typeSize: 2 + 32 },
  Q8_1: { id: 9, blockSize: 32, typeSize: 2 + 2 + 32 },
  Q2_K: { id: 10, blockSize: QK_K, typeSize: 2 + 2 + QK_K / 16 + QK_K / 4 },
  Q3_K: { id: 11, blockSize: QK_K, typeSize: 2 + QK_K / 4 + QK_K / 8 + 12 },
  Q4_K: { id: 12, blockSize: QK_K, typeSize: 2 + 2 + QK_K / 2 + 12 },
  Q5_K: { id: 13, blockSize: QK_K, typeSize: 2 + 2 + QK_K / 2 + QK_K / 8 + 12 },
  Q6_K: { id: 14, blockSize: QK_K, typeSize: 2 + QK_K / 2 + QK_K / 4 + QK_K / 16 },
  Q8_K: { id: 15, blockSize: QK_K, typeSize: 4 + QK_K + QK_K / 8 },
  IQ2_XXS: { id: 16, blockSize: QK_K, typeSize: 2 + QK_K / 4 },
  IQ2_XS: { id: 17, blockSize: QK_K, typeSize: 2 + QK_K / 4 + QK_K / 32 },
  IQ3_XXS: { id: 18, blockSize: QK_K, typeSize: 2 + QK_K / 4 + QK_K / 8 },
  IQ1_S: { id: 19, blockSize: QK_K, typeSize: 2 + QK_K / 8 + QK_K / 16 },
  IQ4_NL: { id: 20, blockSize: 32, typeSize: 2 + 16 },
  IQ3_S: { id: 21, blockSize: QK_K, typeSize: 2 + QK_K / 4 + QK_K / 8 + QK_K / 32 + 4 },
  IQ2_S: { id: 22, blockSize: QK_K, typeSize: 2 + QK_K / 4 + QK_K / 16 },
  IQ4_XS: { id: 23, blockSize: QK_K, typeSize: 2 + 2 + QK_K / 2 + QK_K / 64 },
  I8: { id: 24, blockSize: 1, typeSize: 1 },
  I16: { id: 25, blockSize: 1, typeSize: 2 },
  I32: { id: 26, blockSize: 1, typeSize: 4 },
  I64: { id: 27, blockSize: 1, typeSize: 8 },
  F64: { id: 28, blockSize: 1, typeSize: 8 },
  IQ1_M: { id: 29, blockSize: QK_K, typeSize: QK_K / 8 + QK_K / 16 + QK_K / 32 },
  BF16: { id: 30, blockSize: 1, typeSize: 2 },
  TQ1_0: { id: 34, blockSize: QK_K, typeSize: 2 + 4 * 13 },
  TQ2_0: { id: 35, blockSize: QK_K, typeSize: 2 + 64 },
  MXFP4: { id: 39, blockSize: 32, typeSize: 1 + 16 },
  NVFP4: { id: 40, blockSize: 64, typeSize: 4 + 32 },
  Q1_0: { id: 41, blockSize: 128, typeSize: 2 + 16 },
  Q2_0: { id: 42, blockSize: 64, typeSize: 2 + 16 },
} as const satisfies Record<string, GgmlTypeTraits>

export type GgmlTypeName = keyof typeof GGML_TYPES

const GGML_TYPE_BY_ID: ReadonlyMap<number, { name: GgmlTypeName } & GgmlTypeTraits> = new Map(
  (Object.entries(GGML_TYPES) as [GgmlTypeName, GgmlTypeTraits][]).map(([name, traits]) => [traits.id, { name, ...traits }]),
)

/**
 * llama_ftype (`general.file_type`) ids with the short names Ollama shows and llama-quantize
 * accepts ('F16', 'Q4_K_M'); llama.cpp's enum spells them LLAMA_FTYPE_ALL_F32,
 * LLAMA_FTYPE_MOSTLY_<name>.
 */
const FILE_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'F32'],
  [1, 'F16'],
  [2, 'Q4_0'],
  [3, 'Q4_1'],
  [4, 'Q4_1_SOME_F16'],
  [7, 'Q8_0'],
  [8, 'Q5_0'],
  [9, 'Q5_1'],
  [10, 'Q2_K'],
  [11, 'Q3_K_S'],
  [12, 'Q3_K_M'],
  [13, 'Q3_K_L'],
  [14, 'Q4_K_S'],
  [15, 'Q4_K_M'],
  [16, 'Q5_K_S'],
  [17, 'Q5_K_M'],
  [18, 'Q6_K'],
  [19, 'IQ2_XXS'],
  [20, 'IQ2_XS'],
  [21, 'Q2_K_S'],
  [22, 'IQ3_XS'],
  [23, 'IQ3_XXS'],
  [24, 'IQ1_S'],
  [25, 'IQ4_NL'],
  [26, 'IQ3_S'],
  [27, 'IQ3_M'],
  [28, 'IQ2_S'],
  [29, 'IQ2_M'],
  [30, 'IQ4_XS'],
  [31, 'IQ1_M'],
  [32, 'BF16'],
  [36, 'TQ1_0'],
  [37, 'TQ2_0'],
  [38, 'MXFP4_MOE'],
  [39, 'NVFP4'],
  [40, 'Q1_0'],
  [41, 'Q2_0'],
])
/** llama.cpp ORs this into a file type it inferred from the tensors instead of reading it. */
const FILE_TYPE_GUESSED = 1024

/** `general.file_type` → 'F32', 'F16', 'Q8_0', 'Q4_K_M', 'BF16', …; unknown ids read `UNKNOWN_<id>`. */
export function fileTypeName(id: number): string {
  return FILE_TYPE_NAMES.get(id & ~FILE_TYPE_GUESSED) ?? `UNKNOWN_${id}`
}

/** The file type llama.cpp infers from the most common tensor type when `general.file_type` is absent. */
const FILE_TYPE_BY_TENSOR_TYPE: ReadonlyMap<number, number> = new Map([
  [GGML_TYPES.F32.id, 0],
  [GGML_TYPES.F16.id, 1],
  [GGML_TYPES.BF16.id, 32],
  [GGML_TYPES.Q4_0.id, 2],
  [GGML_TYPES.Q4_1.id, 3],
  [GGML_TYPES.Q5_0.id, 8],
  [GGML_TYPES.Q5_1.id, 9],
  [GGML_TYPES.Q8_0.id, 7],
  [GGML_TYPES.Q2_K.id, 10],
  [GGML_TYPES.Q3_K.id, 12],
  [GGML_TYPES.Q4_K.id, 15],
  [GGML_TYPES.Q5_K.id, 17],
  [GGML_TYPES.Q6_K.id, 18],
  [GGML_TYPES.TQ1_0.id, 36],
  [GGML_TYPES.TQ2_0.id, 37],
  [GGML_TYPES.IQ2_XXS.id, 19],
  [GGML_TYPES.IQ2_XS.id, 20],
  [GGML_TYPES.IQ2_S.id, 28],
  [GGML_TYPES.IQ3_XXS.id, 23],
  [GGML_TYPES.IQ1_S.id, 24],
  [GGML_TYPES.IQ1_M.id, 31],
  [GGML_TYPES.IQ4_NL.id, 25],
  [GGML_TYPES.IQ4_XS.id, 30],
  [GGML_TYPES.IQ3_S.id, 26],
  [GGML_TYPES.NVFP4.id, 39],
  [GGML_TYPES.Q1_0.id, 40],
  [GGML_TYPES.Q2_0.id, 41],
])

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                       */
/* ------------------------------------------------------------------------------------------ */

export type GgufErrorCode = 'not-gguf' | 'unsupported-version' | 'truncated' | 'corrupt'

/** Why a file is not a usable GGUF; `code` lets callers word it for the owner. */
export class GgufError extends Error {
  constructor(
    readonly code: GgufErrorCode,
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`)
    this.name = 'GgufError'
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Reader                                                                                       */
/* ------------------------------------------------------------------------------------------ */

export interface GgufTensorInfo {
  name: string
  /** ne order: dims[0] is the fastest-varying (row length), as GGUF stores them. */
  dims: number[]
  /** ggml_type id. */
  type: number
  typeName: string
  /** Offset inside the data section (add `GgufHeader.dataOffset` for the file offset). */
  offset: number
  elements: number
  byteSize: number
}

export interface GgufHeader {
  path: string
  version: number
  fileSize: number
  alignment: number
  /** File offset where the tensor data section starts. */
  dataOffset: number
  /** In file order. */
  kv: ReadonlyMap<string, GgufValue>
  tensors: GgufTensorInfo[]
}

export interface ReadGgufOptions {
  /** Bytes per read (default 256 KiB): headers are usually a few MB at most (the vocabulary). */
  chunkSize?: number
}

const DEFAULT_CHUNK = 256 * 1024

/**
 * Reads a GGUF file's header: magic, version, KV pairs and tensor infos. Tensor data is never
 * read; the file size is only used to check that the data the header promises is there.
 */
export async function readGgufHeader(path: string, options: ReadGgufOptions = {}): Promise<GgufHeader> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    const reader = new ChunkedReader(handle, path, size, options.chunkSize ?? DEFAULT_CHUNK)
    return await parseHeader(reader, path, size)
  } finally {
    await handle.close()
  }
}

async function parseHeader(r: ChunkedReader, path: string, fileSize: number): Promise<GgufHeader> {
  if (fileSize < 4) throw new GgufError('not-gguf', path, `not a GGUF file (${fileSize} bytes, no magic)`)
  await r.need(4, 'the magic')
  const magic = r.bytes(4)
  if (magic.toString('latin1') !== GGUF_MAGIC) {
    throw new GgufError('not-gguf', path, `not a GGUF file (starts with ${printable(magic)}, expected "GGUF")`)
  }
  await r.need(4 + 8 + 8, 'the header counts')
  const version = r.u32()
  if ((version & 0xffff) === 0 && version !== 0) {
    throw new GgufError('unsupported-version', path, `GGUF version ${version} looks byte-swapped: big-endian GGUF files are not supported`)
  }
  // v2 and v3 share this layout (v3 only added big-endian files); v1 used 32-bit counts.
  if (version < 2 || version > GGUF_VERSION) {
    throw new GgufError('unsupported-version', path, `GGUF version ${version} is not supported (only 2 and ${GGUF_VERSION})`)
  }
  const tensorCount = r.count(r.u64(), 'tensor count')
  const kvCount = r.count(r.u64(), 'KV count')
  // Each KV pair takes ≥ 13 bytes and each tensor info ≥ 24: absurd counts are corruption, not
  // a reason to loop billions of times.
  if (kvCount * 13 + tensorCount * 24 > fileSize - r.position) {
    throw new GgufError('truncated', path, `header claims ${kvCount} KV pairs and ${tensorCount} tensors, more than the ${fileSize}-byte file can hold`)
  }

  const kv = new Map<string, GgufValue>()
  for (let i = 0; i < kvCount; i++) {
    const key = await r.string(`key of KV pair ${i}`)
    if (key.length === 0) throw new GgufError('corrupt', path, `KV pair ${i} has an empty key`)
    if (kv.has(key)) throw new GgufError('corrupt', path, `duplicate key "${key}"`)
    kv.set(key, await readValue(r, path, key))
  }

  let alignment = GGUF_DEFAULT_ALIGNMENT
  const alignmentValue = kv.get('general.alignment')
  if (alignmentValue) {
    if (alignmentValue.type !== 'u32') throw new GgufError('corrupt', path, `general.alignment must be u32, is ${alignmentValue.type}`)
    alignment = alignmentValue.value
    if (alignment === 0 || (alignment & (alignment - 1)) !== 0) throw new GgufError('corrupt', path, `general.alignment ${alignment} is not a power of 2`)
  }

  const tensors: GgufTensorInfo[] = []
  const names = new Set<string>()
  for (let i = 0; i < tensorCount; i++) {
    const name = await r.string(`name of tensor ${i}`)
    if (Buffer.byteLength(name) >= GGUF_MAX_TENSOR_NAME) throw new GgufError('corrupt', path, `tensor ${i} name is ${Buffer.byteLength(name)} bytes, the limit is ${GGUF_MAX_TENSOR_NAME - 1}`)
    if (names.has(name)) throw new GgufError('corrupt', path, `duplicate tensor name "${name}"`)
    names.add(name)
    await r.need(4, `dimensions of tensor "${name}"`)
    const nDims = r.u32()
    if (nDims > GGUF_MAX_DIMS) throw new GgufError('corrupt', path, `tensor "${name}" has ${nDims} dimensions, at most ${GGUF_MAX_DIMS}`)
    await r.need(nDims * 8 + 4 + 8, `shape of tensor "${name}"`)
    const dims: number[] = []
    for (let d = 0; d < nDims; d++) {
      const ne = r.i64()
      if (ne < 0n) throw new GgufError('corrupt', path, `tensor "${name}" dimension ${d} is negative (${ne})`)
      dims.push(r.count(ne, `dimension ${d} of tensor "${name}"`))
    }
    const type = r.i32()
    const traits = GGML_TYPE_BY_ID.get(type)
    if (!traits) throw new GgufError('corrupt', path, `tensor "${name}" has unknown ggml type ${type}`)
    const offset = r.count(r.u64(), `offset of tensor "${name}"`)
    const elements = dims.reduce((product, ne) => product * ne, 1)
    if (!Number.isSafeInteger(elements)) throw new GgufError('corrupt', path, `tensor "${name}" has too many elements`)
    const rowLength = dims[0] ?? 1
    if (rowLength % traits.blockSize !== 0) {
      throw new GgufError('corrupt', path, `tensor "${name}" (${traits.name}) has rows of ${rowLength} elements, not a multiple of the block size ${traits.blockSize}`)
    }
    tensors.push({ name, dims, type, typeName: traits.name, offset, elements, byteSize: (elements / traits.blockSize) * traits.typeSize })
  }

  // The data section starts aligned (ggml pads only when there are tensors).
  const dataOffset = tensorCount > 0 ? alignUp(r.position, alignment) : r.position
  // llama.cpp requires tensors packed in order, each padded to the alignment.
  let expected = 0
  for (const tensor of tensors) {
    if (tensor.offset !== expected) throw new GgufError('corrupt', path, `tensor "${tensor.name}" has offset ${tensor.offset}, expected ${expected}`)
    expected += alignUp(tensor.byteSize, alignment)
  }
  const last = tensors.at(-1)
  const dataEnd = last ? dataOffset + last.offset + last.byteSize : dataOffset
  if (dataEnd > fileSize) {
    throw new GgufError('truncated', path, `tensor data needs ${dataEnd} bytes but the file has ${fileSize}: the file is truncated (incomplete download?)`)
  }
  return { path, version, fileSize, alignment, dataOffset, kv, tensors }
}

async function readValue(r: ChunkedReader, path: string, key: string): Promise<GgufValue> {
  await r.need(4, `type of "${key}"`)
  const type = kvType(r.i32(), path, key)
  if (type !== 'array') return readScalar(r, type, `value of "${key}"`)
  await r.need(4 + 8, `array header of "${key}"`)
  const itemType = kvType(r.i32(), path, key)
  if (itemType === 'array') throw new GgufError('corrupt', path, `"${key}" is an array of arrays, which llama.cpp does not accept`)
  const count = r.count(r.u64(), `length of "${key}"`)
  if (count * KV_ITEM_SIZE[itemType] > r.remaining) {
    throw new GgufError('truncated', path, `"${key}" claims ${count} items, more than the rest of the file holds`)
  }
  const what = `items of "${key}"`
  switch (itemType) {
    case 'string':
      return { type: 'array', itemType, values: await r.strings(count, what) }
    case 'bool': {
      await r.need(count, what)
      const values: boolean[] = []
      for (let i = 0; i < count; i++) values.push(r.u8() !== 0)
      return { type: 'array', itemType, values }
    }
    case 'u64':
    case 'i64': {
      await r.need(count * 8, what)
      const values: bigint[] = []
      for (let i = 0; i < count; i++) values.push(itemType === 'u64' ? r.u64() : r.i64())
      return { type: 'array', itemType, values }
    }
    default: {
      await r.need(count * KV_ITEM_SIZE[itemType], what)
      const values: number[] = []
      for (let i = 0; i < count; i++) values.push(r.number(itemType))
      return { type: 'array', itemType, values }
    }
  }
}

async function readScalar(r: ChunkedReader, type: GgufScalarType, what: string): Promise<GgufScalar> {
  switch (type) {
    case 'string':
      return { type, value: await r.string(what) }
    case 'bool':
      await r.need(1, what)
      return { type, value: r.u8() !== 0 }
    case 'u64':
      await r.need(8, what)
      return { type, value: r.u64() }
    case 'i64':
      await r.need(8, what)
      return { type, value: r.i64() }
    default:
      await r.need(KV_ITEM_SIZE[type], what)
      return { type, value: r.number(type) }
  }
}

function kvType(code: number, path: string, key: string): GgufScalarType | 'array' {
  const type = GGUF_KV_TYPES[code]
  if (type === undefined) throw new GgufError('corrupt', path, `"${key}" has invalid GGUF type ${code}`)
  return type
}

/**
 * Sequential reads over a window of the file. Callers `need(n)` before the synchronous
 * getters, so a vocabulary of 150k strings costs a handful of awaits, not 150k.
 */
class ChunkedReader {
  private buffer = Buffer.alloc(0)
  /** File offset of buffer[0]. */
  private start = 0
  /** Absolute file offset of the next byte. */
  position = 0

  constructor(
    private readonly handle: FileHandle,
    private readonly path: string,
    private readonly fileSize: number,
    private readonly chunkSize: number,
  ) {}

  get remaining(): number {
    return this.fileSize - this.position
  }

  private has(n: number): boolean {
    return this.position + n <= this.start + this.buffer.length
  }

  async need(n: number, what: string): Promise<void> {
    if (this.has(n)) return
    if (this.position + n > this.fileSize) {
      throw new GgufError('truncated', this.path, `the file ends at byte ${this.fileSize} while reading ${what} (needs ${n} bytes at ${this.position}): truncated or not a complete GGUF`)
    }
    const length = Math.min(Math.max(n, this.chunkSize), this.fileSize - this.position)
    const buffer = Buffer.allocUnsafe(length)
    let filled = 0
    while (filled < length) {
      const { bytesRead } = await this.handle.read(buffer, filled, length - filled, this.position + filled)
      if (bytesRead === 0) throw new GgufError('truncated', this.path, `the file shrank while reading ${what}`)
      filled += bytesRead
    }
    this.buffer = buffer
    this.start = this.position
  }

  private at(size: number): number {
    const offset = this.position - this.start
    this.position += size
    return offset
  }

  bytes(n: number): Buffer {
    const offset = this.at(n)
    return this.buffer.subarray(offset, offset + n)
  }

  u8(): number {
    return this.buffer.readUInt8(this.at(1))
  }

  u32(): number {
    return this.buffer.readUInt32LE(this.at(4))
  }

  i32(): number {
    return this.buffer.readInt32LE(this.at(4))
  }

  u64(): bigint {
    return this.buffer.readBigUInt64LE(this.at(8))
  }

  i64(): bigint {
    return this.buffer.readBigInt64LE(this.at(8))
  }

  number(type: GgufNumberType): number {
    switch (type) {
      case 'u8':
        return this.buffer.readUInt8(this.at(1))
      case 'i8':
        return this.buffer.readInt8(this.at(1))
      case 'u16':
        return this.buffer.readUInt16LE(this.at(2))
      case 'i16':
        return this.buffer.readInt16LE(this.at(2))
      case 'u32':
        return this.buffer.readUInt32LE(this.at(4))
      case 'i32':
        return this.buffer.readInt32LE(this.at(4))
      case 'f32':
        return this.buffer.readFloatLE(this.at(4))
      case 'f64':
        return this.buffer.readDoubleLE(this.at(8))
    }
  }

  /** A u64/i64 used as a count, size or offset: it must fit a JS number exactly. */
  count(value: bigint, what: string): number {
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufError('corrupt', this.path, `${what} is ${value}, beyond any real file`)
    return Number(value)
  }

  async string(what: string): Promise<string> {
    await this.need(8, what)
    const length = this.count(this.u64(), `length of ${what}`)
    if (length > this.remaining) throw new GgufError('truncated', this.path, `${what} claims ${length} bytes, past the end of the file`)
    await this.need(length, what)
    const offset = this.at(length)
    return this.buffer.toString('utf8', offset, offset + length)
  }

  async strings(count: number, what: string): Promise<string[]> {
    const values: string[] = []
    for (let i = 0; i < count; i++) {
      // Fast path: the whole string is already buffered (almost always, for vocabularies);
      // two u32 halves instead of a BigInt keep 150k-token vocabularies cheap.
      if (this.has(8)) {
        const at = this.position - this.start
        const length = this.buffer.readUInt32LE(at)
        if (this.buffer.readUInt32LE(at + 4) === 0 && this.has(8 + length)) {
          this.position += 8 + length
          values.push(this.buffer.toString('utf8', at + 8, at + 8 + length))
          continue
        }
      }
      values.push(await this.string(`${what} [${i}]`))
    }
    return values
  }
}

function printable(bytes: Buffer): string {
  return JSON.stringify([...bytes].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '?')).join(''))
}

function alignUp(value: number, alignment: number): number {
  const rest = value % alignment
  return rest === 0 ? value : value + alignment - rest
}

/* ------------------------------------------------------------------------------------------ */
/* Accessors                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** A string KV value, or undefined when absent or of another type. */
export function ggufString(header: GgufHeader, key: string): string | undefined {
  const value = header.kv.get(key)
  return value?.type === 'string' ? value.value : undefined
}

/** Any numeric KV value as a number (u64/i64 converted), or undefined when absent or not numeric. */
export function ggufNumber(header: GgufHeader, key: string): number | undefined {
  const value = header.kv.get(key)
  if (!value || value.type === 'string' || value.type === 'bool' || value.type === 'array') return undefined
  return typeof value.value === 'bigint' ? Number(value.value) : value.value
}

/** An array KV value (item type and values), or undefined when absent or not an array. */
export function ggufArray(header: GgufHeader, key: string): GgufArray | undefined {
  const value = header.kv.get(key)
  return value?.type === 'array' ? value : undefined
}

export interface ModelDescription {
  architecture: string | null
  name: string | null
  layers: number | null
  embedding: number | null
  contextLength: number | null
  vocabSize: number | null
  /** 'F16', 'Q4_K_M', … (see fileTypeName); inferred from the tensors like llama.cpp when the key is missing. */
  fileType: string | null
  /** The raw `general.file_type`, or the inferred id | FILE_TYPE_GUESSED. */
  fileTypeId: number | null
  chatTemplate: string | null
  /** Sum of the tensors' element counts. */
  parameterCount: number
}

/** The facts about a model the app shows and the trainer checks, from its header alone. */
export function describeModel(header: GgufHeader): ModelDescription {
  const architecture = ggufString(header, 'general.architecture') ?? null
  const archNumber = (suffix: string): number | null => (architecture ? (ggufNumber(header, `${architecture}.${suffix}`) ?? null) : null)
  const fileTypeId = ggufNumber(header, 'general.file_type') ?? guessFileType(header.tensors)
  return {
    architecture,
    name: ggufString(header, 'general.name') ?? null,
    layers: archNumber('block_count'),
    embedding: archNumber('embedding_length'),
    contextLength: archNumber('context_length'),
    vocabSize: archNumber('vocab_size') ?? ggufArray(header, 'tokenizer.ggml.tokens')?.values.length ?? null,
    fileType: fileTypeId === null ? null : fileTypeName(fileTypeId),
    fileTypeId,
    chatTemplate: ggufString(header, 'tokenizer.chat_template') ?? null,
    parameterCount: header.tensors.reduce((sum, tensor) => sum + tensor.elements, 0),
  }
}

function guessFileType(tensors: readonly GgufTensorInfo[]): number | null {
  const counts = new Map<number, number>()
  let best: number | null = null
  let bestCount = 0
  for (const tensor of tensors) {
    const count = (counts.get(tensor.type) ?? 0) + 1
    counts.set(tensor.type, count)
    if (count > bestCount) {
      bestCount = count
      best = tensor.type
    }
  }
  if (best === null) return null
  return (FILE_TYPE_BY_TENSOR_TYPE.get(best) ?? 0) | FILE_TYPE_GUESSED
}

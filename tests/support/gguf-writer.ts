// A GGUF v3 writer, the mirror of src/main/training/gguf.ts's reader, for tests and benchmarks:
// it makes models (tests/support/tiny-model.ts) and hostile or odd files for the reader to
// reject. The app itself never writes a GGUF: llama.cpp's tools do.

import { randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { endianness } from 'node:os'
import { basename, dirname, join } from 'node:path'
import {
  GGML_TYPES,
  GGUF_DEFAULT_ALIGNMENT,
  GGUF_KV_TYPES,
  GGUF_MAGIC,
  GGUF_MAX_DIMS,
  GGUF_MAX_TENSOR_NAME,
  GGUF_VERSION,
  type GgmlTypeName,
  type GgufBigIntType,
  type GgufNumberType,
  type GgufScalar,
  type GgufScalarType,
  type GgufValue,
} from '../../src/main/training/gguf'

/** gguf_type codes (gguf.h), from the reader's list so the two never disagree. */
const KV_TYPE_CODE = Object.fromEntries(GGUF_KV_TYPES.map((type, code) => [type, code])) as Record<GgufScalarType | 'array', number>

const INT_RANGE: Record<Exclude<GgufNumberType, 'f32' | 'f64'>, readonly [number, number]> = {
  u8: [0, 0xff],
  i8: [-0x80, 0x7f],
  u16: [0, 0xffff],
  i16: [-0x8000, 0x7fff],
  u32: [0, 0xffffffff],
  i32: [-0x80000000, 0x7fffffff],
}
const BIGINT_RANGE: Record<GgufBigIntType, readonly [bigint, bigint]> = {
  u64: [0n, 0xffffffffffffffffn],
  i64: [-0x8000000000000000n, 0x7fffffffffffffffn],
}

/**
 * Tensor bytes: Float32Array for F32, Uint16Array (raw bits) for F16/BF16, Int32Array for I32,
 * or Uint8Array holding the exact ggml bytes of any type (quantized blocks included).
 */
export type GgufTensorData = Float32Array | Uint16Array | Int32Array | Uint8Array

export interface GgufTensorInput {
  name: string
  type: GgmlTypeName
  /** ne order, as llama.cpp's create_tensor lists them: token_embd is [n_embd, n_vocab]. */
  dims: readonly number[]
  /** The data, or a function producing it when its turn comes, so a writer holds one tensor at a time. */
  data: GgufTensorData | (() => GgufTensorData | Promise<GgufTensorData>)
}

export interface GgufWriteInput {
  /** Written in iteration order; `general.alignment` (u32, power of 2) sets the alignment. */
  kv: Readonly<Record<string, GgufValue>> | ReadonlyMap<string, GgufValue>
  tensors: readonly GgufTensorInput[]
}

export interface GgufWriteResult {
  bytes: number
  dataOffset: number
}

/** Largest slice handed to one write: single writes over 2 GiB fail on some platforms. */
const WRITE_SLICE = 64 * 1024 * 1024
const LITTLE_ENDIAN_HOST = endianness() === 'LE'

/**
 * Writes a GGUF v3 file. The header is built in memory (it is small next to the data), tensors
 * are streamed one at a time with ggml's padding, into a temporary sibling that is fsynced and
 * renamed over `path`: a crash never leaves a half-written model where a loader would find it.
 */
export async function writeGguf(path: string, input: GgufWriteInput): Promise<GgufWriteResult> {
  const entries: [string, GgufValue][] = input.kv instanceof Map ? [...input.kv.entries()] : Object.entries(input.kv as Record<string, GgufValue>)
  const alignment = writeAlignment(entries)
  const layout = layoutTensors(input.tensors, alignment)

  const header = new ByteBuilder()
  header.raw(Buffer.from(GGUF_MAGIC, 'latin1'))
  header.u32(GGUF_VERSION)
  header.u64(BigInt(layout.length))
  header.u64(BigInt(entries.length))
  const keys = new Set<string>()
  for (const [key, value] of entries) {
    if (key.length === 0) throw new RangeError('GGUF keys must not be empty')
    if (keys.has(key)) throw new RangeError(`duplicate GGUF key "${key}"`)
    keys.add(key)
    header.string(key)
    writeValue(header, key, value)
  }
  for (const tensor of layout) {
    header.string(tensor.name)
    header.u32(tensor.dims.length)
    for (const ne of tensor.dims) header.u64(BigInt(ne))
    header.i32(tensor.typeId)
    header.u64(BigInt(tensor.offset))
  }
  header.pad(alignment)
  const dataOffset = header.length

  await mkdir(dirname(path), { recursive: true })
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx')
  let bytes = 0
  try {
    bytes += await writeAll(handle, header.toBuffer())
    for (const tensor of layout) {
      const data = typeof tensor.input.data === 'function' ? await tensor.input.data() : tensor.input.data
      const raw = tensorBytes(tensor, data)
      bytes += await writeAll(handle, raw)
      const padding = alignUp(raw.length, alignment) - raw.length
      if (padding > 0) bytes += await writeAll(handle, Buffer.alloc(padding))
    }
    await handle.sync()
    await handle.close()
    await rename(temp, path)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(temp, { force: true })
    throw error
  }
  return { bytes, dataOffset }
}

interface LaidOutTensor {
  input: GgufTensorInput
  name: string
  dims: number[]
  typeId: number
  byteSize: number
  offset: number
}

function writeAlignment(entries: readonly [string, GgufValue][]): number {
  const entry = entries.find(([key]) => key === 'general.alignment')
  if (!entry) return GGUF_DEFAULT_ALIGNMENT
  const value = entry[1]
  if (value.type !== 'u32' || value.value === 0 || (value.value & (value.value - 1)) !== 0) {
    throw new RangeError('general.alignment must be a u32 power of 2')
  }
  return value.value
}

function layoutTensors(tensors: readonly GgufTensorInput[], alignment: number): LaidOutTensor[] {
  const names = new Set<string>()
  let offset = 0
  return tensors.map((input) => {
    const { name } = input
    if (name.length === 0 || Buffer.byteLength(name) >= GGUF_MAX_TENSOR_NAME) throw new RangeError(`tensor name "${name}" must be 1–${GGUF_MAX_TENSOR_NAME - 1} bytes`)
    if (names.has(name)) throw new RangeError(`duplicate tensor name "${name}"`)
    names.add(name)
    const traits = GGML_TYPES[input.type] as (typeof GGML_TYPES)[GgmlTypeName] | undefined
    if (!traits) throw new RangeError(`tensor "${name}": unknown ggml type ${String(input.type)}`)
    if (input.dims.length < 1 || input.dims.length > GGUF_MAX_DIMS) throw new RangeError(`tensor "${name}" needs 1–${GGUF_MAX_DIMS} dimensions`)
    for (const ne of input.dims) {
      if (!Number.isSafeInteger(ne) || ne < 0) throw new RangeError(`tensor "${name}" has an invalid dimension ${ne}`)
    }
    const rowLength = input.dims[0] ?? 1
    if (rowLength % traits.blockSize !== 0) throw new RangeError(`tensor "${name}": rows of ${rowLength} are not a multiple of the ${input.type} block size ${traits.blockSize}`)
    const elements = input.dims.reduce((product, ne) => product * ne, 1)
    const byteSize = (elements / traits.blockSize) * traits.typeSize
    const laid = { input, name, dims: [...input.dims], typeId: traits.id, byteSize, offset }
    offset += alignUp(byteSize, alignment)
    return laid
  })
}

function tensorBytes(tensor: LaidOutTensor, data: GgufTensorData): Buffer {
  const type = tensor.input.type
  const allowed =
    data instanceof Uint8Array ||
    (data instanceof Float32Array && type === 'F32') ||
    (data instanceof Uint16Array && (type === 'F16' || type === 'BF16')) ||
    (data instanceof Int32Array && type === 'I32')
  if (!allowed) throw new TypeError(`tensor "${tensor.name}": ${data.constructor.name} does not hold ${type} data`)
  if (data.byteLength !== tensor.byteSize) {
    throw new RangeError(`tensor "${tensor.name}" has ${data.byteLength} bytes of data, its shape [${tensor.dims.join(', ')}] as ${type} needs ${tensor.byteSize}`)
  }
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  if (LITTLE_ENDIAN_HOST || data.BYTES_PER_ELEMENT === 1) return view
  // Typed arrays use the host's byte order; GGUF is little-endian.
  const copy = Buffer.from(view)
  if (data.BYTES_PER_ELEMENT === 2) copy.swap16()
  else copy.swap32()
  return copy
}

async function writeAll(handle: FileHandle, buffer: Buffer): Promise<number> {
  for (let start = 0; start < buffer.length; ) {
    const end = Math.min(start + WRITE_SLICE, buffer.length)
    const { bytesWritten } = await handle.write(buffer, start, end - start)
    start += bytesWritten
  }
  return buffer.length
}

function writeValue(out: ByteBuilder, key: string, value: GgufValue): void {
  if (value.type === 'array') {
    if ((value.itemType as string) === 'array') throw new RangeError(`"${key}": arrays of arrays are not supported`)
    const itemType = KV_TYPE_CODE[value.itemType]
    if (itemType === undefined) throw new RangeError(`"${key}": unknown array item type ${String(value.itemType)}`)
    out.i32(KV_TYPE_CODE.array)
    out.i32(itemType)
    out.u64(BigInt(value.values.length))
    for (const item of value.values) writeItem(out, key, { type: value.itemType, value: item } as GgufScalar)
    return
  }
  const code = KV_TYPE_CODE[value.type]
  if (code === undefined) throw new RangeError(`"${key}": unknown GGUF type ${String((value as { type: unknown }).type)}`)
  out.i32(code)
  writeItem(out, key, value)
}

function writeItem(out: ByteBuilder, key: string, item: GgufScalar): void {
  switch (item.type) {
    case 'string':
      if (typeof item.value !== 'string') throw new TypeError(`"${key}": expected a string`)
      out.string(item.value)
      return
    case 'bool':
      if (typeof item.value !== 'boolean') throw new TypeError(`"${key}": expected a boolean`)
      out.u8(item.value ? 1 : 0)
      return
    case 'u64':
    case 'i64': {
      const [min, max] = BIGINT_RANGE[item.type]
      if (typeof item.value !== 'bigint' || item.value < min || item.value > max) throw new RangeError(`"${key}": ${String(item.value)} is not a ${item.type} (bigint)`)
      if (item.type === 'u64') out.u64(item.value)
      else out.i64(item.value)
      return
    }
    case 'f32':
    case 'f64':
      if (typeof item.value !== 'number') throw new TypeError(`"${key}": expected a number`)
      if (item.type === 'f32') out.f32(item.value)
      else out.f64(item.value)
      return
    default: {
      const [min, max] = INT_RANGE[item.type]
      if (!Number.isInteger(item.value) || item.value < min || item.value > max) throw new RangeError(`"${key}": ${item.value} is not a ${item.type}`)
      out.int(item.type, item.value)
    }
  }
}

/** A growable little-endian byte buffer for the header. */
class ByteBuilder {
  private buffer = Buffer.alloc(64 * 1024)
  length = 0

  private reserve(n: number): number {
    if (this.length + n > this.buffer.length) {
      const grown = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + n))
      this.buffer.copy(grown, 0, 0, this.length)
      this.buffer = grown
    }
    const offset = this.length
    this.length += n
    return offset
  }

  // Each writer reserves first and only then touches `this.buffer`: reserving may replace it.
  raw(bytes: Uint8Array): void {
    const offset = this.reserve(bytes.length)
    this.buffer.set(bytes, offset)
  }

  u8(value: number): void {
    const offset = this.reserve(1)
    this.buffer.writeUInt8(value, offset)
  }

  u32(value: number): void {
    const offset = this.reserve(4)
    this.buffer.writeUInt32LE(value, offset)
  }

  i32(value: number): void {
    const offset = this.reserve(4)
    this.buffer.writeInt32LE(value, offset)
  }

  u64(value: bigint): void {
    const offset = this.reserve(8)
    this.buffer.writeBigUInt64LE(value, offset)
  }

  i64(value: bigint): void {
    const offset = this.reserve(8)
    this.buffer.writeBigInt64LE(value, offset)
  }

  f32(value: number): void {
    const offset = this.reserve(4)
    this.buffer.writeFloatLE(value, offset)
  }

  f64(value: number): void {
    const offset = this.reserve(8)
    this.buffer.writeDoubleLE(value, offset)
  }

  int(type: keyof typeof INT_RANGE, value: number): void {
    switch (type) {
      case 'u8':
        return this.u8(value)
      case 'i8': {
        const offset = this.reserve(1)
        this.buffer.writeInt8(value, offset)
        return
      }
      case 'u16': {
        const offset = this.reserve(2)
        this.buffer.writeUInt16LE(value, offset)
        return
      }
      case 'i16': {
        const offset = this.reserve(2)
        this.buffer.writeInt16LE(value, offset)
        return
      }
      case 'u32':
        return this.u32(value)
      case 'i32':
        return this.i32(value)
    }
  }

  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8')
    this.u64(BigInt(bytes.length))
    this.raw(bytes)
  }

  pad(alignment: number): void {
    this.reserve(alignUp(this.length, alignment) - this.length)
  }

  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length)
  }
}

function alignUp(value: number, alignment: number): number {
  const rest = value % alignment
  return rest === 0 ? value : value + alignment - rest
}

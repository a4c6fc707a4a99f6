// WhatsApp voice notes are Opus in an Ogg container. This reads the container (RFC 3533) and
// decodes the Opus packets (RFC 7845) to 16 kHz mono PCM — what Whisper listens to — inside
// Node, with libopus compiled to WebAssembly (`opus-decoder`, MIT, from the npm registry alone:
// no native build, no ffmpeg). libopus decodes straight to 16 kHz, so no resampler is needed.
import { OpusDecoder } from 'opus-decoder'

export const WHISPER_SAMPLE_RATE = 16_000
/** 50 packets of 20 ms: 1 s of audio, about 3 ms of CPU per slice on the 2-core test machine. */
const PACKETS_PER_SLICE = 50
/** Ogg granule positions of an Opus stream always count 48 kHz samples (RFC 7845 §4). */
const GRANULE_RATE = 48_000

export interface DecodedAudio {
  /** Mono PCM in [-1, 1] at 16 kHz, cut at the limit. */
  samples: Float32Array
  /** The whole note's length, also when only its start was decoded. */
  durationSec: number
  truncated: boolean
}

/** Broken or unsupported audio; the message is for the owner, in Spanish. */
export class AudioDecodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AudioDecodeError'
  }
}

const BROKEN = 'El audio llegó dañado o incompleto y no se puede escuchar.'

interface OpusHead {
  channels: number
  preSkip: number
  mappingFamily: number
  streamCount?: number
  coupledStreamCount?: number
  channelMappingTable?: number[]
}

interface OggStream {
  packets: Uint8Array[]
  /** The last page's granule position: the stream's end in 48 kHz samples (pre-skip included). */
  lastGranule: number | null
}

const CRC_TABLE = (() => {
  // Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value 0.
  const table = new Uint32Array(256)
  for (let i = 0; i < 256; i++) {
    let r = i << 24
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1
    table[i] = r >>> 0
  }
  return table
})()

function pageCrc(page: Uint8Array): number {
  let crc = 0
  for (let i = 0; i < page.length; i++) {
    // the checksum field itself (bytes 22–25) counts as zeros
    const byte = i >= 22 && i < 26 ? 0 : page[i]!
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0
  }
  return crc
}

/** The packets of the first logical stream; pages of other streams (none in a voice note) are skipped. */
export function readOggPackets(bytes: Uint8Array): OggStream {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const packets: Uint8Array[] = []
  let pending: Uint8Array[] = []
  let serial: number | null = null
  let lastGranule: number | null = null
  let offset = 0
  while (offset < bytes.length) {
    if (offset + 27 > bytes.length) break // trailing bytes shorter than a page header: a cut-off upload
    if (bytes[offset] !== 0x4f || bytes[offset + 1] !== 0x67 || bytes[offset + 2] !== 0x67 || bytes[offset + 3] !== 0x53) {
      if (packets.length === 0) throw new AudioDecodeError(BROKEN)
      break // garbage after good pages: keep what came before
    }
    const segmentCount = bytes[offset + 26]!
    const headerLength = 27 + segmentCount
    if (offset + headerLength > bytes.length) break
    let bodyLength = 0
    for (let i = 0; i < segmentCount; i++) bodyLength += bytes[offset + 27 + i]!
    if (offset + headerLength + bodyLength > bytes.length) break
    const page = bytes.subarray(offset, offset + headerLength + bodyLength)
    if (view.getUint32(offset + 22, true) !== pageCrc(page)) {
      if (packets.length === 0) throw new AudioDecodeError(BROKEN)
      break
    }
    const pageSerial = view.getUint32(offset + 14, true)
    serial ??= pageSerial
    if (pageSerial === serial) {
      const granule = view.getBigInt64(offset + 6, true)
      if (granule >= 0n) lastGranule = Number(granule)
      let bodyOffset = offset + headerLength
      for (let i = 0; i < segmentCount; i++) {
        const lacing = bytes[offset + 27 + i]!
        pending.push(bytes.subarray(bodyOffset, bodyOffset + lacing))
        bodyOffset += lacing
        // a lacing value below 255 ends a packet; 255 continues it (possibly on the next page)
        if (lacing < 255) {
          packets.push(concat(pending))
          pending = []
        }
      }
    }
    offset += headerLength + bodyLength
  }
  return { packets, lastGranule }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

function ascii(bytes: Uint8Array, length: number): string {
  return String.fromCharCode(...bytes.subarray(0, length))
}

function parseOpusHead(packet: Uint8Array | undefined): OpusHead {
  if (!packet || packet.length < 19 || ascii(packet, 8) !== 'OpusHead') {
    throw new AudioDecodeError('Este audio no es una nota de voz de WhatsApp (Opus); no se puede escuchar.')
  }
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength)
  const channels = packet[9]!
  const mappingFamily = packet[18]!
  if (channels === 0) throw new AudioDecodeError(BROKEN)
  const head: OpusHead = { channels, preSkip: view.getUint16(10, true), mappingFamily }
  if (mappingFamily !== 0) {
    if (packet.length < 21 + channels) throw new AudioDecodeError(BROKEN)
    head.streamCount = packet[19]!
    head.coupledStreamCount = packet[20]!
    head.channelMappingTable = [...packet.subarray(21, 21 + channels)]
  }
  return head
}

/** A packet's length in 48 kHz samples, from its TOC byte (RFC 6716 §3.1). */
function packetSamples48k(packet: Uint8Array): number {
  if (packet.length === 0) return 0
  const toc = packet[0]!
  const config = toc >> 3
  let frame: number
  if (config < 12) frame = [480, 960, 1920, 2880][config & 3]!
  else if (config < 16) frame = [480, 960][config & 1]!
  else frame = [120, 240, 480, 960][config & 3]!
  const code = toc & 3
  const frames = code === 0 ? 1 : code === 3 ? (packet[1] ?? 0) & 0x3f : 2
  return frame * frames
}

/**
 * Decodes an Ogg Opus voice note to 16 kHz mono, up to `maxSeconds` of it.
 * Throws AudioDecodeError (with a Spanish message) for anything that is not decodable audio.
 */
export async function decodeOggOpus(bytes: Uint8Array, maxSeconds: number): Promise<DecodedAudio> {
  const { packets, lastGranule } = readOggPackets(bytes)
  const head = parseOpusHead(packets[0])
  if (packets.length < 2 || ascii(packets[1]!, 8) !== 'OpusTags') throw new AudioDecodeError(BROKEN)
  const audioPackets = packets.slice(2).filter((p) => p.length > 0)
  if (audioPackets.length === 0) throw new AudioDecodeError('La nota de voz está vacía: no tiene sonido.')

  // The note's real length: the end granule minus the encoder's pre-skip; without a usable
  // granule (a cut-off file) the packets' own durations say it.
  const fromPackets = audioPackets.reduce((n, p) => n + packetSamples48k(p), 0)
  const endSamples = lastGranule !== null && lastGranule > head.preSkip ? lastGranule - head.preSkip : fromPackets - head.preSkip
  const durationSec = Math.max(0, Math.min(endSamples, fromPackets)) / GRANULE_RATE
  const truncated = durationSec > maxSeconds
  const maxSamples = Math.floor(Math.min(durationSec, maxSeconds) * WHISPER_SAMPLE_RATE)

  // Only the packets up to the limit (plus the pre-skip) are decoded: a long note costs no more.
  let needed = (maxSamples / WHISPER_SAMPLE_RATE) * GRANULE_RATE + head.preSkip
  const toDecode: Uint8Array[] = []
  for (const packet of audioPackets) {
    if (needed <= 0) break
    toDecode.push(packet)
    needed -= packetSamples48k(packet)
  }

  const decoder = new OpusDecoder({
    sampleRate: WHISPER_SAMPLE_RATE,
    channels: head.channels,
    preSkip: head.preSkip,
    ...(head.mappingFamily !== 0
      ? { streamCount: head.streamCount, coupledStreamCount: head.coupledStreamCount, channelMappingTable: head.channelMappingTable }
      : {}),
  })
  try {
    await decoder.ready
    // In one-second slices with a turn of the event loop between them: a 3-minute note is
    // about a second of CPU, which must not hold up the messages being answered meanwhile.
    const mono = new Float32Array(maxSamples)
    let filled = 0
    let errors = 0
    let firstError: unknown
    for (let start = 0; start < toDecode.length && filled < maxSamples; start += PACKETS_PER_SLICE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve))
      const slice = toDecode.slice(start, start + PACKETS_PER_SLICE)
      const decoded = decoder.decodeFrames(slice)
      errors += decoded.errors.length
      firstError ??= decoded.errors[0]
      const length = Math.min(decoded.samplesDecoded, maxSamples - filled)
      mono.set(downmix(decoded.channelData, length), filled)
      filled += length
    }
    if (filled === 0 || errors >= toDecode.length) throw new AudioDecodeError(BROKEN, { cause: firstError })
    return { samples: filled === maxSamples ? mono : mono.slice(0, filled), durationSec, truncated }
  } catch (error) {
    if (error instanceof AudioDecodeError) throw error
    throw new AudioDecodeError(BROKEN, { cause: error })
  } finally {
    decoder.free()
  }
}

/** The channels averaged (a voice note is mono; a stereo recording keeps both voices). */
function downmix(channels: Float32Array[], length: number): Float32Array {
  if (channels.length === 1) return channels[0]!.slice(0, length)
  const out = new Float32Array(length)
  for (const channel of channels) {
    for (let i = 0; i < length; i++) out[i]! += channel[i]! / channels.length
  }
  return out
}

/** 16-bit PCM WAV, the input whisper-cli reads without any codec library. */
export function encodeWav(samples: Float32Array, sampleRate = WHISPER_SAMPLE_RATE): Buffer {
  const out = Buffer.alloc(44 + samples.length * 2)
  out.write('RIFF', 0, 'ascii')
  out.writeUInt32LE(36 + samples.length * 2, 4)
  out.write('WAVE', 8, 'ascii')
  out.write('fmt ', 12, 'ascii')
  out.writeUInt32LE(16, 16)
  out.writeUInt16LE(1, 20) // PCM
  out.writeUInt16LE(1, 22) // mono
  out.writeUInt32LE(sampleRate, 24)
  out.writeUInt32LE(sampleRate * 2, 28)
  out.writeUInt16LE(2, 32)
  out.writeUInt16LE(16, 34)
  out.write('data', 36, 'ascii')
  out.writeUInt32LE(samples.length * 2, 40)
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!))
    out.writeInt16LE(Math.round(s * 32767), 44 + 2 * i)
  }
  return out
}

import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AudioDecodeError, decodeOggOpus, encodeWav, readOggPackets } from '../../src/main/media/ogg-opus'
import { makeVoiceNote, voiceToolsMissing } from '../support/voice-notes'

const missing = voiceToolsMissing()
if (missing) console.warn(`[ogg-opus-decode] SKIPPED: ${missing}; the voice-note decoder needs real Opus speech to test.`)

function rms(samples: Float32Array): number {
  let sum = 0
  for (const s of samples) sum += s * s
  return Math.sqrt(sum / Math.max(1, samples.length))
}

describe.skipIf(missing !== null)('decoding WhatsApp voice notes (Ogg Opus) in Node', () => {
  const dir = mkdtempSync(join(tmpdir(), 'autodidacta-ogg-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const note = missing ? null : makeVoiceNote(dir, 'Hola, ¿tienen el parlante portátil en color negro? Quiero comprar dos.')

  it('decodes espeak-ng speech encoded as WhatsApp does to 16 kHz mono of the right length', async () => {
    const decoded = await decodeOggOpus(note!.ogg, 180)
    expect(decoded.truncated).toBe(false)
    expect(decoded.durationSec).toBeGreaterThan(2)
    expect(Math.abs(decoded.durationSec - note!.seconds)).toBeLessThan(0.03)
    expect(Math.abs(decoded.samples.length - note!.seconds * 16_000)).toBeLessThan(16_000 * 0.03)
    // speech, not silence
    expect(rms(decoded.samples)).toBeGreaterThan(0.01)
  })

  it('decodes only up to the limit and says the note was cut, with the whole note’s length', async () => {
    const decoded = await decodeOggOpus(note!.ogg, 1.5)
    expect(decoded.truncated).toBe(true)
    expect(decoded.samples.length).toBe(1.5 * 16_000)
    expect(Math.abs(decoded.durationSec - note!.seconds)).toBeLessThan(0.03)
  })

  it('averages a stereo recording into one channel', async () => {
    const stereo = spawnSync('opusenc', ['--quiet', '--raw', '--raw-rate', '16000', '--raw-chan', '2', '--raw-bits', '16', '-', '-'], {
      input: Buffer.from(new Int16Array(16_000 * 2).map((_, i) => (i % 2 === 0 ? Math.round(8000 * Math.sin(i / 10)) : 0)).buffer),
    }).stdout
    expect(readOggPackets(stereo).packets.length).toBeGreaterThan(2)
    const decoded = await decodeOggOpus(stereo, 180)
    expect(decoded.durationSec).toBeCloseTo(1, 1)
    expect(rms(decoded.samples)).toBeGreaterThan(0.02)
  })

  it('keeps what arrived of a note cut off in transit', async () => {
    const half = note!.ogg.subarray(0, Math.floor(note!.ogg.length / 2))
    const decoded = await decodeOggOpus(half, 180)
    expect(decoded.durationSec).toBeGreaterThan(0.3)
    expect(decoded.durationSec).toBeLessThan(note!.seconds * 0.75)
    expect(decoded.samples.length).toBeGreaterThan(0)
  })

  it('refuses broken audio with a Spanish message', async () => {
    const random = new Uint8Array(4000).map((_, i) => (i * 7919) % 251)
    await expect(decodeOggOpus(random, 180)).rejects.toThrow(AudioDecodeError)
    await expect(decodeOggOpus(random, 180)).rejects.toThrow(/dañado/)
    // one flipped byte inside the first page: its checksum no longer matches
    const flipped = Buffer.from(note!.ogg)
    flipped[40] = flipped[40]! ^ 0xff
    await expect(decodeOggOpus(flipped, 180)).rejects.toThrow(/dañado|no es una nota de voz/)
    await expect(decodeOggOpus(new Uint8Array(0), 180)).rejects.toThrow(AudioDecodeError)
    // an Ogg stream that is not Opus
    const headersOnly = note!.ogg.subarray(0, 27 + note!.ogg[26]! + note!.ogg.subarray(27, 27 + note!.ogg[26]!).reduce((a, b) => a + b, 0))
    await expect(decodeOggOpus(headersOnly, 180)).rejects.toThrow(AudioDecodeError)
  })

  it('writes a 16-bit mono WAV whisper-cli can read', () => {
    const wav = encodeWav(new Float32Array([0, 0.5, -1, 2]))
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF')
    expect(wav.readUInt32LE(24)).toBe(16_000)
    expect(wav.readUInt16LE(22)).toBe(1)
    expect(wav.readUInt32LE(40)).toBe(8)
    expect([0, 1, 2, 3].map((i) => wav.readInt16LE(44 + 2 * i))).toEqual([0, 16384, -32767, 32767])
  })
})

// Spanish speech as a customer's WhatsApp voice note: espeak-ng speaks the text, the speech is
// resampled to 16 kHz mono and encoded by opusenc into Ogg Opus at a voice bitrate, as WhatsApp's
// recorder does. Both tools come from Debian (`apt-get install espeak-ng opus-tools`); without
// them the tests that need speech say so and skip.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

function hasTool(command: string): boolean {
  const r = spawnSync(command, ['--version'], { stdio: 'ignore' })
  return !r.error
}

/** Null when both tools are present, else why the speech tests skip. */
export function voiceToolsMissing(): string | null {
  const missing = ['espeak-ng', 'opusenc'].filter((tool) => !hasTool(tool))
  return missing.length ? `${missing.join(' and ')} not installed (apt-get install -y espeak-ng opus-tools)` : null
}

/** The PCM samples (16-bit, mono) and rate of a WAV espeak-ng wrote. */
function readWav(path: string): { samples: Int16Array; rate: number } {
  const wav = readFileSync(path)
  let offset = 12
  let rate = 0
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4)
    const size = wav.readUInt32LE(offset + 4)
    if (id === 'fmt ') rate = wav.readUInt32LE(offset + 12)
    if (id === 'data') {
      // espeak-ng streams to a file and may leave the size field at its placeholder
      const end = Math.min(wav.length, offset + 8 + size)
      const body = wav.subarray(offset + 8, end - ((end - offset - 8) % 2))
      return { samples: new Int16Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.length)), rate }
    }
    offset += 8 + size + (size % 2)
  }
  throw new Error(`${path}: no data chunk`)
}

/** Linear resampling: plenty for test speech. */
function resample(samples: Int16Array, from: number, to: number): Int16Array {
  const out = new Int16Array(Math.floor((samples.length * to) / from))
  for (let i = 0; i < out.length; i++) {
    const at = (i * from) / to
    const j = Math.floor(at)
    const frac = at - j
    out[i] = Math.round(samples[j]! * (1 - frac) + (samples[Math.min(j + 1, samples.length - 1)] ?? 0) * frac)
  }
  return out
}

export interface VoiceNote {
  ogg: Buffer
  /** Exact length of the encoded speech. */
  seconds: number
}

/**
 * Speaks `text` in Spanish and encodes it as a WhatsApp voice note. With `minSeconds`, the
 * speech is repeated (with a short pause) until the note is at least that long.
 */
export function makeVoiceNote(dir: string, text: string, options: { minSeconds?: number } = {}): VoiceNote {
  const wavPath = join(dir, `speech-${process.hrtime.bigint()}.wav`)
  const spoken = spawnSync('espeak-ng', ['-v', 'es', '-w', wavPath, text], { encoding: 'utf8' })
  if (spoken.status !== 0) throw new Error(`espeak-ng failed: ${spoken.stderr}`)
  const { samples, rate } = readWav(wavPath)
  let pcm = resample(samples, rate, 16_000)
  if (options.minSeconds && pcm.length < options.minSeconds * 16_000) {
    const pause = 8_000
    const copies = Math.ceil((options.minSeconds * 16_000) / (pcm.length + pause))
    const long = new Int16Array(copies * (pcm.length + pause))
    for (let i = 0; i < copies; i++) long.set(pcm, i * (pcm.length + pause))
    pcm = long
  }
  const encoded = spawnSync(
    'opusenc',
    ['--quiet', '--raw', '--raw-rate', '16000', '--raw-chan', '1', '--raw-bits', '16', '--bitrate', '24', '--framesize', '20', '-', '-'],
    { input: Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength), maxBuffer: 64 << 20 },
  )
  if (encoded.status !== 0) throw new Error(`opusenc failed: ${encoded.stderr?.toString()}`)
  return { ogg: encoded.stdout, seconds: pcm.length / 16_000 }
}

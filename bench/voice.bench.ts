// Voice notes: how fast this computer turns a WhatsApp voice note into text, and what it costs.
//   npx tsx bench/voice.bench.ts
// Speech is espeak-ng Spanish encoded as WhatsApp does (tests/support/voice-notes.ts). Measured:
//   - decoding Ogg Opus → 16 kHz PCM in Node (wasm libopus): audio seconds per CPU second;
//   - whisper-cli alone on the decoded WAV, with the app's thread count (cores − 1): audio seconds
//     per CPU second (user + system) and peak RSS, read from GNU time;
//   - the whole WhisperTranscriber (decode, WAV, whisper-cli, JSON), wall time.
// With the TINY RANDOM test model always (its numbers say what the pipeline costs around the model,
// not what a real model costs), and with a real model when AUTODIDACTA_WHISPER_MODEL points at one.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { join } from 'node:path'
import { silentLogger } from '../src/main/kernel/logger'
import { decodeOggOpus, encodeWav } from '../src/main/media/ogg-opus'
import { MAX_VOICE_NOTE_SECONDS } from '../src/main/media/transcriber'
import { findWhisperCli } from '../src/main/media/whisper-cli'
import { WhisperTranscriber } from '../src/main/media/whisper-transcriber'
import { writeTinyWhisperModel } from '../tests/support/tiny-whisper-model'
import { makeVoiceNote, voiceToolsMissing } from '../tests/support/voice-notes'

const missing = voiceToolsMissing()
const cli = findWhisperCli({ env: process.env })
if (missing || !cli) {
  console.log(`[voice bench] skipped: ${missing ?? 'whisper-cli is not built (npm run build:whisper)'}`)
  process.exit(0)
}
const hasGnuTime = existsSync('/usr/bin/time')
const dir = mkdtempSync(join(tmpdir(), 'autodidacta-voice-bench-'))
const threads = Math.max(1, Math.min(8, availableParallelism() - 1))

try {
  const tiny = join(dir, 'tiny-random.bin')
  writeTinyWhisperModel(tiny)
  // A random model with the real `base` shapes (6 layers, width 512, 8 heads): the encoder — most
  // of the work for a voice note — costs what the real one costs. Its rigged decoder says one word
  // per window, so this is a LOWER BOUND: a real transcript decodes ~2–3 tokens per second of speech.
  const baseShaped = join(dir, 'base-shaped-random.bin')
  writeTinyWhisperModel(baseShaped, { state: 512, heads: 8, layers: 6 })
  const models: { name: string; path: string }[] = [
    { name: 'tiny random test model (1 layer, width 64)', path: tiny },
    { name: 'random model with base’s shapes (lower bound)', path: baseShaped },
  ]
  const real = process.env.AUTODIDACTA_WHISPER_MODEL
  if (real && existsSync(real)) models.push({ name: real.split(/[\\/]/).pop()!, path: real })
  else console.log('[voice bench] no real model: set AUTODIDACTA_WHISPER_MODEL=/path/to/ggml-base.bin to measure one')

  const sentence = 'Hola, buenas tardes. Quería preguntar si todavía tienen el parlante portátil negro y cuánto cuesta el envío a Medellín.'
  const notes = [
    // the sentence said once or more with a pause: a short note (one 30-second window) and a minute
    { label: 'short', note: makeVoiceNote(dir, sentence, { minSeconds: 10 }) },
    { label: 'a minute', note: makeVoiceNote(dir, sentence, { minSeconds: 60 }) },
  ]

  console.log(`\nthreads for whisper-cli: ${threads} of ${availableParallelism()} cores\n`)
  console.log('| step | note | audio s | CPU s | audio s per CPU s | wall s | peak RSS |')
  console.log('|---|---|---|---|---|---|---|')
  for (const { label, note } of notes) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const decoded = await decodeOggOpus(note.ogg, MAX_VOICE_NOTE_SECONDS)
    const wall = (performance.now() - t0) / 1000
    const cpu = process.cpuUsage(cpu0)
    const cpuSec = (cpu.user + cpu.system) / 1e6
    console.log(
      `| decode Ogg Opus → 16 kHz (Node, wasm) | ${label} | ${decoded.durationSec.toFixed(1)} | ${cpuSec.toFixed(3)} | ${(decoded.durationSec / cpuSec).toFixed(0)} | ${wall.toFixed(3)} | (in the app’s process) |`,
    )
    const wav = join(dir, `note-${notes.findIndex((n) => n.label === label)}.wav`)
    writeFileSync(wav, encodeWav(decoded.samples))
    for (const model of models) {
      const args = ['-m', model.path, '-f', wav, '-l', 'es', '-t', String(threads), '-nt', '-np']
      const t1 = performance.now()
      const run = hasGnuTime
        ? spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', cli, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
        : spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20 })
      const runWall = (performance.now() - t1) / 1000
      if (run.status !== 0) throw new Error(`whisper-cli failed: ${run.stderr}`)
      const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr ?? '')
      const runCpu = m ? Number(m[1]) + Number(m[2]) : null
      console.log(
        `| whisper-cli, ${model.name} | ${label} | ${decoded.durationSec.toFixed(1)} | ${runCpu?.toFixed(2) ?? 'n/a'} | ${runCpu ? (decoded.durationSec / runCpu).toFixed(1) : 'n/a'} | ${runWall.toFixed(2)} | ${m ? `${(Number(m[3]) / 1024).toFixed(0)} MB` : 'n/a'} |`,
      )
    }
  }

  // The decoder runs in the app's main process: the longest pause it causes to everything else.
  {
    const long = makeVoiceNote(dir, sentence, { minSeconds: MAX_VOICE_NOTE_SECONDS })
    const histogram = monitorEventLoopDelay({ resolution: 1 })
    histogram.enable()
    const decoded = await decodeOggOpus(long.ogg, MAX_VOICE_NOTE_SECONDS)
    histogram.disable()
    console.log(`\nlongest event-loop stall while decoding a ${decoded.durationSec.toFixed(0)} s note: ${(histogram.max / 1e6).toFixed(1)} ms`)
  }

  // The whole pipeline as the app runs it (one note after the other, the app's thread count).
  for (const model of models) {
    const transcriber = new WhisperTranscriber({ modelPath: () => model.path, cliPath: () => cli, workDir: join(dir, 'work'), logger: silentLogger })
    for (const { label, note } of notes) {
      const t0 = performance.now()
      const transcript = await transcriber.transcribe(note.ogg, 'audio/ogg; codecs=opus')
      const wall = (performance.now() - t0) / 1000
      console.log(`| WhisperTranscriber end to end, ${model.name} | ${label} | ${transcript.durationSec.toFixed(1)} | | | ${wall.toFixed(2)} | |`)
      if (model.path === real) console.log(`  heard: «${transcript.text.slice(0, 160)}»`)
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

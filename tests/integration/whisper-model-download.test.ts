import { createHash, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ModelPullDto } from '../../src/shared/setup'
import { EventBus } from '../../src/main/kernel/event-bus'
import { silentLogger } from '../../src/main/kernel/logger'
import { recommendedWhisperModel, whisperModelsDir, type WhisperModelInfo } from '../../src/main/media/whisper-models'
import { VoiceModelService } from '../../src/main/models-setup/voice-model-service'
import { WHISPER_DAMAGED_MESSAGE, WHISPER_DROPPED_MESSAGE } from '../../src/main/models-setup/whisper-pulls'
import { buildTestApp, callApi } from '../support/test-app'

// The Whisper model download against a local HTTP double of huggingface.co's file host (no
// network here): Range requests, dropped connections, damaged bytes, a missing file, cancel.
const FILE = randomBytes(3 * 1024 * 1024 + 123)
const SHA1 = createHash('sha1').update(FILE).digest('hex')

interface Behaviour {
  /** Close the connection after this many bytes of the body (once). */
  dropAfter?: number
  /** Send damaged bytes (once). */
  corruptOnce?: boolean
  /** Bytes per 20 ms (slow enough to cancel midway). */
  throttle?: number
  status?: number
}

let server: Server
let base = ''
let behaviour: Behaviour = {}
const ranges: (string | null)[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    ranges.push(req.headers.range ?? null)
    if (behaviour.status) {
      res.writeHead(behaviour.status).end('Entry not found')
      return
    }
    const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '')
    const start = match ? Number(match[1]) : 0
    if (start >= FILE.length) {
      res.writeHead(416, { 'Content-Range': `bytes */${FILE.length}` }).end()
      return
    }
    let body = FILE.subarray(start)
    if (behaviour.corruptOnce) {
      behaviour.corruptOnce = false
      body = Buffer.from(body)
      body[1000] = body[1000]! ^ 0xff
    }
    res.writeHead(match ? 206 : 200, {
      'Content-Length': String(body.length),
      ...(match ? { 'Content-Range': `bytes ${start}-${FILE.length - 1}/${FILE.length}` } : {}),
    })
    const dropAfter = behaviour.dropAfter
    if (dropAfter !== undefined) {
      behaviour.dropAfter = undefined
      res.write(body.subarray(0, dropAfter), () => res.destroy())
      return
    }
    const throttle = behaviour.throttle
    if (!throttle) return res.end(body)
    let at = 0
    const timer = setInterval(() => {
      if (res.destroyed || at >= body.length) {
        clearInterval(timer)
        if (!res.destroyed) res.end()
        return
      }
      res.write(body.subarray(at, at + throttle))
      at += throttle
    }, 20)
    res.on('close', () => clearInterval(timer))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const dirs: string[] = []
const services: VoiceModelService[] = []
afterEach(async () => {
  behaviour = {}
  ranges.length = 0
  await Promise.all(services.splice(0).map((s) => s.close()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function setup(options: { freeBytes?: number; hardware?: string } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'autodidacta-voice-model-'))
  dirs.push(dataDir)
  const dir = whisperModelsDir(dataDir)
  const model: WhisperModelInfo = { id: 'base', label: 'Liviano', file: 'ggml-base.bin', url: `${base}/ggml-base.bin`, bytes: FILE.length, sha1: SHA1, memoryBytes: 1 }
  const events = new EventBus()
  const seen: ModelPullDto[] = []
  events.subscribe((event, payload) => {
    if (event === 'voice.pull') seen.push(payload as ModelPullDto)
  })
  const service = new VoiceModelService({
    dir,
    machine: {
      env: options.hardware ? { AUTODIDACTA_HARDWARE: options.hardware } : {},
      fileExists: existsSync,
      freeBytes: () => Promise.resolve(options.freeBytes ?? 1e12),
      totalMemoryBytes: () => 8 * 1024 ** 3,
      cpuCores: () => 2,
    },
    events,
    logger: silentLogger,
    engineReady: () => true,
    models: [model],
    pulls: { retryDelaysMs: [20], maxRetries: 3, emitIntervalMs: 10, idleTimeoutMs: 5_000 },
  })
  services.push(service)
  return { dir, service, seen, file: join(dir, 'ggml-base.bin'), part: join(dir, 'ggml-base.bin.part') }
}

async function until(seen: ModelPullDto[], state: ModelPullDto['state'], timeoutMs = 15_000): Promise<ModelPullDto> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const hit = seen.find((p) => p.state === state)
    if (hit) return hit
    if (Date.now() > deadline) throw new Error(`no ${state} event; saw ${seen.map((p) => `${p.state}${p.error ? `(${p.error})` : ''}`).join(', ')}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('the Whisper model download', () => {
  it('downloads with progress, checks the SHA-1, and only then installs the file', async () => {
    behaviour = { throttle: 256 * 1024 }
    const { service, seen, file, part } = setup()
    expect(service.status().installedId).toBeNull()
    expect(service.modelPath()).toBeNull()
    const first = await service.pull('base')
    expect(first.state).toBe('queued')
    const done = await until(seen, 'done')
    expect(done).toMatchObject({ name: 'base', percent: 100, completedBytes: FILE.length, totalBytes: FILE.length, error: null })
    const progress = seen.filter((p) => p.state === 'downloading').map((p) => p.completedBytes)
    expect(progress.length).toBeGreaterThan(3)
    expect([...progress].sort((a, b) => a - b)).toEqual(progress)
    expect(seen.some((p) => p.state === 'verifying')).toBe(true)
    expect(readFileSync(file).equals(FILE)).toBe(true)
    expect(existsSync(part)).toBe(false)
    expect(service.status()).toMatchObject({ installedId: 'base', pull: null, maxSeconds: 180 })
    expect(service.modelPath()).toBe(file)
    expect(ranges).toEqual([null])
  })

  it('resumes from the bytes it has after a dropped connection (HTTP Range)', async () => {
    behaviour = { dropAfter: 1_000_000 }
    const { service, seen, file } = setup()
    await service.pull('base')
    await until(seen, 'done')
    expect(seen.some((p) => p.retrying && p.error !== null)).toBe(true)
    expect(ranges[0]).toBeNull()
    const resumedAt = Number(/bytes=(\d+)-/.exec(ranges[1] ?? '')?.[1])
    expect(resumedAt).toBeGreaterThan(0)
    expect(resumedAt).toBeLessThanOrEqual(1_000_000)
    expect(readFileSync(file).equals(FILE)).toBe(true)
  })

  it('never installs damaged bytes: a checksum mismatch downloads the file again', async () => {
    behaviour = { corruptOnce: true }
    const { service, seen, file } = setup()
    await service.pull('base')
    await until(seen, 'done')
    expect(seen.some((p) => p.error === WHISPER_DAMAGED_MESSAGE)).toBe(true)
    expect(ranges).toEqual([null, null])
    expect(readFileSync(file).equals(FILE)).toBe(true)
  })

  it('fails at once, in Spanish, when the server has no such file', async () => {
    behaviour = { status: 404 }
    const { service, seen, file } = setup()
    await service.pull('base')
    const failed = await until(seen, 'failed')
    expect(failed.error).toMatch(/ya no ofrece este modelo/)
    expect(ranges).toHaveLength(1)
    expect(existsSync(file)).toBe(false)
  })

  it('cancels, keeps what arrived, and resumes from there on the next download or app start', async () => {
    behaviour = { throttle: 64 * 1024 }
    const { service, seen, part, file, dir } = setup()
    await service.pull('base')
    const deadline = Date.now() + 10_000
    while (!seen.some((p) => p.completedBytes > 300_000) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    expect(service.cancelPull('base')?.state).toBe('cancelled')
    await new Promise((r) => setTimeout(r, 100))
    const kept = statSync(part).size
    expect(kept).toBeGreaterThan(0)
    expect(existsSync(file)).toBe(false)
    expect(service.status().pull).toBeNull()

    // a new app start with the same data folder resumes the .part by itself
    behaviour = {}
    const restarted = new VoiceModelService({
      dir,
      machine: { env: {}, fileExists: existsSync, freeBytes: () => Promise.resolve(1e12), totalMemoryBytes: () => 8 * 1024 ** 3, cpuCores: () => 2 },
      events: new EventBus(),
      logger: silentLogger,
      engineReady: () => true,
      models: [{ id: 'base', label: 'x', file: 'ggml-base.bin', url: `${base}/ggml-base.bin`, bytes: FILE.length, sha1: SHA1, memoryBytes: 1 }],
      pulls: { retryDelaysMs: [20], maxRetries: 3, emitIntervalMs: 10 },
    })
    services.push(restarted)
    const resumedFrom = ranges.length
    restarted.resumeUnfinished()
    const deadline2 = Date.now() + 10_000
    while (!existsSync(file) && Date.now() < deadline2) await new Promise((r) => setTimeout(r, 10))
    expect(ranges[resumedFrom]).toBe(`bytes=${kept}-`)
    expect(readFileSync(file).equals(FILE)).toBe(true)
  })

  it('refuses to start without room on the disk, saying how much it needs', async () => {
    const { service } = setup({ freeBytes: 1_000_000 })
    await expect(service.pull('base')).rejects.toThrow(/No hay espacio suficiente en el disco: el modelo de voz necesita 4 MB/)
  })

  it('recommends the size the computer can afford', () => {
    expect(recommendedWhisperModel({ totalMemoryBytes: 16 * 1024 ** 3, cpuCores: 8 })).toBe('small')
    expect(recommendedWhisperModel({ totalMemoryBytes: 8 * 1024 ** 3, cpuCores: 2 })).toBe('base')
    expect(recommendedWhisperModel({ totalMemoryBytes: 2 * 1024 ** 3, cpuCores: 2 })).toBe('tiny')
    const { service } = setup({ hardware: JSON.stringify({ totalMemoryBytes: 4 * 1024 ** 3, cpuCores: 2, gpu: null }) })
    expect(service.status()).toMatchObject({ recommendedId: 'base', engineReady: true, installedId: null })
  })

  it('prefers an installed model over nothing, and never counts a .part as installed', () => {
    const { service, dir } = setup()
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'ggml-base.bin.part'), 'partial')
    expect(service.modelPath()).toBeNull()
    writeFileSync(join(dir, 'ggml-base.bin'), 'model')
    expect(service.modelPath()).toBe(join(dir, 'ggml-base.bin'))
  })
})

describe('the voice-model API of a whole app', () => {
  it('says what this computer should download, starts it through the API and reports progress as events', async () => {
    const app = await buildTestApp({
      env: { OLLAMA_HOST: 'http://127.0.0.1:9', AUTODIDACTA_WHISPER_MODELS_URL: base, AUTODIDACTA_HARDWARE: JSON.stringify({ totalMemoryBytes: 16 * 1024 ** 3, cpuCores: 8, gpu: null }) },
      modelPulls: { retryDelaysMs: [20], maxRetries: 2, emitIntervalMs: 10 },
    })
    const seen: ModelPullDto[] = []
    app.events.subscribe((event, payload) => {
      if (event === 'voice.pull') seen.push(payload as ModelPullDto)
    })
    try {
      const status = await callApi(app, 'voice.model', {})
      expect(status).toMatchObject({ installedId: null, recommendedId: 'small', maxSeconds: 180, pull: null })
      expect(status.options.map((o) => o.id)).toEqual(['tiny', 'base', 'small'])
      // the double serves bytes that are not the real model: the checksum refuses them every time
      const started = await callApi(app, 'voice.pull', { id: 'base' })
      expect(started).toMatchObject({ name: 'base', state: 'queued' })
      await until(seen, 'paused')
      expect(seen.some((p) => p.error === WHISPER_DAMAGED_MESSAGE)).toBe(true)
      expect((await callApi(app, 'voice.model', {})).installedId).toBeNull()
      const refused = await app.dispatch('voice.pull', { id: 'large' } as never)
      expect(refused.ok).toBe(false)
    } finally {
      await app.dispose()
    }
  })

  it('a test app never reaches the real model host: its downloads go to a closed port', async () => {
    const app = await buildTestApp({ modelPulls: { retryDelaysMs: [20], maxRetries: 1, emitIntervalMs: 10 } })
    const seen: ModelPullDto[] = []
    app.events.subscribe((event, payload) => {
      if (event === 'voice.pull') seen.push(payload as ModelPullDto)
    })
    try {
      await callApi(app, 'voice.pull', { id: 'tiny' })
      const paused = await until(seen, 'paused')
      expect(paused.error).toBe(WHISPER_DROPPED_MESSAGE)
    } finally {
      await app.dispose()
    }
  })
})

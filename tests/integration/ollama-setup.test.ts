import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { ModelPullDto } from '../../src/shared/setup'
import type { AppConfig } from '../../src/main/app/app-config'
import type { SpawnRequest } from '../../src/main/models-setup/machine'
import { UNFINISHED_PULLS_KEY } from '../../src/main/models-setup/model-pulls'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { addToOllamaStore } from '../support/ollama-store-fixture'
import { createTinyLlamaModel } from '../support/tiny-model'
import { buildTestApp, callApi as call, eventually, tempDir, type TestApp } from '../support/test-app'

const GiB = 1024 ** 3
const MB = 1_000_000

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function double(options: Parameters<typeof startOllamaDouble>[0] = {}): Promise<OllamaDouble> {
  const ollama = await startOllamaDouble({
    models: [],
    library: { 'qwen2.5:0.5b': 10 * MB, 'qwen2.5:0.5b-instruct-fp16': 20 * MB, 'qwen2.5:1.5b': 12 * MB },
    pull: { chunkBytes: 400_000, delayMs: 5 },
    ...options,
  })
  cleanups.push(() => ollama.close())
  return ollama
}

/** A whole app on this machine's Linux, with plenty of disk unless told otherwise, fast retries and events. */
async function app(ollama: { url: string } | string, config: Partial<AppConfig> = {}): Promise<TestApp & { pulls: ModelPullDto[] }> {
  const built = await buildTestApp({
    ollamaHost: typeof ollama === 'string' ? ollama : ollama.url,
    hardware: async () => ({ totalMemoryBytes: 8 * GiB, cpuCores: 4, gpu: null, source: 'injected' }),
    modelPulls: { retryDelaysMs: [30, 60], maxRetries: 3, emitIntervalMs: 40, idleTimeoutMs: 5_000 },
    ...config,
    machine: { freeBytes: async () => 500e9, ...config.machine },
  })
  const pulls: ModelPullDto[] = []
  built.events.subscribe((event, payload) => {
    if (event === 'models.pull') pulls.push(payload as ModelPullDto)
  })
  if (!config.dataDir) cleanups.push(() => built.dispose())
  return Object.assign(built, { pulls })
}

const finished = (pulls: ModelPullDto[], name: string) => pulls.find((p) => p.name === name && ['done', 'failed', 'cancelled', 'paused'].includes(p.state))
const pullRequests = (ollama: OllamaDouble) => ollama.requests.filter((r) => r.path === '/api/pull').length

describe('Ollama found or explained (over HTTP)', () => {
  it('running, and too old, from /api/version', async () => {
    const fresh = await double({ version: '0.12.6' })
    expect(await call(await app(fresh), 'ollama.detect', {})).toMatchObject({ state: 'running', version: '0.12.6', instructions: [] })
    const old = await double({ version: '0.4.7' })
    const state = await call(await app(old), 'ollama.detect', {})
    expect(state).toMatchObject({ state: 'too_old', version: '0.4.7', minimumVersion: '0.5.5' })
    expect(state.instructions.join(' ')).toMatch(/0\.5\.5/)
  })

  it('not installed, and installed but stopped — which `ollama.start` starts and waits for', async () => {
    const ollama = await double()
    const port = ollama.port
    await ollama.close()
    const missing = await app(`http://127.0.0.1:${port}`, { machine: { platform: 'linux', env: { PATH: '' }, fileExists: () => false } })
    expect(await call(missing, 'ollama.detect', {})).toMatchObject({ state: 'not_installed', os: 'linux', downloadUrl: 'https://ollama.com/download/linux', canStart: false })
    await missing.dispose()

    const spawned: SpawnRequest[] = []
    const stopped = await app(`http://127.0.0.1:${port}`, {
      machine: {
        platform: 'linux',
        env: { PATH: '' },
        fileExists: (path) => path === '/usr/local/bin/ollama',
        // "Starting" Ollama brings the double back on its port, a moment later.
        spawn: async (request) => {
          spawned.push(request)
          setTimeout(() => void ollama.restart(), 300)
        },
      },
    })
    expect(await call(stopped, 'ollama.detect', {})).toMatchObject({ state: 'installed', installPath: '/usr/local/bin/ollama', canStart: true })
    expect(await call(stopped, 'ollama.start', {})).toMatchObject({ state: 'running' })
    expect(spawned).toEqual([{ command: '/usr/local/bin/ollama', args: ['serve'], detached: true }])
  })

  it('an address on another computer that does not answer is remote', async () => {
    const state = await call(await app('http://caja-ollama.invalid:11434', { machine: { fileExists: () => true } }), 'ollama.detect', {})
    expect(state).toMatchObject({ state: 'remote', canStart: false })
  })

  it('opens Ollama’s page through the desktop’s opener; headless answers that it could not; other pages are refused', async () => {
    const ollama = await double()
    const opened: string[] = []
    const desktop = await app(ollama, { openExternal: async (url) => void opened.push(url) })
    expect(await call(desktop, 'app.openExternal', { url: 'https://ollama.com/download/windows' })).toEqual({ opened: true })
    expect(opened).toEqual(['https://ollama.com/download/windows'])
    const refused = await desktop.dispatch('app.openExternal', { url: 'https://example.com/ollama' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(opened).toHaveLength(1)
    expect(await call(await app(ollama), 'app.openExternal', { url: 'https://ollama.com/download/linux' })).toEqual({ opened: false })
  })
})

describe('the model plan (over the API)', () => {
  it('differs for 8 GB and 32 GB, and choosing it sets the training base, the frozen layers and — when installed — the live model', async () => {
    const ollama = await double({ models: ['qwen2.5:0.5b'] })
    const small = await app(ollama)
    const big = await app(ollama, { hardware: async () => ({ totalMemoryBytes: 32 * GiB, cpuCores: 8, gpu: null, source: 'injected' }) })
    const smallPlan = await call(small, 'models.plan', {})
    const bigPlan = await call(big, 'models.plan', {})
    expect(smallPlan.recommendedId).not.toBe(bigPlan.recommendedId)
    expect(smallPlan.options[0]).toMatchObject({ id: smallPlan.recommendedId, recommended: true, canTrain: true, installed: { answer: true, trainingBase: false } })
    // A data folder from before keeps its model until the owner chooses.
    expect(smallPlan.current).toEqual({ answerModel: 'llama3.1:8b', planId: 'llama3.1-8b' })

    const chosen = await call(small, 'models.choosePlan', { id: smallPlan.recommendedId })
    const settings = await call(small, 'settings.get', {})
    expect(settings.training.baseModel).toBe('qwen2.5:0.5b-instruct-fp16')
    expect(settings.training.freezeLayers).toBeGreaterThan(0)
    expect(settings.llm.model).toBe('qwen2.5:0.5b')
    expect(chosen.current).toEqual({ answerModel: 'qwen2.5:0.5b', planId: 'qwen2.5-0.5b' })
    expect((await small.dispatch('models.choosePlan', { id: 'gpt-9' })).ok).toBe(false)
  })

  it('with nothing injected, reads the graphics card from what Ollama holds in it (/api/ps), else the OS', async () => {
    const machine = { totalMemoryBytes: () => 16 * GiB, cpuCores: () => 6, run: () => Promise.reject(new Error('no nvidia-smi')), env: {} }
    const onCard = await double({ models: ['qwen2.5:7b'], loaded: [{ name: 'qwen2.5:7b', size: 5.5e9, sizeVram: 5.5e9 }] })
    const withCard = await call(await app(onCard, { hardware: undefined, machine }), 'models.plan', {})
    expect(onCard.requests.some((r) => r.path === '/api/ps')).toBe(true)
    expect(withCard.hardware).toEqual({ totalMemoryBytes: 16 * GiB, cpuCores: 6, gpu: { name: null, memoryBytes: 5.5e9 }, source: 'ollama' })

    // Ollama runs the loaded model on the CPU: no card, in Ollama's own word.
    const onCpu = await double({ models: ['qwen2.5:1.5b'], loaded: [{ name: 'qwen2.5:1.5b', size: 1.4e9, sizeVram: 0 }] })
    expect((await call(await app(onCpu, { hardware: undefined, machine }), 'models.plan', {})).hardware).toMatchObject({ gpu: null, source: 'ollama' })
    // Nothing loaded: the OS decides (no nvidia-smi here, not a Mac).
    const idle = await double({ models: ['qwen2.5:1.5b'] })
    expect((await call(await app(idle, { hardware: undefined, machine }), 'models.plan', {})).hardware).toMatchObject({ totalMemoryBytes: 16 * GiB, gpu: null, source: 'os' })
    // A card holding 5.5 GB takes the 1.5B model whole: it answers faster than on the CPU.
    const speed = (plan: typeof withCard) => plan.options.find((o) => o.id === 'qwen2.5-1.5b')!.tokensPerSecond
    expect(speed(withCard)).toBeGreaterThan(speed(await call(await app(idle, { hardware: undefined, machine }), 'models.plan', {})))
  })

  it('the Entrenar screen preselects the chosen plan’s F16 base from Ollama’s store', async () => {
    const ollama = await double()
    const dir = tempDir()
    cleanups.push(() => dir.remove())
    const gguf = join(dir.path, 'base.gguf')
    await createTinyLlamaModel(gguf, { corpus: ['hola', 'gracias por escribir'], layers: 2 })
    const store = join(dir.path, 'models')
    const blob = addToOllamaStore(store, 'qwen2.5', '0.5b-instruct-fp16', gguf)
    addToOllamaStore(store, 'llama3.2', '1b-instruct-fp16', gguf)
    const shop = await app(ollama)
    await call(shop, 'settings.update', { training: { ollamaModelsDir: store } })
    expect((await call(shop, 'training.options', {})).preferredBaseModel).toBeNull()
    await call(shop, 'models.choosePlan', { id: 'qwen2.5-0.5b' })
    expect((await call(shop, 'training.options', {})).preferredBaseModel).toBe(blob)
  })
})

describe('model downloads (over HTTP, against the Ollama double)', () => {
  it('streams progress as a few events a second, ends done, and the model is listed and goes live when it is the chosen plan’s', async () => {
    // ~25 progress lines over ~0.6 s: long enough for the speed to be measured.
    const ollama = await double({ pull: { chunkBytes: 400_000, delayMs: 25 } })
    const shop = await app(ollama)
    await call(shop, 'models.choosePlan', { id: 'qwen2.5-0.5b' })
    expect((await call(shop, 'settings.get', {})).llm.model).toBe('llama3.1:8b')
    const first = await call(shop, 'models.pull', { name: 'qwen2.5:0.5b' })
    expect(first).toMatchObject({ name: 'qwen2.5:0.5b', state: 'queued' })
    const done = await eventually(() => finished(shop.pulls, 'qwen2.5:0.5b'), 10_000)
    expect(done).toMatchObject({ state: 'done', percent: 100, completedBytes: 10 * MB, totalBytes: 10 * MB, error: null })

    const downloading = shop.pulls.filter((p) => p.state === 'downloading')
    expect(downloading.length).toBeGreaterThanOrEqual(3)
    // Throttled: fewer events than Ollama's ~25 progress lines.
    expect(shop.pulls.length).toBeLessThan(25)
    const bytes = downloading.map((p) => p.completedBytes)
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b))
    expect(downloading.some((p) => p.percent !== null && p.percent > 0 && p.percent < 100)).toBe(true)
    expect(downloading.some((p) => p.bytesPerSecond !== null && p.bytesPerSecond > 0 && p.etaSeconds !== null)).toBe(true)

    const models = await call(shop, 'llm.models', {})
    expect(models.models.map((m) => m.name)).toContain('qwen2.5:0.5b')
    await eventually(async () => (await call(shop, 'settings.get', {})).llm.model === 'qwen2.5:0.5b')
    expect(await call(shop, 'models.pulls', {})).toEqual([])
    expect(shop.repos.settings.get(UNFINISHED_PULLS_KEY)).toEqual([])
  })

  it.each(['drop', 'error'] as const)('a failure halfway (%s) is retried by itself and resumes where it was', async (mode) => {
    const ollama = await double({ pull: { chunkBytes: 400_000, delayMs: 5, failOnce: { at: 0.5, mode } } })
    const shop = await app(ollama)
    await call(shop, 'models.pull', { name: 'qwen2.5:0.5b' })
    const done = await eventually(() => finished(shop.pulls, 'qwen2.5:0.5b'), 10_000)
    expect(done.state).toBe('done')
    const retrying = shop.pulls.filter((p) => p.retrying)
    expect(retrying.length).toBeGreaterThanOrEqual(1)
    expect(retrying[0]!.error).toMatch(mode === 'drop' ? /conexión/ : /internet/)
    expect(pullRequests(ollama)).toBe(2)
    // Resumed, not restarted: after the failure the bytes never went back below what was there.
    const failedAt = retrying[0]!.completedBytes
    expect(failedAt).toBeGreaterThanOrEqual(4 * MB)
    const after = shop.pulls.slice(shop.pulls.indexOf(retrying[0]!) + 1).filter((p) => p.state === 'downloading' && !p.retrying)
    expect(after.length).toBeGreaterThan(0)
    expect(Math.min(...after.map((p) => p.completedBytes))).toBeGreaterThanOrEqual(failedAt)
  })

  it('Ollama stopping mid-way is said in Spanish and the download goes on when it is back', async () => {
    const ollama = await double({ pull: { chunkBytes: 200_000, delayMs: 20 } })
    const shop = await app(ollama, { modelPulls: { retryDelaysMs: [100], maxRetries: 20, emitIntervalMs: 40 } })
    await call(shop, 'models.pull', { name: 'qwen2.5:0.5b' })
    await eventually(() => shop.pulls.find((p) => p.state === 'downloading' && p.completedBytes > 2 * MB))
    await ollama.close()
    const stopped = await eventually(() => shop.pulls.find((p) => p.retrying && /se detuvo/.test(p.error ?? '')))
    expect(stopped.error).toMatch(/Ollama se detuvo/)
    await ollama.restart()
    expect((await eventually(() => finished(shop.pulls, 'qwen2.5:0.5b'), 15_000)).state).toBe('done')
  })

  it('cancel stops the download, closes the connection and forgets it', async () => {
    const ollama = await double({ pull: { chunkBytes: 100_000, delayMs: 30 } })
    const shop = await app(ollama)
    await call(shop, 'models.pull', { name: 'qwen2.5:0.5b' })
    await eventually(() => shop.pulls.find((p) => p.state === 'downloading' && p.completedBytes > 0))
    expect(await call(shop, 'models.cancelPull', { name: 'qwen2.5:0.5b' })).toMatchObject({ state: 'cancelled' })
    await eventually(() => ollama.abortedPulls === 1)
    expect(await call(shop, 'models.pulls', {})).toEqual([])
    expect(shop.repos.settings.get(UNFINISHED_PULLS_KEY)).toEqual([])
    expect(ollama.models).not.toContain('qwen2.5:0.5b')
    expect(await call(shop, 'models.cancelPull', { name: 'qwen2.5:7b' })).toBeNull()
  })

  it('refuses, in Spanish, a download that does not fit on the disk, before asking Ollama', async () => {
    const ollama = await double()
    const shop = await app(ollama, { machine: { freeBytes: async () => 100 * MB } })
    const refused = await shop.dispatch('models.pull', { name: 'qwen2.5:0.5b' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'precondition', message: expect.stringMatching(/espacio suficiente.*0,4 GB.*0,1 GB/) } })
    expect(pullRequests(ollama)).toBe(0)
  })

  it('an unknown model fails at once with Ollama’s reason in Spanish, without retrying', async () => {
    const ollama = await double()
    const shop = await app(ollama)
    await call(shop, 'models.pull', { name: 'qwen9:1b' })
    const failed = await eventually(() => finished(shop.pulls, 'qwen9:1b'))
    expect(failed).toMatchObject({ state: 'failed', retrying: false, error: expect.stringContaining('«qwen9:1b»') })
    expect(pullRequests(ollama)).toBe(1)
    expect((await call(shop, 'models.pulls', {})).map((p) => p.state)).toEqual(['failed'])
  })

  it('an unfinished download resumes when the app starts again', async () => {
    const ollama = await double({ pull: { chunkBytes: 100_000, delayMs: 20 } })
    const dir = tempDir()
    cleanups.push(() => dir.remove())
    const before = await app(ollama, { dataDir: dir.path })
    await call(before, 'models.pull', { name: 'qwen2.5:1.5b' })
    await eventually(() => before.pulls.find((p) => p.state === 'downloading' && p.completedBytes > 2 * MB))
    await before.close()
    const partial = ollama.pulled.get('qwen2.5:1.5b')!
    expect(partial).toBeLessThan(12 * MB)
    expect(ollama.models).not.toContain('qwen2.5:1.5b')

    const after = await app(ollama, { dataDir: dir.path })
    cleanups.push(() => after.close())
    const resumed = await call(after, 'models.pulls', {})
    expect(resumed.map((p) => p.name)).toEqual(['qwen2.5:1.5b'])
    expect(resumed[0]!.completedBytes).toBeGreaterThan(0)
    await eventually(async () => (await call(after, 'llm.models', {})).models.some((m) => m.name === 'qwen2.5:1.5b'), 15_000)
    expect(pullRequests(ollama)).toBe(2)
    expect(await eventually(async () => (await call(after, 'models.pulls', {})).length === 0)).toBe(true)
  })
})

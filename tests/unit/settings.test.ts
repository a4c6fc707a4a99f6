import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_OLLAMA_HOST, normalizeOllamaHost } from '../../src/main/settings/settings-defaults'
import { buildTestApp } from '../support/test-app'

describe('normalizeOllamaHost', () => {
  it.each([
    [undefined, DEFAULT_OLLAMA_HOST],
    ['', DEFAULT_OLLAMA_HOST],
    ['0.0.0.0', 'http://127.0.0.1:11434'],
    ['0.0.0.0:11434', 'http://127.0.0.1:11434'],
    ['gpu-box:8080', 'http://gpu-box:8080'],
    ['http://10.0.0.5:11434/', 'http://10.0.0.5:11434'],
    ['https://ollama.example.com', 'https://ollama.example.com'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeOllamaHost(raw)).toBe(expected)
  })
})

describe('settings', () => {
  let dispose: (() => Promise<void>) | undefined
  afterEach(async () => dispose?.())

  it('defaults the Ollama host to OLLAMA_HOST and keeps the owner\'s changes across restarts', async () => {
    const first = await buildTestApp({ ollamaHost: 'gpu-box:11434' })
    const dataDir = first.dataDir
    const initial = await first.dispatch('settings.get', {})
    expect(initial).toMatchObject({ ok: true, value: { llm: { host: 'http://gpu-box:11434', model: 'llama3.1:8b' }, locale: 'es' } })
    const updated = await first.dispatch('settings.update', { llm: { model: 'qwen2.5:3b' }, persona: { shopName: 'La Tiendita' } })
    expect(updated).toMatchObject({ ok: true, value: { llm: { host: 'http://gpu-box:11434', model: 'qwen2.5:3b', temperature: 0.7 } } })
    await first.close()

    // Same data dir, another environment: the stored model stays, the host follows the env.
    const second = await buildTestApp({ dataDir, ollamaHost: 'other:11434' })
    dispose = async () => {
      await second.close()
      const { rmSync } = await import('node:fs')
      rmSync(dataDir, { recursive: true, force: true })
    }
    const after = await second.dispatch('settings.get', {})
    expect(after).toMatchObject({
      ok: true,
      value: { llm: { host: 'http://other:11434', model: 'qwen2.5:3b' }, persona: { shopName: 'La Tiendita' } },
    })
  })
})

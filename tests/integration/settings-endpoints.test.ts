import { afterEach, describe, expect, it } from 'vitest'
import { OpenAiCompatibleProvider } from '../../src/main/llm/openai-compatible-provider'
import { buildTestApp, callApi as call, type TestApp } from '../support/test-app'

const KEY = 'gsk_prueba_0123456789abcdef'

describe('addresses that would send chats or the cloud key unencrypted', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.dispose()
    app = undefined
  })

  it('an http:// model server on another machine needs the owner\'s confirmation, said in Spanish', async () => {
    app = await buildTestApp()
    const before = await call(app, 'settings.get', {})
    const refused = await app.dispatch('settings.update', { llm: { host: 'http://192.168.1.20:11434' } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/sin cifrar/), fields: [{ path: 'llm.host' }] } })
    expect((await call(app, 'settings.get', {})).llm.host).toBe(before.llm.host)

    const confirmed = await call(app, 'settings.update', { llm: { host: 'http://192.168.1.20:11434' }, confirmInsecure: true })
    expect(confirmed.llm.host).toBe('http://192.168.1.20:11434')
    // The confirmation is for that change, not a setting.
    expect(confirmed).not.toHaveProperty('confirmInsecure')
    // Saving the form again with the address already agreed to does not ask again.
    await call(app, 'settings.update', { llm: { host: 'http://192.168.1.20:11434', temperature: 0.5 } })
    // Another unprotected address is another question.
    expect(await app.dispatch('settings.update', { llm: { host: 'http://gpu-box:11434' } })).toMatchObject({ ok: false, error: { fields: [{ path: 'llm.host' }] } })
  })

  it('loopback over http and anything over https need no confirmation', async () => {
    app = await buildTestApp()
    for (const host of ['http://127.0.0.1:11434', 'http://localhost:11434', 'http://[::1]:11434', 'https://ollama.example.com']) {
      expect((await call(app, 'settings.update', { llm: { host } })).llm.host).toBe(host)
    }
    expect((await call(app, 'settings.update', { cloud: { baseUrl: 'http://127.0.0.1:1234/v1' } })).cloud.baseUrl).toBe('http://127.0.0.1:1234/v1')
  })

  it('a cloud address without https needs the confirmation too', async () => {
    app = await buildTestApp()
    const refused = await app.dispatch('settings.update', { cloud: { baseUrl: 'http://api.example.com/v1' } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/https:\/\//), fields: [{ path: 'cloud.baseUrl' }] } })
    expect((await call(app, 'settings.update', { cloud: { baseUrl: 'http://api.example.com/v1' }, confirmInsecure: true })).cloud.baseUrl).toBe('http://api.example.com/v1')
  })

  it('pointing the cloud address at another server deletes the stored key before any provider could send it there', async () => {
    const built: { baseUrl: string; apiKey: string | null }[] = []
    app = await buildTestApp({
      createCloudProvider: (s, apiKey) => {
        built.push({ baseUrl: s.cloud.baseUrl, apiKey })
        return new OpenAiCompatibleProvider({ baseUrl: s.cloud.baseUrl, apiKey, label: s.cloud.label, timeoutMs: 1000 })
      },
    })
    await call(app, 'settings.update', { cloud: { baseUrl: 'https://api.groq.com/openai/v1' } })
    await call(app, 'llm.setCloudKey', { apiKey: KEY })
    // Another path on the same server is the same party: the key stays.
    await call(app, 'settings.update', { cloud: { baseUrl: 'https://api.groq.com/openai/v1/' } })
    expect(await call(app, 'llm.cloudKey', {})).toEqual({ configured: true })

    await call(app, 'settings.update', { cloud: { baseUrl: 'https://otro-servicio.example.com/v1' } })
    expect(await call(app, 'llm.cloudKey', {})).toEqual({ configured: false })
    expect(built.filter((b) => b.baseUrl === 'https://otro-servicio.example.com/v1').map((b) => b.apiKey)).not.toContain(KEY)
    expect(app.repos.db.$client.prepare('SELECT COUNT(*) AS n FROM secrets').get()).toEqual({ n: 0 })
  })
})

// What "Probar conexión" and the model list say when Ollama cannot be reached: plain Spanish
// with what to do, never undici's "bad port" or "ECONNREFUSED". Real HTTP, real sockets.
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, callApi as call, type TestApp } from '../support/test-app'
import { englishWords } from '../support/english-text'

/** A port on this machine where nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('network errors in the owner’s words', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.dispose()
    app = undefined
  })

  it('a blocked port ("bad port") says the port cannot be used and which one Ollama uses', async () => {
    // 6000 is on the fetch standard's list of ports a client must refuse.
    app = await buildTestApp({ ollamaHost: 'http://127.0.0.1:6000' })
    const status = await call(app, 'llm.check', {})
    expect(status.state).toBe('unreachable')
    expect(status.detail).toContain('puerto')
    expect(status.detail).toContain('11434')
    expect(englishWords(status.detail ?? '')).toEqual([])
    const models = await call(app, 'llm.models', {})
    expect(models.error).not.toBeNull()
    expect(englishWords(models.error ?? '')).toEqual([])
  })

  it('nothing listening says to check that Ollama is open and the port', async () => {
    app = await buildTestApp({ ollamaHost: `http://127.0.0.1:${await closedPort()}` })
    const status = await call(app, 'llm.check', {})
    expect(status.state).toBe('unreachable')
    expect(status.detail).toMatch(/nada atiende/)
    expect(englishWords(status.detail ?? '')).toEqual([])
  })

  it('an unknown computer name says the address is wrong', async () => {
    // .invalid never resolves (RFC 2606), with or without internet.
    app = await buildTestApp({ ollamaHost: 'http://ollama.invalid:11434' })
    const status = await call(app, 'llm.check', {})
    expect(status.state).toBe('unreachable')
    expect(englishWords(status.detail ?? '')).toEqual([])
    expect(status.detail).toMatch(/nombre|internet/)
  })

  it('an invalid setting is refused in Spanish, with the limit written the shop’s way', async () => {
    app = await buildTestApp()
    const result = await app.dispatch('settings.update', { llm: { contextTokens: 100 } })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'llm.contextTokens', message: 'Debe ser 1.024 o más.' }] } })
    expect(englishWords(result.ok ? '' : result.error.message)).toEqual([])
  })
})

import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { EventBus } from '../../src/main/kernel/event-bus'
import { silentLogger } from '../../src/main/kernel/logger'
import type { RunningServer } from '../../src/main/server/http-server'
import { startHttpServer } from '../../src/main/server/http-server'
import type { ApiEventEnvelope } from '../../src/shared/api/events'
import { WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../src/shared/api/http-protocol'
import { post } from '../support/serve-process'
import { buildTestApp, eventually, tempDir } from '../support/test-app'

describe('HTTP + WebSocket binding', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>
  let server: RunningServer
  const ui = tempDir()

  beforeAll(async () => {
    mkdirSync(join(ui.path, 'assets'))
    writeFileSync(join(ui.path, 'index.html'), '<!doctype html><title>autodidacta</title>')
    writeFileSync(join(ui.path, 'assets', 'app.js'), 'console.log(1)')
    app = await buildTestApp()
    server = await startHttpServer({ dispatch: app.dispatch, events: app.events, logger: app.logger, version: '9.9.9', rendererDir: ui.path })
  })
  afterAll(async () => {
    await server.close()
    await app.dispose()
    ui.remove()
  })

  it('binds loopback and answers health without a token', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await fetch(`${server.url}/api/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true, version: '9.9.9' })
  })

  it('answers 401 to API calls without the right token', async () => {
    expect((await post(server.url, null, 'app.status', {})).status).toBe(401)
    expect((await post(server.url, 'wrong', 'app.status', {})).status).toBe(401)
    expect((await post(server.url, server.token.slice(0, -1) + 'x', 'app.status', {})).status).toBe(401)
    expect((await post(server.url, null, 'no.such.method', {})).status).toBe(401)
    expect((await fetch(`${server.url}/api/app.status`)).status).toBe(401)
  })

  it('runs API methods with the token: JSON in, JSON out', async () => {
    const status = await post(server.url, server.token, 'app.status', {})
    expect(status.status).toBe(200)
    expect(status.body).toMatchObject({ version: '0.0.0-test', whatsapp: { state: 'unpaired' } })
    const sent = await post(server.url, server.token, 'simulator.send', { from: 'Ana', text: 'Hola' })
    expect(sent.status).toBe(200)
    expect(sent.body).toMatchObject({ conversationId: expect.any(String), messageId: expect.any(String) })
  })

  it('rejects bad input with a 400 that names the field, and bad JSON clearly', async () => {
    const bad = await post(server.url, server.token, 'simulator.send', { from: 'Ana' })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: { code: 'invalid_input', fields: [{ path: 'text' }] } })
    const response = await fetch(`${server.url}/api/simulator.send`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{"from":',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: { code: 'invalid_input', message: 'Lo que llegó a la app está incompleto o dañado. Vuelve a intentarlo.' } })
    expect((await post(server.url, server.token, 'nope.nope', {})).status).toBe(404)
  })

  it('refuses requests whose Host is not loopback (DNS rebinding)', async () => {
    const { port } = new URL(server.url)
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/health', headers: { Host: `evil.example:${port}` } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(403)
  })

  it('serves the renderer, falls back to index.html, and never leaves its folder', async () => {
    const index = await fetch(`${server.url}/`)
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await index.text()).toContain('<title>autodidacta</title>')
    expect(await (await fetch(`${server.url}/revision`)).text()).toContain('<title>autodidacta</title>')
    expect((await fetch(`${server.url}/assets/app.js`)).headers.get('content-type')).toContain('javascript')
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404)
    expect((await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(200)
  })

  it('pushes events over a WebSocket that needs the token', async () => {
    const wsUrl = server.url.replace('http', 'ws') + '/api/events'
    const refused = new WebSocket(wsUrl, [WS_PROTOCOL, WS_TOKEN_PREFIX + 'wrong'])
    const refusal = await new Promise<string>((resolve) => {
      refused.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)))
      refused.on('error', (error) => resolve(error.message))
    })
    expect(refusal).toContain('401')

    const ws = new WebSocket(wsUrl, [WS_PROTOCOL, WS_TOKEN_PREFIX + server.token])
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    const received: ApiEventEnvelope[] = []
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as ApiEventEnvelope))
    await post(server.url, server.token, 'simulator.send', { from: 'Bea', text: '¿Precio?' })
    await app.idle()
    await new Promise((r) => setTimeout(r, 100))
    const added = received.find((e) => e.event === 'message.added')
    expect(added?.payload).toMatchObject({ text: '¿Precio?', author: 'customer' })
    expect(received.some((e) => e.event === 'conversation.updated')).toBe(true)
    ws.close()
  })

  it('answers 400 to malformed percent-encoding, on the API and on the UI', async () => {
    for (const path of ['/api/%E0%A4%A', '/%', '/api/app.status%', '/assets/%E0%A4%A.js']) {
      const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}` } })
      expect(response.status, path).toBe(400)
    }
    expect((await fetch(`${server.url}/%`)).status).toBe(400)
    // The server is still fine afterwards.
    expect((await post(server.url, server.token, 'app.status', {})).status).toBe(200)
  })

  it('sends a CSP that lets the page reach its own origin only', async () => {
    const { host } = new URL(server.url)
    const expected =
      "default-src 'self'; " +
      `connect-src 'self' ws://${host} wss://${host}; ` +
      "img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    expect((await fetch(`${server.url}/`)).headers.get('content-security-policy')).toBe(expected)
    expect((await fetch(`${server.url}/api/health`)).headers.get('content-security-policy')).toBe(expected)
  })
})

describe('a WebSocket client that stops reading', () => {
  it('is cut off once the unread events pass the limit, while a reading client keeps receiving', async () => {
    const events = new EventBus()
    const server = await startHttpServer({ dispatch: async () => ({ ok: true, value: null }), events, logger: silentLogger, version: '1', rendererDir: '/nonexistent', maxBufferedBytes: 256 * 1024 })
    const wsUrl = server.url.replace('http', 'ws') + '/api/events'
    const connect = async () => {
      const ws = new WebSocket(wsUrl, [WS_PROTOCOL, WS_TOKEN_PREFIX + server.token])
      await new Promise((resolve, reject) => {
        ws.once('open', resolve)
        ws.once('error', reject)
      })
      return ws
    }
    try {
      const slow = await connect()
      const reader = await connect()
      let received = 0
      reader.on('message', () => received++)
      let slowReceived = 0
      slow.on('message', () => slowReceived++)
      const slowClosed = new Promise<void>((resolve) => slow.once('close', () => resolve()))
      // The slow client's socket stops being read: the kernel buffers fill, then the server's.
      slow.pause()
      const text = 'x'.repeat(64 * 1024)
      const emitted = 600
      for (let i = 0; i < emitted; i++) {
        events.emit('owner.alert', { conversationId: 'c', customerName: 'Ana', text } as never)
        // Lets the reader drain and the server notice the slow one's backlog.
        await new Promise((r) => setImmediate(r))
      }
      // It reads again: what was queued before the cut arrives, then the connection ends.
      slow.resume()
      await Promise.race([slowClosed, new Promise((_, reject) => setTimeout(() => reject(new Error('the slow client was never cut off')), 10_000))])
      // Without the limit the server would have kept all 600 (~38 MB) for it.
      expect(slowReceived).toBeLessThan(emitted)
      await eventually(() => received === emitted)
      expect(reader.readyState).toBe(WebSocket.OPEN)
      reader.close()
    } finally {
      await server.close()
    }
  })
})

// Random, huge and deeply nested input to every API method over the real HTTP binding of a
// whole app. What must hold for every request: an answer (no hang), JSON back, a 4xx/2xx/503
// status — never a 500, which would mean a handler threw on input the contract let through —
// no stack trace or file content in the message, and the server still healthy afterwards.
import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { apiContract, type ApiMethod } from '../../src/shared/api/contract'
import { startHttpServer, type RunningServer } from '../../src/main/server/http-server'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, tempDir, type TestApp } from '../support/test-app'
import { socketDoubleFactory } from '../support/whatsapp-socket-double'
import { generateDemoData } from '../../src/main/demo/demo-data'
import { randomJson, type JsonSchema } from './random-input'

const CALLS_PER_METHOD = 45
const ALLOWED_STATUS = new Set([200, 400, 404, 409, 413, 503])

interface Answer {
  status: number
  text: string
}

function postRaw(url: string, token: string, method: string, body: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/${encodeURIComponent(method)}`,
      { method: 'POST', agent: false, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.setTimeout(20_000, () => req.destroy(new Error(`${method}: no answer in 20 s`)))
    req.on('error', reject)
    req.end(body)
  })
}

describe('every API method under random input', () => {
  let app: TestApp
  let server: RunningServer
  let ollama: OllamaDouble
  const ui = tempDir()
  const problems: string[] = []
  const ids: string[] = []
  const reached = new Map<string, number>()

  beforeAll(async () => {
    writeFileSync(join(ui.path, 'index.html'), '<!doctype html><title>autodidacta</title>')
    mkdirSync(join(ui.path, 'assets'))
    ollama = await startOllamaDouble()
    app = await buildTestApp({ ollamaHost: ollama.url, whatsappSocketFactory: socketDoubleFactory() })
    // Real rows, so that inputs naming an id reach the handlers' real paths, not only "not found".
    generateDemoData(app.repos, app.repos.accounts.ensureShopAccount('Tienda').id, { count: 120, seed: 3 })
    await app.dispatch('catalog.import', { format: 'csv', content: 'nombre,precio\nAudífonos X2,89000\nCable USB,15000', dryRun: false })
    const sqlite = app.repos.db.$client
    for (const table of ['conversations', 'training_data', 'products', 'messages']) {
      ids.push(...(sqlite.prepare(`SELECT id FROM ${table} LIMIT 20`).all() as { id: string }[]).map((row) => row.id))
    }
    server = await startHttpServer({ dispatch: app.dispatch, events: app.events, logger: app.logger, version: 'fuzz', rendererDir: ui.path })
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    await app?.dispose()
    await ollama?.close()
    ui.remove()
  })

  function check(method: string, input: string, answer: Answer): void {
    const where = `${method} ${input.length > 160 ? input.slice(0, 160) + '…' : input}`
    if (!ALLOWED_STATUS.has(answer.status)) problems.push(`${where} → HTTP ${answer.status}: ${answer.text.slice(0, 300)}`)
    let body: unknown
    try {
      body = JSON.parse(answer.text)
    } catch {
      problems.push(`${where} → not JSON: ${answer.text.slice(0, 200)}`)
      return
    }
    if (answer.status !== 200) {
      const message = (body as { error?: { message?: unknown } }).error?.message
      if (typeof message !== 'string') problems.push(`${where} → error without a message`)
      else if (/\n\s+at |node:internal|\/src\/main\//.test(message)) problems.push(`${where} → internals in the message: ${message.slice(0, 300)}`)
    }
  }

  it('answers every method with a 2xx/4xx JSON body, never a crash', async () => {
    const methods = Object.keys(apiContract) as ApiMethod[]
    expect(methods.length).toBeGreaterThan(30)
    let calls = 0
    for (const [index, method] of methods.entries()) {
      const fuzz = randomJson(1000 + index)
      for (let i = 0; i < CALLS_PER_METHOD; i++) {
        const schema = z.toJSONSchema(apiContract[method].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema
        const input = [fuzz.value(), fuzz.shaped(apiContract[method].input), fuzz.valid(schema, ids), fuzz.valid(schema, ids, 0.15)][i % 4]
        const body = JSON.stringify(input)
        const answer = await postRaw(server.url, server.token, method, body).catch((error: Error) => ({ status: -1, text: error.message }))
        check(method, body, answer)
        // A 400 with field errors is the contract's; one without them came from inside the handler.
        if (answer.status !== 400 || !answer.text.includes('"fields"')) reached.set(method, (reached.get(method) ?? 0) + 1)
        calls++
      }
    }
    expect(calls).toBe(methods.length * CALLS_PER_METHOD)
    expect(problems).toEqual([])
    // The fuzz is only worth something if it gets past validation into the handlers.
    if (process.env.FUZZ_REPORT) console.log(JSON.stringify(Object.fromEntries(reached)))
    const neverReached = methods.filter((method) => !reached.has(method))
    expect(neverReached).toEqual([])
  }, 600_000)

  it('turns malformed, deeply nested and oversized bodies into 4xx', async () => {
    const bodies: [string, string | Buffer][] = [
      ['not JSON', '{"text": '],
      ['a bare string', '"hola"'],
      ['an array', '[1,2,3]'],
      ['deep arrays', '['.repeat(200_000) + ']'.repeat(200_000)],
      ['deep objects', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
      ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d])],
      ['a NUL byte', '{"text":"a\u0000b"}'],
      ['17 MiB', Buffer.alloc(17 * 1024 * 1024, 0x20)],
    ]
    for (const method of ['simulator.send', 'settings.update', 'catalog.import', 'stats.get'] as const) {
      for (const [name, body] of bodies) {
        const answer = await postRaw(server.url, server.token, method, body).catch((error: Error) => ({ status: -1, text: error.message }))
        check(`${method} (${name})`, name, answer)
      }
    }
    expect(problems).toEqual([])
  }, 120_000)

  it('is still healthy and consistent afterwards', async () => {
    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)
    const status = await postRaw(server.url, server.token, 'app.status', '{}')
    expect(status.status).toBe(200)
    // A real request still works end to end after the storm.
    const sent = await postRaw(server.url, server.token, 'simulator.send', JSON.stringify({ from: 'Ana', text: 'Hola, ¿tienen audífonos?' }))
    expect(sent.status).toBe(200)
  })
})

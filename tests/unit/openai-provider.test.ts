import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LlmCancelledError, LlmUnavailableError } from '../../src/main/llm/llm-provider'
import { OpenAiCompatibleProvider, SseParser } from '../../src/main/llm/openai-compatible-provider'
import { startOpenAiDouble, type OpenAiDouble } from '../support/openai-double'

const KEY = 'gsk_test_0123456789abcdefSECRET'
const MODEL = 'llama-3.1-8b-instant'
const ANSWER = '¡Hola! Sí, tenemos cursos de piano desde $50.000.'
const hola = [{ role: 'user' as const, content: 'hola' }]

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error,
  )
}

function reasonOf(error: unknown): string | null {
  return error instanceof LlmUnavailableError ? error.reason : null
}

describe('OpenAiCompatibleProvider against an OpenAI API double', () => {
  let api: OpenAiDouble
  const provider = (options: { apiKey?: string | null; timeoutMs?: number } = {}) =>
    new OpenAiCompatibleProvider({ baseUrl: api.url, apiKey: options.apiKey === undefined ? KEY : options.apiKey, label: 'Groq', ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) })

  beforeEach(async () => {
    api = await startOpenAiDouble({ apiKey: KEY, models: [MODEL, 'nomic-embed-text-v1.5'], reply: () => ANSWER })
  })
  afterEach(async () => api.close())

  it('streams a chat answer, piece by piece, with the key in the Authorization header', async () => {
    const pieces: string[] = []
    const result = await provider().chat({
      model: MODEL,
      messages: [
        { role: 'system', content: 'Eres un vendedor.' },
        { role: 'user', content: 'Busco un curso de piano' },
      ],
      temperature: 0.3,
      onToken: (delta) => pieces.push(delta),
    })
    // The usage the server reported in its last chunk: (1 + 3) + (1 + 5) prompt "tokens" (the double counts words and role markers), 8 written.
    expect(result).toEqual({ text: ANSWER, model: MODEL, provider: 'openai', doneReason: 'stop', usage: { promptTokens: 10, completionTokens: 8, estimated: false } })
    expect(pieces[0]).toBe('¡Hola! ')
    expect(pieces.join('')).toBe(ANSWER)
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', authorization: `Bearer ${KEY}` })
    expect(api.chatRequests[0]).toMatchObject({ model: MODEL, stream: true, temperature: 0.3, stream_options: { include_usage: true } })
    expect(api.chatRequests[0]).not.toHaveProperty('max_tokens')
    expect(api.chatRequests[0]?.messages).toHaveLength(2)
  })

  it('parses a CRLF event stream the same way', async () => {
    await api.close()
    api = await startOpenAiDouble({ apiKey: KEY, models: [MODEL], reply: () => ANSWER, lineEnd: '\r\n' })
    const pieces: string[] = []
    const result = await provider().chat({ model: MODEL, messages: hola, onToken: (d) => pieces.push(d) })
    expect(result.text).toBe(ANSWER)
    expect(pieces.join('')).toBe(ANSWER)
  })

  it('sends maxTokens as max_tokens and reports a cut answer as length', async () => {
    const result = await provider().chat({ model: MODEL, messages: hola, maxTokens: 3 })
    expect(api.chatRequests[0]).toMatchObject({ max_tokens: 3 })
    expect(result).toMatchObject({ text: '¡Hola! Sí, tenemos', doneReason: 'length' })
  })

  it('without a key says so and calls nobody', async () => {
    for (const apiKey of [null, '', '   ']) {
      const error = await failure(provider({ apiKey }).chat({ model: MODEL, messages: hola }))
      expect(reasonOf(error)).toBe('unauthorized')
      expect((error as Error).message).toContain('Groq')
      expect(await provider({ apiKey }).health(MODEL)).toMatchObject({ state: 'unauthorized', serverVersion: null })
      expect(reasonOf(await failure(provider({ apiKey }).listModels()))).toBe('unauthorized')
      expect(reasonOf(await failure(provider({ apiKey }).embed('nomic-embed-text-v1.5', ['x'])))).toBe('unauthorized')
    }
    expect(api.requests).toHaveLength(0)
  })

  it('reports a wrong key as unauthorized without repeating the key', async () => {
    const wrongKey = 'gsk_wrong_ffffffffffffffffWRONG'
    const error = await failure(provider({ apiKey: wrongKey }).chat({ model: MODEL, messages: hola }))
    expect(reasonOf(error)).toBe('unauthorized')
    expect((error as Error).message).toBe('La clave de la API de Groq no es válida (HTTP 401): revísala en Ajustes → Nube')
    expect((error as Error).message).not.toContain(wrongKey)
    expect((error as Error).stack ?? '').not.toContain(wrongKey)
    const health = await provider({ apiKey: wrongKey }).health(MODEL)
    expect(health).toMatchObject({ state: 'unauthorized', serverVersion: null })
    expect(health.detail).not.toContain(wrongKey)
    expect(api.requests.every((r) => r.authorization === `Bearer ${wrongKey}`)).toBe(true)
  })

  it('never puts the key into a message, even when the server quotes it', async () => {
    api.failNext(400, { error: { message: `Bad request made with ${KEY}`, type: 'invalid_request_error', code: null } })
    const error = await failure(provider().chat({ model: MODEL, messages: hola }))
    expect(error).not.toBeInstanceOf(LlmUnavailableError)
    // The owner reads Spanish; the server's English words are kept, redacted, as the cause for the log.
    expect((error as Error).message).toBe('Groq rechazó la solicitud (HTTP 400): revisa el modelo y la dirección en Ajustes → Nube')
    expect(((error as Error).cause as Error).message).toBe('Bad request made with ***')
    expect((error as Error).message).not.toContain(KEY)
  })

  it('reports 429 as rate_limited with the retry-after wait', async () => {
    await api.close()
    api = await startOpenAiDouble({ apiKey: KEY, models: [MODEL], rateLimitNext: { retryAfterSeconds: 7 } })
    const error = await failure(provider().chat({ model: MODEL, messages: hola }))
    expect(reasonOf(error)).toBe('rate_limited')
    expect((error as Error).message).toContain('7 s')
    // Without the header, still rate_limited, with no made-up wait.
    api.failNext(429, { error: { message: 'Rate limit reached', type: 'tokens', code: 'rate_limit_exceeded' } })
    const second = await failure(provider().chat({ model: MODEL, messages: hola }))
    expect(reasonOf(second)).toBe('rate_limited')
    expect((second as Error).message).not.toMatch(/reintentar en/)
  })

  it('reports an unknown model as model_missing', async () => {
    const error = await failure(provider().chat({ model: 'gpt-9', messages: hola }))
    expect(reasonOf(error)).toBe('model_missing')
    expect((error as Error).message).toContain('«gpt-9»')
    // The code decides even when a gateway answers 400 instead of 404.
    api.failNext(400, { error: { message: 'The model `x` does not exist', type: 'invalid_request_error', code: 'model_not_found' } })
    expect(reasonOf(await failure(provider().chat({ model: MODEL, messages: hola })))).toBe('model_missing')
  })

  it('reports a server error as unreachable, and other refusals as plain errors, the server message only as the cause', async () => {
    api.failNext(500)
    expect(reasonOf(await failure(provider().chat({ model: MODEL, messages: hola })))).toBe('unreachable')
    api.failNext(503, 'upstream connect error', { 'content-type': 'text/plain' })
    expect(reasonOf(await failure(provider().chat({ model: MODEL, messages: hola })))).toBe('unreachable')
    api.failNext(400, { error: { message: "'messages' must contain at least one message", type: 'invalid_request_error', code: null } })
    const error = await failure(provider().chat({ model: MODEL, messages: hola }))
    expect(error).not.toBeInstanceOf(LlmUnavailableError)
    expect((error as Error).message).not.toContain('messages')
    expect(((error as Error).cause as Error).message).toBe("'messages' must contain at least one message")
  })

  it('stops a generation under way when the caller aborts, as a cancellation', async () => {
    await api.close()
    api = await startOpenAiDouble({ apiKey: KEY, models: [MODEL], reply: () => 'una respuesta larga '.repeat(40), chunkDelayMs: 30 })
    const controller = new AbortController()
    const pieces: string[] = []
    const started = Date.now()
    const error = await failure(
      provider({ timeoutMs: 5_000 }).chat({
        model: MODEL,
        messages: hola,
        signal: controller.signal,
        onToken: (delta) => {
          pieces.push(delta)
          if (pieces.length === 3) controller.abort()
        },
      }),
    )
    expect(error).toBeInstanceOf(LlmCancelledError)
    expect(error).not.toBeInstanceOf(LlmUnavailableError)
    expect(Date.now() - started).toBeLessThan(1_500)
    expect(pieces).toHaveLength(3)
    await expect.poll(() => api.abortedChats).toBe(1)
  })

  it('gives up on a stream that goes quiet, as a timeout', async () => {
    await api.close()
    api = await startOpenAiDouble({ apiKey: KEY, models: [MODEL], reply: () => 'uno dos tres', chunkDelayMs: 1_000 })
    const error = await failure(provider({ timeoutMs: 200 }).chat({ model: MODEL, messages: hola }))
    expect(reasonOf(error)).toBe('timeout')
    expect((error as Error).message).toContain('Groq')
  })

  it('reports its health', async () => {
    expect(await provider().health(MODEL)).toEqual({ state: 'ready', detail: null, serverVersion: null, installedModels: [MODEL, 'nomic-embed-text-v1.5'] })
    expect(await provider().health('gpt-9')).toMatchObject({ state: 'model_missing', serverVersion: null })
    api.failNext(500)
    expect((await provider().health(MODEL)).state).toBe('unreachable')
    const models = api.requests.filter((r) => r.path === '/v1/models')
    expect(models.length).toBe(3)
    expect(models.every((r) => r.method === 'GET' && r.authorization === `Bearer ${KEY}`)).toBe(true)
    await api.close()
    expect(await provider().health(MODEL)).toMatchObject({ state: 'unreachable', installedModels: [] })
  })

  it('lists the models, marking the embedding one by name', async () => {
    expect(await provider().listModels()).toEqual([
      { name: MODEL, sizeBytes: null, family: null, parameterSize: null, quantization: null, embedding: false },
      { name: 'nomic-embed-text-v1.5', sizeBytes: null, family: null, parameterSize: null, quantization: null, embedding: true },
    ])
  })

  it('embeds one vector per input, ordered by index', async () => {
    // The double returns `data` reversed; only `index` tells which vector is whose.
    const vectors = await provider().embed('nomic-embed-text-v1.5', ['aaa', 'bbb', 'ab'])
    expect(vectors).toHaveLength(3)
    expect(vectors[0]![0]).toBeCloseTo(1)
    expect(vectors[1]![1]).toBeCloseTo(1)
    expect(vectors[2]![0]).toBeCloseTo(Math.SQRT1_2)
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', path: '/v1/embeddings', body: { model: 'nomic-embed-text-v1.5', input: ['aaa', 'bbb', 'ab'] } })
    expect(reasonOf(await failure(provider().embed('gpt-9', ['x'])))).toBe('model_missing')
  })
})

describe('OpenAiCompatibleProvider with no server', () => {
  it('reports a host nobody listens on as unreachable', async () => {
    const provider = new OpenAiCompatibleProvider({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: KEY, label: 'Groq' })
    const error = await failure(provider.chat({ model: MODEL, messages: hola }))
    expect(reasonOf(error)).toBe('unreachable')
    expect((error as Error).message).not.toContain(KEY)
    expect(await provider.health(MODEL)).toMatchObject({ state: 'unreachable' })
  })
})

describe('OpenAiCompatibleProvider event-stream parsing', () => {
  /** A fetch that answers with these exact body pieces, each read as its own chunk. */
  function scripted(pieces: string[], onRequest?: (init: RequestInit | undefined) => void): typeof fetch {
    return async (_input, init) => {
      onRequest?.(init)
      const encoder = new TextEncoder()
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const piece of pieces) controller.enqueue(encoder.encode(piece))
          controller.close()
        },
      })
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' } })
    }
  }
  const chunk = (content: string | null, finish: string | null = null) =>
    JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', model: 'm-1', choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }] })

  it('joins an event split inside its JSON, skips ping comments and stops at [DONE]', async () => {
    const first = `data: ${chunk('Hola, ')}\n\n`
    const second = `data: ${chunk('¿qué tal?')}\r\n\r\n`
    const pieces = [
      ': ping\n\n',
      first.slice(0, 17),
      first.slice(17),
      ':ping\n',
      '\n',
      second.slice(0, second.length - 3),
      second.slice(second.length - 3, second.length - 1),
      second.slice(second.length - 1),
      `data: ${chunk(null, 'stop')}\n\n`,
      'data: [DONE]\n\n',
      // Anything after [DONE] is not part of the answer.
      `data: ${chunk('basura')}\n\n`,
    ]
    const seen: { headers: Headers | null } = { headers: null }
    const provider = new OpenAiCompatibleProvider({
      baseUrl: 'https://api.example.test/openai/v1/',
      apiKey: KEY,
      fetch: scripted(pieces, (init) => (seen.headers = new Headers(init?.headers))),
    })
    const tokens: string[] = []
    const result = await provider.chat({ model: 'm', messages: hola, onToken: (t) => tokens.push(t) })
    // No usage in this stream: guessed from the characters, and marked so.
    expect(result).toEqual({ text: 'Hola, ¿qué tal?', model: 'm-1', provider: 'openai', doneReason: 'stop', usage: { promptTokens: 8, completionTokens: 5, estimated: true } })
    expect(tokens).toEqual(['Hola, ', '¿qué tal?'])
    expect(seen.headers?.get('authorization')).toBe(`Bearer ${KEY}`)
  })

  it('reads an event whose JSON spans several data lines', async () => {
    const provider = new OpenAiCompatibleProvider({
      baseUrl: 'https://api.example.test/v1',
      apiKey: KEY,
      fetch: scripted([`data: {"choices":[{"index":0,\ndata: "delta":{"content":"Sí"},"finish_reason":"stop"}]}\n\n`, 'data: [DONE]\n\n']),
    })
    expect(await provider.chat({ model: 'm', messages: hola })).toMatchObject({ text: 'Sí', doneReason: 'stop', model: 'm' })
  })

  it('treats a stream cut before its end as unreachable, and an error event as the error it names', async () => {
    const cut = new OpenAiCompatibleProvider({ baseUrl: 'https://x.test/v1', apiKey: KEY, label: 'Groq', fetch: scripted([`data: ${chunk('Hola')}\n\n`]) })
    expect(reasonOf(await failure(cut.chat({ model: 'm', messages: hola })))).toBe('unreachable')
    const midStreamError = new OpenAiCompatibleProvider({
      baseUrl: 'https://x.test/v1',
      apiKey: KEY,
      fetch: scripted([`data: ${chunk('Ho')}\n\n`, 'data: {"error":{"message":"Rate limit reached","type":"tokens","code":"rate_limit_exceeded"}}\n\n']),
    })
    expect(reasonOf(await failure(midStreamError.chat({ model: 'm', messages: hola })))).toBe('rate_limited')
  })

  it('splits lines on LF, CR and CRLF, even a CRLF cut in two', () => {
    const parser = new SseParser()
    expect(parser.push('data: a\r')).toEqual([])
    expect(parser.push('\n\r\ndata: b\rdata: c\r\r')).toEqual(['a', 'b\nc'])
    expect(parser.push(': comment\nevent: message\nid: 3\ndata:d\n\n')).toEqual(['d'])
    expect(parser.push('data: e')).toEqual([])
    expect(parser.end()).toEqual(['e'])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LlmCancelledError, LlmUnavailableError } from '../../src/main/llm/llm-provider'
import { OllamaProvider } from '../../src/main/llm/ollama-provider'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'

const ANSWER = '¡Hola! Sí, tenemos cursos de piano desde $50.000.'
const hola = [{ role: 'user' as const, content: 'hola' }]

describe('OllamaProvider against an Ollama API double', () => {
  let ollama: OllamaDouble
  beforeEach(async () => {
    ollama = await startOllamaDouble({ models: ['llama3.1:8b', 'qwen2.5', 'nomic-embed-text'], reply: () => ANSWER })
  })
  afterEach(async () => ollama.close())

  it('streams a chat answer and joins the chunks', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    const result = await provider.chat({
      model: 'llama3.1:8b',
      messages: [
        { role: 'system', content: 'Eres un vendedor.' },
        { role: 'user', content: 'Busco un curso de piano' },
      ],
      temperature: 0.3,
      contextTokens: 4096,
    })
    expect(result).toEqual({ text: ANSWER, model: 'llama3.1:8b', provider: 'ollama', doneReason: 'stop' })
    expect(ollama.chatRequests[0]).toMatchObject({ model: 'llama3.1:8b', stream: true, options: { temperature: 0.3, num_ctx: 4096 } })
    expect(ollama.chatRequests[0]?.options).not.toHaveProperty('num_predict')
    expect(ollama.chatRequests[0]?.messages).toHaveLength(2)
  })

  it('hands each streamed piece to onToken, in order, and they make up the answer', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    const pieces: string[] = []
    const result = await provider.chat({ model: 'llama3.1:8b', messages: hola, onToken: (delta) => pieces.push(delta) })
    expect(pieces.length).toBeGreaterThan(3)
    expect(pieces[0]).toBe('¡Hola! ')
    expect(pieces.join('')).toBe(result.text)
  })

  it('sends maxTokens as num_predict and reports a cut answer as length', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    const result = await provider.chat({ model: 'llama3.1:8b', messages: hola, maxTokens: 3 })
    expect(ollama.chatRequests[0]?.options).toMatchObject({ num_predict: 3 })
    expect(result).toMatchObject({ text: '¡Hola! Sí, tenemos', doneReason: 'length' })
  })

  it('stops a generation under way when the caller aborts, as a cancellation', async () => {
    await ollama.close()
    ollama = await startOllamaDouble({ reply: () => 'una respuesta larga '.repeat(40), chunkDelayMs: 30 })
    const provider = new OllamaProvider({ host: ollama.url, timeoutMs: 5_000 })
    const controller = new AbortController()
    const pieces: string[] = []
    const started = Date.now()
    const pending = provider.chat({
      model: 'llama3.1:8b',
      messages: hola,
      signal: controller.signal,
      onToken: (delta) => {
        pieces.push(delta)
        if (pieces.length === 3) controller.abort()
      },
    })
    const error = await pending.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LlmCancelledError)
    expect(error).not.toBeInstanceOf(LlmUnavailableError)
    expect(Date.now() - started).toBeLessThan(1_500)
    expect(pieces).toHaveLength(3)
    // The connection closed, so the server stopped generating.
    await expect.poll(() => ollama.abortedChats).toBe(1)
  })

  it('does not call the server for a signal already aborted', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    const error = await provider.chat({ model: 'llama3.1:8b', messages: hola, signal: AbortSignal.abort() }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LlmCancelledError)
    expect(ollama.requests).toHaveLength(0)
  })

  it('reports a missing model as model_missing, both in chat and in health', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    const error = await provider.chat({ model: 'mistral', messages: hola }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LlmUnavailableError)
    expect((error as LlmUnavailableError).reason).toBe('model_missing')
    expect(await provider.health('mistral')).toMatchObject({ state: 'model_missing', serverVersion: '0.12.6' })
  })

  it('matches untagged model names as :latest', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    expect((await provider.health('qwen2.5:latest')).state).toBe('ready')
    expect((await provider.health('llama3.1:8b')).state).toBe('ready')
  })

  it('reports a server that does not answer as unreachable', async () => {
    await ollama.close()
    const provider = new OllamaProvider({ host: ollama.url })
    const error = await provider.chat({ model: 'llama3.1:8b', messages: hola }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LlmUnavailableError)
    expect((error as LlmUnavailableError).reason).toBe('unreachable')
    expect((error as Error).message).toContain(ollama.url)
    const health = await provider.health('llama3.1:8b')
    expect(health).toMatchObject({ state: 'unreachable', serverVersion: null })
    const listing = await provider.listModels().catch((e: unknown) => e)
    expect((listing as LlmUnavailableError).reason).toBe('unreachable')
    await ollama.restart()
  })

  it('gives up on a model that stops answering, as a timeout', async () => {
    await ollama.close()
    ollama = await startOllamaDouble({ firstChunkDelayMs: 2_000 })
    const provider = new OllamaProvider({ host: ollama.url, timeoutMs: 200 })
    const started = Date.now()
    const error = await provider.chat({ model: 'llama3.1:8b', messages: hola }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LlmUnavailableError)
    expect((error as LlmUnavailableError).reason).toBe('timeout')
    expect((error as Error).message).toMatch(/no respondió/)
    expect(Date.now() - started).toBeLessThan(1_500)
  })

  it('keeps waiting while chunks keep coming, even past the timeout in total', async () => {
    await ollama.close()
    // 8 chunks 300 ms apart: 2.4 s in total against a 1 s timeout, with 700 ms to spare between
    // chunks (a 140 ms margin failed once on a loaded CI machine).
    ollama = await startOllamaDouble({ reply: () => 'uno dos tres cuatro cinco seis siete ocho', chunkDelayMs: 300 })
    const provider = new OllamaProvider({ host: ollama.url, timeoutMs: 1_000 })
    const result = await provider.chat({ model: 'llama3.1:8b', messages: hola })
    expect(result.text).toBe('uno dos tres cuatro cinco seis siete ocho')
  })

  it('passes other server errors through with their message', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    ollama.failNext(500, { error: 'llama runner process has terminated' })
    const error = await provider.chat({ model: 'llama3.1:8b', messages: hola }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(LlmUnavailableError)
    expect((error as Error).message).toContain('llama runner process has terminated')
  })

  it('lists the installed models and marks the embedding one', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    const models = await provider.listModels()
    expect(models.map((m) => m.name)).toEqual(['llama3.1:8b', 'qwen2.5:latest', 'nomic-embed-text:latest'])
    expect(models[0]).toEqual({ name: 'llama3.1:8b', sizeBytes: 4_920_753_328, family: 'llama', parameterSize: '8.0B', quantization: 'Q4_K_M', embedding: false })
    expect(models[2]).toMatchObject({ family: 'nomic-bert', embedding: true })
    expect(models.filter((m) => m.embedding)).toHaveLength(1)
  })

  it('embeds one vector per input, in order', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    const vectors = await provider.embed('nomic-embed-text', ['aaa', 'bbb', 'ab'])
    expect(vectors).toHaveLength(3)
    expect(vectors[0]![0]).toBeCloseTo(1)
    expect(vectors[1]![1]).toBeCloseTo(1)
    expect(vectors[2]![0]).toBeCloseTo(Math.SQRT1_2)
    expect(await provider.embed('nomic-embed-text', [])).toEqual([])
  })

  it('embeds a long list in batches of at most 64', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    const inputs = Array.from({ length: 150 }, (_, i) => `${'a'.repeat(i + 1)}b`)
    const vectors = await provider.embed('nomic-embed-text', inputs)
    const batches = ollama.requests.filter((r) => r.path === '/api/embed').map((r) => (r.body as { input: string[] }).input)
    expect(batches.map((b) => b.length)).toEqual([64, 64, 22])
    expect(batches.flat()).toEqual(inputs)
    expect(vectors).toHaveLength(150)
    // Order survives batching: the share of `a` grows with the index.
    expect(vectors[149]![0]!).toBeGreaterThan(vectors[100]![0]!)
    expect(vectors[100]![0]!).toBeGreaterThan(vectors[0]![0]!)
  })

  it('reports embeddings with an unknown model as model_missing', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    const error = await provider.embed('bge-m3', ['hola']).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LlmUnavailableError)
    expect((error as LlmUnavailableError).reason).toBe('model_missing')
  })
})

describe('OllamaProvider with no server', () => {
  it('reports a host nobody listens on as unreachable', async () => {
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
    const provider = new OllamaProvider({ host: 'http://127.0.0.1:9' })
    const error = await provider.chat({ model: 'llama3.1:8b', messages: hola }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LlmUnavailableError)
    expect((error as LlmUnavailableError).reason).toBe('unreachable')
    expect((error as Error).message).toContain('127.0.0.1:9')
    const embedding = await provider.embed('nomic-embed-text', ['hola']).catch((e: unknown) => e)
    expect((embedding as LlmUnavailableError).reason).toBe('unreachable')
  })
})

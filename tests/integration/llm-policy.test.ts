import { afterEach, describe, expect, it } from 'vitest'
import type { MessageDto } from '../../src/shared/types'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { startOpenAiDouble, type OpenAiDouble } from '../support/openai-double'
import { buildTestApp, callApi as call, eventually, type TestApp } from '../support/test-app'

const KEY = 'gsk_test_0123456789abcdef'

describe('who answers: local, local with cloud fallback, cloud', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  let cloud: OpenAiDouble | undefined
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    await cloud?.close().catch(() => {})
    app = ollama = cloud = undefined
  })

  async function setup(policy: 'local' | 'local_then_cloud' | 'cloud', ollamaUp: boolean) {
    ollama = await startOllamaDouble({ reply: () => 'Respuesta de Ollama' })
    if (!ollamaUp) await ollama.close()
    cloud = await startOpenAiDouble({ apiKey: KEY, models: ['llama-3.1-8b-instant'], reply: () => 'Respuesta de la nube' })
    app = await buildTestApp({ ollamaHost: ollama.url, llmRecheckMs: 50 })
    await call(app, 'settings.update', { llm: { policy, holdingReply: null }, cloud: { baseUrl: cloud.url, model: 'llama-3.1-8b-instant' } })
    await call(app, 'llm.setCloudKey', { apiKey: KEY })
    return app
  }

  async function ask(text: string): Promise<MessageDto[]> {
    const sent = await call(app!, 'simulator.send', { from: 'Ana', text })
    await app!.idle()
    return call(app!, 'conversations.messages', { conversationId: sent.conversationId })
  }

  it('local with fallback: the cloud answers while Ollama is down, recorded as the cloud model, and Ollama again once it is back', async () => {
    await setup('local_then_cloud', false)
    const first = await ask('hola, ¿tienen cursos?')
    expect(first.at(-1)).toMatchObject({ author: 'bot', text: 'Respuesta de la nube', model: 'cloud:llama-3.1-8b-instant' })
    expect(cloud!.chatRequests).toHaveLength(1)
    expect(cloud!.requests.find((r) => r.path.endsWith('/chat/completions'))?.authorization).toBe(`Bearer ${KEY}`)
    const status = await call(app!, 'app.status', {})
    expect(status.llm).toMatchObject({ policy: 'local_then_cloud', state: 'unreachable', canAnswer: true, fallback: { state: 'ready', model: 'llama-3.1-8b-instant' } })
    const exchange = await eventually(async () => (await call(app!, 'review.list', { status: 'all' })).items[0])
    expect(exchange.model).toBe('cloud:llama-3.1-8b-instant')

    await ollama!.restart()
    await eventually(async () => (await call(app!, 'app.status', {})).llm.state === 'ready')
    const second = await ask('¿y de guitarra?')
    expect(second.at(-1)).toMatchObject({ text: 'Respuesta de Ollama', model: 'llama3.1:8b' })
  })

  it('local only: never calls the cloud; the message waits for Ollama', async () => {
    await setup('local', false)
    const messages = await ask('hola')
    expect(messages.map((m) => m.replyState ?? m.author)).toEqual(['waiting_model'])
    expect(cloud!.chatRequests).toHaveLength(0)
    expect((await call(app!, 'app.status', {})).llm).toMatchObject({ state: 'unreachable', canAnswer: false, fallback: null })
  })

  it('cloud only: answers from the cloud without asking Ollama', async () => {
    await setup('cloud', true)
    const messages = await ask('hola')
    expect(messages.at(-1)).toMatchObject({ text: 'Respuesta de la nube', model: 'cloud:llama-3.1-8b-instant' })
    expect(ollama!.chatRequests).toHaveLength(0)
  })

  it('when both routes fail the message waits, and it is answered when one comes back', async () => {
    await setup('local_then_cloud', false)
    await call(app!, 'settings.update', { cloud: { baseUrl: 'http://127.0.0.1:9/v1' } })
    // A new server deletes the stored key (it is never sent to another server): give it again.
    await call(app!, 'llm.setCloudKey', { apiKey: KEY })
    const messages = await ask('hola, ¿tienen cursos de inglés?')
    expect(messages[0]).toMatchObject({ replyState: 'waiting_model' })
    expect((await call(app!, 'app.status', {})).llm).toMatchObject({ canAnswer: false, fallback: { state: 'unreachable' } })
    await call(app!, 'settings.update', { cloud: { baseUrl: cloud!.url } })
    expect(await call(app!, 'llm.cloudKey', {})).toEqual({ configured: false })
    await call(app!, 'llm.setCloudKey', { apiKey: KEY })
    const answered = await eventually(async () => {
      const list = await call(app!, 'conversations.messages', { conversationId: messages[0]!.conversationId })
      return list.find((m) => m.author === 'bot')
    })
    expect(answered.model).toBe('cloud:llama-3.1-8b-instant')
  })

  it('a wrong cloud key is reported as such, and the key is stored encrypted, never in clear', async () => {
    await setup('cloud', true)
    await call(app!, 'llm.setCloudKey', { apiKey: 'gsk_wrong_key_000000' })
    const status = await call(app!, 'llm.check', {})
    expect(status).toMatchObject({ state: 'unauthorized', canAnswer: false })
    expect(status.detail).not.toContain('gsk_wrong_key_000000')
    const stored = app!.repos.db.$client.prepare('SELECT value FROM secrets').all() as { value: Buffer }[]
    expect(stored).toHaveLength(1)
    expect(stored[0]!.value.toString('latin1')).not.toContain('gsk_wrong')
    expect(await call(app!, 'llm.cloudKey', {})).toEqual({ configured: true })
    expect(await call(app!, 'llm.setCloudKey', { apiKey: null })).toEqual({ configured: false })
  })

  it('the cloud model as teacher: proposes a better answer for an exchange under review, from the same catalog and history', async () => {
    await setup('local', true)
    await call(app!, 'catalog.save', { product: { name: 'Curso de Piano Básico', price: 89_000, keywords: ['piano'] } })
    cloud!.setReply((body) =>
      body.messages[0]?.content.includes('eres quien enseña') ? '¡Hola! El Curso de Piano Básico cuesta $89.000 e incluye 12 clases. ¿Te envío el enlace?' : 'otra cosa',
    )
    await ask('¿cuánto vale el curso de piano?')
    const exchange = await eventually(async () => (await call(app!, 'review.list', { status: 'all' })).items[0])
    expect(exchange.model).toBe('llama3.1:8b')
    const suggestion = await call(app!, 'review.suggest', { id: exchange.id })
    expect(suggestion).toEqual({ text: '¡Hola! El Curso de Piano Básico cuesta $89.000 e incluye 12 clases. ¿Te envío el enlace?', model: 'cloud:llama-3.1-8b-instant', guardrails: [] })
    const sent = cloud!.chatRequests.at(-1)!
    expect(sent.messages[0]?.content).toContain('Curso de Piano Básico: $89.000')
    expect(sent.messages.at(-1)).toEqual({ role: 'user', content: '¿cuánto vale el curso de piano?' })

    // Without a key the owner hears why, in Spanish, and nothing is called.
    await call(app!, 'llm.setCloudKey', { apiKey: null })
    const before = cloud!.chatRequests.length
    const refused = await app!.dispatch('review.suggest', { id: exchange.id })
    expect(refused).toMatchObject({ ok: false, error: { code: 'precondition' } })
    expect(refused.ok ? '' : refused.error.message).toMatch(/^Groq no pudo sugerir una respuesta: .*clave/)
    expect(cloud!.chatRequests.length).toBe(before)
  })

  it('lists the models installed in Ollama for the picker, marking embedding models', async () => {
    ollama = await startOllamaDouble({ models: ['llama3.1:8b', 'qwen2.5:3b', 'nomic-embed-text'] })
    app = await buildTestApp({ ollamaHost: ollama.url })
    const { models, error } = await call(app, 'llm.models', {})
    expect(error).toBeNull()
    expect(models.map((m) => [m.name, m.embedding])).toEqual([
      ['llama3.1:8b', false],
      ['qwen2.5:3b', false],
      ['nomic-embed-text:latest', true],
    ])
  })
})

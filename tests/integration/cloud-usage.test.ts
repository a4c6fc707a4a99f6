import { afterEach, describe, expect, it } from 'vitest'
import { estimateUsage } from '../../src/main/llm/usage'
import type { StatsCloudWeek } from '../../src/shared/types'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { startOpenAiDouble, type OpenAiChatBody, type OpenAiDouble, type OpenAiDoubleOptions } from '../support/openai-double'
import { buildTestApp, callApi as call, eventually, type TestApp } from '../support/test-app'

const KEY = 'gsk_test_0123456789abcdef'
const MODEL = 'llama-3.1-8b-instant'
const REPLY = 'Sí, el Curso de Piano Básico tiene cupos esta semana.'

/** The double's token count: a word, or a message's role marker, is a token (tests/support/openai-double.ts). */
const promptTokensOf = (body: OpenAiChatBody) => body.messages.reduce((sum, m) => sum + 1 + (m.content.match(/\S+/g)?.length ?? 0), 0)
const wordsOf = (text: string) => text.match(/\S+/g)?.length ?? 0

describe('every paid cloud call is counted, with its tokens (Menos nube)', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  let cloud: OpenAiDouble | undefined
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    await cloud?.close().catch(() => {})
    app = ollama = cloud = undefined
  })

  async function setup(policy: 'local' | 'cloud', double: Partial<OpenAiDoubleOptions> = {}) {
    ollama = await startOllamaDouble({ reply: () => 'Respuesta de Ollama' })
    cloud = await startOpenAiDouble({ apiKey: KEY, models: [MODEL], reply: () => REPLY, ...double })
    app = await buildTestApp({ ollamaHost: ollama.url, llmRecheckMs: 50 })
    await call(app, 'settings.update', { llm: { policy, holdingReply: null }, cloud: { baseUrl: cloud.url, model: MODEL } })
    await call(app, 'llm.setCloudKey', { apiKey: KEY })
    return app
  }

  async function ask(text: string): Promise<string> {
    const sent = await call(app!, 'simulator.send', { from: 'Ana', text })
    await app!.idle()
    return sent.conversationId
  }

  /** This week's row of "Menos nube", as the stats API returns it. */
  async function thisWeek(): Promise<StatsCloudWeek> {
    const { cloudUsage } = await call(app!, 'stats.get', { includeDemo: false })
    expect(cloudUsage.weeks).toHaveLength(1)
    return cloudUsage.weeks[0]!
  }

  it('asks for usage in the stream and stores the counts the server reported with the cloud answer', async () => {
    await setup('cloud')
    await ask('hola, ¿hay cupos para piano?')
    const sent = cloud!.chatRequests[0]!
    expect(sent.stream_options).toEqual({ include_usage: true })

    const week = await eventually(async () => {
      const w = await thisWeek()
      return w.cloudAnswers === 1 ? w : null
    })
    expect(week).toMatchObject({
      localAnswers: 0,
      cloudAnswers: 1,
      cloudShare: 1,
      cloudCalls: 1,
      failedCalls: 0,
      promptTokens: promptTokensOf(sent),
      completionTokens: wordsOf(REPLY),
      estimated: false,
      // No price in Ajustes → Nube yet: tokens, but no cost.
      costUsd: null,
    })

    // With the prices set, the same tokens have a cost: US$ per million, input and output apart.
    await call(app!, 'settings.update', { cloud: { priceInputPerMillion: 0.05, priceOutputPerMillion: 0.08 } })
    const priced = await call(app!, 'stats.get', { includeDemo: false })
    expect(priced.cloudUsage.priced).toBe(true)
    expect(priced.cloudUsage.weeks[0]!.costUsd).toBeCloseTo((promptTokensOf(sent) * 0.05 + wordsOf(REPLY) * 0.08) / 1_000_000, 12)
  })

  it('a server that ignores the option: the counts are estimated from the characters, and say so', async () => {
    await setup('cloud', { streamUsage: 'ignore' })
    await ask('hola, ¿hay cupos para piano?')
    const sent = cloud!.chatRequests[0]!
    const guess = estimateUsage(sent.messages as Parameters<typeof estimateUsage>[0], REPLY)
    const week = await eventually(async () => ((await thisWeek()).cloudCalls === 1 ? thisWeek() : null))
    expect(week).toMatchObject({ cloudCalls: 1, promptTokens: guess.promptTokens, completionTokens: guess.completionTokens, estimated: true })
    expect(week.promptTokens).toBeGreaterThan(0)
  })

  it('a server that refuses the option: asked again without it, the customer still gets the answer', async () => {
    await setup('cloud', { streamUsage: 'reject' })
    const conversationId = await ask('hola, ¿hay cupos para piano?')
    const messages = await call(app!, 'conversations.messages', { conversationId })
    expect(messages.at(-1)).toMatchObject({ author: 'bot', text: REPLY, model: `cloud:${MODEL}` })
    expect(cloud!.chatRequests.map((r) => r.stream_options ?? null)).toEqual([{ include_usage: true }, null])
    const week = await eventually(async () => ((await thisWeek()).cloudAnswers === 1 ? thisWeek() : null))
    // One answer, one paid call: the refused request was not charged.
    expect(week).toMatchObject({ cloudAnswers: 1, cloudCalls: 1, estimated: true })

    // The provider remembers: the next answer does not try the option again.
    await ask('¿y de guitarra?')
    expect(cloud!.chatRequests.map((r) => r.stream_options ?? null)).toEqual([{ include_usage: true }, null, null])
  })

  it('counts failed calls too: a refused one at zero tokens', async () => {
    await setup('cloud')
    // The chat call fails, not a health check that may come in between (on a busy machine one did).
    await eventually(async () => (await call(app!, 'app.status', {})).llm.state === 'ready')
    cloud!.failNext(429, undefined, undefined, { path: '/v1/chat/completions' })
    await ask('hola')
    // The message waits for the cloud, and is answered on the next try.
    const week = await eventually(async () => {
      const w = await thisWeek()
      return w.cloudAnswers === 1 ? w : null
    })
    const answered = cloud!.chatRequests.at(-1)!
    expect(week).toMatchObject({ cloudCalls: 2, failedCalls: 1, promptTokens: promptTokensOf(answered), completionTokens: wordsOf(REPLY) })
  })

  it('a call stopped halfway (the owner took over) counts, with the tokens of what had arrived, estimated', async () => {
    await setup('cloud', { chunkDelayMs: 40 })
    const controller = new AbortController()
    const messages = [{ role: 'user' as const, content: 'hola, ¿hay cupos para piano?' }]
    const asked = app!.llm.chat(messages, { signal: controller.signal, onToken: () => controller.abort('takeover') })
    await expect(asked).rejects.toThrow()
    const week = await eventually(async () => ((await thisWeek()).cloudCalls === 1 ? thisWeek() : null))
    // The prompt was read and part of the answer written: billed, so counted, by estimate.
    const first = REPLY.match(/\S+\s*/)![0]
    expect(week).toMatchObject({ cloudAnswers: 0, cloudCalls: 1, failedCalls: 1, estimated: true, ...pick(estimateUsage(messages, first)) })
    expect(week.promptTokens).toBeGreaterThan(0)
  })

  it('counts the teacher ("Sugerir con la nube") as a paid call, while local answers cost nothing', async () => {
    await setup('local')
    await ask('¿cuánto vale el curso de piano?')
    const exchange = await eventually(async () => (await call(app!, 'review.list', { status: 'all' })).items[0])
    const local = await thisWeek()
    expect(local).toMatchObject({ localAnswers: 1, cloudAnswers: 0, cloudShare: 0, cloudCalls: 0 })

    await call(app!, 'review.suggest', { id: exchange.id })
    const sent = cloud!.chatRequests.at(-1)!
    const week = await thisWeek()
    // A suggestion is not an answer to a customer: the share stays, the call and its tokens count.
    expect(week).toMatchObject({ localAnswers: 1, cloudAnswers: 0, cloudCalls: 1, promptTokens: promptTokensOf(sent), completionTokens: wordsOf(REPLY), estimated: false })
  })
})

function pick(usage: { promptTokens: number; completionTokens: number }) {
  return { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens }
}

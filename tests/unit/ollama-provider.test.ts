import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LlmUnavailableError } from '../../src/main/llm/llm-provider'
import { OllamaProvider } from '../../src/main/llm/ollama-provider'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'

describe('OllamaProvider against an Ollama API double', () => {
  let ollama: OllamaDouble
  beforeEach(async () => {
    ollama = await startOllamaDouble({ models: ['llama3.1:8b', 'qwen2.5'], reply: () => '¡Hola! Sí, tenemos cursos de piano desde $50.000.' })
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
    })
    expect(result).toEqual({ text: '¡Hola! Sí, tenemos cursos de piano desde $50.000.', model: 'llama3.1:8b' })
    expect(ollama.chatRequests[0]).toMatchObject({ model: 'llama3.1:8b', stream: true, options: { temperature: 0.3 } })
    expect(ollama.chatRequests[0]?.messages).toHaveLength(2)
  })

  it('reports a missing model as model_missing, both in chat and in health', async () => {
    const provider = new OllamaProvider({ host: ollama.url })
    const error = await provider.chat({ model: 'mistral', messages: [{ role: 'user', content: 'hola' }] }).catch((e: unknown) => e)
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
    const error = await provider.chat({ model: 'llama3.1:8b', messages: [{ role: 'user', content: 'hola' }] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LlmUnavailableError)
    expect((error as LlmUnavailableError).reason).toBe('unreachable')
    expect((error as Error).message).toContain(ollama.url)
    const health = await provider.health('llama3.1:8b')
    expect(health).toMatchObject({ state: 'unreachable', serverVersion: null })
    await ollama.restart()
  })

  it('gives up on a model that stops answering', async () => {
    await ollama.close()
    ollama = await startOllamaDouble({ firstChunkDelayMs: 2_000 })
    const provider = new OllamaProvider({ host: ollama.url, timeoutMs: 200 })
    const error = await provider.chat({ model: 'llama3.1:8b', messages: [{ role: 'user', content: 'hola' }] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LlmUnavailableError)
  })
})

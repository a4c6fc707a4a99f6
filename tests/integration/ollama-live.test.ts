import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { OllamaProvider } from '../../src/main/llm/ollama-provider'
import { CHATML_OLLAMA_TEMPLATE, OllamaDeployer } from '../../src/main/training/ollama-deployer'
import { createTinyLlamaModel } from '../support/tiny-model'
import { normalizeOllamaHost } from '../../src/main/settings/settings-defaults'
import { buildTestApp, callApi as call, eventually, tempDir } from '../support/test-app'

// Runs against a real Ollama wherever one answers (OLLAMA_HOST, else the default address); the
// rest of the suite speaks to a double of its API. OLLAMA_LIVE_MODEL picks the chat model.
const host = normalizeOllamaHost(process.env.OLLAMA_HOST)
const provider = new OllamaProvider({ host, timeoutMs: 300_000 })
const models = await provider.listModels(AbortSignal.timeout(1_500)).catch(() => null)
const chatModel = process.env.OLLAMA_LIVE_MODEL ?? models?.find((m) => !m.embedding)?.name
const embeddingModel = models?.find((m) => m.embedding)?.name
if (!models || !chatModel) {
  console.warn(
    `[ollama-live] SKIPPED: ${models ? `Ollama at ${host} has no chat model installed` : `no Ollama answers at ${host}`}. ` +
      'The responder is covered against the Ollama API double; run with OLLAMA_HOST pointing at a real server to check it live.',
  )
}

describe.skipIf(!models || !chatModel)(`live Ollama at ${host}`, () => {
  it(
    'answers a customer about a catalog product with the real model, and the answer passes the price guard',
    async () => {
      const app = await buildTestApp({ ollamaHost: host })
      try {
        await call(app, 'settings.update', { llm: { model: chatModel!, temperature: 0.2 } })
        await call(app, 'catalog.save', { product: { name: 'Curso de Piano Básico', price: 89_000, keywords: ['piano'], description: '12 clases en video.' } })
        const sent = await call(app, 'simulator.send', { from: 'Prueba en vivo', text: 'Hola, ¿cuánto cuesta el curso de piano?' })
        const bot = await eventually(async () => {
          const messages = await call(app, 'conversations.messages', { conversationId: sent.conversationId })
          return messages.find((m) => m.author === 'bot' && m.template === null)
        }, 280_000, 250)
        expect(bot.text?.length ?? 0).toBeGreaterThan(0)
        expect(bot.model).toContain(chatModel!.split(':')[0])
        // Whatever the model said, any amount that reached the customer is the catalog's.
        const amounts = bot.text!.match(/\$\s?[\d.]+/g) ?? []
        for (const amount of amounts) expect(amount.replace(/\s/g, '')).toBe('$89.000')
      } finally {
        await app.dispose()
      }
    },
    300_000,
  )

  it.skipIf(!embeddingModel)('embeds texts with the installed embedding model', async () => {
    const vectors = await provider.embed(embeddingModel!, ['audífonos bluetooth', 'curso de piano'])
    expect(vectors).toHaveLength(2)
    expect(vectors[0]!.length).toBeGreaterThan(10)
  }, 120_000)

  it('deploys a GGUF the way a fine-tune is deployed (blob, create with the ChatML template and stop words), generates with it, and deletes it', async () => {
    const dir = tempDir()
    try {
      const gguf = join(dir.path, 'tiny.gguf')
      await createTinyLlamaModel(gguf, { corpus: ['Hola, ¿en qué te puedo ayudar?', 'El envío tarda 2 días.'], layers: 2 })
      const deployer = new OllamaDeployer(() => host)
      const name = `autodidacta-live-test:v${Date.now()}`
      const digest = await deployer.uploadBlob(gguf)
      await deployer.create({ model: name, files: { 'model.gguf': digest }, template: CHATML_OLLAMA_TEMPLATE, parameters: { stop: ['<|im_end|>', '<|im_start|>'] }, system: 'Eres un vendedor.' })
      try {
        const shown = await deployer.show(name)
        expect(shown.template).toBe(CHATML_OLLAMA_TEMPLATE)
        // Random weights: the text is noise, but Ollama loaded the file and ran it through the template.
        const text = await deployer.chat(name, [{ role: 'user', content: 'hola' }], { maxTokens: 8 })
        expect(typeof text).toBe('string')
      } finally {
        await deployer.delete(name)
      }
    } finally {
      dir.remove()
    }
  }, 120_000)
})

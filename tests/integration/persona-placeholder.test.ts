import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildPrompt } from '../../src/main/prompt/prompt-builder'
import { DEFAULT_SYSTEM_PROMPT } from '../../src/shared/persona'
import { buildTestApp, callApi, type TestApp } from '../support/test-app'

/** The bot's instructions speak the owner's language: the shop's name goes where `{tienda}` is. */
describe('the shop-name placeholder of the bot’s instructions', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await buildTestApp()
  })
  afterEach(async () => app.dispose())

  it('is {tienda} in the instructions Ajustes shows, and the prompt gets the shop’s name there', async () => {
    await callApi(app, 'settings.update', { persona: { shopName: 'Dulces Marta' } })
    const settings = await callApi(app, 'settings.get', {})
    expect(settings.persona.systemPrompt).toContain('{tienda}')
    expect(settings.persona.systemPrompt).not.toContain('{shopName}')
    const preview = await callApi(app, 'llm.previewPrompt', { text: '¿tienen chocolates?' })
    expect(preview.messages[0]!.content).toContain('experto en Dulces Marta.')
    expect(preview.messages[0]!.content).not.toMatch(/\{tienda\}|\{shopName\}/)
  })

  it('still accepts the old {shopName} in instructions saved with it, and shows them with {tienda}', async () => {
    await callApi(app, 'settings.update', { persona: { shopName: 'Dulces Marta', systemPrompt: 'Eres Sofía, de {shopName}. Hablas de tú.' } })
    const settings = await callApi(app, 'settings.get', {})
    expect(settings.persona.systemPrompt).toBe('Eres Sofía, de {tienda}. Hablas de tú.')
    const preview = await callApi(app, 'llm.previewPrompt', { text: 'hola', systemPrompt: 'Eres Sofía, de {shopName}.' })
    expect(preview.messages[0]!.content).toContain('Eres Sofía, de Dulces Marta.')
    // The old default, saved as the owner's own text, reads as today's default: "Restaurar" has nothing to restore.
    await callApi(app, 'settings.update', { persona: { systemPrompt: DEFAULT_SYSTEM_PROMPT.replace('{tienda}', '{shopName}') } })
    expect((await callApi(app, 'settings.get', {})).persona.systemPrompt).toBe(DEFAULT_SYSTEM_PROMPT)
  })

  it('fills both placeholders in the prompt builder', () => {
    for (const systemPrompt of ['Trabajas en {tienda}.', 'Trabajas en {shopName}.']) {
      const built = buildPrompt({ shopName: 'Dulces Marta', systemPrompt, products: [], examples: [], history: [{ role: 'user', content: 'hola' }], budgetTokens: 2000 })
      expect(built.messages[0]!.content).toContain('Trabajas en Dulces Marta.')
    }
  })
})

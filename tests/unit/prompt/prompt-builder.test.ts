import { describe, expect, it } from 'vitest'
import { buildPrompt, type HistoryTurn, type PromptInput } from '../../../src/main/prompt/prompt-builder'
import { estimateTokens } from '../../../src/main/prompt/token-estimate'
import type { FewShotExample } from '../../../src/main/retrieval/example-index'
import { shopCatalog } from '../../fixtures/catalog'

const catalog = shopCatalog()
const byId = (id: string) => catalog.find((p) => p.id === id)!

function input(overrides: Partial<PromptInput> = {}): PromptInput {
  return {
    shopName: 'Tecnovariedades D&S',
    systemPrompt: 'Eres un asistente de ventas experto en {shopName}.',
    products: [byId('piano'), byId('guitarra')],
    examples: [],
    history: [{ role: 'user', content: '¿Cuánto vale el curso de piano?' }],
    budgetTokens: 3000,
    ...overrides,
  }
}

const example = (id: string, question: string, answer: string): FewShotExample => ({
  id, conversationId: 'other', question, answer, category: null, productId: null, score: 5, corrected: true, createdAt: 0,
})

describe('buildPrompt', () => {
  it('puts the persona, the rules, the relevant products with their prices and the examples in the system prompt', () => {
    const built = buildPrompt(
      input({ examples: [example('e1', '¿Cuánto cuesta el de guitarra?', '¡Hola! El Curso de Guitarra Acústica cuesta $79.000 😊')] }),
    )
    const system = built.messages[0]!
    expect(system.role).toBe('system')
    expect(system.content).toContain('Eres un asistente de ventas experto en Tecnovariedades D&S.')
    expect(system.content).toMatch(/Nunca inventes un precio/)
    // The bot cannot see a bank account: only the owner confirms a payment.
    expect(system.content).toMatch(/Nunca des un pago por recibido ni confirmado/)
    expect(system.content).toContain('- Curso de Piano Básico: $89.000')
    expect(system.content).toContain('- Curso de Guitarra Acústica: $79.000')
    expect(system.content).toContain('Cliente: ¿Cuánto cuesta el de guitarra?\nTienda: ¡Hola! El Curso de Guitarra Acústica cuesta $79.000 😊')
    expect(built.productIds).toEqual(['piano', 'guitarra'])
    expect(built.exampleIds).toEqual(['e1'])
    expect(built.messages.at(-1)).toEqual({ role: 'user', content: '¿Cuánto vale el curso de piano?' })
  })

  it('tells the model a product has no price to quote, and says so when nothing matched', () => {
    expect(buildPrompt(input({ products: [byId('mentoria')] })).messages[0]!.content).toContain('Mentoría personalizada: precio a confirmar (no lo digas)')
    expect(buildPrompt(input({ products: [] })).messages[0]!.content).toContain('No menciones precios')
  })

  it('keeps the newest turns that fit the budget and drops the oldest, never the customer\'s last turn', () => {
    const history: HistoryTurn[] = []
    for (let i = 0; i < 40; i++) {
      history.push({ role: 'user', content: `Pregunta número ${i} sobre los cursos y los envíos a mi ciudad, con detalles` })
      history.push({ role: 'assistant', content: `Respuesta número ${i}: con gusto te cuento todo lo que necesitas saber del curso` })
    }
    history.push({ role: 'user', content: 'Última pregunta: ¿y el de piano?' })
    const budget = 900
    const built = buildPrompt(input({ history, budgetTokens: budget }))
    expect(built.estimatedTokens).toBeLessThanOrEqual(budget)
    expect(built.droppedTurns).toBeGreaterThan(40)
    const turns = built.messages.slice(1)
    expect(turns.at(-1)).toEqual({ role: 'user', content: 'Última pregunta: ¿y el de piano?' })
    // The newest earlier exchange survived; the oldest did not.
    expect(turns.some((m) => m.content.includes('Respuesta número 39'))).toBe(true)
    expect(turns.some((m) => m.content.includes('Pregunta número 0 '))).toBe(false)
    // The first turn after the system prompt is the customer's, as chat templates expect.
    expect(turns[0]!.role).toBe('user')
    // Turns alternate.
    for (let i = 1; i < turns.length; i++) expect(turns[i]!.role).not.toBe(turns[i - 1]!.role)
    // A bigger budget keeps more.
    expect(buildPrompt(input({ history, budgetTokens: 3000 })).droppedTurns).toBeLessThan(built.droppedTurns)
  })

  it('merges a burst of customer lines into one turn', () => {
    const built = buildPrompt(
      input({
        history: [
          { role: 'user', content: 'hola' },
          { role: 'user', content: 'una pregunta' },
          { role: 'user', content: '¿cuánto vale el de piano?' },
        ],
      }),
    )
    expect(built.messages.slice(1)).toEqual([{ role: 'user', content: 'hola\nuna pregunta\n¿cuánto vale el de piano?' }])
  })

  it('caps the catalog and the examples to their share of a small budget', () => {
    const products = Array.from({ length: 200 }, (_, i) => ({ ...byId('piano'), id: `x${i}`, name: `Producto de prueba número ${i}`, description: 'x'.repeat(200) }))
    const examples = Array.from({ length: 50 }, (_, i) => example(`e${i}`, `Pregunta ${i} `.repeat(10), `Respuesta ${i} `.repeat(20)))
    const built = buildPrompt(input({ products, examples, budgetTokens: 1200 }))
    expect(built.productIds.length).toBeGreaterThan(0)
    expect(built.productIds.length).toBeLessThan(20)
    expect(built.exampleIds.length).toBeLessThan(10)
    expect(estimateTokens(built.messages[0]!.content)).toBeLessThan(1200 * 0.75)
  })

  it('adds the correction of a retry at the end of the system prompt', () => {
    const built = buildPrompt(input({ correction: 'usa solo los precios del catálogo.' }))
    expect(built.messages[0]!.content.endsWith('Importante: usa solo los precios del catálogo.')).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { ExampleIndex, fuseRankings, type FewShotExample } from '../../../src/main/retrieval/example-index'

function example(id: string, question: string, answer: string, extra: Partial<FewShotExample> = {}): FewShotExample {
  return { id, conversationId: `conv-${id}`, question, answer, category: null, productId: null, score: 4, corrected: false, createdAt: 0, ...extra }
}

describe('ExampleIndex (the shop\'s approved answers, found by the question)', () => {
  const pool = [
    example('envio', '¿Hacen envíos a Medellín?', 'Sí, enviamos a todo el país con Servientrega; a Medellín llega en 2 días.'),
    example('pago', '¿Cómo puedo pagar? ¿Aceptan Nequi?', 'Aceptamos Nequi, Daviplata y tarjeta. Te envío el enlace de pago.'),
    example('horario', '¿A qué hora abren el sábado?', 'Los sábados atendemos de 9 a. m. a 1 p. m.'),
    example('envio-cali', '¿Cuánto se demora el envío a Cali?', 'A Cali tarda de 2 a 3 días hábiles.', { score: 5, corrected: true }),
  ]

  it('returns the examples whose question resembles the new one', () => {
    const index = new ExampleIndex()
    index.addAll(pool)
    const hits = index.search('hola, hacen envios a bogota?', 2).map((h) => h.example.id)
    expect(hits).toHaveLength(2)
    expect(hits).toEqual(expect.arrayContaining(['envio', 'envio-cali']))
    expect(index.search('aceptan nequi', 3).map((h) => h.example.id)[0]).toBe('pago')
  })

  it('prefers the owner\'s corrected, higher-scored answer at equal text similarity', () => {
    const index = new ExampleIndex()
    index.addAll([
      example('a', '¿Tienen envío a domicilio?', 'Sí.'),
      example('b', '¿Tienen envío a domicilio?', 'Sí, a todo el país; el envío cuesta $12.000.', { score: 5, corrected: true }),
    ])
    expect(index.search('tienen envio a domicilio', 2).map((h) => h.example.id)).toEqual(['b', 'a'])
  })

  it('leaves out examples from the conversation being answered (they are already in its history)', () => {
    const index = new ExampleIndex()
    index.addAll(pool)
    expect(index.search('envíos a Medellín', 5, 'conv-envio').map((h) => h.example.id)).not.toContain('envio')
  })

  it('forgets an example the owner rejected afterwards', () => {
    const index = new ExampleIndex()
    index.addAll(pool)
    index.remove('pago')
    expect(index.search('aceptan nequi', 3).map((h) => h.example.id)).not.toContain('pago')
    expect(index.size).toBe(3)
  })
})

describe('fuseRankings', () => {
  it('puts first what both rankings like, and keeps what only one found', () => {
    expect(fuseRankings([['a', 'b', 'c'], ['b', 'd']])).toEqual(['b', 'a', 'd', 'c'])
    expect(fuseRankings([[], ['x']])).toEqual(['x'])
  })
})

import { describe, expect, it } from 'vitest'
import { checkConditions, isInWindow } from '../../../src/main/cycle/cycle-conditions'
import { judgeWatch } from '../../../src/main/cycle/version-watch'
import { judgeBasics, numbersIn, passesBasic, shopBasics } from '../../../src/main/training/shop-basics'
import type { BusinessHours, CycleSettings } from '../../../src/shared/types'

const CYCLE: CycleSettings = {
  mode: 'automatic',
  minNewExamples: 100,
  minDaysBetween: 7,
  windowStart: '23:00',
  windowEnd: '06:00',
  requireIdle: true,
  requireMains: true,
  watchExchanges: 50,
  watchScoreMargin: 0.3,
  watchRateMargin: 0.1,
}
// Mexico City (UTC−6 all year): open Monday to Saturday 9–19.
const HOURS: BusinessHours = {
  enabled: true,
  timezone: 'America/Mexico_City',
  week: [1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '09:00', close: '19:00' })),
  message: 'Cerrado',
  mode: 'message_and_answer',
}
const at = (iso: string) => new Date(iso)

describe('the cycle’s conditions', () => {
  it('reads the night window on the shop’s clock, across midnight', () => {
    expect(isInWindow('America/Mexico_City', at('2026-12-08T05:30:00Z'), '23:00', '06:00')).toBe(true) // 23:30
    expect(isInWindow('America/Mexico_City', at('2026-12-08T11:59:00Z'), '23:00', '06:00')).toBe(true) // 05:59
    expect(isInWindow('America/Mexico_City', at('2026-12-08T12:00:00Z'), '23:00', '06:00')).toBe(false) // 06:00
    expect(isInWindow('America/Mexico_City', at('2026-12-08T20:00:00Z'), '01:00', '04:00')).toBe(false) // 14:00
  })

  it('lists every condition in words and finds the next moment the clock allows', () => {
    const result = checkConditions({
      now: at('2026-12-08T18:00:00Z'), // Tuesday 12:00 in Mexico City: open, daytime
      cycle: CYCLE,
      businessHours: HOURS,
      locale: 'es-MX',
      newExamples: 1_130,
      lastVersionAt: at('2026-12-06T08:00:00Z'), // two days ago: the week is not over
      trainingRunning: false,
      idleSeconds: null,
      onMains: null,
      freeBytes: 1024 ** 3,
    })
    expect(result.due).toBe(false)
    expect(result.worthTraining).toBe(true)
    const byId = Object.fromEntries(result.conditions.map((c) => [c.id, c]))
    expect(byId.material).toMatchObject({ met: true, text: 'Hay 1,130 ejemplos nuevos (se piden 100).' })
    expect(byId.interval!.met).toBe(false)
    expect(byId.interval!.text).toContain('la próxima puede ser desde el')
    expect(byId.idle).toMatchObject({ met: true, text: 'El sistema no dice si el computador está en uso: no se tiene en cuenta.' })
    expect(byId.power!.met).toBe(true)
    // 1 GB free: not enough for a dataset and a model, and it says how much is needed.
    expect(byId.disk).toMatchObject({ met: false, text: 'Falta espacio en el disco: quedan 1,0 GB y se necesitan 3 GB. Libera espacio para que pueda entrenar.' })
    // A week after the last version is Sunday 13 Dec 02:00 in Mexico City, inside the window, shop closed.
    expect(result.nextRunAt?.toISOString()).toBe('2026-12-13T08:00:00.000Z')
  })

  it('off and suggest never run by themselves', () => {
    const base = { now: at('2026-12-08T09:00:00Z'), businessHours: HOURS, locale: 'es-MX', newExamples: 500, lastVersionAt: null, trainingRunning: false, idleSeconds: 9999, onMains: true, freeBytes: 50 * 1024 ** 3 }
    expect(checkConditions({ ...base, cycle: { ...CYCLE, mode: 'suggest' } })).toMatchObject({ due: false, worthTraining: true, nextRunAt: null })
    expect(checkConditions({ ...base, cycle: { ...CYCLE, mode: 'off' } }).due).toBe(false)
    expect(checkConditions({ ...base, cycle: CYCLE }).due).toBe(true)
  })
})

describe('the version watch', () => {
  const previous = { exchanges: 50, meanScore: 4.2, successRate: 0.3, takeoverRate: 0.05 }
  it('waits for its exchanges, passes a version within the margins, rolls back one that sells less', () => {
    const margins = { score: 0.3, rate: 0.1 }
    expect(judgeWatch({ ...previous, exchanges: 49 }, previous, 50, margins, 'es-CO').verdict).toBe('watching')
    expect(judgeWatch({ ...previous, meanScore: 4.0 }, previous, 50, margins, 'es-CO').verdict).toBe('passed')
    const worse = judgeWatch({ ...previous, successRate: 0.15 }, previous, 50, margins, 'es-CO')
    expect(worse.verdict).toBe('rollback')
    expect(worse.reasons).toEqual(['las ventas bajaron del 30\u00a0% al 15\u00a0% de las conversaciones'])
  })
})

describe('the shop’s basics', () => {
  it('asks a greeting, the prices of current products and the owner’s own shipping and payment facts', () => {
    const basics = shopBasics({
      products: [
        { name: 'Audífonos X2', price: 89_000 },
        { name: 'Curso a convenir', price: null },
      ],
      ownerAnswers: [
        { category: 'consulta_envio', question: '¿Hacen envíos a Cali?', answer: 'Sí, enviamos por Servientrega en 2 a 3 días; en Bogotá es gratis.' },
        { category: 'proceso_pago', question: '¿Cómo pago?', answer: 'Puedes pagar por Nequi o contraentrega.' },
      ],
    })
    expect(basics.map((b) => b.kind)).toEqual(['greeting', 'price', 'shipping', 'payment'])
    expect(basics[1]).toMatchObject({ question: '¿Cuánto cuesta Audífonos X2?', facts: ['89000'] })
    expect(basics[2]!.facts).toEqual(expect.arrayContaining(['2', '3', 'gratis', 'servientrega', 'dias']))
    expect(basics[3]!.facts.sort()).toEqual(['contraentrega', 'nequi'])
  })

  it('reads prices however they are written, and needs half of the owner’s facts', () => {
    expect(numbersIn('Cuesta $89.000, o 2 por 150,000 COP')).toEqual([89_000, 2, 150_000])
    const price = { kind: 'price' as const, question: '', facts: ['89000'], label: 'el precio' }
    expect(passesBasic(price, 'Los Audífonos X2 cuestan $89.000 pesos.')).toBe(true)
    expect(passesBasic(price, 'Cuestan 95.000.')).toBe(false)
    const payment = { kind: 'payment' as const, question: '', facts: ['nequi', 'contraentrega'], label: 'cómo se paga' }
    expect(passesBasic(payment, 'Aceptamos Nequí, claro.')).toBe(true)
    expect(passesBasic(payment, 'Aceptamos tarjeta de crédito.')).toBe(false)
    expect(judgeBasics([price, payment], ['$89.000 cada uno', 'Por Nequi'], ['$89.000 cada uno', 'Con tarjeta nada más'])).toMatchObject({
      ok: false,
      live: 2,
      candidate: 1,
      forgotten: ['cómo se paga'],
    })
  })
})

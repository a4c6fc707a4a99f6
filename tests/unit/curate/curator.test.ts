import { describe, expect, it } from 'vitest'
import { curate, datasetScore } from '../../../src/main/curate/curator'
import { trimContext } from '../../../src/main/curate/chat-turns'
import { mulberry32 } from '../../../src/main/kernel/hash'
import type { CurationCandidate, CurationProgress, DatasetExample } from '../../../src/main/curate/types'
import { EXPECTED_KEPT, FIXTURE_CANDIDATES, SYSTEM_PROMPT } from '../../fixtures/curation/candidates'
import { generateSyntheticCandidates } from '../../support/synthetic-candidates'

const all = (r: { train: DatasetExample[]; validation: DatasetExample[] }) => [...r.train, ...r.validation]
const byId = (r: { train: DatasetExample[]; validation: DatasetExample[] }) => new Map(all(r).map((e) => [e.metadata.id, e]))
const keptIds = (r: { train: DatasetExample[]; validation: DatasetExample[] }) => all(r).map((e) => e.metadata.id).sort()

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const random = mulberry32(seed)
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

describe('curate on the fixture', () => {
  const result = curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT })
  const examples = byId(result)

  it('keeps exactly the rows the rules allow', () => {
    expect(keptIds(result)).toEqual(EXPECTED_KEPT)
  })

  it('accounts for every input row in the report', () => {
    const r = result.report
    expect(r).toMatchObject({ input: 40, rejected: 3, belowThreshold: 5, unreviewed: 0, empty: 1, exactDuplicates: 2, nearDuplicates: 1, capped: 0, kept: 28 })
    expect(r.rejected + r.belowThreshold + r.unreviewed + r.empty + r.exactDuplicates + r.nearDuplicates + r.capped + r.kept).toBe(r.input)
    expect(r.train + r.validation).toBe(r.kept)
    expect(r.keptPerCategory).toEqual({ consulta_precio: 4, consulta_producto: 6, proceso_pago: 5, solicitud_foto: 3, consulta_envio: 4, general: 6 })
    expect(r.keptPerScore).toEqual({ '5': 15, '4': 10, '3': 1, '2': 1, unscored: 1 })
    expect(r.keptPerStatus).toEqual({ pending: 21, approved: 5, corrected: 2 })
    expect(r.keptPerSource).toEqual({ auto: 21, approved: 5, rewritten: 2 })
  })

  it('keeps rejected rows out whatever their score, and corrected/approved rows in whatever theirs', () => {
    expect(examples.has('c06')).toBe(false) // rejected, score 5
    expect(examples.get('c10')?.metadata).toMatchObject({ reviewStatus: 'corrected', qualityScore: null })
    expect(examples.get('c11')?.metadata).toMatchObject({ reviewStatus: 'approved', qualityScore: 2 })
    expect(examples.get('c39')?.metadata).toMatchObject({ reviewStatus: 'corrected', qualityScore: 3 })
  })

  it('keeps the better row of a duplicate pair: approved over pending, higher score over lower', () => {
    expect(examples.has('c04')).toBe(true)
    expect(examples.has('c03')).toBe(false)
    expect(examples.has('c01')).toBe(true)
    expect(examples.has('c02')).toBe(false)
  })

  it('writes the seed shape: system, prior turns, user, assistant, and metadata', () => {
    for (const example of all(result)) {
      expect(example.messages[0]).toEqual({ role: 'system', content: SYSTEM_PROMPT })
      expect(example.messages.at(-1)?.role).toBe('assistant')
      expect(example.messages.at(-2)?.role).toBe('user')
      expect(Object.keys(example.metadata).sort()).toEqual(['category', 'id', 'productName', 'qualityScore', 'reviewStatus'])
      // after the system prompt, roles alternate starting with the user
      example.messages.slice(1).forEach((m, i) => expect(m.role).toBe(i % 2 === 0 ? 'user' : 'assistant'))
    }
    expect(examples.get('c01')).toEqual({
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: '¿Cuánto cuesta el curso de piano?' },
        { role: 'assistant', content: 'El Curso de Piano Básico cuesta $89.000 e incluye 40 clases en video. Si llevas 2 cursos te quedan en $160.000. ¿Te lo separo?' },
      ],
      metadata: { category: 'consulta_precio', productName: 'Curso de Piano Básico', qualityScore: 5, id: 'c01', reviewStatus: 'pending' },
    })
  })

  it('trims context to the last turns, merges a side that spoke twice, and scrubs it', () => {
    expect(examples.get('c09')?.messages.slice(1)).toEqual([
      { role: 'user', content: 'me gustan\nmi número es [TELEFONO] por si acaso' },
      { role: 'assistant', content: '¡Perfecto! Te escribo a ese número si se agotan.' },
      { role: 'user', content: 'ok' },
      { role: 'assistant', content: '¿Algo más en lo que te ayude?' },
      { role: 'user', content: 'sí, una pregunta\n¿los audífonos tienen cancelación de ruido?' },
      { role: 'assistant', content: 'Sí, los Audífonos Bluetooth X2 tienen cancelación de ruido activa y 30 horas de batería. ¿Te los envío hoy?' },
    ])
    // a context that opens with the bot loses that turn
    expect(examples.get('c13')?.messages.slice(1, 3)).toEqual([
      { role: 'user', content: 'qué bien' },
      { role: 'assistant', content: '¿Quieres verlo en foto?' },
    ])
  })

  it('scrubs personal data in user messages, answers and context, and leaves prices alone', () => {
    expect(examples.get('c17')?.messages.at(-2)?.content).toBe('quiero pagar con la tarjeta [TARJETA], ¿se puede?')
    expect(examples.get('c18')?.messages.at(-2)?.content).toBe('mándame la factura a [EMAIL]')
    expect(examples.get('c19')?.messages[1]?.content).toBe('la factura a nombre de [NOMBRE], cédula [DOCUMENTO]')
    expect(examples.get('c19')?.messages.at(-1)?.content).toContain('NIT [DOCUMENTO]')
    expect(examples.get('c22')?.messages[1]?.content).toBe('reenviado de [TELEFONO]: ¿ese cargador es original?')
    expect(examples.get('c28')?.messages.at(-1)?.content).toContain('te llamará al [TELEFONO] antes')
    expect(examples.get('c34')?.messages.at(-1)?.content).toBe('Solo vendemos en línea; si necesitas algo de tu compra de 2024 llámanos al [TELEFONO].')
    expect(examples.get('c34')?.messages.at(-2)?.content).toBe('¿tienen tienda física? compré 2 cursos en 2024')
    expect(examples.get('c07')?.messages.at(-2)?.content).toContain('1200000 pesos')
    expect(result.report.scrubbed).toEqual({ phone: 4, email: 1, nationalId: 2, card: 1, address: 0, name: 1 })
    const text = JSON.stringify(all(result))
    for (const secret of ['300 123 4567', '4111', 'valentina.rojas', '1.020.345.678', '900.123.456', '573001234567', '312 555 7788', '234 5678']) {
      expect(text).not.toContain(secret)
    }
  })

  it('gives every category with two or more examples a validation example', () => {
    const validation = new Set(result.validation.map((e) => e.metadata.category))
    for (const [category, n] of Object.entries(result.report.keptPerCategory)) if (n >= 2) expect(validation.has(category)).toBe(true)
  })
})

describe('curate options', () => {
  it('lowers the bar with minScore', () => {
    const result = curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT, minScore: 3 })
    const ids = keptIds(result)
    for (const id of ['c05', 'c24', 'c30']) expect(ids).toContain(id)
    expect(ids).not.toContain('c12') // no score at all is never "at least 3"
    expect(ids).not.toContain('c37')
  })

  it('keeps only what the owner reviewed when includeUnreviewed is false', () => {
    const result = curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT, includeUnreviewed: false })
    expect(keptIds(result)).toEqual(['c04', 'c10', 'c11', 'c18', 'c26', 'c35', 'c39'])
    expect(result.report.unreviewed).toBe(30)
  })

  it('uses as many context turns as asked, and none with 0', () => {
    const two = byId(curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT, contextTurns: 2 })).get('c09')!
    expect(two.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant'])
    expect(two.messages[1]?.content).toBe('ok')
    const none = byId(curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT, contextTurns: 0 })).get('c09')!
    expect(none.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant'])
    expect(none.messages[1]?.content).toBe('¿los audífonos tienen cancelación de ruido?')
  })

  it('caps the biggest categories', () => {
    const result = curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT, maxPerCategoryShare: 0.2 })
    const { keptPerCategory, kept, capped, cappedByCategory } = result.report
    for (const n of Object.values(keptPerCategory)) expect(n / kept).toBeLessThanOrEqual(0.2 + 1e-9)
    expect(capped).toBeGreaterThan(0)
    expect(Object.keys(cappedByCategory).sort()).toEqual(['consulta_producto', 'general'])
    // the owner's corrected answer outranks pending ones when the cap bites
    expect(keptIds(result)).toContain('c39')
  })

  it('near-duplicate threshold 1 keeps near duplicates (exact ones still go)', () => {
    const result = curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT, nearDuplicateThreshold: 1 })
    expect(keptIds(result)).toContain('c03')
    expect(result.report.exactDuplicates).toBe(2)
    expect(result.report.nearDuplicates).toBe(0)
  })

  it('validation ratio 0 puts everything in train', () => {
    const result = curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT, validationRatio: 0 })
    expect(result.validation).toEqual([])
    expect(result.train).toHaveLength(28)
  })

  it('rejects nonsense options', () => {
    expect(() => curate([], { systemPrompt: 'x', nearDuplicateThreshold: 0 })).toThrow(RangeError)
    expect(() => curate([], { systemPrompt: 'x', validationRatio: 1 })).toThrow(RangeError)
    expect(() => curate([], { systemPrompt: 'x', maxPerCategoryShare: 0 })).toThrow(RangeError)
    expect(() => curate([], { systemPrompt: 'x', contextTurns: -1 })).toThrow(RangeError)
  })

  it('treats undefined options as defaults', () => {
    const result = curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT, minScore: undefined, maxPerCategoryShare: undefined })
    expect(result.report.options).toEqual({
      minScore: 4,
      includeUnreviewed: true,
      nearDuplicateThreshold: 0.85,
      maxPerCategoryShare: null,
      validationRatio: 0.1,
      contextTurns: 4,
      seed: 'autodidacta',
      country: null,
    })
  })
})

describe('curate determinism', () => {
  it('gives the same train and validation, in the same order, whatever the input order', () => {
    const reference = curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT })
    for (const seed of [1, 2, 3]) {
      const again = curate(shuffled(FIXTURE_CANDIDATES, seed), { systemPrompt: SYSTEM_PROMPT })
      expect(again.train).toEqual(reference.train)
      expect(again.validation).toEqual(reference.validation)
      expect(again.report).toEqual(reference.report)
    }
  })

  it('accepts any iterable, not only arrays', () => {
    function* rows(): Generator<CurationCandidate> {
      yield* FIXTURE_CANDIDATES
    }
    const fromGenerator = curate(rows(), { systemPrompt: SYSTEM_PROMPT })
    expect(fromGenerator).toEqual(curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT }))
  })

  it('reports progress stage by stage, in pipeline order', () => {
    const stages: CurationProgress['stage'][] = []
    curate(generateSyntheticCandidates(10_000, 4), { systemPrompt: SYSTEM_PROMPT, maxPerCategoryShare: 0.3 }, (p) => {
      expect(p.done).toBeLessThanOrEqual(p.total)
      if (stages.at(-1) !== p.stage) stages.push(p.stage)
    })
    expect(stages).toEqual(['filter', 'scrub', 'dedupe', 'balance', 'split'])
  })

  it('never emits personal data from synthetic conversations', () => {
    const result = curate(generateSyntheticCandidates(3000, 9, { personalDataRate: 0.5 }), { systemPrompt: SYSTEM_PROMPT, minScore: 1 })
    const text = JSON.stringify(all(result))
    expect(text).not.toMatch(/3\d{2} \d{3} \d{4}/)
    expect(text).not.toMatch(/@gmail\.com/)
    expect(text).not.toMatch(/cédula \d/)
    expect(text).not.toMatch(/4\d{3} \d{4} \d{4} \d{4}/)
    expect(text).toMatch(/\$\d{2,3}\.000/)
    const s = result.report.scrubbed
    expect(s.phone + s.email + s.nationalId + s.card).toBeGreaterThan(300)
  })
})

describe('datasetScore', () => {
  it('carries the owner’s verdict, not the automatic score the owner overruled', () => {
    // Approved with no score of the owner's: a 5, whatever the rules said.
    expect(datasetScore('approved', 2, null)).toBe(5)
    // Approved with the owner's own score: that score.
    expect(datasetScore('approved', 4, 4)).toBe(4)
    // Rewritten: the line is the owner's answer.
    expect(datasetScore('corrected', 1, 2)).toBe(5)
    // Unreviewed (or rejected, which never gets in) keeps its score.
    expect(datasetScore('pending', 3, null)).toBe(3)
    expect(datasetScore('pending', null, null)).toBeNull()
  })
})

describe('trimContext', () => {
  const u = (content: string) => ({ role: 'user' as const, content })
  const a = (content: string) => ({ role: 'assistant' as const, content })

  it('ends on an assistant turn, starts on a user turn, and alternates', () => {
    const { turns, pendingUser } = trimContext([a('hola'), u('1'), u('2'), a('3'), a('4'), u('5'), a('6'), u('7')], 4)
    expect(turns).toEqual([u('1\n2'), a('3\n4'), u('5'), a('6')])
    expect(pendingUser).toBe('7')
  })

  it('drops empty turns and unknown roles, and handles tiny limits', () => {
    const context = [u('  '), { role: 'system', content: 'x' } as unknown as ReturnType<typeof u>, u('hola'), a('¡Hola!'), u('')]
    expect(trimContext(context, 4)).toEqual({ turns: [u('hola'), a('¡Hola!')], pendingUser: null })
    expect(trimContext(context, 1)).toEqual({ turns: [], pendingUser: null })
    expect(trimContext(context, 0)).toEqual({ turns: [], pendingUser: null })
  })

  it('reads only the tail of a very long history', () => {
    const history = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? a(`a${i}`) : u(`u${i}`)))
    const { turns } = trimContext(history, 4)
    expect(turns.map((t) => t.content)).toEqual(['u99996', 'a99997', 'u99998', 'a99999'])
  })
})

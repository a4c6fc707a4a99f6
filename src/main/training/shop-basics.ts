import type { BasicsReport } from '../../shared/types'
import { foldSpanish } from '../../shared/spanish-fold'

/**
 * The shop's basics every candidate is asked on top of the held-out examples: a greeting, the
 * prices of current products, and the shop's own answer about shipping and about paying. A
 * version that learned the new examples but forgot these does not go live.
 */
export interface BasicsQuestion {
  kind: 'greeting' | 'price' | 'shipping' | 'payment'
  question: string
  /** What the answer must mention: the price (as a number), or some of the owner's facts; empty: any sane answer. */
  facts: string[]
  /** For the report: "el precio de Parlante 20W". */
  label: string
}

export interface BasicsSource {
  products: { name: string; price: number | null }[]
  /** The owner's own best answers (approved or rewritten), by category. */
  ownerAnswers: { category: string; question: string; answer: string }[]
}

const MAX_PRICES = 4
/** Words that carry a shipping or payment fact when the owner's answer uses them. */
const FACT_WORDS = [
  'gratis',
  'contraentrega',
  'domicilio',
  'recoger',
  'nequi',
  'daviplata',
  'bancolombia',
  'transferencia',
  'efectivo',
  'tarjeta',
  'pse',
  'yape',
  'plin',
  'oxxo',
  'mercado pago',
  'paypal',
  'link',
  'servientrega',
  'interrapidisimo',
  'coordinadora',
  'correo',
  'dias',
  'horas',
  'hoy',
  'manana',
]

export function shopBasics(source: BasicsSource): BasicsQuestion[] {
  const basics: BasicsQuestion[] = [{ kind: 'greeting', question: 'Hola, buenas', facts: [], label: 'el saludo' }]
  for (const product of source.products.filter((p) => p.price !== null && p.price > 0).slice(0, MAX_PRICES)) {
    basics.push({ kind: 'price', question: `¿Cuánto cuesta ${product.name}?`, facts: [String(Math.round(product.price!))], label: `el precio de ${product.name}` })
  }
  for (const [kind, category, label] of [
    ['shipping', 'consulta_envio', 'cómo son los envíos'],
    ['payment', 'proceso_pago', 'cómo se paga'],
  ] as const) {
    const own = source.ownerAnswers.find((a) => a.category === category)
    if (!own) continue
    const facts = factsOf(own.answer)
    if (facts.length > 0) basics.push({ kind, question: own.question, facts, label })
  }
  return basics
}

/** The numbers and the shipping/payment words of the owner's answer. */
function factsOf(answer: string): string[] {
  const folded = foldSpanish(answer)
  const numbers = numbersIn(answer).map(String)
  const words = FACT_WORDS.filter((w) => hasWords(folded, w))
  return [...new Set([...numbers, ...words])]
}

/** Whether folded text says these words, whole ("dias" in "3 dias", not in "mediasnoches"). */
function hasWords(folded: string, words: string): boolean {
  return ` ${folded.replace(/[^a-z0-9ñ]+/g, ' ')} `.includes(` ${words} `)
}

/** Amounts and counts in a text, thousands marks removed: "$89.000" and "89,000" are 89000; "3 a 5 días" gives 3 and 5. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d{1,3}(?:[.,\s]\d{3})+(?![\d])|\d+/g)].map((m) => Number(m[0].replace(/[.,\s]/g, '')))
}

/** Does an answer hold up on this basic? A price must be said; other basics need half of the owner's facts. */
export function passesBasic(basic: BasicsQuestion, answer: string): boolean {
  const text = answer.trim()
  if (text.split(/\s+/).length < 2 || /<\|[a-z_]+\|>|\[INST\]/i.test(text)) return false
  if (basic.facts.length === 0) return true
  if (basic.kind === 'price') return numbersIn(text).includes(Number(basic.facts[0]))
  const folded = foldSpanish(text)
  const numbers = new Set(numbersIn(text).map(String))
  const found = basic.facts.filter((f) => numbers.has(f) || hasWords(folded, f)).length
  return found >= Math.ceil(basic.facts.length / 2)
}

/** Both sides' results on the basics, and the gate's word on them. */
export function judgeBasics(basics: BasicsQuestion[], reference: string[] | null, candidate: string[]): BasicsReport {
  const candidatePassed = basics.map((b, i) => passesBasic(b, candidate[i] ?? ''))
  const referencePassed = reference ? basics.map((b, i) => passesBasic(b, reference[i] ?? '')) : null
  const count = (list: boolean[]) => list.filter(Boolean).length
  const forgotten = basics.filter((_, i) => !candidatePassed[i] && (referencePassed === null || referencePassed[i]))
  // Against a reference: no basic it handles may be lost. Alone: three out of four at least.
  const ok = referencePassed ? forgotten.length === 0 : count(candidatePassed) >= Math.ceil(basics.length * 0.75)
  return {
    questions: basics.length,
    live: referencePassed ? count(referencePassed) : null,
    candidate: count(candidatePassed),
    forgotten: forgotten.map((b) => b.label),
    ok,
  }
}

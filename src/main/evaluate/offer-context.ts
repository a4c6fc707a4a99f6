// The bot's answer as the setting for the customer's reply: an offer the customer picks from
// ("Tenemos el termo en 350 ml y en 500 ml" → "la de 500ml"), or a closing question the
// customer says yes to ("¿Te lo separo?" → "sí"; "¿A qué dirección te lo enviamos?" → an
// address). Either is an order, though the reply alone says nothing of buying.

import { asksQuestion, type AnalyzedText } from '../kernel/spanish-text'
import { PhraseSet } from '../kernel/phrase-matcher'

/** The catalog as the scorer needs it: the words that name products, folded like messages. */
export interface CatalogTerms {
  /** Canonical words that name one product ("napolitana", "hoodie"), too specific to be chatter. */
  words: ReadonlySet<string>
}

export const COLOURS: ReadonlySet<string> = new Set(
  'negro negra negros negras blanco blanca blancos blancas rojo roja rojos rojas azul azules verde verdes amarillo amarilla gris grises rosado rosada rosa morado morada beige cafe marron naranja dorado dorada plateado plateada fucsia vinotinto'.split(' '),
)
const QUANTITY_WORDS = new Set('1 2 3 4 5 6 7 8 9 10 12 uno una dos tres cuatro cinco seis media docena'.split(' '))
/** "talla M", "la talla 38", "en L". */
// The normalizer reads a lone "m" as the filler "hmm", so "talla M" arrives as "talla hmm".
/** Sizes as typed, letters and shoe numbers. */
export const SIZE_WORDS: ReadonlySet<string> = new Set('xs s m hmm l xl xxl 28 30 32 34 35 36 37 38 39 40 41 42 43 44'.split(' '))
export const SIZE = new PhraseSet([{ pattern: `talla|tallas|numero ${[...SIZE_WORDS].join('|')}`, value: true }])
/** "esa", "ese mismo", "esta porfa": pointing at one of the options. */
const DEMONSTRATIVES = new Set('ese esa esos esas este esta estos estas'.split(' '))
/** After "esta", a judgement, not a pick: "está bien", "está caro". */
const JUDGED = new Set('bien mal caro cara bonito bonita lindo linda bueno buena muy super re medio'.split(' '))

/**
 * Words an answer and a reply share without the reply naming an option: articles, pronouns,
 * connectors, agreement, thanks, the verbs of an offer. "Listo" in "¡Listo! Tenemos dos..." and
 * "listo" in the reply are no pick.
 */
const NOT_AN_OPTION = new Set(
  (
    'a al con de del el en la las lo los le les me mi mis nos para por que se su sus te tu tus un una unos unas uno y o u ' +
    'si no ok listo dale bueno bien claro gracias hola buenas buenos perfecto vale va porfa favor ' +
    'tenemos tengo hay quedan queda tiene tienen cuesta cuestan vale valen precio pesos mil cada ' +
    'quieres quiere deseas desea prefieres prefiere cual cuales cuanto cuantos cuantas gusta interesa ' +
    'ambas ambos todos todas otro otra mas muy tambien solo ahora hoy mañana'
  ).split(' '),
)

/** Signals that the previous answer offered something the customer can now pick. */
const OFFER = new PhraseSet(
  [
    'tenemos|tengo|manejamos|hay|quedan|disponible|disponibles',
    'te|le lo|la|los|las? separo|aparto|reservo|envio|mando|anoto',
    'lo|la|los|las quieres|quiere|deseas|desea|llevas|lleva',
    'cual|cuales|cuanto|cuantos|cuantas quieres|quiere|deseas|desea|prefieres|prefiere|llevas|lleva',
    'cual|cuales te|le gusta|gustan|interesa|sirve',
    'en que talla|color|tamaño',
    'que talla|color|sabor|tamaño',
    'cuesta|cuestan|vale|valen|precio|pesos|mil',
    'te|le puedo ofrecer|mostrar',
  ].map((pattern) => ({ pattern, value: pattern })),
)

/**
 * The bot closing a sale: asking to confirm, to set aside or send it, or for the details of the
 * delivery. A yes, or the details, is the order. Sending needs the thing itself ("¿te lo mando?"):
 * "¿te mando fotos?" or "¿te mando el link de seguimiento?" sends something else.
 */
const CLOSING = new PhraseSet(
  [
    'te|le lo|la|los|las separo|aparto|reservo|envio|mando|anoto|confirmo|despacho|separamos|apartamos|reservamos|enviamos|mandamos|anotamos|despachamos|añado|agrego|sumo|añadimos|agregamos|preparo|preparamos|agendo|agendamos|llevo|llevamos',
    'te|le separo|aparto|reservo|anoto|agendo|separamos|apartamos|reservamos|anotamos|agendamos',
    // "¿La quieres?", "¿Lo llevas?": asked on its own, it closes.
    'lo|la|los|las quieres|quiere|deseas|desea|llevas|lleva $',
    'lo|la confirmo|confirmamos|confirmas',
    'confirmamos|confirmas|confirmo el|tu|su pedido|orden|compra',
    'quieres|quiere|deseas|desea que te|le lo|la|los|las? envie|enviemos|mande|mandemos|separe|separemos|aparte|apartemos|reserve|reservemos|entregue|entreguemos|lleve|llevemos|agende|agendemos|anote|anotemos|despache|despachemos',
    'a|en que direccion',
    'cual es tu|su direccion',
    'a nombre de quien',
    'cuando quieres|quiere|deseas|desea que te|le? lo|la|los|las? entreguemos|enviemos|llevemos|entregue|envie|lleve',
    'donde te|le lo|la|los|las? enviamos|entregamos|envio|entrego|mandamos',
  ].map((pattern) => ({ pattern, value: pattern })),
)

/** Whether the answer offered something: a product, a price, a choice or a question to pick. */
export function offered(answer: AnalyzedText, catalog: CatalogTerms | null | undefined): boolean {
  if (OFFER.findAll(answer.words, answer.clauseOf).length > 0) return true
  if (/\$|\d/.test(answer.normalized)) return true
  return catalog ? answer.words.some((w) => catalog.words.has(w)) : false
}

/**
 * Whether the answer asks to close the sale (confirm, set aside, send, the delivery details). It
 * must ask: "te lo envío mañana" or "te confirmo que lo tenemos" only tell, and an "ok, gracias"
 * to them acknowledges a sale already made or news, it makes none.
 */
export function closesSale(answer: AnalyzedText): boolean {
  return (answer.questionMarks > 0 || asksQuestion(answer)) && CLOSING.findAll(answer.words, answer.clauseOf).length > 0
}

/**
 * The customer picks from the offer: names a catalog product, a colour, a size, a quantity, an
 * option the offer listed or points at one, in a short message that is not a question ("la
 * negra en talla M", "2 por favor", "Pizza Napolitana", "la de 500ml", "esa").
 */
export function picksFromOffer(text: AnalyzedText, catalog: CatalogTerms | null | undefined, offer?: AnalyzedText): string | null {
  if (text.words.length === 0 || text.words.length > 12) return null
  // A pick, then a question about its delivery or payment: "el de 15kg, ¿me lo traen?". The pick
  // is the first clause, said before any question; a question alone picks nothing.
  if (text.questionMarks > 0) {
    const firstClause = text.words.filter((_, i) => text.clauseOf[i] === text.clauseOf[0])
    if (firstClause.length === text.words.length || wordsBeforeQuestion(text) <= firstClause.length) return null
    const clauseOf = firstClause.map(() => text.clauseOf[0]!)
    return pickFrom({ ...text, words: firstClause, clauseOf, questionMarks: 0 }, catalog, offer)
  }
  return pickFrom(text, catalog, offer)
}

/** How many words come before the first "?" (the normalized text keeps words, emojis and marks in order). */
function wordsBeforeQuestion(text: AnalyzedText): number {
  const words = new Set(text.words)
  let count = 0
  for (const token of text.normalized.split(' ')) {
    if (token === '?') return count
    if (words.has(token)) count++
  }
  return count
}

function pickFrom(text: AnalyzedText, catalog: CatalogTerms | null | undefined, offer?: AnalyzedText): string | null {
  if (catalog) {
    const named = text.words.find((w) => catalog.words.has(w))
    if (named) return `product:${named}`
  }
  const colour = text.words.find((w) => COLOURS.has(w))
  if (colour) return `colour:${colour}`
  if (SIZE.findAll(text.words, text.clauseOf).length > 0) return 'size'
  const first = text.words[0]!
  if (QUANTITY_WORDS.has(first) && text.words.length <= 5) return `quantity:${first}`
  if (text.words.length > 6) return null
  // "esa", "ese mismo", not "esta bien" ("ta bien" as typed), which agrees.
  if (DEMONSTRATIVES.has(first) && !JUDGED.has(text.words[1] ?? '')) return `this:${first}`
  if (offer) {
    const listed = new Set(offer.words.filter((w) => w.length >= 3 && !NOT_AN_OPTION.has(w)))
    // "el magnético" after "magnéticos", "la de 64" after "64GB", "25 porfa" after "talla 24, 25 y 26".
    const option = text.words.find((w) => listed.has(w) || listed.has(`${w}s`) || listed.has(`${w}es`) || (/^\d{2,}$/.test(w) && offer.words.some((o) => o === w || (o.startsWith(w) && /^[a-z]+$/.test(o.slice(w.length))))))
    if (option) return `option:${option}`
  }
  return null
}

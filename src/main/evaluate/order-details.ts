// An order's detail sent on its own, with nothing else said: the answer to the bot's "¿qué
// talla?", "¿a nombre de quién?", "¿para cuántas personas?" ("talla M", "a nombre de Carlos",
// "para 20 personas", "grande de pepperoni", "sin cebolla porfa"). In a sales chat such a message
// only ever fills in an order, so it is one even when the bot's answer is not at hand (a first
// message, or `cli score` with `text` alone). Only what the rules read nothing in, only short, and
// never a question: "¿talla M?" asks, "sin señal desde ayer" complains.

import type { AnalyzedText } from '../kernel/spanish-text'
import { PhraseSet } from '../kernel/phrase-matcher'
import { NOT_GOODS } from './not-goods'
import { COLOURS, SIZE, SIZE_WORDS } from './offer-context'

/** Beyond this many words a message says more than one detail: it is read as a whole. */
const DETAIL_WORDS = 8

const COUNTS = '1|2|3|4|5|6|7|8|9|10|12|15|20|24|30|50|100|un|una|uno|dos|tres|cuatro|cinco|seis|diez|doce|veinte'
const PIZZA_SIZES = 'grande|mediana|mediano|familiar|personal|chica|chico|pequeña|pequeño|individual|doble|sencilla|sencillo|jumbo'
const ARTICLES = new Set(['el', 'la', 'los', 'las'])
/** After "sin", what no order leaves out: "sin palabras", "sin novedad", "sin comentarios", "sin estrés, todo tranquilo" ("sin señal" the rules read as a complaint). */
const NOT_A_DISH = new Set('palabras novedad novedades comentarios respuesta problema problemas duda dudas prisa apuro ganas miedo palabra querer estres drama dramas rencor filtro filtros pena verguenza culpa nervios preocupaciones'.split(' '))

/** Details that open the message; each names the order's contents, its name or its size. */
const OPENING = new PhraseSet(
  [
    // "a nombre de Carlos", "con factura a nombre de mi empresa".
    'a nombre de',
    'con factura|boleta a nombre de',
    // "para 20 personas", "para dos".
    `para ${COUNTS} personas|persona|invitados|niños|adultos|porciones|pax`,
    // "extra queso", "doble carne": something added to what is ordered.
    'extra|adicional',
    // "mitad pepperoni mitad champiñones", "familiar mitad hawaiana".
    `${PIZZA_SIZES}? mitad`,
    // "la de 500 mg", "el de 128 gb", "las de 2 días": the one named by a figure.
    `el|la|los|las de ${COUNTS}|medio|media`,
    // "grande de pepperoni", "familiar hawaiana".
    `${PIZZA_SIZES} de|con`,
    // Changing the pick: "mejor el samsung", "mejor sin queso".
    'mejor el|la|los|las|sin|con|en',
    // "dos de pollo crispy", "2 de cada color".
    `${COUNTS} de`,
    // "en color grafito", "en talla M".
    'en color|talla|talle|numero',
    // Something left out: "sin cebolla porfa".
    'sin',
    // When it is wanted: "para el sábado a las 3pm", "para el viernes".
    'para el|este sabado|domingo|lunes|martes|miercoles|jueves|viernes',
  ].map((pattern) => ({ pattern, value: pattern })),
)

/** The order's detail the message is made of, for `--explain`, or null. */
export function orderDetailAlone(text: AnalyzedText): string | null {
  const { words } = text
  if (words.length === 0 || words.length > DETAIL_WORDS || text.questionMarks > 0) return null
  const opening = OPENING.findAll(words, text.clauseOf).find((m) => m.start === 0 && !NOT_GOODS.has(words[m.end] ?? ''))
  // "sin" alone, or before what is no dish ("sin palabras"), leaves nothing out of an order.
  if (opening && !(words[0] === 'sin' && (words.length === 1 || NOT_A_DISH.has(words[1]!)))) return `detail:${words.slice(0, opening.end).join(' ')}`
  // "la de 500 mg", "el de 128 gb": the one named by any figure.
  if (ARTICLES.has(words[0]!) && words[1] === 'de' && /^\d/.test(words[2] ?? '')) return `detail:${words.slice(0, 3).join(' ')}`
  // "el negro en 42", "la camisa roja en M": the one, by its colour, in a size.
  if (words.length <= 4 && ARTICLES.has(words[0]!) && words.at(-2) === 'en' && SIZE_WORDS.has(words.at(-1)!) && words.slice(1, -2).some((w) => COLOURS.has(w))) {
    return `detail:${words.join(' ')}`
  }
  // "talla M", "talla 38 porfa": a size, with nothing else said. Not a colour alone: "la azul" as
  // often asks about the blue one as it takes it, which the bot's offer, when at hand, tells.
  if (SIZE.findAll(words, text.clauseOf).some((m) => m.start === 0)) return 'detail:size'
  return null
}

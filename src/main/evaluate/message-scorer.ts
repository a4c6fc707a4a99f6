// One scorer for a customer's reaction, used by `cli score` and the EvaluationService alike:
// the hand-written rules (reply-scorer.ts), the learned n-gram model (sentiment-model.ts) and
// the conversation around the message (the bot's answer just before it, the customer's earlier
// messages, the shop's catalog).
//
// How the two halves share the score: the rules know the shop's phrases exactly and are sure of
// few things; the model knows the general vocabulary of liking and disliking. Where the rules
// found nothing, the model decides alone; where they did, their say grows with their confidence
// (RULES_WEIGHT, chosen on the tuning part of the development set, docs/scorer.md). A sale the
// rules or the context recognised stays a sale: no review vocabulary can out-vote "me lo llevo".

import { analyzeSpanish, asksQuestion, asksWithoutMark, isKeyboardMash, type AnalyzedText } from '../kernel/spanish-text'
import { PhraseSet } from '../kernel/phrase-matcher'
import { namesMoney } from '../kernel/payment-words'
import { rulesDistribution } from './blended-scorer'
import { topicOf, type Category, type TopicMatch } from './category'
import { calibrateConfidence } from './confidence-calibration'
import { NOT_GOODS } from './not-goods'
import { purchaseCondition } from './purchase-condition'
import { closesSale, COLOURS, offered, picksFromOffer, type CatalogTerms } from './offer-context'
import { orderDetailAlone } from './order-details'
import { displeasedFace, pleasedFace, extractSignals, resolveSignals, type ReplyAssessment, type Signal } from './reply-scorer'
import type { SentimentModel } from './sentiment-model'

/** What `cli score` reads per line and the EvaluationService knows of an exchange. */
export interface MessageInput {
  /** The customer's message being scored. */
  text: string
  /** The bot's (or owner's) answer the message reacts to. */
  answer?: string
  /** Earlier customer messages in the conversation, oldest first. */
  previous?: readonly string[]
}

export type { CatalogTerms }

export interface ScorerParts {
  /** The learned model; null scores with the rules alone (the seed's behaviour, and tests). */
  sentiment: SentimentModel | null
  catalog?: CatalogTerms | null
  /** Overrides RULES_WEIGHT (the training script's validation sweeps it). */
  rulesWeight?: number
  /** Overrides RULES_FULL_WORDS (likewise). */
  rulesFullWords?: number
  /** Overrides QUESTION_NEUTRAL_PRIOR and ASKING_NEUTRAL_PRIOR (likewise). */
  questionPrior?: number
  /** Overrides SILENT_NEUTRAL_PRIOR (likewise). */
  silentPrior?: number
}

export interface MessageScore extends ReplyAssessment {
  category: Category
  /** The rules' own score before blending, for the review screen and the bench. */
  rulesScore: ReplyAssessment['score']
}

/** The rules' share at full confidence; the model gets the rest (tuned, docs/scorer.md). */
export const RULES_WEIGHT = 0.8
/**
 * Up to this many words the rules keep their full share; beyond, it shrinks in proportion. The
 * rules read phrases of chat replies: in a long message a "me encanta" or a "no" is one clause
 * among many, and the whole text is the model's to weigh.
 */
export const RULES_FULL_WORDS = 12
/**
 * A short question in which the rules saw nothing but the asking ("¿me lo traen a la casa?",
 * "¿quién habla?") asks for more, which the seed scores 3. The model, trained mostly on reviews,
 * has no neutral questions to learn from and reads their topic words as liking or disliking, so
 * its vote is pulled this far toward 3. A question with words of feeling the model knows ("¿por
 * qué no funciona?") still carries (tuned, docs/scorer.md). Longer questions get a share of it.
 * Raised from 0.25 (ninth session) for a question marked with "?" or "quisiera saber": questions
 * to an airline ("¿la ruta Quito-Lima sigue activa?") were read as 5 by the model's liking of
 * travel words. --cv: reviews unchanged, press opinions 0.517 → 0.516, project blind set 1 0.965
 * → 0.971; never-read halves of 19 helper-written lists, mean three-level F1 0.803 → 0.813.
 */
export const QUESTION_NEUTRAL_PRIOR = 0.4
/**
 * The same pull where the rules read asking but nothing marks a question: "cómo hago mi pedido",
 * a notice ("dijo que…", "informan…"). Kept at the 0.25 the question had before it rose: the press
 * opinions report what someone said, and more pull there cost them.
 */
export const ASKING_NEUTRAL_PRIOR = 0.25
/**
 * A message in which the rules found no phrase at all and which asks nothing is pulled this far
 * toward 3 (fading beyond 12 words): the model, trained on reviews that all judge something, reads
 * plain statements of fact as liking or disliking ("hoy cierran la avenida" → 1, "mañana viajo a
 * Cartagena" → 5). Tuned with --cv: press opinions polarity F1 0.503 → 0.508, reviews and project
 * blind set 1 unchanged; 0.15 and more cost the press again (docs/scorer.md).
 */
export const SILENT_NEUTRAL_PRIOR = 0.1
/**
 * A post that shares a link or passes another on ("RT @Senamhi: Lluvias moderadas a fuertes en la
 * sierra sur desde mañana", "La inflación de marzo dio 8,4% según el INDEC http://t.co/…") in which
 * the rules found nothing is news passed on: pulled this far toward 3 at any length. The model,
 * trained on reviews, read such headlines as 1 to 5 by their topic words ("tasa oficial" 5, "sismo"
 * 2). No external set here has links, so --cv cannot see it; chosen on the read halves of the
 * helper-written lists of posts, where every shared link was neutral; their never-read halves rose
 * too (0.693 → 0.741, 0.727 → 0.734 polarity F1; docs/scorer.md). Raised from 0.35 (twelfth
 * session): never-read halves of 36 lists 0.8286 → 0.8291, three up (tweets-style posts 0.821 →
 * 0.827), none down; 0.6 the same as 0.5.
 */
export const SHARED_NEUTRAL_PRIOR = 0.5
/**
 * A statement in which the rules found nothing that names a day or an hour ("mañana", "el lunes",
 * "a las 8", "a partir del…") or reports ("informa") and speaks of no one in the first or
 * second person, with no exclamation or emoji, announces: "Mañana cierran la Platina por trabajos
 * de 10pm a 5am", "Nadal jugará la Copa Davis el lunes". The model, trained on reviews, read a third
 * of these as 4–5 or 1–2. Chosen with --cv (2026-12-06, seventh session): reviews and press
 * opinions within ±0.001 at 0.3 and at 0.5; on helper-written posts (the half read) three-level F1
 * 0.748 → 0.780 (Spain) and 0.886 → 0.903 (Latin America). Fades beyond 12 words like the others.
 * Also where the rules read only facts told ("hoy juega…", "hoy empieza…"; eighth session: press
 * opinions unchanged at 0.518, the read halves of two lists of posts +0.010 and +0.002, never-read
 * halves unchanged). Raised to 0.4 (twelfth session): --cv unchanged (reviews 0.615, press opinions
 * 0.516, project blind set 1 0.976), never-read halves of 34 helper-written lists, mean three-level
 * F1 0.8267 → 0.8301, ten up (posts of public figures 0.799 → 0.818, tweets of Spanish public figures
 * 0.790 → 0.810), one down by 0.001. 0.5 cost the press opinions 0.002 and stays out.
 */
export const ANNOUNCED_NEUTRAL_PRIOR = 0.4

/**
 * Up to this many words, praise (or a "bien": "El concierto bien pero…") and then, after a "pero",
 * "aunque" or "sin embargo", a complaint read as mixed, a 3 (ninth session). --cv: reviews, press
 * opinions and project blind set 1 unchanged; never-read halves of helper-written lists of posts
 * and messages to companies: six up (to +0.018), two down (−0.004 each), mean +0.002; 15 and 40
 * words gained less, and reading praise after the complaint as mixed too sent "llegó roto pero me
 * lo cambiaron al toque, excelentes" to 3. With a no or a price objection as the complaint, blind
 * set 1 lost 1.1 points ("me gusta pero está caro" is a 2), so those stay out; so does a bare
 * "ok" or "listo" ("listo, pero llegó incompleto" is a complaint in a chat).
 */
export const MIXED_WORDS = 25
/**
 * Told (no question mark), praise and then, after the "pero", at least this many words in which the
 * rules read no stance at all are mixed too: "Bonita la remodelación del parque, pero quitaron casi
 * todos los árboles", "Es muy bonito el lugar pero falta un poquito más de atención". The rules
 * know few of the ways a letdown is told, and the model weighed the praise. Eleventh session:
 * --cv reviews 0.609 → 0.612 (±1 0.845 → 0.846), press and project blind set 1 unchanged;
 * never-read halves of the earlier helper lists mean +0.005 (eleven up to +0.035, two down by
 * 0.005 or less); 3 words the same, 6 words less.
 */
export const SILENT_TURN_WORDS = 4
const CONTRAST: ReadonlySet<string> = new Set(['pero', 'aunque', 'embargo', 'lastima'])
/**
 * Praise, "bien"/"buena", kindness named ("el técnico muy amable, pero el internet sigue igual de
 * lento"), or a bad word denied ("no estuvo mal, pero el equipo pudo haber ganado").
 */
const MIXED_FOR = /^praise:|^kindness:|^ack:(.* )?(bien|buena|buenos|buenas)$|^negation:no (esta|estuvo|estaba|es|fue|era|estan|son|quedo|salio)( tan| nada)? (mal|malo|mala)$/
/** "Bueno" weighs only past the first word: "es bueno pero…" praises, "bueno, pero…" is a "well". */
const MIXED_FOR_PAST_FIRST = /^ack:(.* )?bueno$/
const MIXED_AGAINST = /^(complaint|annoyance|insult|anger):/
const PRICE_OBJECTION = /^price_objection:/
/** Between "todo" and the price: "todo muy caro", "todo super caro". */
const EVERYTHING_SO: ReadonlySet<string> = new Set(['muy', 'super', 're', 'bien', 'tan', 'mas', 'demasiado'])

/**
 * The other side of a mixed message: a complaint, or a price objection when everything is dear —
 * a place, not the thing on sale ("Cancún bonito pero todo carísimo"; "me gusta pero está caro"
 * stays a chat's objection).
 */
function against(words: readonly string[], stance: string): boolean {
  if (MIXED_AGAINST.test(stance)) return true
  const at = phraseAt(words, stance)
  return PRICE_OBJECTION.test(stance) && (words[at - 1] === 'todo' || (words[at - 2] === 'todo' && EVERYTHING_SO.has(words[at - 1]!)))
}

/** Verdicts of the middle: the whole first clause ("Aceptable. La pieza limpia…"), or what it seemed ("me pareció normal"). */
const MIDDLING: ReadonlySet<string> = new Set(['aceptable', 'normal', 'pasable', 'normalito', 'normalita'])

/**
 * Saying outright that it was neither good nor bad: "ni fu ni fa", "mitad y mitad", "nervios y
 * emoción a partes iguales", "ni tan bien ni tan mal". The rules read the first as a lukewarm no
 * (a 2, right for a chat's answer to "¿te gustó?"); a post or a message that weighs both sides
 * this way is a 3, whatever the model leaned to.
 */
const SO_SO = new PhraseSet(
  [
    'ni fu ni fa',
    'mitad y mitad',
    'a partes iguales',
    'ni bien ni mal',
    'ni bueno|buena ni malo|mala',
    'ni tan bien|bueno|buena ni tan mal|malo|mala',
    'ni tan mal|malo|mala ni tan bien|bueno|buena',
    'ni optimista ni pesimista',
    'sentimientos encontrados',
    'agridulce',
    'lo mejor y lo peor',
    'cosas buenas y sus|las? cosas|otras malas',
    'lo bueno y lo malo',
    'cosas buenas y cosas|otras que|no',
    'con ganas y sin ganas',
    'mas o menos $',
    'nada del otro mundo',
    'y otros|otras no $',
    'ni tan facil ni tan dificil',
    'ni tan caro ni tan barato',
    'una de cal y otra de arena',
    'una por otra $',
    'y otros|otras no tanto',
    // "Así así con el nuevo plan" (not "así, así se hace").
    'asi asi $', 'asi asi con',
    // "Qué rico estaba el helado... y qué caro. Una cosa por la otra", "ni chicha ni limonada", "me pareció normal".
    'una cosa por la otra', 'ni chicha ni limonada',
    // "…no me puedo quejar, pero tampoco es una maravilla", "un día bien y otro no", "un lugar para salir del paso".
    'tampoco es|fue|era una maravilla', 'tampoco es|fue|era gran cosa', 'un dia bien|si y otro|otros no|mal', 'para salir del paso', `me|nos parecio|parece ${[...MIDDLING].join('|')}|regular`,
    // "Hay días que funciona de lujo y otros que ni abre".
    'y otros|otras dias? que|en ni|no',
    'cosas buenas y malas',
    'pros y sus? contras',
    'ventajas y desventajas',
    // Weighed and settled: "…el repartidor un poco borde. Se compensa", "supongo que no se puede tener todo",
    // "buena carne, los precios ya son otra historia".
    'se compensa $',
    'ni mejor ni peor',
    // "Ni tan mal el primer día con la dieta. Ni tan bien tampoco", "mitad nervios, mitad ganas", "unas bien, otras fatal".
    'ni tan bien|mal tampoco',
    'mitad nervios|miedo|ganas|ilusion|alegria|tristeza|pena|emocion',
    'otros|otras fatal|mal $',
    // "Podía ser peor, podía ser mejor", "Cinco de diez", "quedé igual que antes".
    'podia|pudo|podria ser|haber peor|mejor',
    '4|5|6|cuatro|cinco|seis de|sobre 10|diez',
    'quede|quedamos|quedo|estoy|estamos igual que antes',
    'por un lado',
    'yo|nosotros|nosotras no tanto',
    'todo tiene su precio',
    'no se puede tener todo',
    'ya? es|son otra historia $',
    'ya? es|son otro cantar $',
    // "La clínica es excelente, la EPS que me la autoriza es otro tema".
    'ya? es|son otro tema|asunto|cuento $',
    'empate tecnico',
    // Feelings of both sides named together: "medio contento medio preocupado", "orgullo y tristeza
    // en un mismo abrazo", "no es lo que queríamos pero tampoco es para llorar".
    'medio|mitad contento|contenta|contentos|feliz|felices|alegre|alegres medio|mitad',
    'orgullo|alegria|felicidad|ilusion y tristeza|pena|miedo|nostalgia',
    'tristeza|pena|nostalgia y alegria|felicidad|orgullo|ilusion',
    'tampoco es|fue para llorar|tanto|alarmarse|morirse',
    // Neither delight nor complaint: "ni me quejo ni me alegro", "tampoco para tirar cohetes".
    'ni me|nos quejo|quejamos ni me|nos alegro|alegramos',
    'para tirar|echar cohetes',
    'nada especial $',
    // "…No sé qué pensar", "Hay de todo", "Las dos cosas son ciertas".
    'no se que pensar $',
    'hay de todo $',
    'las dos cosas son ciertas|verdad',
    // "el nuevo gobierno ni me emociona ni me preocupa".
    'ni me|nos emociona|gusta|encanta|alegra|entusiasma|ilusiona ni me|nos preocupa|disgusta|molesta|enoja|asusta|desagrada',
    'ni me|nos preocupa|disgusta|molesta|enoja|asusta|desagrada ni me|nos emociona|gusta|encanta|alegra|entusiasma|ilusiona',
    // Told of what is past: "ni me encantó ni me disgustó".
    'ni me|nos encanto|gusto|emociono|convencio ni me|nos disgusto|molesto|decepciono|desagrado',
  ].map((pattern) => ({ pattern, value: true })),
)

/** Where a signal's phrase ("praise:me encanta") first stands in the words, or -1. */
function phraseAt(words: readonly string[], label: string): number {
  const phrase = label.slice(label.indexOf(':') + 1).split(' ')
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, k) => words[i + k] === w)) return i
  return -1
}

/**
 * Praise or agreement before a "pero"/"aunque"/"sin embargo", and a complaint after it; with
 * `silentTurn` (told, not asked), also `SILENT_TURN_WORDS` or more after it with no stance read.
 */
function praiseThenComplaint(words: readonly string[], stances: readonly string[], silentTurn: boolean): boolean {
  // "y otros" turns as a "pero" does: "tuvo momentos brillantes y otros de vergüenza ajena"; so
  // does "lo que no…": "me gustan los canales, lo que no me gusta es que suben el precio".
  const turn = words.findIndex((w, i) => CONTRAST.has(w) || ((w === 'otros' || w === 'otras') && words[i - 1] === 'y') || (w === 'lo' && words[i + 1] === 'que' && words[i + 2] === 'no' && i > 0))
  if (turn < 0) return false
  const at = (s: string) => phraseAt(words, s)
  const praised = stances.some((s) => (MIXED_FOR.test(s) ? at(s) >= 0 : MIXED_FOR_PAST_FIRST.test(s) && at(s) > 0) && at(s) < turn)
  if (!praised) return false
  // After "lo que no…", the liking denied is the other side.
  const whatNot = words[turn] === 'lo'
  // "lástima" is the turn and the letdown at once: "Buen avión…, lástima las 2 horas de retraso".
  if (stances.some((s) => (against(words, s) || (whatNot && s.startsWith('negation:'))) && (at(s) > turn || (at(s) === turn && words[turn] === 'lastima')))) return true
  return silentTurn && words.length - turn - 1 >= SILENT_TURN_WORDS && stances.every((s) => at(s) < turn)
}


function opensWithMiddlingVerdict(analyzed: Pick<AnalyzedText, 'words' | 'clauseOf'>): boolean {
  const { words, clauseOf } = analyzed
  const firstClause = words.filter((_, i) => clauseOf[i] === clauseOf[0])
  if (words.length === firstClause.length) return false
  if (firstClause.length === 1) return MIDDLING.has(firstClause[0]!)
  return firstClause.length === 2 && (firstClause[0] === '3' || firstClause[0] === 'tres') && firstClause[1] === 'estrellas'
}

/** "ni tan rápido… ni tan lento…": two "ni tan" in one message. */
function neitherNor(words: readonly string[]): boolean {
  let seen = 0
  for (let i = 0; i + 1 < words.length; i++) if (words[i] === 'ni' && words[i + 1] === 'tan') seen++
  return seen >= 2
}

/** A plain verdict of good opening a message: "Buena comida…", "bien para pagar…". */
const PLAIN_VERDICT = /^ack:(bien|buena|bueno|buenos|buenas|buen)$|^praise:buena [^ ]+$/
/** After praise that opens a message, what makes it one side of two: "feliz por ella, triste por mí", "buen café en Juan Valdez, …". */
const ONE_SIDE = new Set(['por', 'porque', 'con', 'de', 'en'])
/** Ending praise that opens a message, they make it a verdict on a thing named: "buena la comida, lenta la atención". */
const DEFINITE_ARTICLES = new Set(['el', 'la', 'los', 'las'])

/**
 * Two sides set side by side without a "pero": praise in one clause, a complaint in a later one
 * ("La comida buenísima, el servicio lentísimo", "Feliz por ella, triste por mí", "la ida
 * perfecta, la vuelta 3 horas de atraso"). Praise opening the message is irony as often ("Genial,
 * otra vez sin luz"), so it counts only when it says what it is about ("feliz por…", "contento con…",
 * "buena la…").
 */
function sidesSetApart(analyzed: Pick<AnalyzedText, 'words' | 'clauseOf'>, stances: readonly string[]): boolean {
  const { words, clauseOf } = analyzed
  const praise = stances
    .filter((s) => PRAISE.test(s))
    .map((s) => ({ at: phraseAt(words, s), length: s.slice(s.indexOf(':') + 1).split(' ').length }))
    // "Genial la idea, pésima la ejecución": the article right after, in the praise's clause.
    .filter(({ at, length }) => at > 0 || ONE_SIDE.has(words[length] ?? '') || DEFINITE_ARTICLES.has(words[length - 1] ?? '') || (DEFINITE_ARTICLES.has(words[length] ?? '') && clauseOf[length] === clauseOf[0]))
  const opposed = stances.flatMap((s) => (against(words, s) ? [phraseAt(words, s)] : [])).filter((at) => at >= 0)
  // A verdict in the same shape on each side: "Buena comida, mala atención", "Mercado Pago bien
  // para pagar, mal para reclamar". The "bueno" must name what it judges in the first clause
  // ("bueno, mala suerte" is a letdown), and the complaint must open a later clause.
  const opensClause = (at: number) => at === 0 || clauseOf[at - 1] !== clauseOf[at]
  const verdict = stances.some((s) => {
    const at = PLAIN_VERDICT.test(s) ? phraseAt(words, s) : -1
    return at >= 0 && clauseOf[at] === clauseOf[0] && clauseOf[at + 1] === clauseOf[at] && opposed.some((a) => opensClause(a) && clauseOf[a]! > clauseOf[0]!)
  })
  if (verdict) return true
  if (praise.length === 0) return false
  const firstClause = Math.min(...praise.map(({ at }) => clauseOf[at]!))
  return opposed.some((at) => clauseOf[at]! > firstClause)
}

/**
 * Up to this many words, a message in which the rules read nothing but a greeting gets the
 * question's pull toward 3 (ninth session: project blind set 1 0.971 → 0.976, --cv reviews and
 * press unchanged; four never-read halves of helper-written lists +0.004 each, none down).
 */
export const GREETING_ONLY_WORDS = 4
/**
 * Up to this many words, a message whose every stance the rules read is negative may be softened
 * to neutral by the model but not turned positive: a post or a message to a company ("el SIU se
 * cae justo el día de inscripción, como todos los cuatrimestres") runs past 12 words, and the
 * model, trained on reviews, read its remaining words as liking. Chosen with --cv: 12, 16 and 20
 * leave reviews (0.598, ±1 0.837), press opinions (0.510) and project blind set 1 (0.965) as they
 * were, 25 and 30 cost the press 0.001; the never-read halves of two helper-written lists of posts
 * rose 0.004 and 0.005 at 20 (docs/scorer.md).
 */
export const NEGATIVE_CAP_WORDS = 20
/**
 * Up to this many words, a message in which the rules read praise and no stance against it may be
 * softened to neutral by the model but not turned negative: a negative reading becomes a 3.
 * Chosen with --cv (eighth session): reviews polarity F1 0.608 → 0.609, ±1, press opinions and
 * project blind set 1 unchanged (40 and 60 alike; 20 moved nothing). On helper-written posts the
 * never-read halves moved +0.007 (Latin America) and −0.005, −0.001 (docs/scorer.md). Letting the
 * model's best positive reading win instead sent mixed reviews from 1 to 5.
 */
export const POSITIVE_FLOOR_WORDS = 40
/**
 * Up to this many words, a strong no the rules found (a complaint, a rejection, anger) keeps the
 * model from reading the message as positive, whatever praise stands beside it: "Bacán @marca, me
 * cobran comisión por una cuenta que pedí cerrar… Excelente servicio 👏 Ya puse el reclamo" is
 * irony, "la comida rica pero el mesero nos cobró la propina sin preguntar" a complaint with
 * manners; either is a 3 at best. Chosen with --cv against the old reach of 12 words: reviews
 * polarity F1 0.598 → 0.603, ±1 0.838 → 0.840, press opinions 0.513 → 0.512, project blind set 1
 * unchanged; 30 words moved nothing, 100 gave the same ±1. Helper-written lists of posts and
 * messages to companies moved by one message either way (docs/scorer.md).
 */
export const STRONG_NO_CAP_WORDS = 60
/**
 * How sure the rules are of a 3 when they found no phrase but the message names a topic (tuned:
 * 0.45 lifted the project set's held-out F1 0.950 → 0.956 and left the external reviews and
 * press opinions as they were, docs/scorer.md).
 */
export const TOPIC_ASKING_RELIABILITY = 0.45
/**
 * The rules' signals that only ask: a topic, a request for more, a question mark. A hello before
 * them asks as well ("hola tiene esmalte sintetico en galon"; the model read that as a 1).
 */
const ASKING_SIGNAL = /^(info|topic|greeting):|^(question|no_signal|conflict)$/
/** Nothing read but, at most, a hello: the words are left to say what is asked. */
const NOTHING_BUT_HELLO = /^greeting:|^no_signal$/

/** Words too common in chat to name a product even when a product's name contains them. */
const COMMON = new Set(
  'para con sin por una uno unos unas los las del que mas muy como este esta esto ese esa eso todo toda todos todas kit pack set combo talla color tamaño grande pequeño normal nuevo nueva original bueno buena precio envio'.split(
    ' ',
  ),
)

/** Builds the catalog terms from product names and keywords (the owner's words). */
export function catalogTerms(products: readonly { name: string; keywords?: readonly string[] }[]): CatalogTerms {
  const words = new Set<string>()
  for (const product of products) {
    for (const text of [product.name, ...(product.keywords ?? [])]) {
      for (const word of analyzeSpanish(text).words) if (word.length >= 4 && !COMMON.has(word) && !/^\d+$/.test(word)) words.add(word)
    }
  }
  return { words }
}

/** The counts a chat order gives its things: "2 empanadas", "una coca", "doce rosas". */
const ITEM_COUNT_WORDS = '1|2|3|4|5|6|7|8|9|10|12|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|diez|doce|media'
/** What picks one of the goods by its look: a size or a colour ("la grande", "el negro"). */
const PICKED_BY: ReadonlySet<string> = new Set([...COLOURS, ...'grande grandes mediana medianas mediano medianos chica chicas chico chicos pequeña pequeñas pequeño pequeños'.split(' ')])
/**
 * A size and what goes in it, opening a short message: "una grande de muzzarella", "dos medianas
 * con extra queso". Only up front ("tengo un pequeño de 3 años" tells); "chico" and "familiar"
 * stay out ("un chico de mi trabajo", "un familiar de mi esposo").
 */
const SIZED_ORDER = `${ITEM_COUNT_WORDS} grande|grandes|mediana|medianas|mediano|medianos|pequeña|pequeñas|pequeño|pequeños|personal|personales de|con`
/** How many of a unit, in digits or words: "3 unidades", "una docena", "media libra". */
const UNIT_COUNTS = '1|2|3|4|5|6|7|8|9|10|12|15|20|24|30|50|100|un|una|uno|unos|unas|dos|tres|cuatro|cinco|seis|diez|doce|media|veinte'
const UNIT_COUNT_SET = new Set(UNIT_COUNTS.split('|'))
const UNIT_WORDS = 'unidades|unidad|piezas|pieza|cajas|caja|docenas|docena|kilos|kilo|paquetes|paquete|pares|par|bultos|bulto|libras|libra|metros|litros|botellas|botella|bolsas|bolsa|sacos|saco|galones|galon|rollos|rollo'
const UNITS = new Set(UNIT_WORDS.split('|'))

/** Up to this many words, a call for a person is the message's whole topic. */
const HANDOFF_ONLY_WORDS = 8
/** How many a table or a booking is for. */
const PARTY = '1|2|3|4|5|6|7|8|9|10|12|15|20|dos|tres|cuatro|cinco|seis|siete|ocho|diez|doce|veinte'
/** A booking that opens the message ("mesa para 4 a las 9"); "la mesa para 4 estaba sucia" names one. */
const BOOKING_FOR = `mesa|reserva|reservacion para ${PARTY}`
/** A table or a booking for so many, asked for in a short message: a review tells of "una mesa para 4" too. */
const BOOKINGS = [`una|quiero|quisiera|queria|necesito|necesitamos|reservame|reservar|apartame|separame mesa|reserva|reservacion para ${PARTY}`, BOOKING_FOR]
/**
 * One more thing, opening a short message: "y una caja de croissants", "y también dos cocas".
 * Only up front: "…y una pregunta" or "compré uno y una amiga otro" tell, not order.
 */
const ADD_ONS = ['y tambien|ademas? un|una|unos|unas|dos|tres|cuatro|cinco|1|2|3|4|5', 'tambien|ademas un|una|unos|unas|dos|tres|cuatro|cinco|1|2|3|4|5']
/** Wanting a thing named, in so many words: an order in a short chat message, a wish in a review. */
/** Wanting so many of a thing: "necesito 50 cupcakes", "quiero 20 empanadas". */
const WANT_COUNT = 'necesito|necesitaria|ocupo|quiero|quisiera 1|2|3|4|5|6|7|8|9|10|12|15|20|24|25|30|40|50|60|100|dos|tres|cuatro|cinco|seis|diez|doce|veinte|treinta|cincuenta|cien'
const WANTS = ['quiero|quisiera|queria|deseo|encargo un|una|unos|unas|el|la|los|las', WANT_COUNT]
/** "va que va, reservamos": booked, in a chat; in a review's story it is the past ("… y reservamos."). */
const WE_BOOK = 'reservamos|apartamos|encargamos $'
const WANT_PATTERNS = new Set(WANTS)
/** What may stand before an order that opens the message: a greeting. */
const OPENING_WORDS: ReadonlySet<string> = new Set('hola buenas buenos buen dia dias tardes noches oye mira amigo amiga vecino vecina'.split(' '))
/**
 * Opening the message (after a greeting at most): "quiero 20 empanadas, 10 de carne cortada a
 * cuchillo y 10 de jamón y queso" orders however long the details that follow; further in, "en
 * la foto se ven 2" or "necesito 2 días más" tell.
 */
function opensMessage(words: readonly string[], at: number): boolean {
  return words.slice(0, at).every((w) => OPENING_WORDS.has(w))
}
/** Up to this many words, wanting a thing named is an order; in a longer text it is a wish ("quiero un producto que dure"). */
const WANT_ORDER_WORDS = 12

/** Who or where an order is left with: the doorman, the neighbour, the gatehouse, the workplace, a station. */
const HANDED_TO = 'el|la|mi portero|portera|conserje|vecina|vecino|guardia|vigilante|recepcionista|recepcion|porteria|garita|conserjeria|trabajo|oficina|negocio|local|estacion|esquina|entrada|puerta'

/**
 * Orders told as where and how the goods reach the customer: the place handed over, the goods to
 * be brought, left with someone or received by someone else. They file the order under shipping.
 */
const DELIVERY_ORDERS: readonly string[] = [
  // Where to send it, handed over: "te paso la ubicación por maps", "le mando mi dirección".
  'te|le|les|ahi|aqui? paso|mando|envio|comparto|pase|mande|envie|comparti|dejo|va la|mi ubicacion|ubi|direccion|dire',
  // Brought to the customer, said as an instruction: "tráiganlo el lunes", "entréguenmelo en mi trabajo".
  'traiganlo|traiganla|traiganlos|traiganlas|traiganmelo|traiganmela|traemelo|traemela|traigamelo|traigamela|entreguenmelo|entreguenmela|entregamelo|entregamela|entreguemelo|entreguemela|entreguenlo|entreguenla',
  // Left with someone or somewhere for the customer: "me dejan el paquete en la garita" (and
  // "me lo dejas con el portero", told or asked, below).
  `me dejas|deja|dejan|dejen el|la paquete|pedido|caja|encomienda|bolsa con|en ${HANDED_TO}`,
  `dejalo|dejala|dejalos|dejenlo|dejenla|dejamelo|dejamela|dejenmelo|dejenmela con|en ${HANDED_TO}`,
  // Taken somewhere for the customer: "llévenla a la colonia del Valle, Xochicalco 210".
  'llevenlo|llevenla|llevenlos|llevenlas|llevamelo|llevamela|llevemelo|llevemela|llevenmelo|llevenmela a|al|hasta',
  // Sent on a day named, told: "ok entonces me lo mandas el lunes, yo te espero".
  'me lo|la|los|las mandas|envias|traes|mandan|envian|traen|despachas|despachan el|este? lunes|martes|miercoles|jueves|viernes|sabado|domingo|finde',
  'me lo|la|los|las mandas|envias|traes|mandan|envian|traen|despachas|despachan hoy|mañana|temprano|ahorita',
  // Received by someone else: "si no estoy, que lo reciba mi vecina".
  'que lo|la|los|las reciba|reciban|recibe mi|el|la|los',
]
/**
 * Left somewhere, asked or told: "¿me lo pueden dejar con el portero?", "me lo dejas en la
 * estación" (not "¿me lo dejas en 200?": a number after "en" haggles).
 */
const DELIVERY_QUESTIONS: readonly string[] = [
  `me? lo|la|los|las puedes|puede|pueden|podrias|podrian dejar con|en ${HANDED_TO}`,
  `me? lo|la|los|las dejas|deja|dejan|dejen|dejes|dejarias|dejarian con|en ${HANDED_TO}`,
]
const DELIVERY_PATTERNS: ReadonlySet<string> = new Set([...DELIVERY_ORDERS, ...DELIVERY_QUESTIONS])

/**
 * An order given in the customer's own words, with no context needed: a delivery address, a
 * payment already made or its proof, an order placed ("quiero hacer un pedido", "me regalas dos").
 */
const ORDER_PHRASES = new PhraseSet(
  [
    // A delivery address: street-type word followed by a number ("calle 45 # 12-30", "cra 7").
    'mi direccion es|seria',
    'la direccion es|seria',
    'direccion de entrega|envio',
    'me lo|la|los? envias|mandas|envian|mandan|traes|llevas a la? calle|carrera|avenida|barrio|conjunto|edificio|casa|apartamento',
    'envialo|mandalo|envialos|mandalos|enviamelo|mandamelo|enviala|mandala a',
    // Money already sent.
    'ya pague|consigne|transferi|deposite|cancele',
    'ya te|le|les pague|consigne|transferi|deposite|gire',
    'ya esta pagado|pago|consignado|transferido|abonado|depositado|cancelado',
    // Paid by someone else for the customer: "mi hija te transfirió desde su cuenta".
    'te|le|les transfirio|transfirieron|deposito|depositaron|consigno|consignaron|yapeo|yapearon',
    // One taken, closing the clause: "ni tan caro, dale, va uno" (not "va una pregunta").
    'va|van uno|dos|tres|cuatro|2|3|4 $',
    'ahi|aqui|alli te|le? va|van el|la comprobante|soporte|pantallazo|captura|recibo|voucher',
    'te|le|les|ya envio|mando|paso|envie|mande|pase|adjunto|adjunte el|la comprobante|soporte|pantallazo|captura|recibo|voucher',
    // An order placed in so many words (every slot is one word: "voy a" is two slots).
    'quiero|quisiera|queria|deseo|necesito hacer|realizar|poner|montar|pasar un|el|mi|una|la pedido|orden|compra',
    'voy|vengo a hacer|realizar|poner|pasar un|el|mi pedido|orden|compra',
    'me? gustaria hacer|realizar|poner un|el|mi pedido|orden|compra',
    'quiero|quisiera|queria|deseo pedir|ordenar|encargar',
    // "me regalas dos", "me das una", "véndeme 3" (the normalizer reads "me regalas" as "dame");
    // not "mándame una": that is usually a photo or the details.
    `dame|damelo|vendeme|traeme|traigame|traiganme|llevame|llevenme|pasame|ponme|sirveme|preparame|echame|encargame|regalas|vendes|traes tambien|ademas? ${ITEM_COUNT_WORDS}|unos|unas`,
    // Sent, the thing named with its article: "mándame la más pedida", "mándeme la leche nan 2"
    // (not "mándame la foto", "el link", "los detalles": NOT_GOODS).
    'mandame|enviame|mandenme|envienme el|la|los|las',
    // Noted down: "anota: un velador blanco y una cómoda".
    `anota|anote|apunta|apunte ${ITEM_COUNT_WORDS}|unos|unas`,
    // The thing named with its article: "traeme el genérico", "deme la de fresa" (not "dame el
    // precio", "dame la dirección": those ask, see NOT_GOODS).
    'dame|denme|traeme|traigame|traiganme|vendeme|vendame el|la|los|las',
    // What is made to order, with how many: "haceme las 500 tarjetas", "hazme 2 tortas" (not "hazme un favor", below).
    `hazme|haceme|hagame|hacenos|haganme|preparame|preparenme los|las? ${ITEM_COUNT_WORDS}|15|20|24|25|30|40|50|60|100|200|300|500|1000|unos|unas`,
    `me regalas|regala|das|da|vendes|vende|traes|trae|pasas|pasa|pones|pone|sirves|sirve|preparas|prepara ${ITEM_COUNT_WORDS}|unos|unas`,
    'para pedir|ordenar|encargar',
    'confirmo|confirmamos el|la? pedido|orden|compra',
    'confirmo|confirmamos el|mi|la? servicio|instalacion|cita|turno|reservacion|asistencia|lavado|visita|clase|cupo|hora|mesa|habitacion',
    'hacer|realizar|poner|hacemos|hagamos una|un|la|el|mi orden|pedido|compra',
    'me|nos interesa|interesaria comprar|comprarlo|comprarla|comprarlos|adquirir|adquirirlo|pedir|pedirlo|llevarlo|llevarla',
    'quiero|quisiera|queria|deseo reservar|apartar|separar|encargar|apartarlo|separarlo|reservarlo',
    // Adding to an order: "anótame dos", "ponme una más", "envíame tres" (a quantity, not a photo).
    `anotame|apuntame|agregame|sumame|sumale|agregale|añademe|añadele|ponle|ponme|mandame|enviame|separame|apartame|mandenme|envienme|traiganme|denme|traigame ${ITEM_COUNT_WORDS}|unos|unas|otro|otra`,
    // The thing itself, named: "agrégame el combo 2", "sepárame la negra" (not "mándame la foto": mandame is left out).
    'anotame|apuntame|agregame|sumame|separame|apartame|reservame|guardame el|la|los|las',
    // Sent, with a size or a colour that says it is goods: "mándame la grande", "envíame la azul en M"
    // ("mándame la ubicación" names no size).
    `mandame|enviame|mandenme|envienme|traeme|traiganme|traigame el|la|los|las ${[...PICKED_BY].join('|')}`,
    `me anotas|apuntas|agregas|sumas|pones|mandas|envias|separas|apartas|guardas|guardan|separan|apartan|reservan ${ITEM_COUNT_WORDS}|unos|unas|otro|otra`,
    // The bare imperative of adding, in tú, vos and usted, as a chat order reads: "agrega dos
    // empanadas más", "póngame una caja de paracetamol", "metele una birra" ("pon una foto" is
    // not goods, below).
    `agregar|añadir|agrega|agregue|agreguen|añade|añada|añadan|suma|sume|sumen|pon|ponga|pongan|pongame|ponganme|pone|ponele|poneme|mete|metele|meteme|metanme|agregueme|añadame|sumeme tambien|ademas? ${ITEM_COUNT_WORDS}|otro|otra|unos|unas`,
    // The thing named with its article: "agrega el protector de cámara también" (not "suma el total").
    'agregar|añadir|agrega|agregue|agreguen|añade|añada|añadan|agregale|añadele|añademe|agregueme|añadame tambien|ademas? el|la|los|las',
    `quiero|quisiera|queria|deseo|necesito agregar|añadir|sumar|agregarle|añadirle|sumarle ${ITEM_COUNT_WORDS}|otro|otra|unos|unas`,
    'te|le encargo|pido|compro|llevo 1|2|3|4|5|6|uno|una|unos|unas|dos|tres|cuatro|cinco|seis',
    // "te encargo las 30 suculentas", "le pido los 2 de siempre".
    'te|le encargo|pido|compro|llevo el|la|los|las 1|2|3|4|5|6|10|12|15|20|24|25|30|40|50|100|dos|tres|cuatro|cinco|seis|diez|doce|veinte|treinta|cincuenta',
    // The count given: "van a ser 2", "serían 3 por favor".
    // (Alone or with a please: "serán 2 días" is a wait.)
    'van a ser 1|2|3|4|5|6|10|12|dos|tres|cuatro|cinco|seis|diez|doce|una|uno $',
    'serian|seran 1|2|3|4|5|6|10|12|dos|tres|cuatro|cinco|seis|diez|doce|una|uno $',
    'serian|seran 1|2|3|4|5|6|10|12|dos|tres|cuatro|cinco|seis|diez|doce|una|uno por favor',
    // The one named by what it is: "dame el de 2 litros", "ese quiero", "el de la foto, ese quiero".
    'dame|vendeme|traeme|pasame|ponme|sirveme|echame|encargame el|la|los|las de|mismo|misma|grande|chico|chica|mediano|mediana',
    'ese|esa|esos|esas quiero|pido',
    'ese|esa|esos|esas me llevo',
    // Coming for it, the thing first: "lo paso a buscar hoy".
    'lo|la|los|las paso|pasamos|voy|vamos|vengo a buscar|recoger|retirar|traer',
    // Closing the deal, going ahead, asking how to take it: "cerramos entonces", "procede con la orden".
    'cerramos|cerremos entonces|pues|ya|trato|negocio',
    'cerramos|cerremos de una',
    'cerramos|cerremos $',
    WE_BOOK,
    'procede|proceda|procedan|procedamos con|a la|el? orden|pedido|compra|pago',
    'hazme|hagame|haceme|hacenos|haganme una|la|el reserva|reservacion|pedido|orden',
    'solicito|solicitamos|ordeno|ordenamos 1|2|3|4|5|6|10|12|20|50|100|un|una|unos|unas|dos|tres|cuatro|cinco|seis|diez|doce|veinte|cincuenta|cien',
    'ya tengo la|el plata|lana|pasta|platica|dinero',
    'te|le la|lo paso|mando|deposito|transfiero|giro hoy|mañana|ahorita|ya|luego',
    // Subscribing, renewing, switching a plan on: "quiero suscribirme…", "actívame el plan anual".
    'activame|activeme|renuevame|renueveme|suscribeme|suscribame|afiliame|afilieme el|la|mi|a',
    // "voy a querer dos", "vamos a querer el combo": ordering in the near future.
    'voy|vamos a querer',
    // What the customer wants, named: "quiero un ramo de rosas rojas", "quiero la crema nivea
    // grande", "necesito 50 cupcakes" ("necesito un cargador" is a search as often). Not what
    // NOT_GOODS lists ("quiero una foto", "quiero un asesor"), and only in a short message.
    ...WANTS,
    // A quantity in units: "necesito 3 unidades", "quiero 2 cajas", "ocupo una docena".
    `necesito|ocupo|requiero|quiero|quisiera|queria ${UNIT_COUNTS} ${UNIT_WORDS}`,
    'trato hecho',
    'cerramos|cerremos el? trato|negocio',
    'hagamos|hacemos|cerramos negocio',
    // "mándalo", "envíamelo" said on their own: send it, the order is on.
    'envialo|mandalo|enviamelo|mandamelo|enviala|mandala|enviamela|mandamela $',
    'envialo|mandalo|enviamelo|mandamelo|enviala|mandala|enviamela|mandamela nomas|noma|ya|pues|entonces $',
    // A service signed up for or booked: "quiero contratar el plan de 100 megas", "me apunto al
    // curso", "inscríbeme en el plan mensual", "sácame hora para el jueves", "reservadme dos plazas".
    'quiero|quisiera|deseo|necesito|queria contratar|instalar|activar|adquirir|inscribirme|inscribir|matricularme|matricular|apuntarme|anotarme|suscribirme|afiliarme|renovar',
    'me quiero|quisiera|gustaria inscribir|matricular|apuntar|anotar',
    'me apunto|inscribo|anoto|matriculo',
    'inscribime|inscribeme|inscribame|anotame|apuntame|matriculame|matriculeme|anoteme|apunteme en|a|al|para|con',
    'sacame|agendame|agendeme|reservame|reserveme|apartame|separame|dame hora|turno|cita|lugar|cupo',
    'reservenme|apartenme|separenme|guardenme|reservame|apartame|separame|reserveme|guardame 1|2|3|4|5|un|una|dos|tres|cuatro|cinco plaza|plazas|lugar|lugares|cupo|cupos|asiento|asientos|boleto|boletos|cama|camas|habitacion|habitaciones|cuarto|cuartos|mesa|mesas|entrada|entradas',
    // A table or a booking for so many: "una mesa para 4 a las 9", "reserva para dos el viernes".
    ...BOOKINGS,
    ...ADD_ONS,
    SIZED_ORDER,
    // Coming for it: "paso a recogerlo hoy", "voy a retirarla mañana".
    'paso|pasare|pasamos|voy|vamos|vengo a recogerlo|recogerla|recogerlos|recogerlas|retirarlo|retirarla|retirarlos|buscarlo|buscarla',
    // Sent by its count alone: "qué caro, pero bueno, mándame uno" (not "mándame una": a photo as
    // often as goods; "mándame dos fotos" asks, see NOT_GOODS).
    'mandame|enviame|mandenme|envienme uno|dos|tres|cuatro|cinco|seis|2|3|4|5|6|10|12',
    ...DELIVERY_ORDERS,
  ].map((pattern) => ({ pattern, value: pattern })),
)
/** A street number: "calle 45", "cra 7 # 12-30", "av. 68". */
const STREET = new Set(['calle', 'cl', 'cll', 'carrera', 'cra', 'kr', 'cr', 'avenida', 'av', 'diagonal', 'dg', 'transversal', 'tv', 'manzana', 'mz'])

/** Streets named by their name: "calle Bolívar 1432", "pasaje Los Aromos 345", "Av. Larco 850". */
const NAMED_STREET: ReadonlySet<string> = new Set(['calle', 'avenida', 'av', 'avda', 'pasaje', 'psje', 'pje', 'jiron', 'jr', 'camino', 'boulevard', 'bulevar', 'blvd', 'br', 'bv', 'bvar', 'callejon', 'paseo', 'rua'])
/** What else an address holds: the flat, the floor, the house, the block, the door. */
const ADDRESS_PARTS: ReadonlySet<string> = new Set('depto dpto departamento apto apartamento piso casa torre edificio timbre porteria manzana mz lote barrio colonia villa urbanizacion esquina frente entre dto interior local direccion'.split(' '))
/** Up to this many words, a message that gives a named street and its number is an address sent. */
const ADDRESS_WORDS = 25

/** Where a thing is sent to: "a la calle Junín 310", "para Av. Colón 1120". */
const SENT_TO: ReadonlySet<string> = new Set(['a', 'para', 'hasta'])

/** A street the thing is sent to: "a calle Morelos 45", "a la calle Junín 310". */
function sentTo(words: readonly string[], at: number): boolean {
  return SENT_TO.has(words[at - 1]!) || (words[at - 1] === 'la' && SENT_TO.has(words[at - 2]!))
}

/**
 * A street named by its name and a number ("Calle Bolívar 1432 depto 3B", "pasaje los Aromos 345,
 * villa Los Jardines"), opening a short message or one of its clauses ("¿me mandás una garrafa?
 * Calle Colón 1120"), sent to ("5 bolsas de hielo a la calle Junín 310") or beside another part
 * of an address: a delivery address sent. A street in a story has its article ("cerraron la
 * calle Mayor 5").
 */
function namedStreetAddress(text: AnalyzedText, told: (i: number) => boolean): boolean {
  const { words, clauseOf } = text
  if (words.length > ADDRESS_WORDS) return false
  const parts = words.some((w) => ADDRESS_PARTS.has(w))
  const placed = (i: number) => parts || opensMessage(words, i) || clauseOf[i - 1] !== clauseOf[i] || sentTo(words, i)
  for (let i = 0; i < words.length; i++) {
    if (!NAMED_STREET.has(words[i]!) || !told(i) || streetInAStory(words, i) || !placed(i)) continue
    for (let j = i + 2; j <= i + 4 && j < words.length; j++) {
      if (/^\d/.test(words[j]!)) return true
      if (/^\d/.test(words[j - 1]!)) break
    }
  }
  return false
}

/** Where a street named with its article is the place of an address: "vivo en la calle 45", "a la calle 45". */
const TO_THE_STREET: ReadonlySet<string> = new Set(['en', 'a', 'hasta', 'para', 'sobre'])

/** A street named with its article, in what happens there: "hoy cierran la calle 26 por la maratón". */
function streetInAStory(words: readonly string[], at: number): boolean {
  return (words[at - 1] === 'la' || words[at - 1] === 'el') && !TO_THE_STREET.has(words[at - 2] ?? '')
}

/** Asked as a question and still an order: "¿me lo vendes?", "¿me la separas?". */
const ORDER_QUESTIONS = new PhraseSet(
  [
    'me|nos lo|la|los|las vendes|vende|venden|vendas',
    'me|nos lo|la|los|las puedes|puede|pueden|podrias|podria vender|apartar|separar|reservar|guardar',
    // "¿me vende un taladro?", "¿me puede vender una caja de tornillos?".
    'me|nos vendes|vende|venden|venderias|venderia|vendas|venda un|una|unos|unas|1|2|3|4|5|dos|tres|cuatro|cinco',
    'me|nos puedes|puede|pueden|podrias|podria|podrian vender un|una|unos|unas|1|2|3|4|5|dos|tres|cuatro|cinco',
    // "¿me encargas un pastel para el 15?", "¿me preparas dos?": made for the customer.
    'me|nos encargas|encarga|preparas|prepara|preparan|haces|hace|hacen un|una|unos|unas|1|2|3|4|5|dos|tres|cuatro|cinco',
    // How to take it home: "¿cómo hago para llevármelo?".
    'como|donde hago|puedo|podria para? llevarmelo|llevarmela|llevarmelos|adquirirlo|adquirirla|pedirlo|pedirla|encargarlo|reservarlo',
    'puedes|puede|pueden|podrias|podria|podrian venderme|apartarme|separarme|reservarme|guardarme|apartarmelo|separarmelo|reservarmelo|guardarmelo|apartarmela|separarmela',
    // A count asked for: "¿me anotas 3?", "¿me separas dos?" (not "¿me mandas una?": a photo as often as goods).
    'me|nos anotas|anota|apuntas|apunta|separas|separa|apartas|aparta|guardas|guarda|reservas|reserva|pones|pone 1|2|3|4|5|6|uno|una|dos|tres|cuatro|cinco|seis',
    ...DELIVERY_QUESTIONS,
  ].map((pattern) => ({ pattern, value: pattern })),
)
const NEGATORS = new Set(['no', 'nunca', 'ni', 'tampoco', 'jamas'])

/** A negator shortly before, in the same clause: "no quiero hacer un pedido", "ya no lo llevo". */
function negated(text: AnalyzedText, start: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - 3) && text.clauseOf[i] === text.clauseOf[start]; i--) if (NEGATORS.has(text.words[i]!)) return true
  return false
}

const ARTICLES = new Set(['un', 'una', 'unos', 'unas', 'el', 'la', 'los', 'las', 'mi', 'tu', 'su'])

/** The thing a phrase ending at `end` asks for: the word after it, past an article ("reservar una mesa"). */
function thingAt(words: readonly string[], end: number): string {
  return (ARTICLES.has(words[end] ?? '') ? words[end + 1] : words[end]) ?? ''
}

/** Words that change what an order already holds: "¿puedo cambiar la dirección de envío?" places no order. */
const CHANGERS = new Set(['cambiar', 'cambio', 'cambia', 'cambien', 'cambiarle', 'corregir', 'corrijo', 'modificar', 'actualizar', 'editar'])

/** A changer shortly before, in the same clause. */
function changed(text: AnalyzedText, start: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - 2) && text.clauseOf[i] === text.clauseOf[start]; i--) if (CHANGERS.has(text.words[i]!)) return true
  return false
}

interface Span {
  start: number
  end: number
}

/** An order read from the message's words: its label for `--explain`, and where its phrase stands (none for a list of goods or an address). */
interface OrderInWords {
  label: string
  span?: Span
  /** Told as where and how the goods reach the customer: filed under shipping. */
  delivery?: boolean
  /** For a list of goods, one past its last counted thing. */
  listEnd?: number
}

function orderInWords(text: AnalyzedText): OrderInWords | null {
  const phrase = (m: Span & { value?: string }): OrderInWords => ({
    label: text.words.slice(m.start, m.end).join(' '),
    span: { start: m.start, end: m.end },
    ...(m.value !== undefined && DELIVERY_PATTERNS.has(m.value) ? { delivery: true } : {}),
  })
  // After "se" it happens to the writer, no one makes it: "se me hace un nudo en la garganta".
  const asked = ORDER_QUESTIONS.findAll(text.words, text.clauseOf).find((m) => !negated(text, m.start) && !NOT_GOODS.has(thingAt(text.words, m.end)) && text.words[m.start - 1] !== 'se')
  if (asked) return phrase(asked)
  // A question mark may close a question of any length, unless the writer opened it with "¿":
  // then what stands outside is told ("quería encargar una torta, ¿hacen de chocolate?"). Without
  // the "¿", what follows the last "?" is told too ("tienen de pollo? anotame 4 porciones").
  const told = (i: number) => {
    const clause = text.clauseOf[i]!
    return text.askedClauses ? !text.askedClauses.includes(clause) : clause > (text.lastQuestionClause ?? -1)
  }
  // A question before counts no more than a greeting toward how long the order is.
  const toldFrom = Math.max(0, text.words.findIndex((_, i) => told(i)))
  const match = ORDER_PHRASES.findAll(text.words, text.clauseOf).find(
    (m) =>
      told(m.start) &&
      !negated(text, m.start) &&
      !changed(text, m.start) &&
      !NOT_GOODS.has(thingAt(text.words, m.end)) &&
      ((m.value !== BOOKING_FOR && m.value !== SIZED_ORDER && !ADD_ONS.includes(m.value)) || m.start === 0) &&
      // Switching on what the customer already has is support: "necesito activar mi chip".
      !(text.words[m.end - 1] === 'activar' && (text.words[m.end] === 'mi' || text.words[m.end] === 'mis')) &&
      (text.words.length - toldFrom <= WANT_ORDER_WORDS || (m.value === WANT_COUNT && opensMessage(text.words.slice(toldFrom), m.start - toldFrom)) || !(WANT_PATTERNS.has(m.value) || BOOKINGS.includes(m.value) || ADD_ONS.includes(m.value) || m.value === SIZED_ORDER || m.value === WE_BOOK)),
  )
  if (match) return phrase(match)
  if (givesAddress(text, told)) return { label: 'address' }
  // A quantity in units opening a short message: "dos docenas de empanadas para las 8".
  if (text.words.length <= WANT_ORDER_WORDS && told(0) && UNIT_COUNT_SET.has(text.words[0] ?? '') && UNITS.has(text.words[1] ?? '')) return phrase({ start: 0, end: 2 })
  const list = itemList(text)
  return list && told(0) && told(list.and) ? { label: 'list', listEnd: list.and + 1 } : null
}

/**
 * A delivery address given where `told` allows: a street-type word and its number ("calle 45 #
 * 12-30"), or a street named by its name and number. Sent to a whole address, it is given even in
 * a question: "¿me trae 2 garrafones a calle Morelos 45 int 3?" (not "¿hacen envíos a la calle
 * 45?", which asks where they deliver).
 */
function givesAddress(text: AnalyzedText, told: (i: number) => boolean): boolean {
  const { words } = text
  const whole = (i: number) => words.slice(i + 1).filter((w) => /^\d/.test(w)).length >= 2 || words.slice(i + 1).some((w) => ADDRESS_PARTS.has(w))
  const given = (i: number) => told(i) || (sentTo(words, i) && whole(i))
  for (let i = 0; i + 1 < words.length; i++) if (given(i) && STREET.has(words[i]!) && /^\d/.test(words[i + 1]!) && !streetInAStory(words, i)) return true
  return namedStreetAddress(text, given) || numberedParts(text, given)
}

/** Before a part of an address, it is a place in a story: "en el piso 7", "de la torre B". */
const STORY_ARTICLES: ReadonlySet<string> = new Set(['el', 'la', 'los', 'las', 'un', 'una', 'del', 'al'])

/** The parts of an address that carry a number or a letter: "bloque 4", "apto 2B", "piso 7", "manzana B". */
const NUMBERED_PARTS: ReadonlySet<string> = new Set('apto apartamento depto dpto departamento dto piso bloque torre lote manzana mz casa int interior oficina of etapa zona sector edificio'.split(' '))

/**
 * An address by its numbered parts, two of them in a short message: "urbanización Los Próceres,
 * bloque 4, apto 2B", "Torre Global, piso 7, zona 10" — where streets have no name, the block and
 * the flat are the address. One alone ("piso 7") is too often something else, and with its
 * article it is a place in a story ("la habitación estaba en el piso 7 de la torre B").
 */
function numberedParts(text: AnalyzedText, given: (i: number) => boolean): boolean {
  const { words } = text
  if (words.length > ADDRESS_WORDS) return false
  let parts = 0
  for (let i = 0; i + 1 < words.length; i++) {
    if (NUMBERED_PARTS.has(words[i]!) && given(i) && !STORY_ARTICLES.has(words[i - 1] ?? '') && /^(\d|[a-z]$|[a-z]\d)/.test(words[i + 1]!)) parts++
  }
  return parts >= 2
}

/**
 * The first purchase in the message's own words, or null: a purchase phrase the rules kept, an
 * order phrase ("me regalas dos"), or the payment topic's phrase. Orders read from the context
 * (a pick, a yes to a closing question), a list of goods or an address have no phrase.
 */
function firstPurchase(signals: readonly Signal[], kept: readonly string[], order: OrderInWords | null, topic: TopicMatch): Span | null {
  const spans = signals.filter((s) => s.kind === 'purchase' && s.span && kept.includes(s.label)).map((s) => s.span!)
  if (order?.span) spans.push(order.span)
  if (topic.category === 'proceso_pago') spans.push({ start: topic.start, end: topic.end })
  return spans.reduce<Span | null>((first, s) => (first === null || s.start < first.start ? s : first), null)
}

const ITEM_COUNTS = new Set(ITEM_COUNT_WORDS.split('|'))
/** A yes that may open a list of goods. */
const LIST_OPENERS: ReadonlySet<string> = new Set(['ok', 'dale', 'listo', 'bueno', 'perfecto', 'entonces', 'vale', 'va', 'si'])

/**
 * A list of goods, each with its count: "una hamburguesa doble y una coca", "2 empanadas y 1
 * jugo", and where its last thing stands. One counted thing alone ("una pregunta", "dos cosas") is
 * too often not an order.
 */
function itemList(text: AnalyzedText): { and: number } | null {
  const { words } = text
  // After a yes to what the shop said: "ok, 2 sacos de cemento y una bolsa de cal".
  let first = 0
  while (first < 2 && LIST_OPENERS.has(words[first] ?? '')) first++
  if (words.length - first > 12 || !ITEM_COUNTS.has(words[first] ?? '') || NOT_GOODS.has(words[first + 1] ?? '')) return null
  for (let i = first + 2; i + 1 < words.length; i++) {
    if (words[i] === 'y' && ITEM_COUNTS.has(words[i + 1]!) && words[i + 2] !== undefined && !NOT_GOODS.has(words[i + 2]!)) return { and: i + 2 }
  }
  return null
}

// A stall ("dame un momento", "lo pienso") is not an order either, whatever else the message
// says; a lone filler ("hmm", which is also how a size "M" reaches the rules) is not a stall.
/** What the customer says about something that already went wrong, or to whoever did it. */
const COMPLAINING = /^(complaint|insult|anger|stop|annoyance):/
/** Annoyance at a payment refused or failing: "me rechazó la tarjeta", "me rebota", "me da error". */
const PAYMENT_FAILED = /^annoyance:.*\b(?:rechazo|rechaza|rechazaron|rebota|rebotan|reboto|rebotaron|error|falla|fallando|fallo)\b/
/** Praise said of the product ("muy buena calidad", "está brutal ese reloj") or thanks for what came is a reaction, not a question about it. */
const PRAISING = /^(praise|gratitude):/
const STRONG_NO = /^(complaint|rejection|insult|anger|stop):/
const PRAISE = /^praise:/
/** The stances that are for: praise, agreement, reassurance, a sale, kindness named. */
const FOR = /^(praise|ack|reassurance|purchase|kindness):/
/** Kindness named, which the rules file with thanks ("muy amable"): in a post, praise of the one who served. */
const KINDNESS = /^gratitude:(muy |super |tan |re )?amables?$/
/** The rules' signals that take a side (not asking, greeting, thanking or a question mark). */
const STANCE = /^(purchase|praise|ack|reassurance|payment_question|rejection|complaint|stop|insult|anger|decline|objection|price_objection|confusion|misanswer|negation|annoyance|stall):/
/** Buying or asking how to pay. */
const PAYING = /^(purchase|payment_question):/
/** A stall, not a lone filler ("hmm", which is also how a size "M" reaches the rules). */
const STALL = /^stall:(?!hmm$)/
/** A no, a complaint, an objection, doubt; a stall is added below (not a lone filler "hmm"). */
const NO_KINDS = 'rejection|complaint|stop|insult|anger|decline|objection|price_objection|confusion|misanswer'
/**
 * What keeps a pick or an order from being read off the words or the offer: the no kinds, a
 * stall, or any negated phrase ("no me gusta", "no lo quiero"). Impatience is not among them:
 * "¿ya? me lo llevo" still buys.
 */
const NOT_BUYING = new RegExp(`^(${NO_KINDS}|negation):|${STALL.source}`)
/**
 * Stances against the answer or the sale that the model may soften but not turn positive.
 * Impatience counts here; a negated phrase does not, since it may take a no back ("no es caro").
 */
const AGAINST = new RegExp(`^(${NO_KINDS}|annoyance):|${STALL.source}`)

/** Up to this many words, an order after a price conceded is a sale (a chat message, not a review). */
const DESPITE_PRICE_WORDS = 20

/** What concedes a point before going on: "caro, pero bueno, …", "aunque esté salado, …". */
const CONCEDING: ReadonlySet<string> = new Set(['pero', 'aunque', 'igual', 'igualmente', 'bueno', 'total'])

/**
 * An order placed after the price was called dear and conceded: every no the rules kept is a price
 * objection before the order, and a conceding word stands before the order. Nothing else against
 * it: a stall, a complaint or a no still keeps the order from counting.
 */
function overcomesObjection(signals: readonly Signal[], kept: readonly string[], words: readonly string[], orderStart: number): boolean {
  if (kept.includes('paid_then_waiting')) return false
  const against = signals.filter((s) => kept.includes(s.label) && NOT_BUYING.test(s.label))
  return (
    against.length > 0 &&
    against.every((s) => s.kind === 'price_objection' && s.span !== undefined && s.span.end <= orderStart) &&
    words.slice(0, orderStart).some((w) => CONCEDING.has(w))
  )
}

/** Scores one customer message; `answer` and `previous` are optional context. Pure. */
export function scoreMessage(input: MessageInput, parts: ScorerParts): MessageScore {
  const analyzed = analyzeSpanish(input.text)
  const signals = extractSignals(analyzed)
  const rules = resolveSignals(signals, analyzed)
  // A payment told as the start of a wait ("ya pagué y sigo esperando") orders nothing either.
  const negative = rules.signals.some((s) => NOT_BUYING.test(s)) || rules.signals.includes('paid_then_waiting')
  const question = asksQuestion(analyzed)

  // Purchase intent from the message's own words, or from the offer it answers.
  const topic = topicOf(analyzed)
  // "Mándame una foto" asks for a picture, whatever quantity it names; "el mínimo para pedir" asks a price.
  const inWords = rules.wasSuccessful || topic.category === 'solicitud_foto' || topic.asksPrice ? null : orderInWords(analyzed)
  // Things counted and praised are a verdict, not goods wanted: "una experiencia increíble y un servicio de lujo".
  // ("2 pizzas y una coca, gracias, son lo máximo" still orders: the praise comes after the goods.)
  const praisedList = inWords?.listEnd !== undefined && signals.some((s) => s.kind === 'praise' && s.span && s.span.start < inWords.listEnd! && rules.signals.includes(s.label))
  const ownWords = praisedList ? null : inWords
  let order: string | null = ownWords?.label ?? null
  if (!order && !rules.wasSuccessful && !negative && (input.answer || input.previous?.length)) order = orderFromContext(analyzed, input, rules, question, parts.catalog)
  // A detail of an order sent on its own ("talla M", "a nombre de Carlos"), where the rules read nothing.
  if (!order && !question && rules.signals.includes('no_signal') && topic.category !== 'solicitud_foto') order = orderDetailAlone(analyzed)
  const extra: string[] = []
  let wasSuccessful = rules.wasSuccessful
  let score = rules.score
  let confidence = rules.confidence
  // A purchase that hangs on a condition ("si me lo dejas en 40 me lo llevo") is keen interest,
  // a 4, and no sale yet: the bot's answer has not closed it.
  const purchase = firstPurchase(signals, rules.signals, ownWords, topic)
  // A maybe ("quizás me lo llevo", "algún día me compro uno") is a stall, a 3; an if is keen, a 4.
  const hedge = (purchase === null ? null : purchaseCondition(analyzed, purchase.start, purchase.end)) ?? topic.conditionalPurchase ?? null
  const conditional = hedge !== null
  if (conditional) {
    order = null
    wasSuccessful = false
    extra.push('conditional')
  }
  // Bought despite the price: "qué caro está todo, pero bueno, mándame uno" is an order, and a 4.
  // Not in a long text, a review's story: "el restaurante es extremadamente costoso! … Ordenamos unos bisquets".
  const despitePrice = Boolean(order && negative && ownWords?.span && analyzed.words.length <= DESPITE_PRICE_WORDS && overcomesObjection(signals, rules.signals, analyzed.words, ownWords.span.start))
  if (despitePrice) {
    wasSuccessful = true
    score = 4
    confidence = Math.max(confidence, 0.6)
    extra.push(`order:${order}`, 'purchase_intent', 'despite_price')
  } else if (order && !negative) {
    wasSuccessful = true
    score = 5
    confidence = Math.max(confidence, 0.7)
    extra.push(`order:${order}`, 'purchase_intent')
  } else if (parts.sentiment && !rules.wasSuccessful) {
    const read = blendWithModel(analyzed, rules, topic, question, parts.sentiment, parts)
    score = read.score
    confidence = read.confidence
    extra.push(...read.labels)
  }

  // A sale the rules read in a long text is one phrase among many ("pagué 25 pesos por la entrada
  // y no es gran cosa…"): on the external set's tuning part those kept 0.95 and were right half the
  // time. Its confidence fades with length as the rules' share in the blend does.
  if ((rules.wasSuccessful || (order && !negative)) && analyzed.words.length > RULES_FULL_WORDS) {
    confidence = Math.round(confidence * Math.sqrt(RULES_FULL_WORDS / analyzed.words.length) * 1000) / 1000
  }
  // Beside a stall the if is one more maybe: "lo voy a pensar y si acaso te transfiero el finde".
  // Not in a long text (a review), where a "a ver" and an "if" are two phrases among many.
  const stalled = analyzed.words.length <= RULES_FULL_WORDS && rules.signals.some((s) => STALL.test(s))
  if (conditional) score = Math.min(score, hedge === 'maybe' || stalled ? 3 : 4) as MessageScore['score']
  const filedUnder = conditional ? topicOf(analyzed, { withoutPurchase: true }) : topic
  // Praise of the picture itself, right before it ("me encantó la foto", "qué linda la foto",
  // "hermosas fotos") asks for none; "qué bueno, espero la foto" still waits for one.
  const praisesPicture =
    filedUnder.category === 'solicitud_foto' &&
    signals.some((s) => s.kind === 'praise' && s.span && s.span.end <= filedUnder.start && filedUnder.start - s.span.end <= 1 && analyzed.clauseOf[s.span.start] === analyzed.clauseOf[filedUnder.start] && rules.signals.includes(s.label))
  const givesPlace = ownWords?.label === 'address' || ownWords?.delivery === true || givesAddress(analyzed, () => true)
  const category = fileUnder(analyzed, rules, filedUnder, { question, wasSuccessful, praisesPicture, givesPlace }, parts.catalog)
  // Paying and ordering are one topic and one outcome: a message about how to pay or to order
  // ("¿aceptan tarjeta?", "cómo hago mi pedido", "estoy interesado en comprar") is the purchase
  // intent the loop learns from, even when no rule named a sale. Not after a complaint or a no,
  // whether the rules saw it or the learned model read the message as unhappy (score ≤ 2).
  // Not a question put to the crowd ("¿alguien sabe si en el Oxxo aceptan tarjeta?"): nobody there
  // is buying from the shop. (A notice with a day in it was tried too, "hoy es el último día para
  // pagar el predial": customers write their orders that way, "transferencia mañana temprano", and
  // the never-read halves of two lists of shop messages lost three sales.)
  const toTheCrowd = asksTheCrowd(analyzed.words)
  if (category === 'proceso_pago' && !wasSuccessful && !negative && !conditional && !toTheCrowd && score >= 3 && !(category === filedUnder.category && filedUnder.paperwork)) {
    wasSuccessful = true
    // Asking how to pay or to order is a 4 in the rules (a payment question); a neutral read of
    // its words does not lower it. Not in a long text, where a payment word is one among many.
    if (analyzed.words.length <= RULES_FULL_WORDS) score = Math.max(score, 4) as MessageScore['score']
    extra.push('purchase_intent')
  }

  // Nor a way to pay the rules read in it ("aceptan tarjeta"), where no purchase is named.
  if (wasSuccessful && toTheCrowd && signals.every((s) => s.kind !== 'purchase')) {
    wasSuccessful = false
    score = Math.min(score, 3) as MessageScore['score']
    extra.push('asks_the_crowd')
  }
  // A question put to a company's account in a public post ("@BancoX ¿se puede pagar con débito?",
  // "@Aerolinea ¿puedo usar mis millas para el equipaje?") asks for information: no shop customer
  // reaching for the wallet, whose question how to pay is a 4. It keeps its topic and its intent.
  if (analyzed.addressesAccount && question && score > 3 && rules.signals.every((s) => !STANCE.test(s) || PAYING.test(s))) {
    score = 3
    // The rules were sure of the payment question, not of this reading of it.
    confidence = Math.min(confidence, TOPIC_ASKING_RELIABILITY)
    extra.push('asks_an_account')
  }

  const labels = rules.signals.filter((s) => s !== 'purchase_intent' || wasSuccessful)
  return { score, wasSuccessful, confidence, signals: [...labels, ...extra], category, rulesScore: rules.score }
}

/**
 * A sale made in answer to the conversation: a yes to an answer that closes it, or a pick from
 * what was offered. The offer is in the bot's answer; without one, the customer's own earlier
 * question about a product or its price ("¿cuánto vale la napolitana?") sets up the pick the same way.
 */
function orderFromContext(analyzed: AnalyzedText, input: MessageInput, rules: ReplyAssessment, question: boolean, catalog: CatalogTerms | null | undefined): string | null {
  const context = (input.answer ? [input.answer] : (input.previous ?? []).slice(-2)).map((c) => analyzeSpanish(c))
  const answer = input.answer ? context[0] : undefined
  // A yes, or the details asked for, to an answer closing the sale ("¿Te lo separo?" → "sí";
  // "¿A qué dirección?" → an address). Not a question, and not thanks alone ("gracias" may be a no).
  const agrees = rules.signals.some((s) => s.startsWith('ack:')) || rules.signals.includes('no_signal')
  if (answer && closesSale(answer) && !question && agrees) return 'closing'
  if (!context.some((c) => offered(c, catalog))) return null
  const pick = picksFromOffer(analyzed, catalog, answer)
  return pick ? `pick:${pick}` : null
}

interface ModelReading {
  score: MessageScore['score']
  confidence: number
  /** What the blend adds to the signals: `asks_about:<category>`, `model:<score>`. */
  labels: string[]
}

/** Words that put the writer or the reader in the message: a feeling or a stance is theirs, not news. */
const PERSONAL: ReadonlySet<string> = new Set(
  'yo me mi mis conmigo nos nosotros nosotras nuestro nuestra nuestros nuestras te tu tus ti contigo usted ustedes estoy soy tengo voy quiero puedo creo pienso siento odio amo necesito estaba tenia iba he hemos fui estamos somos tenemos vamos jaja'.split(' '),
)
/** Days, and the words of a notice, a report, a forecast, a premiere or a small ad ("Se vende bici… Interesados por privado", "Inamhi pronostica lluvias…"). */
const WHEN: ReadonlySet<string> = new Set('hoy mañana lunes martes miercoles jueves viernes sabado domingo partir horario informa informan reporta reportan registra registran interesados interesadas pronostica pronostican añade añaden estrena estrenan'.split(' '))
const HOUR = /^\d{1,2}(h|hs|am|pm)?$/

/** A goal count: two small numbers side by side, as "2-0" reaches the words ("2", "0"). */
const GOALS = /^\d{1,2}$/

/**
 * Told as an announcement: a day or an hour ("a las 8") named, or a match's score ("Final del
 * primer tiempo: 2-0"), no one in the first or second person, no exclamation or emoji.
 */
function announces(analyzed: AnalyzedText): boolean {
  const { words } = analyzed
  if (analyzed.exclamationMarks > 0 || analyzed.emojis.length > 0 || words.some((w) => PERSONAL.has(w))) return false
  return words.some((w, i) => WHEN.has(w) || (HOUR.test(w) && words[i - 1] === 'las') || (GOALS.test(w) && GOALS.test(words[i + 1] ?? '')))
}

/** After "alguien", what asks the readers of a post rather than the shop's staff ("alguien me atiende?"). */
const CROWD_VERBS: ReadonlySet<string> = new Set('sabe sabra sabria conoce recomienda ha tiene vive que mas tambien usa uso probo fue compro'.split(' '))

/** Asked of whoever reads it, not of the shop: "¿Alguien sabe…?", "alguien q viva x Los Olivos?". */
function asksTheCrowd(words: readonly string[]): boolean {
  const first = words.findIndex((w) => !OPENING_WORDS.has(w))
  return words[first] === 'alguien' && CROWD_VERBS.has(words[first + 1] ?? '')
}

/**
 * A message in which the rules found only facts and that hands over data (an identity number, a
 * case or order number, "mis datos", a private message sent) is pulled this far toward 3, fading
 * beyond 12 words (thirteenth session). --cv unchanged (reviews and opinions seldom hand data
 * over); never-read halves of 38 helper-written lists, mean three-level F1 0.8312 → 0.8318, three
 * up (messages to companies 0.890 → 0.900), none down; 0.6 gained no more and cost one list 0.005.
 */
export const DATA_NEUTRAL_PRIOR = 0.4
/** Identity and case numbers by their names across the region: Argentina's DNI and CUIT, Chile's RUT, Mexico's CURP and RFC, Colombia's cédula and NIT, Peru's RUC, Spain's NIE and NIF. */
const DATA_WORDS: ReadonlySet<string> = new Set('dni cedula rut curp rfc nit ruc cuil cuit nie nif pasaporte folio radicado expediente'.split(' '))
/** Where a private message went: "por privado", "les mandé DM", "al inbox". */
const PRIVATE_CHANNEL: ReadonlySet<string> = new Set('privado interno dm md inbox'.split(' '))
/** What comes before the private channel when a message went there: "por privado", "les mandé un DM". */
const TO_CHANNEL: ReadonlySet<string> = new Set('por un al el mande envie escribi'.split(' '))

function handsOverData(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      DATA_WORDS.has(w) ||
      /^\d[\d.]{5,}$/.test(w) ||
      (w === 'datos' && words[i - 1] === 'mis') ||
      (PRIVATE_CHANNEL.has(w) && TO_CHANNEL.has(words[i - 1] ?? '')),
  )
}

/** The most words of a post that tells what the writer is doing. */
const DOING_WORDS = 10
/**
 * "Yendo para Heredia", "Tomando mate en la oficina": a short post that opens with a gerund, in
 * which the rules found nothing, tells what the writer is doing and is pulled this far toward 3.
 * Ninth session: --cv unchanged at 0.3 and 0.45 (reviews and opinions seldom open so); never-read
 * halves of three helper-written lists of posts +0.031, +0.007, -0.005 at 0.45 (0.3 left
 * "Yendo para Heredia", which the model gave 0.51 for a 4, at 4).
 */
export const DOING_NEUTRAL_PRIOR = 0.45
const GERUND = /^\p{L}+(ando|iendo)$|^yendo$/u
/** Words that end like a gerund and are not one: "cuando", "mando", "entiendo", "atiendo"… */
const LOOKS_GERUND: ReadonlySet<string> = new Set('cuando blando mando comando demando contrabando expando entiendo atiendo defiendo enciendo extiendo tiendo desatiendo sobrentiendo'.split(' '))

function tellsWhatIsDoing(analyzed: AnalyzedText): boolean {
  const [first = '', second = ''] = analyzed.words
  // Or after "estoy"/"estamos": "Estamos grabando el programa de Nochevieja".
  const gerund = (w: string) => GERUND.test(w) && !LOOKS_GERUND.has(w)
  return analyzed.words.length <= DOING_WORDS && analyzed.exclamationMarks === 0 && analyzed.emojis.length === 0 && (gerund(first) || ((first === 'estoy' || first === 'estamos') && gerund(second)))
}

/**
 * "Me pasan el número de guía por favor", "atención al cliente porfa": a request said calmly asks
 * for something as a question does. Not with "¡…!", where "por favor" is exasperation ("¡por
 * favor, qué vergüenza!").
 */
function asksPolitely(analyzed: AnalyzedText): boolean {
  if (analyzed.exclamationMarks > 0) return false
  return analyzed.words.some((w, i) => w === 'por' && analyzed.words[i + 1] === 'favor')
}

/** The rules' verdict blended with the learned model's, for a message the rules did not read as a sale. */
function blendWithModel(analyzed: AnalyzedText, rules: ReplyAssessment, topic: TopicMatch, question: boolean, sentiment: SentimentModel, parts: ScorerParts): ModelReading {
  const found = !rules.signals.includes('no_signal') && rules.signals.some((s) => s !== 'question' && s !== 'conflict')
  const fullWords = parts.rulesFullWords ?? RULES_FULL_WORDS
  const words = analyzed.words.length
  // Asking: a question, or what the rules read as asking for more ("mándame una foto", "cuéntame").
  const onlyAsking = rules.signals.every((s) => ASKING_SIGNAL.test(s))
  // A topic named up front ("les queda", "ando buscando unos tenis") or in a question: the
  // message asks about it, question mark or not. "la comida estaba sin sal y sin sabor" names a
  // flavour in a statement of feeling, which stays the model's to read.
  const named = topic.category !== 'general' && (topic.start <= 1 || question)
  const asks = onlyAsking && (question || named || asksPolitely(analyzed) || rules.signals.some((s) => s.startsWith('info:') || s.startsWith('topic:')))
  // Beyond 12 words the pull fades with length, and only a question mark says it asks: a long
  // text that opens with "como" compares as often. Questions to a company in a post ("¿cuántos
  // kilos se pueden llevar en la maleta de mano…?") had been read as keen; --cv unchanged.
  // Saying it wants to know ("Quisiera saber si la garantía…") asks as plainly as a question mark.
  const marked = analyzed.questionMarks > 0 || asksWithoutMark(analyzed)
  const prior = asks && (marked || words <= fullWords) ? (parts.questionPrior ?? (marked ? QUESTION_NEUTRAL_PRIOR : ASKING_NEUTRAL_PRIOR)) * Math.min(1, fullWords / words) : 0
  // Where the rules found nothing at all and nothing is asked, a statement with no words the rules
  // know is as often a plain fact ("mañana cierran la avenida por el desfile") as a feeling.
  const silent = rules.signals.includes('no_signal') && !asks ? (parts.silentPrior ?? SILENT_NEUTRAL_PRIOR) * Math.min(1, fullWords / words) : 0
  // What the rules read in it, if anything, is a fact told ("hoy empieza la feria", "no se
  // reportan daños"), not a stance.
  const onlyFacts = rules.signals.every((s) => s === 'no_signal' || s.startsWith('info:'))
  const shared = onlyFacts && analyzed.questionMarks === 0 && analyzed.sharesLink ? SHARED_NEUTRAL_PRIOR : 0
  // An announcement (a day or an hour named, nobody in the first or second person) is news told.
  const announced = onlyFacts && analyzed.questionMarks === 0 && announces(analyzed) ? ANNOUNCED_NEUTRAL_PRIOR * Math.min(1, fullWords / words) : 0
  // So is a short post telling what the writer is doing ("Yendo para Heredia", "Tomando mate en
  // la oficina"), which the model read as 4 or 5.
  const doing = onlyFacts && analyzed.questionMarks === 0 && tellsWhatIsDoing(analyzed) ? DOING_NEUTRAL_PRIOR : 0
  // A hello and nothing else ("buenass", "quiubo parce, buenas") opens a chat as a question does:
  // the model, trained on reviews, read greetings as liking (4, 5).
  const greets = words <= GREETING_ONLY_WORDS && rules.signals.length > 0 && rules.signals.every((s) => s.startsWith('greeting:')) ? QUESTION_NEUTRAL_PRIOR : 0
  // Data handed over ("DNI 45782311, soy el titular", "mi número de caso es 20931877", "ya les
  // mandé DM con mis datos", "les escribo por privado") tells, as news does: the model, trained
  // on reviews, read the numbers and "mis datos" as a 5 and "por privado" as a 1.
  const data = onlyFacts && analyzed.questionMarks === 0 && handsOverData(analyzed.words) ? DATA_NEUTRAL_PRIOR * Math.min(1, fullWords / words) : 0
  // Keys hit by a thumb or a pocket ("asdfgh", "qwerty ñlkj") say nothing of the answer: the
  // seed scores what it cannot read a 3, and the model read their letters as a 5 or a 1. A 5
  // would put the answer before it among the best of the next lote.
  const unreadable = rules.signals.includes('no_signal') && analyzed.emojis.length === 0 && words > 0 && analyzed.words.every(isKeyboardMash) ? 1 : 0
  const pull = Math.max(prior, silent, shared, announced, greets, doing, unreadable, data)
  const model = sentiment.predict(analyzed).map((p, k) => (1 - pull) * p + (k === 2 ? pull : 0))
  // A complaint or a rejection the rules found ("quiero mi plata de vuelta", "se cayó la app") is
  // rarely outweighed by the rest of a long message, which the model, trained on reviews, may read
  // as anything ("me ofrecen un voucher"): its share shrinks with the square root of the length
  // instead (tuned with --cv: reviews polarity F1 0.597 → 0.599, press 0.501 → 0.502, ±1 unchanged;
  // the same for praise lost 0.8 points ±1, so it stays for the rules' 1 only).
  const lengthShare = words <= fullWords ? 1 : rules.score === 1 ? Math.sqrt(fullWords / words) : fullWords / words
  // No phrase fired, but the words name a topic (a product, its price, shipping, a picture):
  // the message asks about it, and the rules' 3 gets a say against the model's liking or
  // disliking of the topic's words ("les queda" read as 1, "recomiendame algo" as 5).
  const topicOnly = named && rules.signals.every((s) => NOTHING_BUT_HELLO.test(s))
  const rulesView = topicOnly ? { ...rules, confidence: TOPIC_ASKING_RELIABILITY } : rules
  const rulesShare = found || topicOnly ? (parts.rulesWeight ?? RULES_WEIGHT) * rulesView.confidence * lengthShare : 0
  const fromRules = rulesDistribution(rulesView)
  const blended = model.map((p, k) => rulesShare * fromRules[k]! + (1 - rulesShare) * p)
  // In a message of up to NEGATIVE_CAP_WORDS whose every stance the rules read is negative
  // ("llevo todo el día esperando", "gracias, pero se me va de presupuesto"), the model may soften
  // it to neutral but not turn it positive: it read those as 4 and 5 from reviews. Chosen with
  // --cv: project blind set 1 exact 0.959 → 0.965, reviews and press unchanged (docs/scorer.md).
  // A face of displeasure takes the side a complaint does ("ya se acabó el finde :( mañana a
  // madrugar", "me tocó turno el domingo 🙄"): the model, trained on reviews, read those as 5 and 4.
  const stances = rules.signals.flatMap((s) => (STANCE.test(s) ? [s] : displeasedFace(s) ? [`annoyance:${s}`] : KINDNESS.test(s) ? [`kindness:${s.slice(s.indexOf(':') + 1)}`] : []))
  const unanimouslyNegative = words <= NEGATIVE_CAP_WORDS && stances.length > 0 && stances.every((s) => AGAINST.test(s))
  // Nor beside praise, when the no is a strong one ("excelente servicio 👏 nunca más les compro",
  // "me encantó, sobre todo cuando llegó roto"): irony, or a complaint with manners. A 5 here would
  // put the answer among the best in the next lote; no figure of the development set moved.
  // Nor when the rules read the kind words as irony ("genial, de verdad, genial 🙃").
  const strongNo = stances.some((s) => STRONG_NO.test(s))
  const stronglyNegative = (words <= fullWords && strongNo) || rules.signals.includes('irony')
  const highest = unanimouslyNegative || stronglyNegative ? 2 : blended.length - 1
  // The other way round: where the rules read praise and nothing against it ("qué alegre el
  // reencuentro… risa toda la noche", "por fin me gradué… 6 años de sacrificio"), the model may
  // soften it to neutral but not turn it negative: trained on reviews, it read the years waited
  // and the sacrifice as a complaint.
  // Thanks count as praise here ("Ha tardado un poco pero me han devuelto el dinero. Gracias",
  // "mi perrita volvió a casa 😭 gracias a todos"): the model read the wait and the loss as a 1.
  // So does a face of liking ("…me la traen en una hora. Me habéis cambiado la vida 😍", "no saben
  // lo que les espera 😍"), which the model read as a 1.
  const praised = stances.some((s) => PRAISE.test(s)) || rules.signals.some((s) => s.startsWith('gratitude:') || pleasedFace(s))
  const unanimouslyPositive = words <= POSITIVE_FLOOR_WORDS && praised && stances.every((s) => FOR.test(s))
  let best = 0
  for (let k = 1; k <= highest; k++) if (blended[k]! > blended[best]!) best = k
  if (unanimouslyPositive) best = Math.max(best, 2)
  // Longer, a strong no beside praise is a mixed message at best: a 3, never the model's 4 or 5
  // ("Bacán @marca, me cobran comisión por una cuenta que pedí cerrar… Excelente servicio 👏").
  // Not the argmax below 4, which sent a review the rules misread ("el agua está fría") to 1.
  if (strongNo && words <= STRONG_NO_CAP_WORDS) best = Math.min(best, 2)
  // Praise, then a complaint set against it ("Amo esta ciudad pero el tráfico me está matando",
  // "excelente atención, aunque el pedido llegó tarde"), weigh each other out: a 3, whichever side
  // the rules or the model leaned to. Told the other way round it is no mix but a wrong set right
  // ("llegó roto pero me lo cambiaron al toque, excelentes"). Not a price objection or a no after
  // praise ("me gusta pero está caro" is a 2 in a chat, and the project's set says so).
  if (words <= MIXED_WORDS && praiseThenComplaint(analyzed.words, stances, analyzed.questionMarks === 0)) best = 2
  else if (words <= MIXED_WORDS && !rules.signals.includes('irony') && sidesSetApart(analyzed, stances)) best = 2
  if (words <= MIXED_WORDS && SO_SO.findAll(analyzed.words, analyzed.clauseOf).length > 0) best = 2
  // Praise, then the one flaw said to be the only one ("Muy bueno todo. Lo único, las instrucciones
  // son malísimas", "solo le bajo una estrella porque el envío se demoró"): liked, with a reservation.
  if (words <= MIXED_WORDS && best < 3 && onlyFlawAfterPraise(analyzed.words, stances)) best = 3
  // A concession closing the message is the other side ("me dieron el trabajo!! queda en la loma
  // del diablo eso sí"); said in the middle it only tempers ("muy rico, eso sí, hay que hacer cola").
  if (words <= MIXED_WORDS && analyzed.words.at(-2) === 'eso' && analyzed.words.at(-1) === 'si') best = 2
  // A middling verdict or a middling rating opening the message ("Aceptable. La pieza limpia…", "3
  // estrellas. Limpio, céntrico…", "Normal, como cualquier gym"), and "ni tan… ni tan…" whatever
  // the two words ("Ni tan rápido como prometen ni tan lento como dicen").
  if (words <= MIXED_WORDS && (opensWithMiddlingVerdict(analyzed) || neitherNor(analyzed.words))) best = 2
  // A call for a person hands the chat over (guardrails/human-request.ts): the answer before it
  // did not serve. The learned model, trained on reviews, reads "quiero hablar con un asesor" as keen.
  if (best > 1 && rules.signals.some((s) => s.startsWith('handoff:'))) best = 1
  const score = (best + 1) as MessageScore['score']
  const confidence = Math.round(calibrateConfidence(Math.min(0.95, blended[best]!), words, sentiment.calibration) * 1000) / 1000
  const labels: string[] = []
  if (topicOnly) labels.push(`asks_about:${topic.category}`)
  if (unreadable) labels.push('unreadable')
  if (score !== rules.score) labels.push(`model:${score}`)
  return { score, confidence, labels }
}

/** Where the writer says the flaw that follows is the only one: "lo único", "el único pero", "le bajo una estrella". */
function onlyFlawAt(words: readonly string[]): number {
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b, c] = [words[i], words[i + 1], words[i + 2]]
    if (a === 'lo' && b === 'unico' && c !== 'que' && c !== 'bueno') return i
    if (a === 'el' && b === 'unico' && (c === 'pero' || c === 'detalle' || c === 'problema' || c === 'defecto' || c === 'contra')) return i
    if (a === 'unico' && (b === 'detalle' || b === 'pero' || b === 'defecto')) return i
    if (a === 'le' && (b === 'bajo' || b === 'quito' || b === 'resto') && (c === 'una' || c === '1') && words[i + 3]?.startsWith('estrella')) return i
  }
  return -1
}

/** Praise told before the only flaw, and nothing against it but complaints, letdowns and a price. */
function onlyFlawAfterPraise(words: readonly string[], stances: readonly string[]): boolean {
  const at = onlyFlawAt(words)
  if (at < 1 || stances.some((s) => /^(rejection|insult|anger|stop|decline):/.test(s))) return false
  return stances.some((s) => PRAISE.test(s) && phraseAt(words, s) >= 0 && phraseAt(words, s) < at)
}

/**
 * The topic a message is filed under: its words' topic, unless it is a reaction (a complaint,
 * praise or thanks told and not asked), a sale, a product of the catalog named in passing, or an
 * objection to the price.
 */
function fileUnder(
  analyzed: AnalyzedText,
  rules: ReplyAssessment,
  filedUnder: TopicMatch,
  state: { question: boolean; wasSuccessful: boolean; praisesPicture: boolean; givesPlace: boolean },
  catalog: CatalogTerms | null | undefined,
): Category {
  const { question, wasSuccessful, praisesPicture, givesPlace } = state
  let category = filedUnder.category
  // A complaint is a reaction, not a question about the thing it names ("la calidad es malísima",
  // "me cancelaron el pedido y nadie da la cara"); a failed delivery stays shipping, a price called a
  // robbery is a price objection, and a complaint that also asks ("¿me devuelven el dinero?")
  // keeps its topic.
  // A payment that failed ("me rechazó la tarjeta", "me sale error al pagar") is trouble paying,
  // not a complaint about the shop: it stays with paying.
  const paymentFailed = category === 'proceso_pago' && rules.signals.filter((s) => COMPLAINING.test(s)).every((s) => PAYMENT_FAILED.test(s))
  // A complaint about the money itself stays with paying too ("me cobraron dos veces", "ya pagué
  // pero no me confirman nada"); one about an order ("me cancelaron el pedido y nadie da la cara")
  // does not.
  const aboutMoney = category === 'proceso_pago' && namesMoney(analyzed.words)
  // Asked to stop writing, whatever it names: "por favor no me manden más promociones".
  if (!question && !wasSuccessful && rules.signals.some((s) => s.startsWith('stop:'))) category = 'general'
  else if (!question && category !== 'consulta_envio' && category !== 'consulta_precio' && !paymentFailed && !aboutMoney && rules.signals.some((s) => COMPLAINING.test(s))) category = 'general'
  // Praise or thanks for what came, told and not asked, is a reaction too ("ya me llegó el
  // perfume y está buenísimo, gracias"); not a delivery that failed.
  // (Not paying named beside praise: "genial, te hago el depósito" still pays. Filing "¡sois unos
  // máquinas! Pedido a las 11…" under general that way cost a never-read list of shop messages a sale.)
  else if (!question && !wasSuccessful && !filedUnder.failure && (category === 'consulta_producto' || category === 'consulta_envio') && rules.signals.some((s) => PRAISING.test(s))) category = 'general'
  // The picture praised: "qué linda la foto!" opens with a question word and still asks nothing.
  else if (praisesPicture && !wasSuccessful && analyzed.questionMarks === 0) category = 'general'
  // A call for a person, said and little else, is none of the five topics: "¿hay un asesor
  // disponible?". In a longer message the person is wanted for what the rest asks.
  else if (!wasSuccessful && !filedUnder.failure && analyzed.words.length <= HANDOFF_ONLY_WORDS && rules.signals.some((s) => s.startsWith('handoff:'))) category = 'general'
  // A sale is paying, unless the delivery failed ("ya pagué y no me llega nada"), or the order is
  // about getting the goods and names no money: it asks or says where they go or are picked up
  // ("paso a retirarlo el sábado"), or gives the address ("2 bidones, Calle Colón 1120") —
  // shipping comes before the goods in the precedence, and only paying outranks it ("ya
  // transferí, avísame cuando lo despachen" is still paying).
  else if (wasSuccessful && !(category === 'consulta_envio' && filedUnder.failure)) {
    category = (category === 'consulta_envio' || givesPlace) && !namesMoney(analyzed.words) ? 'consulta_envio' : 'proceso_pago'
  }
  else if (category === 'general' && catalog && analyzed.words.some((w) => catalog.words.has(w))) category = 'consulta_producto'
  // A price objection is about the price even without a price word: "no me alcanza", "45 lucas es mucho".
  if (category === 'general' && !wasSuccessful && rules.signals.some((s) => s.startsWith('price_objection:'))) category = 'consulta_precio'
  return category
}

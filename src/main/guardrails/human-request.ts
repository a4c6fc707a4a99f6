// Does the customer want a person instead of the bot? Runs on the normalizer's canonical
// tokens (see kernel/spanish-text.ts), so "kiero ablar con una persona", "xfa un asesor" and
// "pásame con el dueño" reach the rules already folded, and clauses keep a "no, gracias"
// from leaking into the next sentence.
//
// Where the line is: a person (persona, humano, asesor, dueño, "alguien"…) has to be the
// *object of a request* — someone to talk to, be passed to, be served or called by — or the
// whole clause has to be nothing but a call for one ("asesor por favor", "¿alguien ahí?").
// A person who is merely the subject or topic of the sentence ("el asesor de ventas me da
// descuento?", "la persona que me atendió fue muy amable") is not a request, and neither is
// "asesoría" (advice is something the bot can give). Asking what the bot is ("¿eres un bot?",
// "¿estoy hablando con una persona?") is not a request on its own: the bot can answer
// honestly and offer the handoff, while pausing for every curious customer would train the
// owner to ignore the alerts. Everything else leans to "yes": a false positive costs the
// owner one notification, a false negative leaves an annoyed customer stuck with the bot.

import { analyzeSpanish, type AnalyzedText } from '../kernel/spanish-text'
import { PhraseSet } from '../kernel/phrase-matcher'

export interface HumanRequest {
  asked: boolean
  /** The canonical words that asked ("hablar con una persona"), for the owner's alert. */
  phrase: string | null
}

/**
 * How a match reads:
 * - `human`: asks for a person; a negation in its verb chain cancels it ("no necesito un
 *   asesor") unless the clause is a question ("¿no puedo hablar con una persona?").
 * - `bot`: talking to a bot; only a negated one is a request ("no quiero hablar con un bot").
 * - `fed_up`: tired of the bot, always a request ("estoy harta de hablar con un robot").
 * - `nobody`: nobody is answering, always a request ("¿no hay nadie que me atienda?").
 * - `block`: a longer reading that is no request at all ("me llama la atención").
 */
type Kind = 'human' | 'bot' | 'fed_up' | 'nobody' | 'block'

/** Role nouns: people at the shop. Canonical spelling (folded, ñ kept). */
const ROLES = 'asesor|asesora|asesores|asesoras|agente|agentes|dueño|dueña|dueños|encargado|encargada|encargados|vendedor|vendedora|vendedores|vendedoras|gerente|administrador|administradora|operador|operadora|representante|jefe|jefa|patron|patrona|propietario|propietaria|señor|señora|muchacho|muchacha|supervisor|supervisora'
/**
 * The trade that serves at the shop: a person to talk to ("quiero hablar con el mecánico",
 * "pásame con la doctora"), but wanting one is buying the service ("necesito un técnico para
 * instalar el aire"), so only the contact verbs ask for them.
 */
const TRADES = 'mecanico|tecnico|tecnica|doctor|doctora|medico|medica|veterinario|veterinaria|farmaceutico|farmaceutica|optometrista|abogado|abogada|contador|contadora|chef|cocinero|cocinera|estilista|instructor|instructora|entrenador|entrenadora|profesor|profesora|quimico|quimica|nutricionista|dentista|odontologo|odontologa|psicologo|psicologa|enfermero|enfermera|ingeniero|ingeniera|electricista|plomero|cerrajero|fotografo|fotografa|barbero|peluquero|peluquera'
/** A person as such. */
const PEOPLE = 'persona|personas|humano|humana|humanos|alguien'
const TARGET = `${ROLES}|${PEOPLE}`
const BOTS = 'bot|bots|robot|robots|maquina|maquinas|chatbot|ia|inteligencia|programa|contestadora|grabadora|automatico'
const DET = 'un|una|el|la|al|a|los|las|algun|alguna|tu|su|otro|otra|mi'

/**
 * Verbs of being put in touch, in the forms that ask (infinitive, present, imperative,
 * subjunctive). Past forms stay out on purpose: accents are folded, so "habló"/"hablé" read
 * "hablo"/"hable" and "ya hablé con el asesor" would otherwise become a request.
 */
const CONTACT = 'hablar|ablar|hablarle|habla|hablas|hablen|conversar|charlar|chatear|comunicar|comunicarme|comunicame|comunicas|comunica|comunican|comuniquen|comuniqueme|comuniquese|comunicarnos|comunicacion|pasame|pasas|pasa|pasan|pasen|pases|pasar|pasarme|pasenme|pasanme|pasarias|pasarian|ponme|pones|poner|ponerme|pongan|contactar|contactarme|contactame|contacta|contactas|contacto|transfiere|transfieres|transfiereme|transferir|transferirme|transfieran|derivame|derivar|derivarme|conectame|conectar|conectarme|conectas|remitir|remiteme'

/** Wanting something, asked for in the first person. */
const WANT = 'quiero|quisiera|necesito|nesecito|pido|prefiero|deseo|queria|exijo|solicito|requiero|ocupo|dame|gustaria|mandame|pideme|busco'

/** Being served, helped or answered; present and subjunctive only (see CONTACT). */
const SERVE = 'contacte|contacta|contacten|contactan|contactar|contactarme|atienda|atiende|atiendan|atienden|atender|atenderme|atendiera|atendieran|ayude|ayuda|ayuden|ayudan|ayudar|ayudarme|responda|responde|respondan|responden|responder|conteste|contesta|contesten|contestan|contestar|escriba|escriban|explique|expliquen|asesore|asesoren'
/**
 * The subjunctive and infinitive of SERVE only. After "que" the indicative describes ("la
 * persona que me atiende siempre es amable") while the subjunctive asks ("una persona que me
 * atienda").
 */
const SERVE_ASKING = 'contacte|contacten|contactar|contactarme|atienda|atiendan|atendiera|atendieran|atender|atenderme|ayude|ayuden|ayudar|ayudarme|responda|respondan|responder|conteste|contesten|contestar|escriba|escriban|explique|expliquen|asesore|asesoren'

/** Being called on the phone. */
const CALL = 'llamar|llamen|llaman|llamas|llama|llame|marcar|marcan|marquen|marque|timbrar'
const CALL_ENCLITIC = 'llamarme|llamame|llameme|llamenme|marcarme|marcame|marqueme|marquenme'
const MODAL = 'puede|pueden|puedes|podria|podrian|podrias|podran|pueda|puedan|pudiera|pudieran'

const RULES: { pattern: string; value: Kind }[] = [
  // "hablar con una persona", "pásame con el dueño", "me comunicas a un asesor"
  { pattern: `${CONTACT} directamente|ya|mejor|ahora|ahorita|urgente? con|a ${DET}? ${DET}? ${TARGET}|${TRADES}`, value: 'human' },
  { pattern: `${CONTACT} con|a ${DET}? servicio|atencion|soporte al|a? cliente|clientes|tecnico`, value: 'human' },
  { pattern: `${CONTACT} con|a ${DET}? ${BOTS}`, value: 'bot' },
  // "necesito un humano", "quiero a alguien", "quiero que una persona me atienda"
  { pattern: `${WANT} ${DET}? ${TARGET}`, value: 'human' },
  { pattern: `${WANT} que ${DET}? ${TARGET}`, value: 'human' },
  { pattern: `${WANT} ${DET}? ${BOTS}`, value: 'bot' },
  // "que me atienda un humano", "¿me puede atender una persona?", "alguien que me atienda"
  { pattern: `me|nos ${MODAL}? ${SERVE} ${DET}? ${TARGET}`, value: 'human' },
  { pattern: `que ${MODAL}? ${SERVE_ASKING} ${DET}? ${TARGET}`, value: 'human' },
  { pattern: `${TARGET} que me|nos? ${MODAL}? ${SERVE_ASKING}`, value: 'human' },
  { pattern: `alguien me|nos ${MODAL}? ${SERVE}`, value: 'human' },
  { pattern: `ayuda de ${DET}? ${TARGET}`, value: 'human' },
  { pattern: `ayuda|asesoria|cita|reunion|llamada|videollamada con ${DET}? ${TARGET}`, value: 'human' },
  // "atención humana" asks for one; "trato humano, cercano y profesional" praises a nurse.
  { pattern: 'atencion humano|humana', value: 'human' },
  { pattern: `numero|contacto|whatsap|celular|telefono|cel de|del ${DET}? ${ROLES}`, value: 'human' },
  // "¿hay alguien ahí?", "¿hay un asesor disponible?", "¿hay alguien que me atienda?" — but
  // not "¿hay alguien que lo haya comprado?"
  { pattern: `hay ${DET}? ${TARGET} ahi|alli|aqui|aca|disponible|disponibles|atendiendo|conectado|conectada`, value: 'human' },
  { pattern: `hay ${DET}? ${TARGET} $`, value: 'human' },
  { pattern: `hay ${DET}? ${TARGET} que|para me|nos|atender|atenderme|ayudar|ayudarme|hablar|responder`, value: 'human' },
  // "¿con quién hablo para un pedido grande?" — but "¿con quién tengo el gusto?" asks a name
  { pattern: 'con quien hablo|hablar|me|puedo|tengo|debo|podria', value: 'human' },
  { pattern: 'con quien tengo el gusto', value: 'block' },
  // "me puede llamar alguien", "¿me pueden llamar?", "llámame", "quiero una llamada"
  { pattern: `me ${MODAL}? ${CALL}`, value: 'human' },
  { pattern: CALL_ENCLITIC, value: 'human' },
  { pattern: `${WANT} ${DET}? llamada|llamadita`, value: 'human' },
  { pattern: `me ${MODAL}? hacer|hacen|haces|hagan|hace|haga ${DET}? llamada|llamadita`, value: 'human' },
  { pattern: 'me llama|llamo|llamaron|llamas la atencion', value: 'block' },
  // The pleasure of having talked to someone: "una gozada hablar con alguien que sabe tanto".
  { pattern: `gozada|gusto|placer|lujo|honor|privilegio|encanta|encanto ${CONTACT} con ${DET}? ${TARGET}`, value: 'block' },
  // "dejen de llamarme" asks for fewer calls, not for one.
  { pattern: `deja|dejen|dejes|deje|dejar|paren|pare|para|basta de ${CALL}|${CALL_ENCLITIC}`, value: 'block' },
  // Fed up with the bot, or nobody answering.
  { pattern: `cansado|cansada|harto|harta|aburrido|aburrida|odio|basta|detesto|suficiente de|con? ${CONTACT}? con? ${DET}? ${BOTS}`, value: 'fed_up' },
  { pattern: `nadie me|nos? ${SERVE}`, value: 'nobody' },
  { pattern: `nadie que me|nos? ${SERVE}`, value: 'nobody' },
  // "¿no hay nadie?" — but not "no hay nadie en la casa para recibir"
  { pattern: 'no hay nadie $', value: 'nobody' },
  { pattern: 'no hay nadie ahi|alli|aqui|aca|atendiendo|disponible|conectado', value: 'nobody' },
]

const PHRASES = new PhraseSet(RULES)

const NEGATORS = new Set(['no', 'nunca', 'ni', 'tampoco', 'jamas'])

/**
 * Words a negator reaches through to the request: "no quiero que me pases con un asesor",
 * "no me gusta hablar con bots", "no es necesario que me pasen". Any other word ends the
 * negation's reach, so "si no me respondes quiero hablar con alguien" stays a request.
 */
const VERB_CHAIN = new Set([
  'me', 'te', 'le', 'les', 'lo', 'la', 'nos', 'se', 'que', 'a', 'para', 'ya', 'mas', 'tan', 'ahora', 'mejor',
  'quiero', 'quisiera', 'queria', 'necesito', 'deseo', 'prefiero', 'puedo', 'puede', 'pueden', 'puedes',
  'podria', 'podrias', 'podrian', 'voy', 'vamos', 'va', 'hace', 'falta', 'es', 'era', 'necesario', 'hay',
  'gusta', 'gustaria', 'interesa', 'tengo', 'tienes', 'tiene', 'estoy', 'ocupo', 'hacerme', 'pidas', 'pido',
])
/** The farthest a negator may sit before the request. */
const NEGATION_REACH = 5

/** "no se" only negates as "no se puede"; "no sé si…" / "no sé cómo…" is not a negation. */
function isNegator(words: readonly string[], i: number): boolean {
  const w = words[i]!
  if (!NEGATORS.has(w)) return false
  if (w === 'no' && words[i + 1] === 'se') {
    const after = words[i + 2]
    return after === 'puede' || after === 'pueden' || after === 'podria'
  }
  return true
}

function negatedAt(words: readonly string[], clauseOf: readonly number[], start: number): number {
  const clause = clauseOf[start]
  for (let i = start - 1; i >= 0 && i >= start - NEGATION_REACH && clauseOf[i] === clause; i--) {
    if (isNegator(words, i)) return i
    if (!VERB_CHAIN.has(words[i]!)) return -1
  }
  return -1
}

/** Clauses that ended in "?": the normalized text keeps the marks, in order, after their words. */
function questionClauses(normalized: string, words: readonly string[], clauseOf: readonly number[]): Set<number> {
  const questions = new Set<number>()
  let w = 0
  for (const token of normalized.split(' ')) {
    if (token === '?') {
      if (w > 0) questions.add(clauseOf[w - 1]!)
    } else if (token === words[w]) {
      w++
    }
  }
  return questions
}

/** Words that may fill a clause that is nothing but a call for a person: "un asesor por favor ya". */
const CALL_FILLER = new Set([
  ...DET.split('|'), 'por', 'favor', 'ya', 'hola', 'buenas', 'oye', 'oiga', 'ahi', 'alli', 'aqui', 'aca', 'real', 'reales',
  'de', 'verdad', 'urgente', 'ahora', 'ahorita', 'mejor', 'disponible', 'mismo', 'humano', 'humana', 'solo', 'necesito',
  'quiero', 'con', 'pues', 'rapido',
])
const TARGET_WORDS = new Set(TARGET.split('|'))

/**
 * Forms of address: customers call the seller "señor", "jefe", "patrona", "muchacho" as they
 * would at a market stall. Alone they may be a call ("¿señor?"); with a greeting they greet.
 */
const ADDRESS_FORMS = new Set(['señor', 'señora', 'jefe', 'jefa', 'patron', 'patrona', 'muchacho', 'muchacha'])
const GREETINGS = new Set(['hola', 'buenas', 'buenos', 'buen', 'dia', 'dias', 'tardes', 'noches', 'saludos'])

/**
 * "asesor por favor", "¿alguien ahí?", "UN HUMANO YA": the clause only calls for someone. Not
 * when another clause says something ("gracias, señor", "asesor, ¿tienen la talla 40?"): then
 * the person is who the customer talks to (a vocative), and what they say is for the bot.
 */
function bareCall(words: readonly string[], clauseOf: readonly number[], clause: number): string | null {
  const inClause = words.filter((_, i) => clauseOf[i] === clause)
  if (!inClause.some((w) => TARGET_WORDS.has(w))) return null
  if (!inClause.every((w) => TARGET_WORDS.has(w) || CALL_FILLER.has(w))) return null
  const saysMore = words.some((w, i) => clauseOf[i] !== clause && !TARGET_WORDS.has(w) && !CALL_FILLER.has(w) && !GREETINGS.has(w))
  if (saysMore) return null
  const onlyAddress = inClause.filter((w) => TARGET_WORDS.has(w)).every((w) => ADDRESS_FORMS.has(w))
  if (onlyAddress && words.some((w) => GREETINGS.has(w))) return null
  return inClause.join(' ')
}

/** Does this message ask to talk to a person instead of the bot? Pure; safe on any string. */
export function detectHumanRequest(text: string): HumanRequest {
  return humanRequestIn(analyzeSpanish(text))
}

/** The same, on a message already analyzed (the scorer reads every reply once). */
export function humanRequestIn({ words, clauseOf, normalized }: Pick<AnalyzedText, 'words' | 'clauseOf' | 'normalized'>): HumanRequest {
  if (words.length === 0) return { asked: false, phrase: null }
  const questions = questionClauses(normalized, words, clauseOf)
  const { matches } = PHRASES.claim(words, clauseOf)
  for (const m of matches) {
    const negator = negatedAt(words, clauseOf, m.start)
    const phrase = words.slice(negator >= 0 ? negator : m.start, m.end).join(' ')
    const asked =
      m.value === 'fed_up' ||
      m.value === 'nobody' ||
      (m.value === 'bot' && negator >= 0) ||
      (m.value === 'human' && (negator < 0 || questions.has(clauseOf[m.start]!)))
    if (asked) return { asked: true, phrase }
  }
  for (const clause of new Set(clauseOf)) {
    const phrase = bareCall(words, clauseOf, clause)
    if (phrase) return { asked: true, phrase }
  }
  return { asked: false, phrase: null }
}

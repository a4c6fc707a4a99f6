// Spanish chat text → canonical tokens, so every rule downstream is written once, in one
// spelling. Customers on WhatsApp write "siii", "q precio", "xq", "okis", "ta bn" and drop
// accents at random; the seed matched raw lowercase text with `\b`, which in JavaScript only
// knows ASCII word characters (/\bsí\b/ never matches "sí"). Here matching happens on token
// arrays, so word boundaries are ours and accents never reach a regex.
import { WALLETS } from './payment-words'
import { foldSpanish } from '../../shared/spanish-fold'

/** One analysed message. Arrays are aligned: `clauseOf[i]` is the clause of `words[i]`. */
export interface AnalyzedText {
  /** Canonical words, emojis and the marks `?` / `!`, in order, joined by single spaces. */
  normalized: string
  /** Canonical words only (no emojis, no punctuation). */
  words: string[]
  /**
   * Clause index of each word. Commas, periods, `?`, `!`, line breaks and "pero"/"aunque"
   * start a new clause, so a negation never reaches across "no, gracias" or "caro pero me lo llevo".
   */
  clauseOf: number[]
  /** Emojis (and emoticons such as ":)" or "<3") in canonical form: no skin tone, no VS16. */
  emojis: string[]
  questionMarks: number
  exclamationMarks: number
  /** At least two letters and all of them capitals: "NO ME SIRVE". */
  shouting: boolean
  /**
   * Indices in `words` of a "si" typed with its accent: a yes, never an "if" ("qué bueno que sí
   * tienen la talla, apártamelo"). Voice notes transcribed by the phone keep their accents.
   */
  accentedSi?: readonly number[]
  /**
   * Indices in `words` of a word that stands for a question however the message is punctuated:
   * "cuánto vale" and "a cómo está" become "precio", which "buen precio" also reads.
   */
  askedAt?: readonly number[]
  /**
   * Where the writer opened the question with "¿", the clauses between "¿" and "?": what stands
   * outside them is told ("el internet anda bien lento, ¿qué onda?"). Absent without a "¿", where
   * a question mark may close a question of any length.
   */
  askedClauses?: readonly number[]
  /**
   * Without a "¿": the clauses of the sentences a "?" closes, from the last full stop, "!" or "?"
   * before it, and of what trails unclosed after the last "?". What stands in a sentence closed
   * otherwise is told: "Me llegó la hamburguesa fría. Pagué envío premium para esto?" complains
   * before it asks. Commas do not end the question ("hola, quería saber si todavía tienen el de la
   * foto, cuánto cuesta?").
   */
  questionSentenceClauses?: readonly number[]
  /**
   * Without a "¿": the last clause a "?" closes. What follows it was said after the question, not
   * inside it: "tienen de pollo? anotame 4 porciones" asks, then orders.
   */
  lastQuestionClause?: number
  /** A link in the message, or a post passed on ("RT @cuenta: …"): news shared as often as an opinion. */
  sharesLink?: boolean
  /** An @handle in it: a public post addressed to an account ("@BancoX ¿se puede pagar con débito?"), not a chat. */
  addressesAccount?: boolean
}

export { foldSpanish }

const SKIN_TONE_OR_VARIATION = /[\u{1f3fb}-\u{1f3ff}]|\ufe0f|\ufe0e/gu
/** The gender joined to a person's gesture: "🤦‍♀️" and "🤷‍♂️" are "🤦" and "🤷". */
const JOINED_GENDER = /\u200d[\u2640\u2642]$/u

const EMOTICONS: Record<string, string> = {
  ':)': '🙂',
  ':-)': '🙂',
  '=)': '🙂',
  ':]': '🙂',
  ':d': '😀',
  ':-d': '😀',
  '=d': '😀',
  ';)': '😉',
  ';-)': '😉',
  ':(': '🙁',
  ':-(': '🙁',
  '=(': '🙁',
  ":'(": '😢',
  ':/': '😕',
  ':-/': '😕',
  ':|': '😐',
  ':p': '😛',
  ':-p': '😛',
  ':o': '😮',
  '<3': '❤',
}

/** Same emoji whatever the skin tone, gender or presentation selector: "👍🏽" → "👍", "❤️" → "❤", "🤷🏽‍♀️" → "🤷". */
export function canonicalEmoji(emoji: string): string {
  const folded = EMOTICONS[emoji.toLowerCase()]
  if (folded) return folded
  const bare = emoji.replace(SKIN_TONE_OR_VARIATION, '').replace(JOINED_GENDER, '')
  return bare === '♥' || bare === '❣' ? '❤' : bare || emoji
}

// Emoticons only count at a word edge so "a:d" or URLs do not turn into faces.
const TOKEN =
  /(?<emoticon>(?<![\p{L}\p{N}])(?:[:;=]'?-?[)(\]dpo/|]|<3)(?![\p{L}\p{N}]))|(?<emoji>(?:[\u{1f1e6}-\u{1f1ff}]{2}|\p{Extended_Pictographic}|[\u{1f1e6}-\u{1f1ff}])(?:[\u{1f3fb}-\u{1f3ff}]|\ufe0f|\u20e3|\u200d\p{Extended_Pictographic}\ufe0f?)*)|(?<number>\p{N}+(?:[.,]\p{N}{3})+)|(?<word>[\p{L}\p{N}]+)|(?<question>[?¿]+)|(?<exclamation>[!¡]+)|(?<brk>[.,;:…\n\r]+)/gu

/** Words that open a new clause: what follows "pero" is a new stance. */
const CLAUSE_OPENERS = new Set(['pero', 'aunque', 'sino'])

/**
 * Spellings of a bare "sí" or "no" that are said alone, with a pause after them: "nah muy caro"
 * is "no, muy caro", never "not very expensive".
 */
const ANSWER_INTERJECTIONS = new Set('nop nope nel nah nones nou noup nao nopo sip sep sipi sipo simon sisas yes'.split(' '))

/**
 * Single-token spellings → canonical words. Keys are already folded and de-repeated.
 * Values with spaces expand to several words ("xfa" → "por favor").
 */
const SPELLINGS: Record<string, string> = {
  // que / porque / por
  q: 'que',
  k: 'que',
  ke: 'que',
  qe: 'que',
  xq: 'porque',
  xk: 'porque',
  pq: 'porque',
  pk: 'porque',
  porq: 'porque',
  x: 'por',
  // frequent abbreviations
  tmb: 'tambien',
  tb: 'tambien',
  tbn: 'tambien',
  tambn: 'tambien',
  tmbn: 'tambien',
  tamb: 'tambien',
  dnd: 'donde',
  dnde: 'donde',
  bn: 'bien',
  d: 'de',
  pa: 'para',
  xa: 'para',
  pal: 'para el',
  msj: 'mensaje',
  nro: 'numero',
  nros: 'numeros',
  aki: 'aqui',
  dsp: 'despues',
  dps: 'despues',
  desp: 'despues',
  mxo: 'mucho',
  mcho: 'mucho',
  ps: 'pues',
  pz: 'pues',
  pue: 'pues',
  tons: 'entonces',
  entons: 'entonces',
  ntp: 'no te preocupes',
  nse: 'no se',
  nose: 'no se',
  nc: 'no se',
  ns: 'no se',
  salu2: 'saludos',
  // "ya te pasé la transfe"; not "transfer", which is also the airport shuttle.
  transfe: 'transferencia',
  xfa: 'por favor',
  xfavor: 'por favor',
  porfa: 'por favor',
  porfis: 'por favor',
  porfavor: 'por favor',
  plis: 'por favor',
  pliz: 'por favor',
  pls: 'por favor',
  please: 'por favor',
  info: 'informacion',
  inf: 'informacion',
  infor: 'informacion',
  imfo: 'informacion',
  infomacion: 'informacion',
  imformacion: 'informacion',
  // estar, clipped
  ta: 'esta',
  sta: 'esta',
  tas: 'estas',
  toy: 'estoy',
  tamos: 'estamos',
  // common misspellings (b/v, s/c/z, k/qu)
  kiero: 'quiero',
  kiere: 'quiere',
  kieres: 'quieres',
  kisiera: 'quisiera',
  keda: 'queda',
  kedan: 'quedan',
  kedo: 'quedo',
  // English a shop hears in Spanish ("te hago el deposit", "¿cuánto el shipping?", "no me da el budget").
  deposit: 'deposito',
  account: 'cuenta',
  cash: 'efectivo',
  shipping: 'envio',
  discount: 'descuento',
  size: 'talla',
  budget: 'presupuesto',
  expensive: 'caro',
  bookear: 'reservar',
  booking: 'reserva',
  scam: 'estafa',
  exchange: 'cambio',
  refund: 'reembolso',
  payment: 'pago',
  price: 'precio',
  qiero: 'quiero',
  kero: 'quiero',
  komo: 'como',
  kmo: 'como',
  cmo: 'como',
  kuanto: 'cuanto',
  qnto: 'cuanto',
  cnto: 'cuanto',
  kuesta: 'cuesta',
  questa: 'cuesta',
  questan: 'cuestan',
  // A letter dropped, and "ll" typed as it sounds: "cuanto cueta", "ke dia yega".
  cueta: 'cuesta',
  cuetan: 'cuestan',
  yega: 'llega',
  // Two letters swapped: "quiero compar unos audífonos".
  compar: 'comprar',
  yegan: 'llegan',
  yego: 'llego',
  yegaron: 'llegaron',
  yegaria: 'llegaria',
  yevo: 'llevo',
  yeva: 'lleva',
  yevan: 'llevan',
  yevar: 'llevar',
  // Chile's "sí po", "no po"; Argentina's "garpar" (to pay); Chile's voseo "dejái".
  sipo: 'si',
  nopo: 'no',
  garpe: 'pague',
  garpo: 'pago',
  garpar: 'pagar',
  garpado: 'pagado',
  dejai: 'dejas',
  kuestan: 'cuestan',
  conprar: 'comprar',
  conpro: 'compro',
  conpra: 'compra',
  presios: 'precios',
  bale: 'vale',
  presio: 'precio',
  enbio: 'envio',
  embio: 'envio',
  enbios: 'envios',
  embios: 'envios',
  aser: 'hacer',
  asen: 'hacen',
  ase: 'hace',
  exelente: 'excelente',
  excelnte: 'excelente',
  exclente: 'excelente',
  nesesito: 'necesito',
  nececito: 'necesito',
  ola: 'hola',
  holi: 'hola',
  holis: 'hola',
  hla: 'hola',
  bnas: 'buenas',
  weno: 'bueno',
  wueno: 'bueno',
  bno: 'bueno',
  wena: 'buena',
  // gracias
  grax: 'gracias',
  graxias: 'gracias',
  grasias: 'gracias',
  grasia: 'gracias',
  gracia: 'gracias',
  gracas: 'gracias',
  gracais: 'gracias',
  grcs: 'gracias',
  grs: 'gracias',
  gcs: 'gracias',
  thx: 'gracias',
  thanks: 'gracias',
  tks: 'gracias',
  // ok family
  oki: 'ok',
  okis: 'ok',
  okey: 'ok',
  okay: 'ok',
  okei: 'ok',
  oka: 'ok',
  okas: 'ok',
  oks: 'ok',
  okok: 'ok ok',
  okidoki: 'ok',
  // sí family
  sip: 'si',
  sep: 'si',
  sipi: 'si',
  simon: 'si',
  sisas: 'si',
  yes: 'si',
  // dale family (Colombian "hágale", "de una")
  hagale: 'dale',
  hagamosle: 'dale',
  deuna: 'dale',
  // no family
  nop: 'no',
  nope: 'no',
  nel: 'no',
  nah: 'no',
  na: 'no',
  nones: 'no',
  nou: 'no',
  noup: 'no',
  nao: 'no',
  // praise slang
  xvr: 'chevere',
  chebere: 'chevere',
  chevre: 'chevere',
  bkn: 'bacano',
  // laughter and hesitation
  xd: 'jaja',
  lol: 'jaja',
  m: 'hmm',
  mm: 'hmm',
  hm: 'hmm',
  mmh: 'hmm',
  um: 'hmm',
  uhm: 'hmm',
  umm: 'hmm',
  em: 'hmm',
  eh: 'hmm',
  // voseo → tuteo, so one rule covers "tenés" and "tienes"
  queres: 'quieres',
  tenes: 'tienes',
  podes: 'puedes',
  sos: 'eres',
  vos: 'tu',
  decime: 'dime',
  contame: 'cuentame',
  mostrame: 'muestrame',
  // Spain's vosotros → ustedes, so "¿tenéis?", "¿cuánto cobráis?" and "¿os queda?" read like
  // "¿tienen?", "¿cuánto cobran?" and "¿les queda?" (the accents are already folded away)
  teneis: 'tienen',
  podeis: 'pueden',
  haceis: 'hacen',
  vendeis: 'venden',
  enviais: 'envian',
  mandais: 'mandan',
  aceptais: 'aceptan',
  admitis: 'admiten',
  cobrais: 'cobran',
  dejais: 'dejan',
  traeis: 'traen',
  llevais: 'llevan',
  quereis: 'quieren',
  sabeis: 'saben',
  abris: 'abren',
  cerrais: 'cierran',
  estais: 'estan',
  sois: 'son',
  habeis: 'han',
  ofreceis: 'ofrecen',
  manejais: 'manejan',
  trabajais: 'trabajan',
  entregais: 'entregan',
  repartis: 'reparten',
  recibis: 'reciben',
  atendeis: 'atienden',
  hariais: 'harian',
  podriais: 'podrian',
  vais: 'van',
  dais: 'dan',
  os: 'les',
  mandadme: 'mandenme',
  enviadme: 'envienme',
  pasadme: 'pasenme',
  decidme: 'diganme',
  reservadme: 'reservenme',
  apartadme: 'apartenme',
  separadme: 'separenme',
  anulad: 'anulen',
  cancelad: 'cancelen',
  mandad: 'manden',
  enviad: 'envien',
  // ustedeo imperatives → tuteo ("mándeme", "páseme")
  mandeme: 'mandame',
  paseme: 'pasame',
  envieme: 'enviame',
  deme: 'dame',
  digame: 'dime',
  muestreme: 'muestrame',
  expliqueme: 'explicame',
  cuenteme: 'cuentame',
  separeme: 'separame',
  apartemelo: 'apartamelo',
  separemelo: 'separamelo',
  // Colombian "regáleme el precio" asks for the price; nothing is a gift
  regalame: 'dame',
  regaleme: 'dame',
  regalenme: 'dame',
  regalarme: 'darme',
}

/** Doubled final letters that are real Spanish words, kept when a trailing double is folded. */
const REAL_DOUBLES = new Set(['lee', 'cree', 'desee', 'provee', 'posee', 'vee', 'zoo', 'app', 'off'])

const LAUGH = /^(?:(?:j+[aeiou]+)+j*|(?:ha){2,}h?|(?:he){2,}h?|(?:js)+j?|jsj\w*)$/

/**
 * Fold letters repeated for emphasis: three or more always ("siiii" → "si"), and a doubled
 * final letter ("noo", "okk", "graciass") unless the double is legitimate Spanish.
 */
export function collapseRepeats(word: string): string {
  let out = word.replace(/(\p{L})\1{2,}/gu, '$1')
  if (out.length >= 3 && !REAL_DOUBLES.has(out)) {
    const last = out[out.length - 1]!
    if (last === out[out.length - 2] && /\p{L}/u.test(last) && last !== 'l' && last !== 'r' && last !== 'c') out = out.slice(0, -1)
  }
  return out
}

/**
 * One folded word as the normalizer writes it ("whatsapp" → "whatsap", "podes" → "puedes"): the
 * spelling every phrase rule must use, or it never matches (tests/unit/evaluate/phrase-spelling.test.ts).
 */
export function canonicalWord(word: string): string {
  if (/^\p{N}/u.test(word)) return word
  // One "m" as typed is a size ("la negra en talla M"), not the filler: only "mm", "mmm"… are "hmm".
  if (word === 'm') return word
  const collapsed = collapseRepeats(word)
  if (LAUGH.test(collapsed) && collapsed.length >= 4) return 'jaja'
  return SPELLINGS[collapsed] ?? collapsed
}

interface Token {
  text: string
  kind: 'word' | 'emoji' | 'question' | 'exclamation'
  clause: number
  /** A "sí" typed with its accent. */
  accented?: true
  /** Rewritten from a question phrase ("cuánto cuesta" → "precio"). */
  asked?: true
  /** An "eh", which closing a message stresses it rather than hesitates. */
  tag?: true
}
const TAG_EH = /^e+h+$/

/** Stands in for an accented "sí" through the folding, which drops the accent. */
const ACCENTED_SI_MARK = 'siconacento'
const ACCENTED_SI = /(?<![\p{L}\p{N}])[sS][íÍ](?![\p{L}\p{N}])/gu

const M_AS_ME_BEFORE = new Set(
  'queda quedan quedo gusta gustan gusto interesa interesan encanta encanto parece cobran cobras cobra cobraron llega llego llegan sirve sirven mandas manda mandan mandaron envias envia envian enviaron pasas pasa pasan das da dan dieron regalas regala regalan dices dice dicen dijo avisas avisa avisan confirmas confirma confirman puedes puede pueden ayudas ayuda ayudan'.split(' '),
)
const PRICE_VERBS = new Set(['vale', 'valen', 'sale', 'salen', 'cuesta', 'cuestan', 'cobran', 'cobras', 'cobra', 'es', 'seria', 'serian', 'queda', 'quedaria', 'costaria', 'costarian', 'saldria', 'saldrian', 'valdria', 'valdrian', 'cobraria', 'cobrarian', 'cobrarias'])
const PRICE_OBJECTS = new Set(['me', 'nos', 'le', 'te'])
// Not "debo": "¿cuánto te debo?" settles up, a purchase the rules read (reply-scorer), not a price asked.
const PRICE_AFTER_OBJECT = new Set(['cobran', 'cobras', 'cobra', 'sale', 'vale', 'cuesta', 'queda', 'quedaria', 'pago', 'costaria', 'costarian', 'saldria', 'saldrian', 'cobraria', 'cobrarian', 'cobrarias'])
/** Words after which "de una" / "de 1" counts one of something ("por el precio de 1", "el pack de una"), not "right away". */
const COUNTED_BEFORE_DE_UNA = new Set('precio valor costo mas menos pago cuota cuotas talla numero paquete pack combo grupo lote caja docena sesion hora horas'.split(' '))
const DE_UNA_FOLLOWERS = new Set(['me', 'lo', 'la', 'los', 'te', 'ya', 'pues', 'parce', 'hermano', 'amigo', 'entonces', 'mandame', 'pasame', 'enviame', 'y', 'dale'])
const CLITIC_VERBS = new Set(['quiero', 'llevo', 'compro', 'pido', 'aparto', 'separo', 'encargo'])
const VALE_BLOCKERS = new Set(['la', 'lo', 'mucho', 'mas', 'tanto', 'cada', 'eso', 'el', 'menos', 'cuanto'])
/** After one of these, "vale" agrees too: "ok vale", "bueno vale". */
const AGREEMENT = new Set(['ok', 'listo', 'bueno', 'si', 'dale', 'gracias'])
/** "va" is "ok" only as an answer of its own ("va", "va pues", "va, me llevo dos"), never in "va a llegar". */
const VA_AS_OK = new Set(['pues', 'gracias', 'listo', 'dale', 'ok', 'bueno', 'entonces', 'me', 'te', 'lo', 'que', 'si'])

/**
 * A card that is goods or a document, not a way to pay: "¿tienen tarjeta de memoria de 64?",
 * "tarjeta sim", "la tarjeta de embarque en el móvil". Named by what it is, so the payment rules,
 * which read "tarjeta" as paying by card, leave them to the product questions.
 */
const CARD_GOODS: ReadonlyMap<string, string> = new Map([
  ['sim', 'chip'], ['sd', 'memoria sd'], ['microsd', 'memoria microsd'], ['micro', 'memoria micro'],
  ['grafica', 'grafica'], ['graficas', 'graficas'], ['madre', 'placa madre'],
])
const CARD_GOODS_OF: ReadonlyMap<string, string> = new Map([
  ['memoria', 'memoria'], ['video', 'grafica'], ['red', 'placa de red'], ['sonido', 'placa de sonido'],
  ['embarque', 'pasabordo'], ['regalo', 'giftcard'],
  // Documents: "renovar la tarjeta de residencia", "la tarjeta de circulación".
  ['residencia', 'documento de residencia'], ['identidad', 'documento de identidad'], ['circulacion', 'documento de circulacion'],
])

function opensClause(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1]
  return !previous || previous.clause !== tokens[i]!.clause || previous.kind !== 'word'
}

/**
 * Multi-word canonical forms. Runs after single-token spellings, so "q precio" arrives as
 * "que precio". Every price phrasing becomes the single word "precio", so the scorer, the
 * category rules and the classifier all see one token for "cuánto vale", "a cómo está",
 * "q precio tiene" and "cuánto me cobrás".
 */
function rewritePhrases(tokens: Token[]): Token[] {
  const out: Token[] = []
  const wordAt = (i: number, clause: number) => {
    const t = tokens[i]
    return t && t.kind === 'word' && t.clause === clause ? t.text : undefined
  }
  // "Simón Bolívar" (an avenue, a university, a park) is a name, not Mexico's "simón" for yes.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!
    // (Its pause, which an answer interjection gets, put "bolívar" in a clause of its own: ignore it.)
    const next = tokens[i + 1]
    if (t.kind === 'word' && t.text === 'si' && next?.kind === 'word' && next.text === 'bolivar') {
      tokens[i] = { ...t, text: 'simon' }
      tokens[i + 1] = { ...next, clause: t.clause }
    }
  }
  // Texting's "m" for "me" before a verb ("cuanto m cobran", "m keda grande"); a size otherwise ("talla m").
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!
    if (t.kind === 'word' && t.text === 'm' && wordAt(i + 1, t.clause) !== undefined && M_AS_ME_BEFORE.has(wordAt(i + 1, t.clause)!)) tokens[i] = { ...t, text: 'me' }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.kind !== 'word') {
      out.push(t)
      continue
    }
    const next = wordAt(i + 1, t.clause)
    const next2 = wordAt(i + 2, t.clause)
    const push = (text: string, skip: number) => {
      for (const w of text.split(' ')) out.push({ text: w, kind: 'word', clause: t.clause })
      i += skip
    }
    const asked = (skip: number) => {
      out.push({ text: 'precio', kind: 'word', clause: t.clause, asked: true })
      i += skip
    }
    if (t.text === 'cuanto' && next && PRICE_VERBS.has(next) && !(next === 'es' && next2 === 'el' && wordAt(i + 3, t.clause) === 'tiempo')) {
      asked(1)
    } else if (t.text === 'cuanto' && next && PRICE_OBJECTS.has(next) && next2 && PRICE_AFTER_OBJECT.has(next2)) {
      asked(2)
    } else if (t.text === 'cuanto' && (next === 'pago' || next === 'pagaria')) {
      asked(1)
    } else if (t.text === 'cuanto' && (next === 'hay' || next === 'tengo') && next2 === 'que' && wordAt(i + 3, t.clause) === 'pagar') {
      asked(3)
    } else if ((t.text === 'que' || t.text === 'cual') && (next === 'precio' || next === 'valor' || next === 'costo')) {
      asked(1)
    } else if (t.text === 'a' && next === 'como' && next2 && (next2 === 'esta' || next2 === 'estan' || PRICE_VERBS.has(next2))) {
      asked(2)
    } else if (t.text === 'a' && next === 'como' && next2 && ARTICLES.has(next2) && out.at(-1)?.clause !== t.clause) {
      // Opening the clause, the thing named with its article: "a como el saco de 20 kilos", "a como la docena".
      asked(1)
    } else if (t.text === 'de' && (next === 'una' || next === '1') && (next2 === undefined || DE_UNA_FOLLOWERS.has(next2)) && !COUNTED_BEFORE_DE_UNA.has(out.at(-1)?.text ?? '')) {
      push('dale', 1)
    } else if ((t.text === 'la' || t.text === 'los' || t.text === 'las') && next && CLITIC_VERBS.has(next)) {
      push('lo', 0)
    } else if (t.text === 'no' && next === 'que' && next2 === 'ver') {
      push('nada', 0)
    } else if (t.text === 'me' && (next === 'regala' || next === 'regalas' || next === 'regalan' || next === 'regalaria')) {
      push('dame', 1)
    } else if (t.text === 'contra' && next === 'entrega') {
      push('contraentrega', 1)
    } else if ((t.text === 'tarjeta' || t.text === 'tarjetas') && next && CARD_GOODS.has(next)) {
      push(CARD_GOODS.get(next)!, 1)
    } else if ((t.text === 'tarjeta' || t.text === 'tarjetas') && next === 'de' && next2 && CARD_GOODS_OF.has(next2)) {
      push(CARD_GOODS_OF.get(next2)!, 2)
    } else if (t.text === 'vale' && (opensClause(tokens, i) || AGREEMENT.has(out.at(-1)?.text ?? '')) && !(next && VALE_BLOCKERS.has(next))) {
      push('ok', 0)
    } else if (t.text === 'va' && opensClause(tokens, i) && (next === undefined || VA_AS_OK.has(next))) {
      push('ok', 0)
    } else {
      out.push(t)
    }
  }
  return out
}

/**
 * Links, e-mail addresses and @handles are not the customer's words: split into tokens they would
 * read as "https t co abc123", a shop URL's "producto" as a product question and its "?color=rojo"
 * as a question. Each link or address becomes one placeholder word; a handle goes. A hashtag is
 * its words ("#PesimoServicio" → "Pesimo Servicio").
 */
const LINK = /(?:\bhttps?:\/\/|\bwww\.)\S+/giu
// Anchored, and tried on one whitespace-free chunk at a time: unanchored, a run of letters with no
// "@" in it made the engine rescan the run from every position (quadratic on a long message).
const EMAIL = /^[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u
const HANDLE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_]+/gu
const HASHTAG = /#([\p{L}\p{N}_]+)/gu
/** One @handle, not the "@" of an e-mail address (a letter, digit, dot or underscore before it). */
const ADDRESSED = /(^|[^\p{L}\p{N}_.])@[\p{L}_][\p{L}\p{N}_]*/u

function withoutAddresses(text: string, placeholders = true): string {
  if (!/[@#/]|www\./i.test(text)) return text
  const withoutLinks = text.replace(LINK, placeholders ? ' url ' : ' ')
  const withoutEmails = withoutLinks.includes('@')
    ? withoutLinks
        .split(/(\s+)/)
        .map((chunk) => (chunk.includes('@') ? chunk.replace(EMAIL, placeholders ? ' email ' : ' ') : chunk))
        .join('')
    : withoutLinks
  return withoutEmails.replace(HANDLE, '$1 ').replace(HASHTAG, (_, tag: string) => ` ${tag.replace(/_/g, ' ').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')} `)
}

/** Words that open a question; customers who write without accents often write without "¿?" too. */
const QUESTION_WORDS = new Set(['que', 'quien', 'quienes', 'cual', 'cuales', 'cuando', 'donde', 'como', 'cuanto', 'cuantos', 'cuantas', 'precio'])

/**
 * What may come before the question word: a greeting, a connector, a preposition ("hola cuanto
 * cuesta", "y donde quedan", "de que material es", "a que hora abren", "para cuando llega").
 */
const QUESTION_OPENERS = new Set(
  'hola buenas buenos buen dia dias tardes noches oye oiga disculpa disculpe perdon y e o pero entonces bueno ok a de en para por con hasta desde sobre'.split(' '),
)

/** Four keys in a row on a Spanish keyboard, either way: what a thumb or a pocket types. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjklñ', 'zxcvbnm']
const KEY_RUNS: ReadonlySet<string> = new Set(
  KEY_ROWS.flatMap((row) => [row, [...row].reverse().join('')]).flatMap((row) => [...row].slice(0, -3).map((_, i) => row.slice(i, i + 4))),
)

/**
 * A word no one wrote on purpose: four keys in a row ("asdf", "qwerty", "ñlkj") or five
 * consonants running ("sdfgh"; Spanish runs three at most, four in "obstruir"). Read after the
 * normalizer, so "jsjsjs" is already laughter and "xq" already "porque".
 */
export function isKeyboardMash(word: string): boolean {
  if (word.length < 4 || /\d/.test(word)) return false
  if (/[^aeiouyáéíóúü\d]{5}/.test(word)) return true
  for (let i = 0; i + 4 <= word.length; i++) if (KEY_RUNS.has(word.slice(i, i + 4))) return true
  return false
}

/** Wanting to know, said instead of asked: "quisiera saber…", "deseo consultar…". */
const WANTING = new Set(['quisiera', 'queria', 'quiero', 'gustaria', 'deseo', 'desearia', 'necesito', 'necesitaria'])
const TO_KNOW = new Set(['saber', 'consultar', 'preguntar', 'preguntarle', 'preguntarles', 'averiguar'])

/** Says it wants to know, near its start: "Buenos días. Quisiera saber…", "les escribo para consultar…". */
export function wantsToKnow(analyzed: Pick<AnalyzedText, 'words'>): boolean {
  const { words } = analyzed
  // Not refused: "no quiero saber nada".
  for (let i = 0; i + 1 < Math.min(words.length, 10); i++) if ((WANTING.has(words[i]!) || words[i] === 'para') && TO_KNOW.has(words[i + 1]!) && words[i - 1] !== 'no') return true
  return false
}

/** What a thing asked about opens with: "la ropa es nueva o de segunda", "¿la mesa es extensible?". */
export const THING_DETERMINERS: ReadonlySet<string> = new Set('el la los las este esta estos estas ese esa esos esas'.split(' '))
/** A thing pointed at without its name: "eso es en dólares o en pesos". */
const THAT: ReadonlySet<string> = new Set(['eso', 'esto'])
/** What a thing is, has, lasts or does: "¿la mesa es extensible?", "¿ese tinte maltrata el cabello?". */
export const THING_VERBS: ReadonlySet<string> = new Set(
  'es son viene vienen trae traen tiene tienen dura duran sirve sirven incluye incluyen lleva llevan queda quedan funciona funcionan aguanta aguantan resiste resisten mide miden pesa pesan puede pueden maltrata maltratan destiñe destiñen encoge encogen usa usan'.split(' '),
)
/** "X o Y" that is no choice asked: "más o menos", "o sea", "tarde o temprano", "todo o nada", "ahora o nunca", "sí o sí". */
const SET_PAIRS = new Set(['mas menos', 'tarde temprano', 'todo nada', 'ahora nunca', 'si si', 'si no', 'uno otro'])

/**
 * Asks which of two, with no mark, as a phone writes it: "la ropa es nueva o de segunda", "la
 * mesa aguanta peso o es solo decorativa", "la bici es aro 26 o 27.5". A short message with no
 * "!" whose first clause names a thing, says right after what it is or has, and then offers an
 * "o". Statements of the same shape are rarer in a chat with a shop than these questions.
 */
export function asksEitherOr(analyzed: Pick<AnalyzedText, 'words' | 'clauseOf' | 'questionMarks' | 'exclamationMarks'>): boolean {
  const { words, clauseOf } = analyzed
  if (analyzed.questionMarks > 0 || analyzed.exclamationMarks > 0 || words.length > 14 || !(THING_DETERMINERS.has(words[0] ?? '') || THAT.has(words[0] ?? ''))) return false
  const verb = [1, 2, 3].find((i) => THING_VERBS.has(words[i] ?? ''))
  if (verb === undefined) return false
  for (let k = verb + 1; k + 1 < words.length; k++) {
    if (words[k] !== 'o' || clauseOf[k] !== clauseOf[0]) continue
    if (words[k + 1] === 'sea' || SET_PAIRS.has(`${words[k - 1]} ${words[k + 1]}`)) return false
    return true
  }
  return false
}

/** Asks with no question mark: says it wants to know, or asks which of two. */
export function asksWithoutMark(analyzed: Pick<AnalyzedText, 'words' | 'clauseOf' | 'questionMarks' | 'exclamationMarks'>): boolean {
  return wantsToKnow(analyzed) || asksEitherOr(analyzed)
}

/**
 * The message asks something: a "?", or it starts like a question ("cuando llega", "de que
 * material es"), or it says it wants to know, as polite customers write without a question mark
 * ("Buenos días. Quisiera saber el costo del envío a Cuenca. Gracias.").
 */
export function asksQuestion(analyzed: AnalyzedText): boolean {
  if (analyzed.questionMarks > 0 || asksWithoutMark(analyzed) || analyzed.askedAt?.length) return true
  return questionWordOpening(analyzed.words) >= 0 || asksAfterReaction(analyzed)
}

/**
 * Where the question word that opens the message stands ("que talla me sirve" → 0, "hola cual
 * me conviene" → 1), or -1. Three words at most before it: further in, "que" and "como" are
 * mostly not asking.
 */
export function questionWordOpening(words: readonly string[]): number {
  for (let i = 0; i < Math.min(words.length, 4); i++) {
    if (QUESTION_WORDS.has(words[i]!)) return i
    if (!QUESTION_OPENERS.has(words[i]!)) break
  }
  return -1
}

/** Words that ask when a clause opens with them after a reaction ("gracias, y tienen en talla 12?"); "cuando" and "como" also tell ("cuando llegue te aviso"). */
const LATER_QUESTION_WORDS = new Set(['cuanto', 'cuantos', 'cuantas', 'donde', 'cual', 'cuales', 'tienen', 'tienes', 'tendras', 'tendran', 'venden', 'manejan'])
const PREPOSITIONS = new Set(['a', 'de', 'en', 'para', 'por', 'con'])
const ARTICLES = new Set(['el', 'la', 'los', 'las'])
/** A first reaction before the question: thanks, agreement, liking, a greeting. */
const REACTION_WORDS = new Set(
  'ok okey listo dale bueno va vale perfecto genial excelente super buenisimo gracias muchas mil chevere bacano bacan chido padre lindo linda hermoso hermosa bonito bonita precioso preciosa divino divina me encanta encanto gusta gusto claro si ya ah ahh hola buenas entendido entiendo muy bien que'.split(' '),
)

/**
 * A question put after a first reaction, unpunctuated as a voice note or a quick reply writes it:
 * "genial y el envío cuánto vale", "me encanta y en qué colores hay", "ok y cuánto cuesta". The
 * reaction comes first (four words at most, all of them reaction words), then a mark or an "y"
 * (or nothing, before words that can only ask: "ok cuanto cuesta"), then the question word, maybe
 * after a preposition or what it asks about ("y la instalación cuánto sale"). Relative clauses of a
 * story ("…, en donde hay platillos") have no reaction before them.
 */
export function asksAfterReaction(analyzed: AnalyzedText): boolean {
  const { words, clauseOf } = analyzed
  const asked = new Set(analyzed.askedAt ?? [])
  // "tienen que…" and "tienen razón" tell.
  const asks = (i: number) => (LATER_QUESTION_WORDS.has(words[i] ?? '') && words[i + 1] !== 'que' && words[i + 1] !== 'razon') || asked.has(i)
  for (let i = 1; i <= Math.min(words.length - 1, 4); i++) {
    if (!REACTION_WORDS.has(words[i - 1]!)) return false
    // Words rewritten from a question ("cuánto cuesta" → "precio") ask with no mark before them: "ok cuanto cuesta".
    const opens = clauseOf[i] !== clauseOf[i - 1] || words[i] === 'y' || asked.has(i)
    if (!opens) continue
    const first = words[i] === 'y' ? i + 1 : i
    if (asks(first)) return true
    if (PREPOSITIONS.has(words[first] ?? '') && (asks(first + 1) || words[first + 1] === 'que')) return true
    if (ARTICLES.has(words[first] ?? '') && asks(first + 2)) return true
  }
  return false
}

// The customer's own ("mi tarjeta"); the shop's ("pásame tu nequi", "a su cuenta") is where to pay.
const POSSESSIVES: ReadonlySet<string> = new Set(['mi', 'mis', 'nuestra', 'nuestro'])
const DETERMINERS: ReadonlySet<string> = new Set(['la', 'el', 'una', 'un', 'mi'])
/**
 * What one holds, a card or a wallet, as against what one does to pay: "el comprobante de la
 * transferencia" is a payment made, "el cobro de la tarjeta" a card held.
 */
const HELD = new Set(['tarjeta', 'tarjetas', 'credito', 'debito', ...WALLETS])

const PAYING_WITH = new Set('con por desde aceptan acepta aceptas reciben recibe recibes toman toma usar uso'.split(' '))

/**
 * "mi tarjeta", "el cobro de la tarjeta", "nota de crédito": a card or a wallet the customer has
 * and talks about (a theft, a double charge, a fee), not a way to pay offered or asked for.
 */
export function namedAsOwned(words: readonly string[], start: number): boolean {
  if (!HELD.has(words[start] ?? '')) return false
  const before = words[start - 1]
  if (before === undefined) return false
  // Paying with it: "con mi tarjeta", "desde mi nequi", "¿aceptan mi tarjeta?".
  if (words.slice(Math.max(0, start - 4), start).some((w) => PAYING_WITH.has(w))) return false
  if (POSSESSIVES.has(before)) return true
  if (before === 'de' && words[start - 2] === 'nota') return true
  return DETERMINERS.has(before) && words[start - 2] === 'de'
}

/**
 * The phrases of a chatbot's training file come annotated: "quiero una [pizza](producto)
 * [grande](tamaño)", "envíen a [Medellín]{"entity": "ciudad"}" (Rasa), and a Markdown link is
 * written the same way. The words in brackets are the customer's; the label after them is not
 * ("producto" read as a product question). Scored from such a file, only the words stay.
 */
const ENTITY_LABEL = /\[([^[\]\n]{1,100})\]\([^()\s]{1,200}\)/gu
const ENTITY_JSON = /\[([^[\]\n]{1,100})\]\{[^{}\n]{0,300}\}/gu

function withoutEntityMarkup(text: string): string {
  if (!text.includes('](') && !text.includes(']{')) return text
  return text.replace(ENTITY_LABEL, '$1').replace(ENTITY_JSON, '$1')
}

/** Tokenize, fold and canonicalize a customer message. Pure; safe on any string. */
export function analyzeSpanish(raw: string): AnalyzedText {
  const own = withoutEntityMarkup(raw)
  const text = withoutAddresses(own)
  // Shouting is read from the customer's own letters, not from a link's or its placeholder's.
  const letters = (text === own ? own : withoutAddresses(own, false)).match(/\p{L}/gu) ?? []
  const shouting = letters.length >= 2 && letters.every((c) => c === c.toUpperCase() && c !== c.toLowerCase())
  const folded = foldSpanish(text.replace(ACCENTED_SI, ACCENTED_SI_MARK))
  let clause = 0
  let clauseHasContent = false
  const tokens: Token[] = []
  const emojis: string[] = []
  let questionMarks = 0
  let exclamationMarks = 0
  // Clauses inside "¿…?": which ones the writer marked as asking.
  const askedClauses = new Set<number>()
  // The clauses of the sentence in progress, and those of sentences a "?" closed.
  let sentence: number[] = []
  const questionSentences = new Set<number>()
  let lastQuestionClause = -1
  let opened = false
  let opensQuestion = false
  const closeClause = () => {
    if (opened && clauseHasContent) askedClauses.add(clause)
    if (clauseHasContent) {
      sentence.push(clause)
      clause++
    }
    clauseHasContent = false
  }
  for (const match of folded.matchAll(TOKEN)) {
    const g = match.groups!
    if (g.emoticon !== undefined || g.emoji !== undefined) {
      const emoji = canonicalEmoji(g.emoticon ?? g.emoji!)
      emojis.push(emoji)
      tokens.push({ text: emoji, kind: 'emoji', clause })
      // In a chat an emoji stands where a full stop would: "buenísimo 🔥 pásame foto" is two.
      closeClause()
    } else if (g.word !== undefined || g.number !== undefined) {
      const word = g.number ?? g.word!
      if (CLAUSE_OPENERS.has(word)) closeClause()
      if (word === ACCENTED_SI_MARK) tokens.push({ text: 'si', kind: 'word', clause, accented: true })
      else if (TAG_EH.test(word)) tokens.push({ text: canonicalWord(word), kind: 'word', clause, tag: true })
      else for (const w of canonicalWord(word).split(' ')) tokens.push({ text: w, kind: 'word', clause })
      clauseHasContent = true
      if (ANSWER_INTERJECTIONS.has(word)) closeClause()
    } else if (g.question !== undefined) {
      if (/\?/.test(g.question)) {
        questionMarks++
        tokens.push({ text: '?', kind: 'question', clause })
        lastQuestionClause = clauseHasContent ? clause : clause - 1
        if (opened) askedClauses.add(clause)
        opened = false
      }
      closeClause()
      if (/\?/.test(g.question)) for (const c of sentence) questionSentences.add(c)
      sentence = []
      if (g.question.endsWith('¿')) {
        opened = true
        opensQuestion = true
      }
    } else if (g.exclamation !== undefined) {
      if (/!/.test(g.exclamation)) {
        exclamationMarks += g.exclamation.replace(/¡/g, '').length
        tokens.push({ text: '!', kind: 'exclamation', clause })
      }
      closeClause()
      if (/!/.test(g.exclamation)) sentence = []
    } else {
      closeClause()
      // A full stop, a semicolon, dots or a new line end the sentence; a comma or a colon does not.
      if (/[.;…\n\r]/.test(match[0])) sentence = []
    }
  }
  if (opened && clauseHasContent) askedClauses.add(clause)
  // What trails after the last "?" unclosed explains the question ("¿alguien tiene el link? el de
  // la página no me abre"): asked with it, as before this distinction.
  if (questionMarks > 0) {
    for (const c of sentence) questionSentences.add(c)
    if (clauseHasContent) questionSentences.add(clause)
  }
  // An "eh" closing what was said stresses it ("no está nada mal eh", "cuidado, eh?"); only
  // alone or first is it the filler, a stall or a puzzled "¿eh?".
  // So does one closing a clause after other words of it ("no está nada mal la hamburguesa eh, me sorprendió").
  // (Walked from the end, keeping the clause of the next word, so a long text stays one pass.)
  const firstWord = tokens.findIndex((t) => t.kind === 'word')
  let nextWordClause: number | undefined
  for (let i = tokens.length - 1; firstWord >= 0 && i > firstWord; i--) {
    const t = tokens[i]!
    const before = tokens[i - 1]!
    const closesMessage = nextWordClause === undefined
    const closesClause = before.kind === 'word' && before.clause === t.clause && nextWordClause !== undefined && nextWordClause !== t.clause
    if (t.tag && (closesMessage || closesClause)) tokens.splice(i, 1)
    else if (t.kind === 'word') nextWordClause = t.clause
  }
  const canonical = rewritePhrases(tokens)
  const words: string[] = []
  const clauseOf: number[] = []
  const accentedSi: number[] = []
  const askedAt: number[] = []
  for (const t of canonical) {
    if (t.kind !== 'word') continue
    if (t.accented) accentedSi.push(words.length)
    if (t.asked) askedAt.push(words.length)
    words.push(t.text)
    clauseOf.push(t.clause)
  }
  return {
    normalized: canonical.map((t) => t.text).join(' '),
    words,
    clauseOf,
    emojis,
    questionMarks,
    exclamationMarks,
    shouting,
    ...(accentedSi.length ? { accentedSi } : {}),
    ...(askedAt.length ? { askedAt } : {}),
    ...(opensQuestion ? { askedClauses: [...askedClauses] } : {}),
    ...(!opensQuestion && questionMarks > 0 ? { questionSentenceClauses: [...questionSentences], lastQuestionClause } : {}),
    ...(text !== raw && (/(?:\bhttps?:\/\/|\bwww\.)\S/iu.test(raw) || /^\s*RT\s+@/u.test(raw)) ? { sharesLink: true } : {}),
    ...(raw.includes('@') && ADDRESSED.test(raw) ? { addressesAccount: true } : {}),
  }
}

// Whether a purchase a customer names hangs on an "if". One reading for the scorer (a conditional
// purchase is keen interest, a 4, and no sale) and for the category (it is filed under what the
// condition asks about), so the two never disagree on the same "si".
//
// Customers type "sí" without its accent, so "si" is both a yes and an if. How it is read:
// - after the purchase, in its clause: an if ("compro 2 si me hacés factura"), but not "sí o sí";
// - in the middle of the purchase's clause, before it: an if or a doubt ("me haces precio si te
//   compro por mayor", "no sé si lo compro"), but not after a verb that asks to be told a fact
//   ("¿me confirman si les llegó el pago?");
// - opening a clause, with words between it and the purchase: an if ("si me lo dejas en 40 me lo
//   llevo", "si lo tenés en negro, lo compro");
// - opening a clause right before the purchase: a yes ("si me lo llevo", "si quiero dos"), unless
//   the clause goes on to ask for something in return ("si te compro 3 me haces envío gratis",
//   "si compro dos sale más barato?") or is itself the question the message ends on ("¿y si
//   compro dos?");
// - a maybe before it in its clause: "quizás me lo llevo", "algún día me compro uno", "tenía
//   pensado comprarlo", "iba a pedir";
// - a price asked for, without any "si": "¿me la dejas en 12 lucas y te la compro?", "lo quiero
//   pero está caro, ¿me lo dejas en 200?";
// - opening a clause and followed by a yes word ("si claro", "si por favor", "si ya pagué") or by
//   "no" ("si no hay en 9, dame la 9 y media" orders the other one): never an if. Inside a clause
//   it is one all the same ("¿se puede cancelar si ya pagué?").

import type { AnalyzedText } from '../kernel/spanish-text'

/** After "si", words that make it a yes ("si claro", "si por favor"), not an "if". */
export const YES_AFTER_SI: ReadonlySet<string> = new Set('si claro dale ok listo perfecto gracias por ya de exacto correcto obvio seguro bueno vale señor señora señorita amigo amiga hermano mija mijo joven'.split(' '))
/**
 * Words right before "si" that leave it opening what follows: connectors and fillers ("no pos si me
 * lo deja en 250…", "bueno si…", "lo pensé bien y sí lo voy a querer") and the greetings a voice
 * note starts with ("hola oye sí aceptan tarjeta").
 */
const BEFORE_IF = new Set('no pos pues bueno ok oye oiga mira mire entonces y pero ah ay hmm este hola buenas buenos dia dias tardes noches disculpa disculpe perdon aja ya vale che ey klk'.split(' '))
/** After an opening "si", what a customer asks the shop: "¿sí aceptan tarjeta?" asks, it sets no condition on it. */
const ASKS_THE_SHOP = new Set('aceptan acepta aceptas reciben recibe recibes tienen tiene tienes hay hacen hace haces manejan maneja manejas venden vende vendes envian envia envias mandan manda mandas trabajan trabaja'.split(' '))
/** What a customer asks in return for buying: a better price, free shipping, a faster delivery. */
const IN_RETURN = new Set('precio hay sale salen saldria cuesta cuestan costaria llega llegan llegaria descuento rebaja gratis regalan regalas dan das hacen haces haria harias dejan dejas dejarias'.split(' '))
const CLITICS = new Set(['me', 'nos'])
/** Verbs after which "si" is a whether about a fact, not a condition on buying: "¿me confirman si les llegó el pago?". */
export const WHETHER_AFTER: ReadonlySet<string> = new Set('confirma confirman confirmas confirme confirmen confirmar confirmame confirmenme dices dice dicen digas diga decir dime avisas avisa avisan avise avisen avisar avisame avisenme saber preguntar pregunto consultar consulto revisar revisas revisa verificar verificas verifica chequear averiguar averiguo sabe sabes saben sabia sabemos pregunte consulte'.split(' '))

/** After "si", the courtesy of an "if" that sets no condition: "resérvame a las tres si se puede", "si es posible". */
const POLITE_IF = new Set(['puedes', 'puede', 'pueden', 'gustas', 'gusta', 'quieres', 'quiere'])

function politeIf(words: readonly string[], at: number): boolean {
  const next = words[at + 1]
  const after = words[at + 2]
  return (POLITE_IF.has(next!) && (after === undefined || after === 'por' || after === 'gracias')) || (next === 'se' && after === 'puede') || (next === 'es' && after === 'posible')
}

/** An imperative with its pronouns ("mándamelas", "apártamelo") never follows an "if": "klk si mandamelas" says yes. */
const IMPERATIVE_WITH_PRONOUNS = /[aei]me(lo|la|los|las)$/

/** Inside a clause, after other words, a "si" is no yes whatever follows: "¿se puede cancelar si ya pagué?". */
function readsAsIfInside(words: readonly string[], clauseOf: readonly number[], at: number): boolean {
  const next = words[at + 1]
  return next !== undefined && clauseOf[at + 1] === clauseOf[at] && next !== 'o' && !politeIf(words, at) && !IMPERATIVE_WITH_PRONOUNS.test(next)
}

/** Opening its clause, a "si" is an "if" unless a yes-word or a "no" follows it ("si claro", "si no", which answer). */
function readsAsIf(words: readonly string[], clauseOf: readonly number[], at: number): boolean {
  const next = words[at + 1]
  return readsAsIfInside(words, clauseOf, at) && !YES_AFTER_SI.has(next!) && next !== 'no'
}

function opensClause(words: readonly string[], clauseOf: readonly number[], at: number): boolean {
  return at === 0 || clauseOf[at - 1] !== clauseOf[at] || BEFORE_IF.has(words[at - 1]!)
}

/** Words after which a "si" inside a clause is still a yes before a purchase: "ahora si me lo llevo", "eso si", "esta vez si". */
const NOW_YES_BEFORE_SI = new Set(['ahora', 'eso', 'esto', 'vez', 'tambien', 'ya'])
/** And before anything else: "claro que si", "creo que si" (not before a purchase: "decir que si tienes un problema…"). */
const YES_BEFORE_SI = new Set([...NOW_YES_BEFORE_SI, 'que', 'claro', 'obvio', 'seguro', 'creo', 'digo', 'dije'])

/** A "si" after other words of its clause that opens a condition: "¿cuándo me llega si pido hoy?". */
export function ifInsideClause(words: readonly string[], clauseOf: readonly number[], at: number): boolean {
  return !opensClause(words, clauseOf, at) && !YES_BEFORE_SI.has(words[at - 1]!) && !YES_AFTER_SI.has(words[at + 1] ?? '') && readsAsIfInside(words, clauseOf, at)
}

/**
 * The purchase's clause goes on past it to ask for something in return ("si te compro 3 me haces
 * envío gratis"), or a question after it does ("y si compro tres, ¿cuánto me sale?"; not "si lo
 * quiero, ¿cómo pago?", which asks how to pay).
 */
function asksInReturn(text: Text, end: number): boolean {
  const { words, clauseOf } = text
  const clause = clauseOf[end - 1]
  const asks = text.normalized.includes('?')
  for (let i = end; i < words.length && (clauseOf[i] === clause || asks); i++) {
    if (IN_RETURN.has(words[i]!)) return true
    if (CLITICS.has(words[i]!) && i + 1 < words.length && clauseOf[i + 1] === clauseOf[i]) return true
  }
  return false
}

/** The purchase's clause is the message's last and ends on a question mark: "¿y si compro dos?". */
function askedLast(text: Pick<AnalyzedText, 'words' | 'clauseOf' | 'normalized'>, clause: number | undefined): boolean {
  return text.clauseOf[text.words.length - 1] === clause && /\?\s*$/.test(text.normalized)
}

/**
 * A price asked for, before the purchase or after it: "¿me la dejas en 12 lucas y te la compro?" is
 * "if you leave it at…", and "lo quiero pero está caro, ¿me lo dejas en 200?" is not closed yet.
 */
const HAGGLE = new Set(['dejas', 'deja', 'dejan', 'dejarias', 'dejaria', 'dejarian', 'das', 'da', 'dan', 'haces', 'hace', 'hacen'])

/** A sum named in words: "en veinte", "en cincuenta mil" (not "en talla M", "en negro"). */
const SUMS = new Set('un una dos tres cuatro cinco seis siete ocho nueve diez quince veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento doscientos trescientos quinientos mil'.split(' '))
const PRONOUNS = new Set(['lo', 'la', 'los', 'las'])

/** "Leave it to me at…" said as one word: "déjamelo en 150", "dejámela en 20", "déjalo a 100". */
const HAGGLE_IMPERATIVE = /^deja(me|nos)?(lo|la|los|las)$/
/** "En 150" or "a 150": the price the customer puts on it. */
const AT_PRICE = new Set(['en', 'a'])

function haggled(words: readonly string[]): boolean {
  for (let i = 0; i + 2 < words.length; i++) {
    const sum = words[i + 2]!
    const leaves = (HAGGLE.has(words[i]!) && PRONOUNS.has(words[i - 1] ?? '')) || HAGGLE_IMPERATIVE.test(words[i]!)
    if (leaves && AT_PRICE.has(words[i + 1]!) && (/^\d/.test(sum) || SUMS.has(sum))) return true
  }
  return false
}

/**
 * After "si", the shop having it: "si lo tenés en negro lo compro", "si todavía tienen, apártame 4".
 * The customer has chosen and the rest is the shop's stock, so it is an order, not an if (two
 * helpers' lists of shop chats, written apart, both call these sales).
 */
const IN_STOCK = new Set('hay tienen tiene tienes queda quedan esta estan manejan consiguen'.split(' '))
/** What may stand between that "si" and the verb: "si lo tienen", "si todavía hay", "si aún les quedan". */
const BEFORE_STOCK = new Set('lo la los las todavia aun ya les te le'.split(' '))

/** Up to this many words the message is a chat to the shop (the longest such orders in the helpers' lists run to about 25). */
const STOCK_IF_WORDS = 30
/** After "si está", what keeps it about the stock: "si está, me lo apartas", "si está disponible" (not "si está en oferta"). */
const AFTER_ESTA = new Set('me te le nos lo la disponible disponibles todavia aun y'.split(' '))

/** An "if" on the stock alone, the "si" at `at`, asking nothing in return before `until` ("si hay en 38 me haces precio y lo compro" haggles). */
function ifInStock(words: readonly string[], clauseOf: readonly number[], at: number, until = at + 4): boolean {
  // A review tells its reader "si tienes coche…, pagar…": only a chat's "si" is about the shop's stock.
  if (words.length > STOCK_IF_WORDS) return false
  let i = at + 1
  // "tienen delivery a Ñuñoa? si es así, mándenme 2": yes to what was just asked.
  if (words[i] === 'es' && words[i + 1] === 'asi') i++
  else {
    while (i < at + 3 && BEFORE_STOCK.has(words[i] ?? '')) i++
    const verb = words[i] ?? ''
    if (!IN_STOCK.has(verb)) return false
    if ((verb === 'esta' || verb === 'estan') && clauseOf[i + 1] === clauseOf[i] && !AFTER_ESTA.has(words[i + 1] ?? '')) return false
  }
  return !words.slice(i + 1, until).some((w) => IN_RETURN.has(w))
}

/** Words that make what follows in their clause a maybe: "quizás me lo llevo", "iba a pedir". */
const HEDGES = new Set(['quizas', 'quiza', 'talvez', 'capaz', 'iba', 'ibamos', 'pensaba', 'pensabamos', 'ojala'])
/** Two-word hedges: "tal vez", "a lo mejor" (its last two words), "algún día", "cuando tenga…", "tenía pensado". */
const HEDGE_PAIRS = new Set(['tal vez', 'lo mejor', 'algun dia', 'cuando tenga', 'cuando tengamos', 'cuando pueda', 'cuando podamos', 'cuando cobre', 'cuando me', 'tenia pensado', 'teniamos pensado', 'si tuviera', 'si tuvieramos'])

/** A hedge earlier in the purchase's clause: "algún día me compro uno", "tenía pensado comprarlo". */
function hedgedBefore(words: readonly string[], clauseOf: readonly number[], start: number): boolean {
  for (let i = start - 1; i >= 0 && clauseOf[i] === clauseOf[start]; i--) {
    if (HEDGES.has(words[i]!)) return true
    if (i > 0 && clauseOf[i - 1] === clauseOf[i] && HEDGE_PAIRS.has(`${words[i - 1]} ${words[i]}`)) return true
  }
  return false
}

type Text = Pick<AnalyzedText, 'words' | 'clauseOf' | 'normalized' | 'accentedSi'>

/**
 * What the purchase named by `words[start..end)` hangs on: an "if" (a condition, a haggle), a
 * "maybe" (a hedge before it), or nothing (see the top of this file).
 */
export function purchaseCondition(text: Text, start: number, end: number): 'if' | 'maybe' | null {
  if (hedgedBefore(text.words, text.clauseOf, start)) return 'maybe'
  return hangsOnIf(text, start, end) ? 'if' : null
}

function hangsOnIf(text: Text, start: number, end: number): boolean {
  const { words, clauseOf } = text
  const clause = clauseOf[start]
  if (haggled(words)) return true
  // A "sí" typed with its accent is a yes wherever it stands.
  const yes = new Set(text.accentedSi ?? [])
  // After the purchase; not "a ver si me confirma" or "me avisas si…", a whether about a fact.
  for (let i = end; i < words.length && clauseOf[i] === clause; i++) {
    if (words[i] === 'si' && !yes.has(i) && readsAsIf(words, clauseOf, i) && words[i - 1] !== 'ver' && !WHETHER_AFTER.has(words[i - 1]!) && !ifInStock(words, clauseOf, i)) return true
  }
  for (let i = 0; i < start; i++) {
    if (words[i] !== 'si' || yes.has(i)) continue
    if (!opensClause(words, clauseOf, i)) {
      if (clauseOf[i] === clause && readsAsIfInside(words, clauseOf, i) && !WHETHER_AFTER.has(words[i - 1]!) && !NOW_YES_BEFORE_SI.has(words[i - 1]!)) return true
      continue
    }
    if ((ASKS_THE_SHOP.has(words[i + 1]!) && start - i <= 2) || (ifInStock(words, clauseOf, i, start) && !asksInReturn(text, end))) continue
    if (readsAsIf(words, clauseOf, i) && (i + 1 < start || asksInReturn(text, end) || askedLast(text, clause))) return true
  }
  return false
}

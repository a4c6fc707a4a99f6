// Personal data out of the training set: a model trained on customers' phones and ids can
// repeat them to another customer. Precision matters as much as recall — prices ($1.200.000),
// quantities and years are what the shop sells with, so a bare number is never blanked: phones
// need a phone shape, ids need a word that introduces them, cards need a valid Luhn digit.

export interface ScrubCounts {
  phone: number
  email: number
  nationalId: number
  card: number
}

export const PLACEHOLDERS = {
  phone: '[TELEFONO]',
  email: '[EMAIL]',
  nationalId: '[DOCUMENTO]',
  card: '[TARJETA]',
} as const satisfies Record<keyof ScrubCounts, string>

export function emptyScrubCounts(): ScrubCounts {
  return { phone: 0, email: 0, nationalId: 0, card: 0 }
}

/** Replaces phones, emails, national ids and card numbers with placeholders, counting each. */
export function scrubPersonalData(text: string): { text: string; counts: ScrubCounts } {
  const counts = emptyScrubCounts()
  return { text: scrubInto(text, counts), counts }
}

/** Same as scrubPersonalData, adding to running totals (no object per string on 100k rows). */
export function scrubInto(text: string, totals: ScrubCounts): string {
  const shape = shapeOf(text)
  const longestRun = shape & RUN_MASK
  const at = (shape & HAS_AT) !== 0
  // Most text carries no digits in phone/id/card shape and no '@': skip every pattern cheaply.
  if (!at && longestRun < 5 && !SPOKEN_EMAIL_HINT.test(text)) return text
  let out = text
  if (at) {
    out = out.replace(WHATSAPP_JID, () => count(totals, 'phone'))
    out = out.replace(EMAIL, () => count(totals, 'email'))
  }
  if (SPOKEN_EMAIL_HINT.test(out)) out = out.replace(SPOKEN_EMAIL, () => count(totals, 'email'))
  if (longestRun >= 13) out = out.replace(DIGIT_RUN, (run: string) => replaceCardIn(run, totals))
  if (longestRun >= 5 && ID_HINT.test(out)) {
    out = out.replace(NATIONAL_ID, (match: string, intro: string, number: string) => {
      const digits = number.replace(/\D/g, '').length
      if (digits < 5 || digits > 13) return match
      return intro + count(totals, 'nationalId')
    })
  }
  if ((shape & HAS_PLUS) !== 0 && longestRun >= 7) {
    out = out.replace(INTERNATIONAL_PHONE, (match: string) => (isPhoneShaped(match, 8, 15) ? count(totals, 'phone') : match))
  }
  if (longestRun >= 10) {
    out = out.replace(COLOMBIAN_PHONE, (match: string) => (isPhoneShaped(match, 10, 14) ? count(totals, 'phone') : match))
  }
  if (longestRun >= 7 && PHONE_HINT.test(out)) {
    out = out.replace(INTRODUCED_PHONE, (match: string, intro: string, number: string) =>
      isPhoneShaped(number, 7, 15) ? intro + count(totals, 'phone') : match,
    )
  }
  return out
}

const RUN_MASK = 0xffff
const HAS_AT = 1 << 16
const HAS_PLUS = 1 << 17

/**
 * One pass over the text: is there an '@' or a '+', and how many digits does the longest run
 * hold when up to two separators (space, dot, dash, parentheses) may sit between digits?
 * "$89.000 y 2 cursos" has runs of 5 and 1, so no phone, id or card pattern can match there.
 * Packed in one number (run | HAS_AT | HAS_PLUS): this runs on every string, allocation-free.
 */
function shapeOf(text: string): number {
  let at = false
  let plus = false
  let longestRun = 0
  let run = 0
  let gap = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      run++
      gap = 0
      if (run > longestRun) longestRun = run
    } else if (run > 0 && gap < 2 && (c === 32 || c === 46 || c === 45 || c === 40 || c === 41 || c === 0xa0)) {
      gap++
    } else {
      run = 0
      gap = 0
      if (c === 64) at = true
      else if (c === 43) plus = true
    }
  }
  return Math.min(longestRun, RUN_MASK) | (at ? HAS_AT : 0) | (plus ? HAS_PLUS : 0)
}

function count(totals: ScrubCounts, kind: keyof ScrubCounts): string {
  totals[kind]++
  return PLACEHOLDERS[kind]
}

// Cheap, non-Unicode guards for the patterns that start with a word: most text has none of them.
const SPOKEN_EMAIL_HINT = /arroba|\(at\)|\[at\]/i
const ID_HINT = /c[eé]dula|documento|identidad|c\.?\s?[ce]\b|t\.\s?i\.|n\.?\s?i\.?\s?t|doc|pasaporte|dni|rut/i
const PHONE_HINT = /tel|tlf|cel|m[oó]vil|whats|wsp|wpp|fijo|n[uú]mero/i

// Not glued to a word, to a '$', or to the previous group of a bigger number ("1.2|00.000").
const START = String.raw`(?<![\p{L}\p{N}_$@])(?<!\p{N}[.,\-])`
// Not continuing as a bigger number: "300 123 4567.000" is a price, "300 123 4567 2 unidades" is not.
const END = String.raw`(?!\p{N})(?![.,\-]\p{N})(?![\p{L}_])`
const SEP = String.raw`[ \u00a0.\-]`

const WHATSAPP_JID = /\b\d[\d-]{5,40}(?::\d+)?@(?:s\.whatsapp\.net|c\.us|g\.us|lid|broadcast)\b/g

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu

// "juan.perez arroba gmail punto com": customers dodge filters the same way bots are fooled.
const SPOKEN_EMAIL =
  /(?<![\p{L}\p{N}])[\p{L}\p{N}._-]+\s*(?:\s(?:arroba)\s|\(at\)|\[at\])\s*[\p{L}\p{N}-]+(?:\s*(?:\.|\spunto\s)\s*(?:com|co|net|org|es|edu|gov|mx|io|info|me|us))+(?![\p{L}\p{N}])/giu

// Runs of 13+ digits split only by single spaces or dashes; replaceCardIn decides what a card is.
const DIGIT_RUN = /(?<![\p{N}+])(?<!\p{N}[.,\u00a0 -])\d(?:[ \u00a0-]?\d){12,}(?![.,]\p{N})/gu

const ID_INTRO = [
  String.raw`c[eé]dula(?:\s+de\s+(?:ciudadan[ií]a|extranjer[ií]a))?`,
  String.raw`documento(?:\s+de\s+identidad)?`,
  String.raw`tarjeta\s+de\s+identidad`,
  String.raw`c\.\s?c\.?`,
  'cc',
  String.raw`c\.\s?e\.`,
  String.raw`t\.\s?i\.`,
  String.raw`n\.\s?i\.\s?t\.?`,
  'nit',
  'doc\\.?',
  'pasaporte',
  'dni',
  'rut',
].join('|')
const ID_CONNECTOR = String.raw`[\s:]*(?:(?:n[uú]mero|nro\.?|num\.?|no\.|n[°º]\.?|#|es|de|del|mi|su)[\s:]*){0,3}`
// Colombian ids and NITs: "1.020.345.678", "1020345678", "900.123.456-7", "52 123 456".
const ID_NUMBER = String.raw`\d{1,3}(?:[.\s]\d{3}){1,3}(?:\s?-\s?\d)?|\d{5,13}(?:\s?-\s?\d)?`
const NATIONAL_ID = new RegExp(
  String.raw`((?<![\p{L}\p{N}])(?:${ID_INTRO})(?![\p{L}])${ID_CONNECTOR})(${ID_NUMBER})${END}`,
  'giu',
)

// E.164 as people type it: "+52 1 55 1234 5678", "+1 (555) 123-4567", "+34 612 34 56 78", "(+57) 300…".
const INTERNATIONAL_PHONE = new RegExp(String.raw`(?<![\p{L}\p{N}(])\(?\+\s?\d(?:[ \u00a0.\-()]{0,2}\d){7,14}${END}`, 'gu')

// Colombian mobiles (3xx) and landlines (60x, since 2021), with or without 57 / +57 / (+57) / 0057.
const CO_PREFIX = String.raw`(?:(?:\+|00)\s?57|\(\+?57\)|57)${SEP}?`
const COLOMBIAN_PHONE = new RegExp(
  String.raw`${START}(?:${CO_PREFIX})?(?:\(?3\d{2}\)?|\(?60[1-8]\)?)(?:${SEP}?\d){7}${END}`,
  'gu',
)

// Older 7-digit landlines and odd groupings only count when a word says it is a phone.
const PHONE_INTRO = String.raw`(?:tel[eé]fono|tel\.?|tlf\.?|cel(?:ular)?|m[oó]vil|whats?app|wsp|wpp|fijo|n[uú]mero\s+de\s+(?:contacto|tel[eé]fono|celular|whats?app))`
const INTRODUCED_PHONE = new RegExp(
  String.raw`((?<![\p{L}\p{N}])${PHONE_INTRO}(?![\p{L}])[\s:]*(?:(?:es|al|de|mi|del)[\s:]+){0,2})(\+?\d(?:[ \u00a0.\-]?\d){6,14})${END}`,
  'giu',
)

/** A phone, not a price or a count: enough digits, and not grouped as thousands ("1.200.000"). */
function isPhoneShaped(text: string, minDigits: number, maxDigits: number): boolean {
  const digits = text.replace(/\D/g, '').length
  if (digits < minDigits || digits > maxDigits) return false
  return !/^\+?\d{1,3}(?:\.\d{3})+$/.test(text.trim())
}

/**
 * A run of digits may hold a card and something else ("4111 1111 1111 1111 2 cuotas"): try the
 * whole run, then every sub-run of whole groups, for 13–19 digits that pass Luhn.
 */
function replaceCardIn(run: string, totals: ScrubCounts): string {
  const groups = run.split(/[ \u00a0-]/)
  for (let start = 0; start < groups.length; start++) {
    let digits = ''
    for (let end = start; end < groups.length; end++) {
      digits += groups[end]
      if (digits.length > 19) break
      if (digits.length >= 13 && luhnValid(digits)) {
        const before = groupsText(run, groups, 0, start)
        const after = groupsText(run, groups, end + 1, groups.length)
        return before + count(totals, 'card') + after
      }
    }
  }
  return run
}

/** The original text (separators included) of groups [from, to), with the separator before/after it. */
function groupsText(run: string, groups: string[], from: number, to: number): string {
  if (from >= to) return ''
  let offset = 0
  for (let i = 0; i < from; i++) offset += groups[i]!.length + 1
  let length = 0
  for (let i = from; i < to; i++) length += groups[i]!.length + 1
  // A prefix keeps its trailing separator; a suffix keeps its leading one.
  return from === 0 ? run.slice(0, length) : run.slice(offset - 1, offset - 1 + length)
}

export function luhnValid(digits: string): boolean {
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (d < 0 || d > 9) return false
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return sum % 10 === 0
}

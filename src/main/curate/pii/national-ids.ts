// National ids of Spain and every Spanish-speaking country. Two ways to know a number is one:
// a word introduces it ("cédula", "DNI", "RUT", "CURP", "C.I."…), or its structure carries a check
// that a random number rarely passes (DNI and NIE letters, RUT and CUIT check digits) or a shape
// nothing else has (CURP, RFC, the INE voter key, V-12.345.678, 0801-1990-12345).

import type { SpanSet } from './spans'

const ID_INTRO = [
  String.raw`c[eé]dula(?:\s(?:de\s)?(?:ciudadan[ií]a|identidad(?:\s(?:personal|y\selectoral))?|extranjer[ií]a))?`,
  String.raw`carn[eé]t?(?:\sde\s(?:identidad|extranjer[ií]a))?`,
  String.raw`carnet`,
  String.raw`documento(?:\s(?:de\sidentidad|nacional(?:\sde\sidentidad)?|[uú]nico(?:\sde\sidentidad)?|personal(?:\sde\sidentificaci[oó]n)?))?`,
  String.raw`tarjeta\sde\sidentidad`,
  String.raw`n[uú]mero\sde\s(?:identidad|identificaci[oó]n|documento|c[eé]dula)`,
  String.raw`identificaci[oó]n`,
  String.raw`identidad`,
  String.raw`c\.?\s?i\.?\s?p\.?`,
  String.raw`c\.\s?[cei]\.?`,
  'cc',
  'ci',
  String.raw`t\.\s?i\.`,
  String.raw`n\.\s?i\.\s?t\.?`,
  'nit',
  String.raw`doc\.?`,
  'pasaporte',
  'passport',
  String.raw`d\.?n\.?i\.?`,
  String.raw`n\.?i\.?e\.?`,
  'nif',
  'dui',
  'dpi',
  'cui',
  String.raw`r\.?u\.?t\.?`,
  'run',
  'ruc',
  'rif',
  'rnc',
  String.raw`cuit(?:\/cuil)?`,
  'cuil',
  'curp',
  'rfc',
  'ine',
  'ife',
  String.raw`clave\sde\selector`,
  String.raw`credencial(?:\sde(?:l)?\s(?:elector|ine|votar))?`,
]
const CONNECTOR = String.raw`[\s:.]{0,4}(?:(?:n[uú]mero|nro\.?|num\.?|no\.?|n[°o]\.?|#|es|de|del|mi|su|tu)[\s:.#]{0,4}){0,3}`
const CHECK = String.raw`(?:\s?-\s?[\dkK])?`
const ID_VALUE = [
  // Venezuela V-12.345.678 / E-…, RIF J-12345678-9
  String.raw`[VvEeJjGgPp]\s?-?\s?\d{1,3}(?:\.?\d{3}){2}${CHECK}`,
  // Panama PE-12-345, E-8-123456, N-19-1234
  String.raw`(?:PE|pe|E|e|N|n)-\d{1,4}-\d{1,6}`,
  // CURP, RFC, voter key, passports: letters and digits
  String.raw`[A-Za-z]{4}\d{6}[HMXhmx][A-Za-z]{5}[A-Za-z0-9]\d`,
  String.raw`[A-Za-z]{6}\d{8}[HMhm]\d{3}`,
  String.raw`[A-Za-z&]{3,4}-?\d{6}-?[A-Za-z0-9]{3}`,
  String.raw`[A-Za-z]{1,3}-?\d{5,10}-?[A-Za-z]?`,
  // Guatemala's DPI "1234 56789 0101", the Dominican "001 1234567 8"
  String.raw`\d{4}\s\d{5}\s\d{4}`,
  String.raw`\d{3}\s\d{7}\s\d`,
  // thousands groups: 1.020.345.678, 12.345.678-K, 79 123 456
  String.raw`\d{1,3}(?:[.\s]\d{3}){1,3}${CHECK}`,
  // dashes: 20-12345678-9, 001-1234567-8, 0801-1990-12345, 1-1234-5678, 001-010190-0001A; or none
  String.raw`\d{1,14}(?:\s?-\s?\d{1,8}){0,2}(?:${CHECK}|[A-Za-z])`,
]
const BOLIVIA_DEPARTMENT = String.raw`(?:\s?(?:LP|SC|CB|OR|PT|CH|TJ|BE|PD)(?![\p{L}]))?`
const END = String.raw`(?!\p{N})(?![.,\-]\p{N})(?![\p{L}_])`

const INTRODUCED_ID = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${ID_INTRO.join('|')})(?![\p{L}])${CONNECTOR}((?:${ID_VALUE.join('|')})${BOLIVIA_DEPARTMENT})${END}`,
  'giu',
)

const ID_HINT =
  /c[eé]dula|carn[eé]|documento|identi|c\.?\s?[cei]\b|t\.\s?i|n\.?\s?i\.?\s?t|doc|pasaporte|passport|d\.?n\.?i|n\.?i\.?[ef]|du[i]|dpi|cui|r\.?u\.?[ntc]|ri[f]|rnc|curp|rfc|\bin[e]\b|\bif[e]\b|elector|credencial/i

/** Ids after a word that names them; the word stays ("cc [DOCUMENTO]"). */
export function findIntroducedIds(text: string, spans: SpanSet): void {
  if (!ID_HINT.test(text)) return
  for (const m of text.matchAll(INTRODUCED_ID)) {
    const value = m[1]!
    const digits = countDigits(value)
    if (digits < 5 || digits > 18) continue
    const start = m.index + m[0].length - value.length
    spans.add(start, m.index + m[0].length, 'nationalId')
  }
}

const B = String.raw`(?<![\p{L}\p{N}])`
const E = String.raw`(?![\p{L}\p{N}])`
// Cheap gates: most text with long numbers has no letter glued to six digits and no dashed check digit.
const LETTERS_AND_DIGITS = /[A-Za-z][\s.-]?\d{6}|[VEve]-\s?\d|[VEve]\d{1,2}\.\d/
const DIGITS_THEN_LETTER = /\d{3}-?[A-Za-z]/
const CUIT_SHAPE = /\d{11}|\d-\d/
const DASHED = /\d\s?-\s?[\dkK]/
const SPACED = /\d{4}\s\d{5}\s\d{4}/
const SELF_EVIDENT: { re: RegExp; gate: RegExp; valid: (m: RegExpExecArray) => boolean }[] = [
  // Spain DNI 12345678Z, 12.345.678-Z
  { gate: DIGITS_THEN_LETTER, re: new RegExp(String.raw`${B}(\d{2}\.?\d{3}\.?\d{3})-?([A-Za-z])${E}`, 'gu'), valid: (m) => dniLetter(m[1]!, m[2]!) },
  // Spain NIE X1234567L
  {
    gate: LETTERS_AND_DIGITS, re: new RegExp(String.raw`${B}([XYZxyz])[\s.-]?(\d{7})[\s.-]?([A-Za-z])${E}`, 'gu'),
    valid: (m) => dniLetter(String('XYZ'.indexOf(m[1]!.toUpperCase())) + m[2]!, m[3]!),
  },
  // Mexico CURP: 4 letters, birth date, sex, state, 3 consonants, homonym char, check digit
  {
    gate: LETTERS_AND_DIGITS, re: new RegExp(String.raw`${B}[A-Za-z][AEIOUXaeioux][A-Za-z]{2}(\d{6})[HMXhmx]([A-Za-z]{2})[A-Za-z]{3}[A-Za-z0-9]\d${E}`, 'gu'),
    valid: (m) => yymmdd(m[1]!) && MX_STATES.has(m[2]!.toUpperCase()),
  },
  // Mexico INE voter key: 6 letters, birth date, state number, sex, 3 digits
  { gate: LETTERS_AND_DIGITS, re: new RegExp(String.raw`${B}[A-Za-z]{6}(\d{6})\d{2}[HMhm]\d{3}${E}`, 'gu'), valid: (m) => yymmdd(m[1]!) },
  // Mexico RFC: 3–4 letters, date, 3-char homonym key
  {
    gate: LETTERS_AND_DIGITS, re: new RegExp(String.raw`${B}[A-Za-zÑñ&]{3,4}[\s-]?(\d{6})[\s-]?[A-Za-z0-9]{3}${E}`, 'gu'),
    valid: (m) => yymmdd(m[1]!) && /\d/.test(m[0].slice(-3)),
  },
  // Chile RUT/RUN and Uruguay CI with a valid check digit: 12.345.678-5, 1.234.567-2
  {
    gate: DASHED, re: new RegExp(String.raw`${B}(?<![.,])(\d{1,2}\.?\d{3}\.?\d{3})\s?-\s?([\dkK])${E}`, 'gu'),
    valid: (m) => rutValid(m[1]!, m[2]!) || uruguayValid(m[1]!, m[2]!),
  },
  // Argentina CUIT/CUIL 20-12345678-9 with its check digit
  { gate: CUIT_SHAPE, re: new RegExp(String.raw`${B}((?:2[0347]|3[034])-?\d{8}-?\d)${E}`, 'gu'), valid: (m) => cuitValid(m[1]!) },
  // Venezuela V-12.345.678, E-81.234.567
  { gate: LETTERS_AND_DIGITS, re: new RegExp(String.raw`${B}[VEve]-\s?\d{1,2}\.?\d{3}\.?\d{3}${E}`, 'gu'), valid: () => true },
  { gate: LETTERS_AND_DIGITS, re: new RegExp(String.raw`${B}[VEve]\d{1,2}\.\d{3}\.\d{3}${E}`, 'gu'), valid: () => true },
  // Honduras 0801-1990-12345 (municipality, birth year, sequence)
  { gate: DASHED, re: new RegExp(String.raw`${B}\d{4}-(?:19|20)\d{2}-\d{5}${E}`, 'gu'), valid: () => true },
  // Dominican Republic 001-1234567-8
  { gate: DASHED, re: new RegExp(String.raw`${B}\d{3}-\d{7}-\d${E}`, 'gu'), valid: () => true },
  // Nicaragua 001-010190-0001A
  { gate: DIGITS_THEN_LETTER, re: new RegExp(String.raw`${B}\d{3}-?(\d{6})-?\d{4}[A-Za-z]${E}`, 'gu'), valid: (m) => ddmmyy(m[1]!) },
  // Costa Rica 1-1234-5678
  { gate: DASHED, re: new RegExp(String.raw`${B}(?<![\p{N}][-.])[1-9]-\d{4}-\d{4}${E}`, 'gu'), valid: () => true },
  // Guatemala DPI 1234 56789 0101
  { gate: SPACED, re: new RegExp(String.raw`${B}\d{4}\s\d{5}\s\d{4}${E}`, 'gu'), valid: () => true },
]

/** Ids that need no introduction: their check letter or digit, or their shape, says what they are. */
export function findSelfEvidentIds(text: string, spans: SpanSet, isCode: (start: number) => boolean): void {
  for (const { re, gate, valid } of SELF_EVIDENT) {
    if (!gate.test(text)) continue
    for (const m of text.matchAll(re)) {
      if (!valid(m)) continue
      // "SKU GOMJ850101AB3"? A word that says "code" wins over the shape.
      if (isCode(m.index)) continue
      spans.add(m.index, m.index + m[0].length, 'nationalId')
    }
  }
}

function countDigits(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 48 && c <= 57) n++
  }
  return n
}

function onlyDigits(s: string): string {
  return s.replace(/\D/g, '')
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE'

function dniLetter(number: string, letter: string): boolean {
  const n = Number(onlyDigits(number))
  return DNI_LETTERS[n % 23] === letter.toUpperCase()
}

/** Chile's modulo 11: weights 2..7 from the right; 11 → 0, 10 → K. */
function rutValid(body: string, check: string): boolean {
  const digits = onlyDigits(body)
  let sum = 0
  let weight = 2
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight
    weight = weight === 7 ? 2 : weight + 1
  }
  const r = 11 - (sum % 11)
  const expected = r === 11 ? '0' : r === 10 ? 'K' : String(r)
  return expected === check.toUpperCase()
}

/** Uruguay's CI: weights 2987634 over the 7-digit body, check = (10 - sum mod 10) mod 10. */
function uruguayValid(body: string, check: string): boolean {
  const digits = onlyDigits(body).padStart(7, '0')
  if (digits.length !== 7 || !/^\d$/.test(check)) return false
  const weights = [2, 9, 8, 7, 6, 3, 4]
  let sum = 0
  for (let i = 0; i < 7; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!
  return (10 - (sum % 10)) % 10 === Number(check)
}

/** Argentina's CUIT/CUIL: weights 5432765432, check = 11 - sum mod 11 (11 → 0). */
function cuitValid(value: string): boolean {
  const digits = onlyDigits(value)
  if (digits.length !== 11) return false
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
  let sum = 0
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!
  const r = 11 - (sum % 11)
  const expected = r === 11 ? 0 : r === 10 ? 9 : r
  return expected === digits.charCodeAt(10) - 48
}

function yymmdd(s: string): boolean {
  const month = Number(s.slice(2, 4))
  const day = Number(s.slice(4, 6))
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

function ddmmyy(s: string): boolean {
  const day = Number(s.slice(0, 2))
  const month = Number(s.slice(2, 4))
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

const MX_STATES = new Set([
  'AS', 'BC', 'BS', 'CC', 'CL', 'CM', 'CS', 'CH', 'DF', 'DG', 'GT', 'GR', 'HG', 'JC', 'MC', 'MN', 'MS', 'NT', 'NL', 'OC',
  'PL', 'QT', 'QR', 'SP', 'SL', 'SR', 'TC', 'TS', 'TL', 'VZ', 'YN', 'ZS', 'NE',
])

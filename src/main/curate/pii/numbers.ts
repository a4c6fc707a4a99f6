// Phones and cards, read from runs of digit groups. A hand-written scanner instead of one big
// pattern per country: it is linear on any input, and the rules can look at the groups the way
// a person does (4-4-4-4 is a card, 3-3-4 a phone, 1.200.000 a price, 2024-05-12 a date).

import { codeBefore, introBefore, unitAfter, type Intro } from './context'
import { matchesPlan, type PhonePlan } from './phone-plans'
import type { SpanSet } from './spans'

interface Group {
  start: number
  end: number
}

interface Candidate {
  groups: Group[]
  /** Where a '+', '00' written as '+', or an opening '(' before the first group starts. */
  prefixStart: number
  plus: boolean
  /** The first group is glued to a word or a code before it ("A54", "SKU-1234", "v2.1"). */
  gluedLeft: boolean
  /** The last group runs into a letter or a decimal ("20W", "150cc", "1.200,50"). */
  gluedRight: boolean
  intro: Intro | undefined
}

const MAX_GROUPS_PER_PHONE = 7
const MAX_SEPARATOR = 3

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isWordChar(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000)
}

function isSeparator(c: number): boolean {
  return c === 32 || c === 46 || c === 45 || c === 40 || c === 41 || c === 0xa0
}

/** Every run of digit groups joined by short separators (space, dot, dash, parentheses). */
function scan(text: string, visit: (candidate: Candidate) => void): void {
  const n = text.length
  let i = 0
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++
      continue
    }
    const groups: Group[] = []
    let j = i
    for (;;) {
      const start = j
      while (j < n && isDigit(text.charCodeAt(j))) j++
      groups.push({ start, end: j })
      let k = j
      let dots = 0
      let dashes = 0
      while (k < n && k - j < MAX_SEPARATOR && isSeparator(text.charCodeAt(k))) {
        const c = text.charCodeAt(k)
        if (c === 46) dots++
        else if (c === 45) dashes++
        k++
      }
      if (k > j && k < n && isDigit(text.charCodeAt(k)) && dots <= 1 && dashes <= 1) j = k
      else break
    }
    visit(describe(text, groups))
    i = j
  }
}

function describe(text: string, groups: Group[]): Candidate {
  const first = groups[0]!.start
  let prefixStart = first
  let plus = false
  let p = first - 1
  if (p >= 0 && text.charCodeAt(p) === 32 && p >= 1 && text.charCodeAt(p - 1) === 43) p-- // "+ 57"
  if (p >= 0 && text.charCodeAt(p) === 43) {
    plus = true
    prefixStart = p
    p--
  }
  if (p >= 0 && text.charCodeAt(p) === 40) {
    prefixStart = p
    p--
  }
  let gluedLeft = false
  if (p >= 0) {
    const c = text.charCodeAt(p)
    if (isWordChar(c)) gluedLeft = true
    // "AB-1234", "v2.1", "x-1": a code, not a number of its own. "12/05" is a date part.
    else if ((c === 45 || c === 46) && p >= 1 && isWordChar(text.charCodeAt(p - 1))) gluedLeft = true
    else if ((c === 47 || c === 58) && p >= 1 && isDigit(text.charCodeAt(p - 1))) gluedLeft = true
  }
  const last = groups[groups.length - 1]!.end
  let gluedRight = false
  if (last < text.length) {
    const c = text.charCodeAt(last)
    if (isWordChar(c) || c === 37 || c === 0xb0 || c === 0xba) gluedRight = true
    else if ((c === 44 || c === 47 || c === 58) && last + 1 < text.length && isDigit(text.charCodeAt(last + 1))) gluedRight = true
  }
  return { groups, prefixStart, plus, gluedLeft, gluedRight, intro: undefined }
}

function introOf(text: string, c: Candidate): Intro {
  if (c.intro === undefined) c.intro = introBefore(text, c.prefixStart)
  return c.intro
}

function separator(text: string, c: Candidate, index: number): string {
  return text.slice(c.groups[index - 1]!.end, c.groups[index]!.start)
}

function digitsOf(text: string, c: Candidate, from: number, to: number): string {
  let digits = ''
  for (let g = from; g <= to; g++) digits += text.slice(c.groups[g]!.start, c.groups[g]!.end)
  return digits
}

/**
 * Finds cards (13–19 digits passing Luhn) and phones in the text, adding their spans. `plan`: the
 * shop's country, whose national numbers are read before every market's (see phone-plans.ts).
 */
export function findNumbers(text: string, spans: SpanSet, onCard: boolean, onPhone: boolean, plan: PhonePlan | null = null): void {
  const candidates: Candidate[] = []
  scan(text, (c) => {
    const digits = c.groups[c.groups.length - 1]!.end - c.groups[0]!.start
    // Fewer than 7 characters from first digit to last cannot hold a phone or a card.
    if (digits >= 7) candidates.push(c)
  })
  if (onCard) for (const c of candidates) findCards(text, c, spans)
  if (onPhone) for (const c of candidates) findPhones(text, c, spans, plan)
}

// ---------------------------------------------------------------------------------- cards

function findCards(text: string, c: Candidate, spans: SpanSet): void {
  const g = c.groups
  let s = 0
  while (s < g.length) {
    let found = -1
    let digits = ''
    for (let e = s; e < g.length; e++) {
      if (e > s && !cardSeparator(separator(text, c, e), separator(text, c, s + 1 <= e ? s + 1 : e))) break
      digits += text.slice(g[e]!.start, g[e]!.end)
      if (digits.length > 19) break
      if (digits.length >= 13 && luhnValid(digits) && cardAllowed(text, c, s, e)) {
        found = e
        break
      }
    }
    if (found >= 0 && spans.add(g[s]!.start, g[found]!.end, 'card')) s = found + 1
    else s++
  }
}

/** Cards are written with one separator kind throughout: "4111.1111.1111.1111", "4111 1111…". */
function cardSeparator(sep: string, firstSep: string): boolean {
  return (sep === ' ' || sep === '-' || sep === '.' || sep === ' - ') && sep === firstSep
}

function cardAllowed(text: string, c: Candidate, s: number, e: number): boolean {
  if ((s === 0 && (c.gluedLeft || c.plus)) || (e === c.groups.length - 1 && c.gluedRight)) return false
  // Grouped as thousands ("320.000 1.200.000") it is an amount, whatever Luhn says.
  if (e > s && thousandsShaped(text, c, s, e)) return false
  return !codeBefore(text, c.prefixStart)
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

// --------------------------------------------------------------------------------- phones

function findPhones(text: string, c: Candidate, spans: SpanSet, plan: PhonePlan | null): void {
  const g = c.groups
  let s = 0
  while (s < g.length) {
    let found = -1
    const last = Math.min(g.length - 1, s + MAX_GROUPS_PER_PHONE - 1)
    // The longest run of groups from s that reads as a phone: "300 123 4567 2 unidades" keeps the 2.
    for (let e = last; e >= s; e--) {
      const length = g[e]!.end - g[s]!.start
      if (length < 7) break
      if (phoneAt(text, c, s, e, plan)) {
        found = e
        break
      }
    }
    if (found >= 0) {
      const start = s === 0 ? phoneStart(text, c) : g[s]!.start
      if (!spans.overlaps(start, g[found]!.end)) {
        spans.add(start, g[found]!.end, 'phone')
        s = found + 1
        continue
      }
    }
    s++
  }
}

/** Include a leading "+", "(+" or the "(" of "(300) 123 4567" in what is replaced. */
function phoneStart(text: string, c: Candidate): number {
  if (c.prefixStart === c.groups[0]!.start) return c.prefixStart
  if (c.plus) return c.prefixStart
  // A lone "(" only when it closes after the first group: "(300) 123", not "(ver 300 123 4567".
  return c.groups.length > 1 && separator(text, c, 1).includes(')') ? c.prefixStart : c.groups[0]!.start
}

function phoneAt(text: string, c: Candidate, s: number, e: number, plan: PhonePlan | null): boolean {
  if ((s === 0 && c.gluedLeft) || (e === c.groups.length - 1 && c.gluedRight)) return false
  let count = 0
  for (let k = s; k <= e; k++) count += c.groups[k]!.end - c.groups[k]!.start
  if (count < 7 || count > 15) return false
  // Cheap rejections first: a run of "1 1 1 1…" must not cost an allocation per window.
  if (e - s >= 3 && allShort(c, s, e) && introOf(text, c) !== 'phone') return false
  const digits = digitsOf(text, c, s, e)
  if (e > s && !phoneSeparators(text, c, s, e)) return false
  if (dateShaped(text, c, s, e, digits)) return false
  if (yearsOnly(text, c, s, e)) return false
  const intro = introOf(text, c)
  if (intro === 'neutral') return false
  // After "total", "vale", "pagué": an amount, unless grouped like a phone or too long for one.
  if (intro === 'money' && digits.length < 10 && (e === s || thousandsShaped(text, c, s, e))) return false
  if (e === c.groups.length - 1 && unitAfter(text, c.groups[e]!.end)) return false
  const introduced = intro === 'phone'
  // ("36 37 38 39" are sizes, "2 3 4 5 6 7 8" a list — rejected above: people do not split phones in pairs only.)
  if (e > s && thousandsShaped(text, c, s, e)) {
    // "1.200.000" is a price; "987 654 321" is a Peruvian mobile.
    const dotted = separator(text, c, s + 1).includes('.')
    if (dotted ? !(introduced && digits.length >= 8) : digits.length < 9 && !introduced) return false
  }
  const plus = s === 0 && c.plus
  if (plus) return digits.length >= 8
  if (digits.startsWith('00') && digits.length >= 10 && countryCode(digits.slice(2))) return true
  if (introduced) return true
  return (plan !== null && matchesPlan(plan, digits)) || nationalNumber(digits)
}

/** '.' never mixes with other separators in a phone ("320.000 1.200" is two amounts). */
function phoneSeparators(text: string, c: Candidate, s: number, e: number): boolean {
  let dot = false
  let other = false
  for (let k = s + 1; k <= e; k++) {
    const sep = separator(text, c, k)
    if (sep.includes('.')) {
      dot = true
      if (sep !== '.') return false
    } else other = true
  }
  // "+57 300.123.4567": a space after the country code, dots in the number.
  if (dot && other) return s === 0 && c.plus && !separator(text, c, s + 1).includes('.') && countDots(text, c, s + 2, e) === e - s - 1
  return true
}

function countDots(text: string, c: Candidate, from: number, to: number): number {
  let n = 0
  for (let k = from; k <= to; k++) if (separator(text, c, k) === '.') n++
  return n
}

function thousandsShaped(text: string, c: Candidate, s: number, e: number): boolean {
  const first = c.groups[s]!.end - c.groups[s]!.start
  if (first > 3) return false
  for (let k = s + 1; k <= e; k++) {
    if (c.groups[k]!.end - c.groups[k]!.start !== 3) return false
    const sep = separator(text, c, k)
    if (sep !== '.' && sep !== ' ' && sep !== '\u00a0') return false
  }
  return true
}

function allShort(c: Candidate, s: number, e: number): boolean {
  for (let k = s; k <= e; k++) if (c.groups[k]!.end - c.groups[k]!.start > 2) return false
  return true
}

function yearsOnly(text: string, c: Candidate, s: number, e: number): boolean {
  if (e === s) return false
  for (let k = s; k <= e; k++) {
    const g = c.groups[k]!
    if (g.end - g.start !== 4) return false
    const year = Number(text.slice(g.start, g.end))
    if (year < 1900 || year > 2099) return false
  }
  return true
}

/** 12-05-2024, 2024.05.12, 20240512: a date in any order people write one. */
function dateShaped(text: string, c: Candidate, s: number, e: number, digits: string): boolean {
  const lengths: number[] = []
  for (let k = s; k <= e; k++) lengths.push(c.groups[k]!.end - c.groups[k]!.start)
  const value = (k: number) => Number(text.slice(c.groups[s + k]!.start, c.groups[s + k]!.end))
  if (lengths.length === 3) {
    const [a, b, y] = lengths
    if (y === 4 && a! <= 2 && b! <= 2) return dayMonth(value(0), value(1)) || dayMonth(value(1), value(0))
    if (a === 4 && b! <= 2 && y! <= 2) return dayMonth(value(2), value(1))
  }
  if (lengths.length === 1 && digits.length === 8) {
    const year = Number(digits.slice(0, 4))
    if (year >= 1900 && year <= 2099 && dayMonth(Number(digits.slice(6, 8)), Number(digits.slice(4, 6)))) return true
  }
  return false
}

function dayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12
}

/** A calling code of a Spanish-speaking market (or Spain, the US and their neighbours) that opens `digits`. */
function countryCode(digits: string): boolean {
  return /^(?:1|3[4]|5[1-8]|59[13578]|50[2-7]|53)/.test(digits)
}

/**
 * National numbers of every Spanish-speaking country, with or without the calling code, as
 * digits only. Lengths and leading digits, not the full numbering plans: enough to tell a
 * phone from an amount or a code, which is the question here.
 */
function nationalNumber(d: string): boolean {
  const n = d.length
  const c0 = d.charCodeAt(0) - 48
  switch (n) {
    case 8:
      // Central America, Bolivia, Cuba, Uruguay's landlines, Panama's mobiles: 8 digits from 2.
      return c0 >= 2
    case 9:
      // Spain, Chile, Peru (9xx), Ecuador's landlines (0[2-7]), Uruguay's mobiles (09).
      return c0 >= 2 || /^0[2-79]/.test(d)
    case 10:
      // Mexico, Colombia, the US, the Dominican Republic, Puerto Rico; Argentina's 11/15 + 8;
      // Ecuador's and Paraguay's 09 mobiles.
      return c0 >= 2 || /^1[1-5]/.test(d) || /^09/.test(d)
    case 11:
      // Venezuela 0412…/0212…, Argentina 011 + 8; or a calling code + a national number.
      return (
        /^0[1-4]/.test(d) ||
        /^(?:34[6-9]|56[2-9]|51[1-9]|1[2-9]|591[2-7]|598[249]|50[2-7][2-9])/.test(d)
      )
    case 12:
      return /^(?:52[1-9]|57(?:3|60)|54[1-3]|58[24]|593[2-9]|595[2-9]|598[249]|53[5-7])/.test(d)
    case 13:
      // Mexico 521 + 10 and 044/045 + 10; Argentina 549 + 10 and 0 + area + 15 + number.
      return /^(?:521|549|04[45])/.test(d) || /^0[1-3]\d{1,3}15\d{6,8}$/.test(d)
    default:
      return false
  }
}

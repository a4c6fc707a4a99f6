// Personal data out of what leaves a conversation: few-shot examples shown to *other* customers
// (retriever) and training lines (curator). A model trained on customers' phones and ids can
// repeat them to someone else. Precision matters as much as recall — prices ($1.200.000),
// sizes, dates, order and tracking numbers are what the shop sells with, so a bare number is
// never blanked for being long: phones need a phone shape of some Spanish-speaking market,
// ids a word that introduces them or a structure with a check, cards a valid Luhn digit.
//
// The patterns read an NFKC copy of the text without zero-width characters (fullwidth digits,
// "３００\u200b１２３…", "juan＠gmail.com"); replacements are made on the original text.

import { detectionText } from './pii/detection-text'
import { findAddresses, ADDRESS_HINT } from './pii/addresses'
import { codeBefore } from './pii/context'
import { EMAIL_HINT, findEmails } from './pii/emails'
import { findIntroducedIds, findSelfEvidentIds } from './pii/national-ids'
import { findIntroducedNames, findKnownNames, knownNames, NAME_HINT, type KnownNames } from './pii/names'
import { findNumbers } from './pii/numbers'
import { phonePlanOf } from './pii/phone-plans'
import { applySpans, SpanSet, type PiiKind } from './pii/spans'

export { knownNames, type KnownNames }
export { luhnValid } from './pii/numbers'

export type ScrubCounts = Record<PiiKind, number>

export const PLACEHOLDERS = {
  phone: '[TELEFONO]',
  email: '[EMAIL]',
  nationalId: '[DOCUMENTO]',
  card: '[TARJETA]',
  address: '[DIRECCION]',
  name: '[NOMBRE]',
} as const satisfies Record<PiiKind, string>

const SCRUB_KINDS = Object.keys(PLACEHOLDERS) as PiiKind[]

export function emptyScrubCounts(): ScrubCounts {
  return { phone: 0, email: 0, nationalId: 0, card: 0, address: 0, name: 0 }
}

export function resetScrubCounts(counts: ScrubCounts): void {
  for (const kind of SCRUB_KINDS) counts[kind] = 0
}

export function addScrubCounts(into: ScrubCounts, from: ScrubCounts): void {
  for (const kind of SCRUB_KINDS) into[kind] += from[kind]
}

export function scrubTotal(counts: ScrubCounts): number {
  let total = 0
  for (const kind of SCRUB_KINDS) total += counts[kind]
  return total
}

/**
 * knownNames with a memory: an export reads many rows per contact, and compiling one pattern per
 * row cost more than scrubbing it. Bounded, and owned by the caller (one per export).
 */
export function knownNamesMemo(limit = 512): (name: string | null | undefined) => KnownNames | null {
  const memo = new Map<string, KnownNames | null>()
  return (name) => {
    if (typeof name !== 'string' || name === '') return null
    let names = memo.get(name)
    if (names === undefined) {
      if (memo.size >= limit) memo.clear()
      names = knownNames([name])
      memo.set(name, names)
    }
    return names
  }
}

export interface ScrubOptions {
  /** The customer's known names (the contact's display name), from `knownNames([...])`. */
  names?: KnownNames | null
  /**
   * The shop's country (ISO code, `settings.shop.country`): its national phone formats are read
   * first. Without one, every Spanish-speaking market's are; international numbers always are.
   */
  country?: string | null
}

/** Replaces phones, emails, national ids, cards, addresses and names with placeholders, counting each. */
export function scrubPersonalData(text: string, options?: ScrubOptions): { text: string; counts: ScrubCounts } {
  const counts = emptyScrubCounts()
  return { text: scrubInto(text, counts, options), counts }
}

/** Same as scrubPersonalData, adding to running totals (no object per string on 100k rows). */
export function scrubInto(text: string, totals: ScrubCounts, options?: ScrubOptions): string {
  const det = detectionText(text)
  const t = det.text
  const shape = shapeOf(t)
  const longestRun = shape & RUN_MASK
  const hasDigit = (shape & HAS_DIGIT) !== 0
  const names = options?.names ?? null
  const email = EMAIL_HINT.test(t)
  const address = hasDigit && ADDRESS_HINT.test(t)
  const introducedName = NAME_HINT.test(t)
  // Most text has no digits in phone/id/card shape, no '@' and no name or street word: done.
  if (!email && longestRun < 5 && !address && !introducedName && names === null) return text

  const spans = new SpanSet()
  if (email) findEmails(t, spans)
  if (longestRun >= 5) findIntroducedIds(t, spans)
  if (longestRun >= 6) findSelfEvidentIds(t, spans, (start) => codeBefore(t, start))
  if (longestRun >= 7) findNumbers(t, spans, longestRun >= 13, true, phonePlanOf(options?.country))
  if (address) findAddresses(t, spans)
  if (introducedName) findIntroducedNames(t, spans)
  if (names !== null) findKnownNames(t, spans, names)
  if (spans.spans.length === 0) return text
  for (const span of spans.spans) totals[span.kind]++
  return applySpans(text, det, spans.spans, (kind) => PLACEHOLDERS[kind])
}

const RUN_MASK = 0xffff
const HAS_DIGIT = 1 << 16

/**
 * One pass over the text: how many digits does the longest run hold when up to two separators
 * (space, dot, dash, parentheses) may sit between digits? "$89.000 y 2 cursos" has runs of 5
 * and 1, so no phone or card can be there. Packed in one number: this runs on every string.
 */
function shapeOf(text: string): number {
  let longestRun = 0
  let run = 0
  let gap = 0
  let digit = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      digit = true
      run++
      gap = 0
      if (run > longestRun) longestRun = run
    } else if (run > 0 && gap < 2 && (c === 32 || c === 46 || c === 45 || c === 40 || c === 41)) {
      gap++
    } else {
      run = 0
      gap = 0
    }
  }
  return Math.min(longestRun, RUN_MASK) | (digit ? HAS_DIGIT : 0)
}

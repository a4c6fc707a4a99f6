// Keeps a generated answer within the owner's length limit without breaking what the customer
// needs intact. A WhatsApp answer cut mid-sentence reads as a glitch, and one cut inside a
// link, a price or an emoji is worse: "https://tienda.co/pro" leads nowhere, "$1.200" is a
// different price from "$1.200.000", and half a surrogate pair shows as "�". So the cut goes
// at the last sentence end that fits; only when the first sentence alone is too long is it
// cut at a word boundary, with "…" to show it goes on. Lengths count graphemes (what the owner
// sees as one character: "👩🏽‍💻" is one), not UTF-16 units.

import { trimTrailingWhere } from '../../shared/text-bounds'

export interface LimitedReply {
  text: string
  /** True when something was cut off. */
  trimmed: boolean
}

const ELLIPSIS = '…'
/** Whole sentences must keep at least 1/MEAGRE_FRACTION of the limit to beat a word cut. */
const MEAGRE_FRACTION = 3

interface Span {
  start: number
  end: number
}

// The lookbehinds make each pattern start only at the beginning of a run of the characters it
// repeats. Without them a long run that is not an address ("aaaa…", "1111…x") is retried from
// every one of its positions, each retry scanning to the run's end: quadratic (seconds at 50 KB).
/** Links, e-mail addresses and bare shop domains ("tienda.co/catalogo", "wa.me/573001234567"). */
const URL = /(?:https?:\/\/|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|co|net|org|shop|store|app|io|me|ly|link|info|online|site|tienda)\b(?:\/\S*)?/giu
/** Amounts with their sign, separators and unit: "$ 1.200.000", "45.900 pesos", "1,5 kg". */
const NUMBER = /(?:\$\s?)?(?<!\d)\d+(?:[.,]\d+)*(?:\s?(?:cop|pesos|mil|usd|kg|g|cm|ml))?\b|\$\s?\d+/giu

function protectedSpans(text: string): Span[] {
  return [...text.matchAll(URL), ...text.matchAll(NUMBER)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
}

function isEmoji(grapheme: string): boolean {
  return /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u.test(grapheme)
}

/**
 * Where a sentence may end, as positions just after it (UTF-16 offsets, always on grapheme
 * boundaries). Intl's sentence breaks (., !, ?, line breaks), plus what it misses in chat
 * text: "…" followed by a space, and a sentence that ends in an emoji instead of a mark
 * ("Claro 😊 Te lo envío hoy"). An emoji right after a break ("¡Listo! 🙌 Te…") belongs to
 * the sentence before it, so a second end is placed past it.
 */
function sentenceEnds(text: string, graphemes: readonly Intl.SegmentData[]): number[] {
  const ends = new Set<number>()
  const graphemeAt = new Map(graphemes.map((g, i) => [g.index, i]))
  const afterEmojis = (position: number) => {
    let i = graphemeAt.get(position)
    let end = position
    while (i !== undefined && i < graphemes.length) {
      const g = graphemes[i]!
      if (isEmoji(g.segment)) end = g.index + g.segment.length
      else if (!/^[ \t]+$/.test(g.segment)) break
      i++
    }
    const next = graphemes[graphemeAt.get(end) ?? graphemes.length]
    return end > position && (!next || /^\s/u.test(next.segment)) ? end : position
  }
  for (const { index } of new Intl.Segmenter('es', { granularity: 'sentence' }).segment(text)) {
    if (index === 0) continue
    ends.add(index)
    ends.add(afterEmojis(index))
  }
  graphemes.forEach((g, i) => {
    const next = graphemes[i + 1]
    if (!next || !/^\s/u.test(next.segment)) return
    if (g.segment === ELLIPSIS) ends.add(next.index)
    if (isEmoji(g.segment)) {
      // Only when what follows starts a sentence: "😊 Te lo envío", not "😍 y además".
      const following = text.slice(next.index).trimStart()
      if (following === '' || !/^\p{Ll}/u.test(following)) ends.add(next.index)
    }
  })
  return [...ends].sort((a, b) => a - b)
}

/** Trailing marks that read badly before "…": "Tenemos tres modelos,…". */
function withEllipsis(prefix: string): string {
  return trimTrailingWhere(prefix, (c) => /[\s,;:–—-]/u.test(c)) + ELLIPSIS
}

/**
 * `text` within `maxChars` graphemes: whole sentences when they fit and fill at least a third
 * of the limit, otherwise cut at the last word boundary that fits, plus "…". Surrounding whitespace is always trimmed;
 * `trimmed` says whether anything was cut. A limit that is not a positive number means no
 * limit (the setting is off), not an empty answer.
 */
export function limitReplyLength(text: string, maxChars: number): LimitedReply {
  const clean = text.trim()
  if (!Number.isFinite(maxChars) || maxChars <= 0) return { text: clean, trimmed: false }
  const limit = Math.floor(maxChars)
  const graphemes = [...new Intl.Segmenter('es', { granularity: 'grapheme' }).segment(clean)]
  if (graphemes.length <= limit) return { text: clean, trimmed: false }

  const starts = graphemes.map((g) => g.index)
  /** Graphemes in clean.slice(0, position). */
  const countUpTo = (position: number) => {
    let lo = 0
    let hi = starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (starts[mid]! < position) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const spans = protectedSpans(clean)
  const splits = (position: number) => spans.some((s) => s.start < position && position < s.end)

  const fitting = sentenceEnds(clean, graphemes)
    .filter((p) => !splits(p))
    .map((p) => clean.slice(0, p).trimEnd())
    .filter((prefix) => prefix !== '' && countUpTo(prefix.length) <= limit)
  const whole = fitting.at(-1)
  // Models open with a greeting ("¡Hola! 👋 Sí tenemos…"): sending the greeting alone when the
  // limit had room for much more is no answer, so a meagre whole-sentence cut loses to a word cut.
  if (whole !== undefined && countUpTo(whole.length) >= limit / MEAGRE_FRACTION) return { text: whole, trimmed: true }

  // The first sentence alone is too long: last word boundary that leaves room for "…".
  const budget = limit - 1
  let cut: string | undefined
  for (const g of graphemes) {
    if (!/^\s/u.test(g.segment) || splits(g.index)) continue
    const prefix = clean.slice(0, g.index).trimEnd()
    const shown = withEllipsis(prefix)
    if (prefix !== '' && shown !== ELLIPSIS && countUpTo(shown.length - ELLIPSIS.length) + 1 <= limit) cut = shown
  }
  if (cut !== undefined) return { text: cut, trimmed: true }
  if (whole !== undefined) return { text: whole, trimmed: true }

  // Not even one word fits: cut between graphemes, but before a link or price rather than inside it.
  let position = graphemes[Math.max(0, budget)]?.index ?? clean.length
  for (const s of spans) if (s.start < position && position < s.end) position = s.start
  const prefix = clean.slice(0, position).trimEnd()
  return { text: prefix === '' ? ELLIPSIS : withEllipsis(prefix), trimmed: true }
}

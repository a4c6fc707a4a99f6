// Text folding shared by the exact-duplicate key and the near-duplicate shingles. Spanish
// customers write the same thing with and without accents, capitals and stray spaces.
//
// Folding runs over every text twice per curation (100k+ texts), so it is one pass over UTF-16
// code units into a reusable buffer with a precomputed table for Latin letters — String
// normalize('NFD') plus regex replaces cost several times more and allocate three strings.

const SPACE = 0x20
const TABLE_SIZE = 0x180
/** Code unit → folded code unit (lowercase, accent stripped) for U+0000–U+017F. */
const FOLD = new Uint16Array(TABLE_SIZE)
const KIND_WORD = 0
const KIND_SPACE = 1
const KIND_OTHER = 2
/** Letter/digit, whitespace or anything else, for U+0000–U+017F. */
const KIND = new Uint8Array(TABLE_SIZE)

for (let c = 0; c < TABLE_SIZE; c++) {
  const char = String.fromCharCode(c)
  const lower = char.toLowerCase()
  FOLD[c] = lower.normalize('NFD').charCodeAt(0)
  KIND[c] = /\s/.test(char) ? KIND_SPACE : /[\p{L}\p{N}]/u.test(char) ? KIND_WORD : KIND_OTHER
}

const kindCache = new Map<number, number>()

/** Kind of a code unit above the table: combining marks vanish (-1), astral symbols separate. */
function kindOf(c: number): number {
  if (c >= 0x300 && c <= 0x36f) return -1
  if (c >= 0xd800 && c <= 0xdfff) return KIND_OTHER
  let kind = kindCache.get(c)
  if (kind === undefined) {
    const char = String.fromCharCode(c)
    kind = /\s|\ufeff/.test(char) ? KIND_SPACE : /[\p{L}\p{N}]/u.test(char) ? KIND_WORD : KIND_OTHER
    kindCache.set(c, kind)
  }
  return kind
}

function foldHigh(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return c
  const lower = String.fromCharCode(c).toLowerCase()
  return lower.length === 1 ? lower.charCodeAt(0) : c
}

/**
 * Text to fold: one string, or parts read as if joined by a line break — callers with a
 * (question, answer) pair pass both without building a concatenated copy of every row.
 */
export type FoldableText = string | readonly string[]

/** Upper bound of the folded length, for sizing the output buffer. */
export function foldedLengthBound(text: FoldableText): number {
  if (typeof text === 'string') return text.length
  let length = text.length
  for (const part of text) length += part.length
  return length
}

/**
 * Folds `text` into `out` and returns the folded length (≤ foldedLengthBound): lowercase,
 * accents stripped, whitespace runs collapsed to one space, trimmed. With `wordsOnly`, anything
 * that is not a letter or digit (punctuation, ¿¡, emoji) is a word break too.
 */
export function foldInto(text: FoldableText, out: Uint16Array, wordsOnly: boolean): number {
  if (typeof text === 'string') return foldPart(text, out, 0, wordsOnly)
  let n = 0
  for (const part of text) n = foldPart(part, out, n, wordsOnly)
  return n
}

/** Appends one part after `start` folded units; the boundary with earlier parts is a space. */
function foldPart(text: string, out: Uint16Array, start: number, wordsOnly: boolean): number {
  let n = start
  let pendingSpace = n > 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const kind = c < TABLE_SIZE ? KIND[c]! : kindOf(c)
    if (kind === KIND_SPACE || (wordsOnly && kind === KIND_OTHER)) {
      pendingSpace = n > 0
      continue
    }
    if (kind < 0) continue
    if (pendingSpace) {
      out[n++] = SPACE
      pendingSpace = false
    }
    out[n++] = c < TABLE_SIZE ? FOLD[c]! : foldHigh(c)
  }
  return n
}

/** Lowercase, accents stripped, whitespace collapsed and trimmed; punctuation kept. */
export function normalizeKey(text: FoldableText): string {
  return toText(text, false)
}

/** Like normalizeKey, and punctuation/emoji become word breaks: "¿Cuánto vale?" ≈ "cuanto vale". */
export function normalizeForShingles(text: FoldableText): string {
  return toText(text, true)
}

function toText(text: FoldableText, wordsOnly: boolean): string {
  const buffer = new Uint16Array(foldedLengthBound(text))
  const n = foldInto(text, buffer, wordsOnly)
  let out = ''
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...buffer.subarray(i, Math.min(n, i + 8192)))
  return out
}

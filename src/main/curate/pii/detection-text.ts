// Customers (and people testing a filter) write digits fullwidth, split them with zero-width
// characters or use a fullwidth '＠'. The patterns read an NFKC copy without invisible
// characters; the replacements are made on the original, so accents and emojis stay as written.

export interface DetectionText {
  /** NFKC, without zero-width characters or combining marks: what every pattern reads. */
  text: string
  /** Original offset of each detection character, plus one entry for the end; null when `text` is the original. */
  map: Int32Array | null
  /** Length of the original. */
  originalLength: number
}

export function detectionText(original: string): DetectionText {
  if (!needsNormalizing(original)) return { text: original, map: null, originalLength: original.length }
  const parts: string[] = []
  const offsets: number[] = []
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i)!
    const width = cp > 0xffff ? 2 : 1
    if (!isInvisible(cp)) {
      const raw = original.slice(i, i + width)
      const normalized = (cp < TABLE_SIZE && !NEEDS[cp]) || isStable(cp) ? raw : raw.normalize('NFKC')
      for (let k = 0; k < normalized.length; k++) {
        const c = normalized.charCodeAt(k)
        // NFKC can itself yield a combining mark (´ → space + U+0301): drop it like the rest.
        if (c >= 0x300 && c <= 0x36f) continue
        parts.push(normalized[k]!)
        offsets.push(i)
      }
    }
    i += width
  }
  offsets.push(original.length)
  return { text: parts.join(''), map: Int32Array.from(offsets), originalLength: original.length }
}

/** Original offsets of a detection-text range [start, end). Trailing invisible characters go with it. */
export function originalRange(det: DetectionText, start: number, end: number): [number, number] {
  if (det.map === null) return [start, end]
  return [det.map[start]!, det.map[end]!]
}

const TABLE_SIZE = 0x250

/** Characters below U+0250 that NFKC changes or that are invisible; everything above is checked one by one. */
const NEEDS: Uint8Array = (() => {
  const table = new Uint8Array(TABLE_SIZE)
  for (let c = 0; c < TABLE_SIZE; c++) {
    const s = String.fromCharCode(c)
    table[c] = isInvisible(c) || s.normalize('NFKC') !== s ? 1 : 0
  }
  return table
})()

function needsNormalizing(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= TABLE_SIZE || NEEDS[c] === 1) return true
  }
  return false
}

/** Emoji and pictographs, which NFKC leaves as they are: skip the call for chats full of them. */
function isStable(cp: number): boolean {
  return (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf)
}

function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, (non-)joiner, direction marks
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings
    (cp >= 0x2060 && cp <= 0x2064) || // word joiner, invisible operators
    cp === 0xfeff ||
    cp === 0x00ad || // soft hyphen
    cp === 0x180e ||
    cp === 0x034f ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors (after emojis)
    (cp >= 0x0300 && cp <= 0x036f) // combining accents: "cédula" typed decomposed reads as "cedula"
  )
}

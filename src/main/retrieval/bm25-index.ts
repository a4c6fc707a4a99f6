import { processSpanishTerm, tokenizeSpanish } from './spanish-terms'

export interface IndexedField {
  text: string
  /** How much a match in this field counts (BM25F): a name outweighs a description. */
  weight: number
}

export interface Bm25Hit {
  id: string
  score: number
  /** Query terms that matched exactly (not by prefix or typo), for callers that weigh certainty. */
  exactTerms: number
}

export interface Bm25SearchOptions {
  limit: number
  /** Documents to leave out; asked only of the best few, so it may be slow-ish. */
  exclude?: (id: string) => boolean
}

const K1 = 1.2
const B = 0.75
/** A prefix ("audi" → "audifono") or one-typo ("gitarra" → "guitarra") match counts for less than the word itself. */
const PREFIX_WEIGHT = 0.5
const TYPO_WEIGHT = 0.45
const MAX_EXPANSIONS = 12

/**
 * A BM25F full-text index over Spanish text, in flat arrays: postings as slot numbers, scores
 * accumulated in a Float32Array. Built for the reply path's budget: MiniSearch took 11–15 ms per
 * query over 50,000 reviewed examples here (its postings are objects scored one by one); this
 * takes well under a millisecond. Terms go through the same Spanish folding as everywhere else;
 * prefixes from 4 letters and one typo from 5 letters are matched, at a discount.
 */
export class Bm25Index {
  private readonly slotOf = new Map<string, number>()
  private ids: (string | null)[] = []
  private lengths = new Float32Array(64)
  /** A static multiplier per document (an example's quality), applied to its score. */
  private boosts = new Float32Array(64)
  private dead = new Uint8Array(64)
  private readonly postings = new Map<string, { slots: number[]; tfs: number[] }>()
  /** One-deletion variants of every term → the terms, for typo matches (symmetric delete). */
  private readonly deletions = new Map<string, string[]>()
  private sortedTerms: string[] | null = []
  private live = 0
  private totalLength = 0
  private scores = new Float32Array(0)
  private exact = new Uint8Array(0)

  get size(): number {
    return this.live
  }

  has(id: string): boolean {
    return this.slotOf.has(id)
  }

  add(id: string, fields: IndexedField[], boost = 1): void {
    this.remove(id)
    const tf = new Map<string, number>()
    let length = 0
    for (const field of fields) {
      for (const token of tokenizeSpanish(field.text)) {
        const term = processSpanishTerm(token)
        if (!term) continue
        tf.set(term, (tf.get(term) ?? 0) + field.weight)
        length += field.weight
      }
    }
    const slot = this.ids.length
    this.ensureCapacity(slot + 1)
    this.ids.push(id)
    this.lengths[slot] = length
    this.boosts[slot] = boost
    this.dead[slot] = 0
    this.slotOf.set(id, slot)
    this.live++
    this.totalLength += length
    for (const [term, count] of tf) {
      let list = this.postings.get(term)
      if (!list) {
        list = { slots: [], tfs: [] }
        this.postings.set(term, list)
        this.indexDeletions(term)
        this.sortedTerms = null
      }
      list.slots.push(slot)
      list.tfs.push(count)
    }
  }

  /** Tombstones the document; its postings are dropped when the index compacts itself. */
  remove(id: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.slotOf.delete(id)
    this.ids[slot] = null
    this.dead[slot] = 1
    this.live--
    this.totalLength -= this.lengths[slot]!
    if (this.ids.length > 1024 && this.live < this.ids.length / 2) this.compact()
  }

  clear(): void {
    this.slotOf.clear()
    this.ids = []
    this.postings.clear()
    this.deletions.clear()
    this.sortedTerms = []
    this.live = 0
    this.totalLength = 0
  }

  search(query: string, options: Bm25SearchOptions): Bm25Hit[] {
    const terms = [...new Set(tokenizeSpanish(query).flatMap((t) => processSpanishTerm(t) ?? []))]
    if (terms.length === 0 || this.live === 0) return []
    const slots = this.ids.length
    if (this.scores.length < slots) {
      this.scores = new Float32Array(this.lengths.length)
      this.exact = new Uint8Array(this.lengths.length)
    }
    const { scores, exact, lengths, dead } = this
    const touched: number[] = []
    // BM25's length normalisation, K1·(1 − B + B·len/avg), as a + c·len.
    const averageLength = this.totalLength / this.live || 1
    const a = K1 * (1 - B)
    const c = (K1 * B) / averageLength
    for (const term of terms) {
      for (const [indexed, weight] of this.expand(term)) {
        const list = this.postings.get(indexed)!
        const df = list.slots.length
        const factor = weight * (K1 + 1) * Math.log(1 + (this.live - df + 0.5) / (df + 0.5))
        const isExact = indexed === term ? 1 : 0
        const postingSlots = list.slots
        const tfs = list.tfs
        for (let i = 0; i < df; i++) {
          const slot = postingSlots[i]!
          if (dead[slot] === 1) continue
          const tf = tfs[i]!
          if (scores[slot] === 0) touched.push(slot)
          scores[slot] = scores[slot]! + (factor * tf) / (tf + a + c * lengths[slot]!)
          exact[slot] = exact[slot]! + isExact
        }
      }
    }
    // Top candidates by score × boost, a few extra to survive `exclude`, without an object per hit.
    const want = options.limit + (options.exclude ? 8 : 0)
    const topSlots: number[] = []
    const topScores: number[] = []
    for (const slot of touched) {
      const score = scores[slot]! * this.boosts[slot]!
      scores[slot] = 0
      if (score <= 0 || (topSlots.length === want && score <= topScores[want - 1]!)) continue
      let i = topSlots.length
      while (i > 0 && topScores[i - 1]! < score) i--
      topSlots.splice(i, 0, slot)
      topScores.splice(i, 0, score)
      if (topSlots.length > want) {
        topSlots.pop()
        topScores.pop()
      }
    }
    const hits: Bm25Hit[] = []
    for (let i = 0; i < topSlots.length && hits.length < options.limit; i++) {
      const slot = topSlots[i]!
      const id = this.ids[slot]!
      if (options.exclude?.(id)) continue
      hits.push({ id, score: topScores[i]!, exactTerms: exact[slot]! })
    }
    for (const slot of touched) exact[slot] = 0
    return hits
  }

  /** The indexed terms a query term stands for, with how much each counts. */
  private expand(term: string): [string, number][] {
    const out: [string, number][] = []
    if (this.postings.has(term)) out.push([term, 1])
    if (term.length >= 4) {
      for (const candidate of this.withPrefix(term)) {
        if (candidate !== term) out.push([candidate, PREFIX_WEIGHT])
        if (out.length >= MAX_EXPANSIONS) break
      }
    }
    if (term.length >= 5 && out.length === 0) {
      const typos = new Set<string>()
      for (const variant of [term, ...deletionsOf(term)]) {
        for (const candidate of this.deletions.get(variant) ?? []) typos.add(candidate)
        if (this.postings.has(variant)) typos.add(variant)
      }
      for (const candidate of typos) {
        if (candidate !== term && withinOneEdit(term, candidate)) out.push([candidate, TYPO_WEIGHT])
        if (out.length >= MAX_EXPANSIONS) break
      }
    }
    return out
  }

  private withPrefix(prefix: string): string[] {
    this.sortedTerms ??= [...this.postings.keys()].sort()
    const terms = this.sortedTerms
    let lo = 0
    let hi = terms.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (terms[mid]! < prefix) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix) && out.length < MAX_EXPANSIONS; i++) out.push(terms[i]!)
    return out
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.lengths.length) return
    const capacity = Math.max(slots, this.lengths.length * 2)
    const grow = <T extends Float32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity)
      next.set(old)
      return next
    }
    this.lengths = grow(this.lengths, (n) => new Float32Array(n))
    this.boosts = grow(this.boosts, (n) => new Float32Array(n))
    this.dead = grow(this.dead, (n) => new Uint8Array(n))
  }

  private indexDeletions(term: string): void {
    if (term.length < 4) return
    for (const variant of deletionsOf(term)) {
      const list = this.deletions.get(variant)
      if (list) list.push(term)
      else this.deletions.set(variant, [term])
    }
  }

  /** Rebuilds the arrays without tombstones so removed documents stop costing time. */
  private compact(): void {
    const remap = new Int32Array(this.ids.length).fill(-1)
    const ids: string[] = []
    const lengths = new Float32Array(this.lengths.length)
    const boosts = new Float32Array(this.lengths.length)
    this.ids.forEach((id, slot) => {
      if (id === null) return
      remap[slot] = ids.length
      this.slotOf.set(id, ids.length)
      lengths[ids.length] = this.lengths[slot]!
      boosts[ids.length] = this.boosts[slot]!
      ids.push(id)
    })
    for (const [term, list] of this.postings) {
      const slots: number[] = []
      const tfs: number[] = []
      list.slots.forEach((slot, i) => {
        const moved = remap[slot]!
        if (moved >= 0) {
          slots.push(moved)
          tfs.push(list.tfs[i]!)
        }
      })
      if (slots.length === 0) this.postings.delete(term)
      else this.postings.set(term, { slots, tfs })
    }
    this.ids = ids
    this.lengths = lengths
    this.boosts = boosts
    this.dead = new Uint8Array(lengths.length)
    this.sortedTerms = null
    this.deletions.clear()
    for (const term of this.postings.keys()) this.indexDeletions(term)
  }
}

function deletionsOf(term: string): string[] {
  const out: string[] = []
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1))
  return out
}

/** Levenshtein distance ≤ 1 (one insertion, deletion or substitution). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (b.length > a.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}

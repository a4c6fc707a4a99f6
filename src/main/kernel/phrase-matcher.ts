// Phrase rules over canonical word arrays. A rule is written in the normalizer's spelling as
// space-separated slots: "me lo? llevo|compro" — a slot lists alternatives with "|" and is
// optional when it ends in "?"; the slot "$" matches the end of the clause without consuming a
// word ("ya no $" is a refusal, "ya no lo quiero" is not that rule); the slot "*" matches any one
// word of the clause ("gracias *? por nada" is also "gracias Claro por nada"), and may not open a
// rule (rules are indexed by the words that can start them). An alternative is one word: a space
// inside it starts a new slot. Matching compares whole words, so there is no `\b` and no accent
// ever reaches a regular expression.

interface Slot {
  words: ReadonlySet<string>
  optional: boolean
  clauseEnd: boolean
  /** "*": any one word. */
  any: boolean
}

interface CompiledPhrase<T> {
  slots: Slot[]
  value: T
  /** Position in the rule list; earlier rules win ties between equally long matches. */
  order: number
}

export interface PhraseMatch<T> {
  value: T
  start: number
  /** One past the last word. */
  end: number
  order: number
}

function compilePhrase<T>(pattern: string, value: T, order: number): CompiledPhrase<T> {
  const slots = pattern
    .trim()
    .split(/\s+/)
    .map((slot) => {
      const optional = slot.endsWith('?')
      const body = optional ? slot.slice(0, -1) : slot
      return { words: new Set(body.split('|')), optional, clauseEnd: body === '$', any: body === '*' }
    })
  if (slots.every((s) => s.optional || s.clauseEnd || s.any)) throw new Error(`phrase "${pattern}" has no required word`)
  // The words that can start the rule index it: a wildcard among them could be any word.
  for (const slot of slots) {
    if (slot.clauseEnd) continue
    if (slot.any) throw new Error(`phrase "${pattern}" opens with "*"`)
    if (!slot.optional) break
  }
  return { slots, value, order }
}

/**
 * Rules indexed by the words that can start them, so a message is only tried against rules
 * that could match at each position (hundreds of rules, tens of thousands of messages a second).
 */
export class PhraseSet<T> {
  private readonly byFirst = new Map<string, CompiledPhrase<T>[]>()

  constructor(rules: readonly { pattern: string; value: T }[]) {
    rules.forEach((rule, order) => {
      const phrase = compilePhrase(rule.pattern, rule.value, order)
      const firsts = new Set<string>()
      for (const slot of phrase.slots) {
        if (slot.clauseEnd) continue
        for (const w of slot.words) firsts.add(w)
        if (!slot.optional) break
      }
      for (const w of firsts) {
        const list = this.byFirst.get(w)
        if (list) list.push(phrase)
        else this.byFirst.set(w, [phrase])
      }
    })
  }

  /** Every match of every rule inside one clause (`clauseOf` gives each word's clause). */
  findAll(words: readonly string[], clauseOf: readonly number[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = []
    for (let start = 0; start < words.length; start++) {
      const candidates = this.byFirst.get(words[start]!)
      if (!candidates) continue
      for (const phrase of candidates) {
        const end = matchFrom(phrase.slots, 0, words, clauseOf, start, clauseOf[start]!)
        if (end > start) found.push({ value: phrase.value, start, end, order: phrase.order })
      }
    }
    return found
  }

  /**
   * Non-overlapping matches, longest first (then leftmost, then earliest rule): "no me gusta"
   * claims its words before "me gusta" can, and "lo quiero ver" before "lo quiero".
   */
  claim(words: readonly string[], clauseOf: readonly number[]): { matches: PhraseMatch<T>[]; claimed: boolean[] } {
    const all = this.findAll(words, clauseOf).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order)
    const claimed = new Array<boolean>(words.length).fill(false)
    const matches: PhraseMatch<T>[] = []
    for (const m of all) {
      let free = true
      for (let i = m.start; i < m.end; i++) if (claimed[i]) free = false
      if (!free) continue
      for (let i = m.start; i < m.end; i++) claimed[i] = true
      matches.push(m)
    }
    matches.sort((a, b) => a.start - b.start)
    return { matches, claimed }
  }
}

/** Longest end position for slots[s..] starting at word i, or -1. Backtracks over optional slots. */
function matchFrom(slots: readonly Slot[], s: number, words: readonly string[], clauseOf: readonly number[], i: number, clause: number): number {
  if (s === slots.length) return i
  const slot = slots[s]!
  if (slot.clauseEnd) return i === words.length || clauseOf[i] !== clause ? matchFrom(slots, s + 1, words, clauseOf, i, clause) : -1
  let best = -1
  if (i < words.length && clauseOf[i] === clause && (slot.any || slot.words.has(words[i]!))) best = matchFrom(slots, s + 1, words, clauseOf, i + 1, clause)
  if (slot.optional) best = Math.max(best, matchFrom(slots, s + 1, words, clauseOf, i, clause))
  return best
}

import { createSpanishIndex, queryTerms } from './spanish-search'

/** A reviewed exchange good enough to show the model how this shop answers. */
export interface FewShotExample {
  id: string
  conversationId: string
  question: string
  /** The owner's rewrite when there is one, else the bot's approved answer. */
  answer: string
  category: string | null
  productId: string | null
  score: number
  corrected: boolean
  createdAt: number
}

export interface ExampleHit {
  example: FewShotExample
  score: number
}

/**
 * Full-text search over the customer side of good past exchanges: a new question that shares
 * words with an old one is likely to want the same kind of answer. Higher scores and the owner's
 * own rewrites rank a little higher at equal text similarity.
 */
export class ExampleIndex {
  private readonly index = createSpanishIndex<FewShotExample>({ fields: ['question'] })
  private readonly examples = new Map<string, FewShotExample>()

  get size(): number {
    return this.examples.size
  }

  get(id: string): FewShotExample | undefined {
    return this.examples.get(id)
  }

  values(): IterableIterator<FewShotExample> {
    return this.examples.values()
  }

  upsert(example: FewShotExample): void {
    this.remove(example.id)
    this.examples.set(example.id, example)
    this.index.add(example)
  }

  addAll(examples: FewShotExample[]): void {
    const fresh = examples.filter((e) => !this.examples.has(e.id))
    for (const e of fresh) this.examples.set(e.id, e)
    this.index.addAll(fresh)
  }

  remove(id: string): void {
    if (!this.examples.delete(id)) return
    this.index.discard(id)
  }

  clear(): void {
    this.examples.clear()
    this.index.removeAll()
  }

  search(query: string, limit: number, excludeConversationId?: string): ExampleHit[] {
    if (queryTerms(query).length === 0) return []
    const results = this.index.search(query, {
      boostDocument: (id: string) => {
        const example = this.examples.get(id)
        if (!example || example.conversationId === excludeConversationId) return 0
        return 1 + (example.score - 4) * 0.1 + (example.corrected ? 0.1 : 0)
      },
    })
    const out: ExampleHit[] = []
    for (const result of results) {
      const example = this.examples.get(result.id as string)
      if (example) out.push({ example, score: result.score })
      if (out.length >= limit) break
    }
    return out
  }
}

/** Reciprocal rank fusion: merges rankings without comparing their incomparable scores. */
export function fuseRankings(rankings: string[][], k = 60): string[] {
  const scores = new Map<string, number>()
  for (const ranking of rankings) {
    ranking.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + rank + 1)))
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id)
}

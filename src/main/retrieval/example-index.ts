import { Bm25Index } from './bm25-index'

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
 * words with an old one is likely to want the same kind of answer.
 */
export class ExampleIndex {
  private readonly index = new Bm25Index()
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
    // Higher scores and the owner's own rewrites rank a little higher at equal similarity.
    this.index.add(example.id, [{ text: example.question, weight: 1 }], 1 + (example.score - 4) * 0.1 + (example.corrected ? 0.1 : 0))
  }

  addAll(examples: FewShotExample[]): void {
    for (const example of examples) this.upsert(example)
  }

  remove(id: string): void {
    if (!this.examples.delete(id)) return
    this.index.remove(id)
  }

  clear(): void {
    this.examples.clear()
    this.index.clear()
  }

  search(query: string, limit: number, excludeConversationId?: string): ExampleHit[] {
    const results = this.index.search(query, {
      limit,
      ...(excludeConversationId ? { exclude: (id: string) => this.examples.get(id)?.conversationId === excludeConversationId } : {}),
    })
    return results.flatMap((result) => {
      const example = this.examples.get(result.id)
      return example ? [{ example, score: result.score }] : []
    })
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

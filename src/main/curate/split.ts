import { hash53 } from '../kernel/hash'

export interface SplitOptions<T> {
  /** Share of each category held out, in [0, 1). */
  ratio: number
  seed: string
  idOf: (item: T) => string
  categoryOf: (item: T) => string
}

/**
 * Stratified, deterministic train/validation split. Within each category items are ordered by
 * hash(seed, id) — not by input order — so the same set of ids always splits the same way and an
 * example never hops between train and validation when unrelated rows arrive. Every category
 * with ≥ 2 items gives at least one to validation (a category the evaluation never sees cannot
 * be judged) and keeps at least one for training. Both outputs come shuffled by the same seed,
 * so categories are interleaved for the trainer.
 */
export function stratifiedSplit<T>(items: readonly T[], options: SplitOptions<T>): { train: T[]; validation: T[] } {
  const { ratio, seed, idOf, categoryOf } = options
  if (!(ratio >= 0 && ratio < 1)) throw new RangeError(`validationRatio must be in [0, 1), got ${ratio}`)
  const byCategory = new Map<string, Keyed<T>[]>()
  for (const item of items) {
    const id = idOf(item)
    const keyed = { item, id, order: hash53(`${seed}\u0000split\u0000${id}`), shuffle: hash53(`${seed}\u0000shuffle\u0000${id}`) }
    const list = byCategory.get(categoryOf(item))
    if (list) list.push(keyed)
    else byCategory.set(categoryOf(item), [keyed])
  }
  const train: Keyed<T>[] = []
  const validation: Keyed<T>[] = []
  for (const list of byCategory.values()) {
    list.sort((a, b) => a.order - b.order || compareIds(a.id, b.id))
    let held = ratio > 0 && list.length >= 2 ? Math.max(1, Math.round(list.length * ratio)) : 0
    held = Math.min(held, list.length - 1)
    for (let i = 0; i < list.length; i++) (i < held ? validation : train).push(list[i]!)
  }
  const byShuffle = (a: Keyed<T>, b: Keyed<T>) => a.shuffle - b.shuffle || compareIds(a.id, b.id)
  return { train: train.sort(byShuffle).map((k) => k.item), validation: validation.sort(byShuffle).map((k) => k.item) }
}

interface Keyed<T> {
  item: T
  id: string
  order: number
  shuffle: number
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

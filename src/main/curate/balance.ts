export interface CategoryCapResult<T> {
  kept: T[]
  /** Items dropped per category. */
  dropped: Record<string, number>
  /** Largest count any category may keep; null when nothing had to be cut. */
  cap: number | null
  /** The share actually enforced: the requested one, or 1/categories when that is impossible. */
  effectiveShare: number
}

/**
 * Caps every category at `maxShare` of the final (capped) set, so a flood of "hola" never
 * drowns payment questions. Items arrive best first; each category keeps its first ones.
 *
 * The cap C is the largest count with C ≤ share × Σ min(countᵢ, C). The right side minus C is
 * concave in C and 0 at C = 0, so the counts that satisfy it form one interval and a binary
 * search finds its end. With k categories no set can put every one under 1/k, so a share below
 * 1/k is raised to 1/k (all categories equal) instead of emptying the dataset.
 */
export function capCategoryShare<T>(items: readonly T[], categoryOf: (item: T) => string, maxShare: number): CategoryCapResult<T> {
  if (!(maxShare > 0 && maxShare <= 1)) throw new RangeError(`maxPerCategoryShare must be in (0, 1], got ${maxShare}`)
  const counts = new Map<string, number>()
  for (const item of items) {
    const category = categoryOf(item)
    counts.set(category, (counts.get(category) ?? 0) + 1)
  }
  const sizes = [...counts.values()]
  const share = Math.max(maxShare, sizes.length > 0 ? 1 / sizes.length : 1)
  const largest = Math.max(0, ...sizes)
  const fits = (cap: number) => cap <= share * sizes.reduce((sum, n) => sum + Math.min(n, cap), 0) + 1e-9
  if (fits(largest)) return { kept: [...items], dropped: {}, cap: null, effectiveShare: share }

  let low = 1
  let high = largest
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (fits(mid)) low = mid
    else high = mid - 1
  }
  const cap = low
  const taken = new Map<string, number>()
  const dropped: Record<string, number> = {}
  const kept: T[] = []
  for (const item of items) {
    const category = categoryOf(item)
    const n = taken.get(category) ?? 0
    if (n < cap) {
      taken.set(category, n + 1)
      kept.push(item)
    } else {
      dropped[category] = (dropped[category] ?? 0) + 1
    }
  }
  return { kept, dropped, cap, effectiveShare: share }
}

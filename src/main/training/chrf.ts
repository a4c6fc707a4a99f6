// chrF (Popović 2015): F-score of the precision and recall of character n-grams averaged over
// n = 1…6, whitespace removed, β = 2 (recall weighs twice precision). Character n-grams suit the
// validation gate: they do not depend on a model's tokenizer, so a fine-tune and the live model
// compare fairly, and they give partial credit to Spanish inflections ("cuesta" / "cuestan").

const ORDER = 6
const BETA = 2

interface NgramStats {
  /** Per order: matched n-grams, n-grams in the hypothesis, n-grams in the reference. */
  matches: number[]
  hypothesis: number[]
  reference: number[]
}

function ngrams(text: string, n: number): Map<string, number> {
  const chars = [...text.replace(/\s+/g, '')]
  const out = new Map<string, number>()
  for (let i = 0; i + n <= chars.length; i++) {
    const gram = chars.slice(i, i + n).join('')
    out.set(gram, (out.get(gram) ?? 0) + 1)
  }
  return out
}

function stats(hypothesis: string, reference: string): NgramStats {
  const result: NgramStats = { matches: [], hypothesis: [], reference: [] }
  for (let n = 1; n <= ORDER; n++) {
    const hyp = ngrams(hypothesis, n)
    const ref = ngrams(reference, n)
    let matches = 0
    for (const [gram, count] of hyp) matches += Math.min(count, ref.get(gram) ?? 0)
    result.matches.push(matches)
    result.hypothesis.push([...hyp.values()].reduce((a, b) => a + b, 0))
    result.reference.push([...ref.values()].reduce((a, b) => a + b, 0))
  }
  return result
}

function score(s: NgramStats): number {
  let precision = 0
  let recall = 0
  let orders = 0
  for (let i = 0; i < ORDER; i++) {
    // Orders longer than both texts carry no information.
    if (s.hypothesis[i] === 0 && s.reference[i] === 0) continue
    precision += s.hypothesis[i]! > 0 ? s.matches[i]! / s.hypothesis[i]! : 0
    recall += s.reference[i]! > 0 ? s.matches[i]! / s.reference[i]! : 0
    orders++
  }
  if (orders === 0) return 0
  precision /= orders
  recall /= orders
  if (precision + recall === 0) return 0
  const b2 = BETA * BETA
  return (100 * ((1 + b2) * precision * recall)) / (b2 * precision + recall)
}

/** Sentence chrF, 0–100. */
export function chrf(hypothesis: string, reference: string): number {
  return score(stats(hypothesis, reference))
}

/** Corpus chrF from summed n-gram statistics (not the mean of sentence scores), 0–100. */
export function corpusChrf(pairs: readonly { hypothesis: string; reference: string }[]): number {
  const total: NgramStats = { matches: new Array(ORDER).fill(0), hypothesis: new Array(ORDER).fill(0), reference: new Array(ORDER).fill(0) }
  for (const pair of pairs) {
    const s = stats(pair.hypothesis, pair.reference)
    for (let i = 0; i < ORDER; i++) {
      total.matches[i]! += s.matches[i]!
      total.hypothesis[i]! += s.hypothesis[i]!
      total.reference[i]! += s.reference[i]!
    }
  }
  return score(total)
}

// How the general-purpose route scores the labeled set: `natural`'s Spanish sentiment analyzer
// (Porter stemmer for Spanish, AFINN and SentiCon lexicons), its sentiment mapped to 1–5 by
// the quantiles of the labels — the most generous mapping it can get. See docs/scorer.md §8.
import { readFileSync } from 'node:fs'
import natural from 'natural'

interface Row {
  text: string
  score: number
}

const rows = readFileSync(new URL('../tests/fixtures/scorer-testset.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Row)
const BLIND_2_FROM = 686 // lines 687–804: written after the rules were frozen (docs/scorer.md §6)
const tokenizer = new natural.AggressiveTokenizerEs()

console.log('| lexicon | part | n | exact | ±1 | replies with no sentiment at all |')
console.log('|---|---|---|---|---|---|')
for (const vocabulary of ['afinn', 'senticon'] as const) {
  const analyzer = new natural.SentimentAnalyzer('Spanish', natural.PorterStemmerEs, vocabulary)
  const sentiment = rows.map((r) => analyzer.getSentiment(tokenizer.tokenize(r.text.toLowerCase())))
  const sorted = [...sentiment].sort((a, b) => a - b)
  const cuts: number[] = []
  let seen = 0
  for (const score of [1, 2, 3, 4]) {
    seen += rows.filter((r) => r.score === score).length
    cuts.push(sorted[seen - 1]!)
  }
  const predict = (x: number) => 1 + cuts.filter((c) => x > c).length
  for (const [part, from, to] of [['all', 0, rows.length], ['blind set 2', BLIND_2_FROM, rows.length]] as const) {
    const idx = Array.from({ length: to - from }, (_, i) => from + i)
    const exact = idx.filter((i) => predict(sentiment[i]!) === rows[i]!.score).length
    const within = idx.filter((i) => Math.abs(predict(sentiment[i]!) - rows[i]!.score) <= 1).length
    const zero = idx.filter((i) => sentiment[i] === 0).length
    const pct = (n: number) => `${((100 * n) / idx.length).toFixed(1)}%`
    console.log(`| ${vocabulary} | ${part} | ${idx.length} | ${pct(exact)} | ${pct(within)} | ${zero} |`)
  }
}

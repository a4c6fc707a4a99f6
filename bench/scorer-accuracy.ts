// Accuracy of the reply scorer against the seed's rules, how agreement with the owner grows with
// the owner's reviews, and throughput; then the external development set (bench/scorer-external.ts). `npx tsx bench/scorer-accuracy.ts` prints markdown; every
// number is deterministic except the timings in the last table.
import { fileURLToPath } from 'node:url'
import { externalReport } from './scorer-external'
import { DEFAULT_MIN_REVIEWS } from '../src/main/evaluate/blended-scorer'
import { categoryOf } from '../src/main/evaluate/category'
import { analyzeSpanish } from '../src/main/kernel/spanish-text'
import { OwnerClassifier } from '../src/main/evaluate/owner-classifier'
import { assessReply, extractSignals, resolveSignals } from '../src/main/evaluate/reply-scorer'
import { seedQualityScore } from '../tests/support/seed-rules'
import { accuracy, learningCurve, loadTestSet, PARTS, stricterOwner, type CurvePoint, type LabeledReply } from '../tests/support/scorer-testset'

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

function accuracyTable(rows: readonly LabeledReply[]): string {
  const lines = ['| part | n | scorer | score exact | score ±1 | wasSuccessful | category |', '|---|---|---|---|---|---|---|']
  const parts = [{ name: 'all', rows }, ...PARTS.map((p) => ({ name: p.name, rows: rows.slice(p.from, p.to) }))].filter((p) => p.rows.length > 0)
  for (const part of parts) {
    for (const scorer of ['seed', 'ours'] as const) {
      const a = accuracy(part.rows, scorer)
      lines.push(`| ${part.name} | ${a.n} | ${scorer === 'seed' ? "seed's rules" : 'ours'} | ${pct(a.exact)} | ${pct(a.withinOne)} | ${pct(a.success)} | ${pct(a.category)} |`)
    }
  }
  return lines.join('\n')
}

function confusionTable(rows: readonly LabeledReply[], scorer: 'seed' | 'ours'): string {
  const m = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0])
  for (const row of rows) {
    const predicted = scorer === 'seed' ? seedQualityScore(row.text) : assessReply(row.text).score
    m[row.score - 1]![predicted - 1]!++
  }
  return ['| label ↓ / predicted → | 1 | 2 | 3 | 4 | 5 |', '|---|---|---|---|---|---|', ...m.map((r, i) => `| ${i + 1} | ${r.join(' | ')} |`)].join('\n')
}

/** Does confidence mean something? Exact accuracy of our score per confidence band. */
function calibrationTable(rows: readonly LabeledReply[]): string {
  const bands = [0, 0.3, 0.5, 0.7, 0.85, 1.01]
  const stats = bands.slice(1).map(() => ({ n: 0, hits: 0 }))
  for (const row of rows) {
    const assessed = assessReply(row.text)
    const band = bands.findIndex((edge, i) => assessed.confidence >= edge && assessed.confidence < bands[i + 1]!)
    stats[band]!.n++
    if (assessed.score === row.score) stats[band]!.hits++
  }
  return [
    '| confidence | n | exact accuracy |',
    '|---|---|---|',
    ...stats.map((s, i) => `| ${bands[i]!.toFixed(2)}–${Math.min(1, bands[i + 1]!).toFixed(2)} | ${s.n} | ${s.n ? pct(s.hits / s.n) : '—'} |`),
  ].join('\n')
}

function curveTable(points: readonly CurvePoint[]): string {
  return [
    `| owner reviews | rules alone | classifier alone | blended (min ${DEFAULT_MIN_REVIEWS} reviews) |`,
    '|---|---|---|---|',
    ...points.map((p) => `| ${p.reviews} | ${pct(p.rules)} | ${p.classifier === null ? '—' : pct(p.classifier)} | ${pct(p.blended)} |`),
  ].join('\n')
}

function throughputTable(rows: readonly LabeledReply[]): string {
  const texts = rows.map((r) => r.text)
  const target = 200_000
  let sink = 0
  for (let i = 0; i < 5_000; i++) sink += assessReply(texts[i % texts.length]!).score
  const start = performance.now()
  for (let i = 0; i < target; i++) {
    const analyzed = analyzeSpanish(texts[i % texts.length]!)
    sink += resolveSignals(extractSignals(analyzed), analyzed).score + categoryOf(analyzed).length
  }
  const seconds = (performance.now() - start) / 1000

  const examples = Array.from({ length: 5_000 }, (_, i) => ({ text: texts[i % texts.length]!, score: rows[i % rows.length]!.score }))
  const trainStart = performance.now()
  const model = new OwnerClassifier()
  model.train(examples)
  const trainMs = performance.now() - trainStart
  const predictStart = performance.now()
  for (let i = 0; i < 20_000; i++) sink += model.predict(texts[i % texts.length]!).score
  const predictSeconds = (performance.now() - predictStart) / 1000
  if (sink === 0) throw new Error('unreachable: keeps the work from being optimised away')
  return [
    '| measure | value |',
    '|---|---|',
    `| normalize + assess + category | ${Math.round(target / seconds).toLocaleString('en-US')} lines/s (${((seconds / target) * 1e6).toFixed(1)} µs/line) |`,
    `| OwnerClassifier.train, 5,000 examples | ${trainMs.toFixed(0)} ms |`,
    `| OwnerClassifier.predict | ${Math.round(20_000 / predictSeconds).toLocaleString('en-US')} lines/s |`,
  ].join('\n')
}

function main(): void {
  const rows = loadTestSet()
  const sizes = [0, 10, 25, 50, 100, 150, 200]
  const out = [
    `# Scorer accuracy (${rows.length} labeled replies, tests/fixtures/scorer-testset.jsonl)`,
    '',
    '## (a) Seed rules vs ours',
    '',
    accuracyTable(rows),
    '',
    'Confusion of the score on the whole set, seed rules:',
    '',
    confusionTable(rows, 'seed'),
    '',
    'Ours:',
    '',
    confusionTable(rows, 'ours'),
    '',
    ...(rows.length > PARTS[2].from
      ? ['Our confidence against our accuracy on blind set 2 (the only part the rules never saw):', '', calibrationTable(rows.slice(PARTS[2].from)), '']
      : []),
    '## (b) Agreement with the owner as reviews grow',
    '',
    'Held-out: a fixed 30% of the set; reviews: the first N of a seeded shuffle of the rest; mean of 5 shuffles.',
    '',
    'Owner = the labeling guide (the test-set labels):',
    '',
    curveTable(learningCurve(rows, (r) => r.score, sizes)),
    '',
    'Owner with a stricter scale (only a sale is a 5, a bare "ok" is a 3, haggling over the price is a 3):',
    '',
    curveTable(learningCurve(rows, stricterOwner, sizes)),
    '',
    '## (c) Throughput (this machine; varies run to run)',
    '',
    throughputTable(rows),
    '',
    // Public data none of us wrote, and the rules blended with the learned model (issue 16).
    externalReport(),
  ]
  console.log(out.join('\n'))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()

// The scorer on data none of us wrote (docs/scorer.md, "External development set"): the seed's
// rules, the current rules alone and the rules blended with the learned model, on the tuning and
// blind parts of the external set and on the project's own labeled set; confusion matrices,
// the reliability of the confidence, the learning curve from owner reviews, throughput.
// `npx tsx bench/scorer-external.ts` prints markdown; skips with a message when the external set
// has not been rebuilt (scripts/scorer/build-dev-set.ts).
import { fileURLToPath } from 'node:url'
import { blendScores } from '../src/main/evaluate/blended-scorer'
import { scoreMessage, type ScorerParts } from '../src/main/evaluate/message-scorer'
import { OwnerClassifier } from '../src/main/evaluate/owner-classifier'
import { SentimentModel } from '../src/main/evaluate/sentiment-model'
import { SENTIMENT_WEIGHTS } from '../src/main/evaluate/sentiment-weights'
import { mulberry32 } from '../src/main/kernel/hash'
import { seedDetectCategory, seedQualityScore, seedWasSuccessful } from '../tests/support/seed-rules'
import { confusion, EXTERNAL_MISSING, f1, fiveLevels, loadExternal, reliability, scoreMeasures, type ExternalRow } from '../tests/support/scorer-external'
import { loadTestSet, PARTS } from '../tests/support/scorer-testset'

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const num = (x: number) => x.toFixed(3)

type Scorer = { name: string; score: (text: string) => number }

function scorers(model: SentimentModel): Scorer[] {
  const rulesOnly: ScorerParts = { sentiment: null }
  const blended: ScorerParts = { sentiment: model }
  return [
    { name: "seed's rules", score: seedQualityScore },
    { name: 'rules alone', score: (text) => scoreMessage({ text }, rulesOnly).score },
    { name: 'rules + learned model', score: (text) => scoreMessage({ text }, blended).score },
  ]
}

/** Polarity over every row; ±1 and exact only over rows labelled on five levels ("—" when none). */
function externalTable(rows: readonly ExternalRow[], list: readonly Scorer[]): string {
  const lines = ['| source | part | n | scorer | polarity macro-F1 | score ±1 | score exact |', '|---|---|---|---|---|---|---|']
  const sources = [...new Set(rows.map((r) => r.source))]
  const FIVE = 'all on 5 levels'
  for (const source of [...sources, FIVE, 'all']) {
    for (const part of ['tuning', 'blind'] as const) {
      const inPart = rows.filter((r) => r.part === part)
      const at = source === 'all' ? inPart : source === FIVE ? fiveLevels(inPart) : inPart.filter((r) => r.source === source)
      const five = new Set(fiveLevels(at))
      for (const s of list) {
        const predicted = at.map((r) => s.score(r.text))
        const polarity = scoreMeasures(at.map((r) => r.score), predicted)
        const levels = scoreMeasures(at.filter((r) => five.has(r)).map((r) => r.score), predicted.filter((_, i) => five.has(at[i]!)))
        const n = five.size === at.length ? `${at.length}` : five.size ? `${at.length} (${five.size} on 5 levels)` : `${at.length}`
        const [within, exact] = five.size ? [pct(levels.withinOne), pct(levels.exact)] : ['—', '—']
        lines.push(`| ${source} | ${part} | ${n} | ${s.name} | ${num(polarity.polarityMacroF1)} | ${within} | ${exact} |`)
      }
    }
  }
  return lines.join('\n')
}

function projectTable(model: SentimentModel): string {
  const rows = loadTestSet()
  const lines = ['| part | n | scorer | exact | ±1 | polarity macro-F1 | wasSuccessful F1 | category |', '|---|---|---|---|---|---|---|---|']
  for (const part of PARTS) {
    const at = rows.slice(part.from, part.to)
    for (const [name, parts] of [
      ['seed', null],
      ['rules alone', { sentiment: null }],
      ['rules + learned model', { sentiment: model }],
    ] as const) {
      const scored = at.map((r) =>
        parts ? scoreMessage({ text: r.text }, parts) : { score: seedQualityScore(r.text), wasSuccessful: seedWasSuccessful(r.text), category: seedDetectCategory(r.text) },
      )
      const m = scoreMeasures(at.map((r) => r.score), scored.map((s) => s.score))
      const success = f1(at.map((r) => r.wasSuccessful), scored.map((s) => s.wasSuccessful))
      const category = at.filter((r, i) => r.category === scored[i]!.category).length / at.length
      lines.push(`| ${part.name} | ${m.n} | ${name} | ${pct(m.exact)} | ${pct(m.withinOne)} | ${num(m.polarityMacroF1)} | ${num(success)} | ${pct(category)} |`)
    }
  }
  return lines.join('\n')
}

function reliabilityTable(rows: readonly ExternalRow[], model: SentimentModel): string {
  // The shipped model reads its confidence through the calibration curve; the raw one is what it
  // would say without it, for comparison.
  const raw = model.withCalibration(null)
  const lines = ['| confidence | n | mean confidence | exact accuracy | ±1 accuracy |', '|---|---|---|---|---|']
  const errors: string[] = []
  for (const [name, m] of [['calibrated (shipped)', model], ['raw, without the curve', raw]] as const) {
    const scored = rows.map((r) => ({ s: scoreMessage({ text: r.text }, { sentiment: m }), gold: r.score }))
    const confidences = scored.map((x) => x.s.confidence)
    const bins = reliability(confidences, scored.map((x) => x.s.score === x.gold))
    const within = reliability(confidences, scored.map((x) => Math.abs(x.s.score - x.gold) <= 1))
    lines.push(`| **${name}** | | | | |`)
    for (const [i, b] of bins.entries()) {
      lines.push(`| ${b.from.toFixed(2)}–${b.to.toFixed(2)} | ${b.n} | ${b.meanConfidence === null ? '—' : num(b.meanConfidence)} | ${b.accuracy === null ? '—' : pct(b.accuracy)} | ${within[i]!.accuracy === null ? '—' : pct(within[i]!.accuracy!)} |`)
    }
    errors.push(`${name}: ${num(expectedCalibrationError(bins))}`)
  }
  return [...lines, '', `Expected calibration error (exact accuracy, n-weighted gap per bin): ${errors.join('; ')}.`].join('\n')
}

/** The n-weighted mean gap between what the scorer claimed and how often it was right. */
function expectedCalibrationError(bins: readonly { n: number; accuracy: number | null; meanConfidence: number | null }[]): number {
  const total = bins.reduce((a, b) => a + b.n, 0)
  return bins.reduce((a, b) => a + (b.n && b.accuracy !== null && b.meanConfidence !== null ? (b.n / total) * Math.abs(b.meanConfidence - b.accuracy) : 0), 0)
}

/**
 * The owner classifier on external data: N owner reviews are simulated from the labels of the
 * tuning part (the owner scores like the reviewers did), the blind part is held out.
 */
function ownerCurve(rows: readonly ExternalRow[], model: SentimentModel, sizes: readonly number[], owner: (row: ExternalRow) => ExternalRow['score'] = (r) => r.score, seeds = 3): string {
  const pool = rows.filter((r) => r.part === 'tuning')
  const heldOut = rows.filter((r) => r.part === 'blind')
  const base = heldOut.map((r) => scoreMessage({ text: r.text }, { sentiment: model }))
  const lines = [
    '| owner reviews | rules + model (polarity F1 / ±1 / exact) | owner classifier alone | blended with the owner classifier |',
    '|---|---|---|---|',
  ]
  for (const n of sizes) {
    const sum = { classifier: { f1: 0, within: 0, exact: 0 }, blended: { f1: 0, within: 0, exact: 0 } }
    for (let seed = 1; seed <= seeds; seed++) {
      const random = mulberry32(seed)
      const reviewed = [...pool].sort(() => random() - 0.5).slice(0, n)
      const classifierModel = new OwnerClassifier()
      if (n > 0) classifierModel.train(reviewed.map((r) => ({ text: r.text, score: owner(r), base: scoreMessage({ text: r.text }, { sentiment: model }).score })))
      const predictions = heldOut.map((r, i) => (n > 0 ? classifierModel.predict(r.text, base[i]!.score) : null))
      const measured = {
        classifier: scoreMeasures(heldOut.map(owner), predictions.map((p, i) => p?.score ?? base[i]!.score)),
        blended: scoreMeasures(heldOut.map(owner), heldOut.map((_, i) => blendScores(base[i]!, predictions[i]!, n).score)),
      }
      for (const key of ['classifier', 'blended'] as const) {
        sum[key].f1 += measured[key].polarityMacroF1 / seeds
        sum[key].within += measured[key].withinOne / seeds
        sum[key].exact += measured[key].exact / seeds
      }
    }
    const start = scoreMeasures(heldOut.map(owner), base.map((b) => b.score))
    const cell = (m: { f1: number; within: number; exact: number }) => `${num(m.f1)} / ${pct(m.within)} / ${pct(m.exact)}`
    lines.push(`| ${n} | ${cell({ f1: start.polarityMacroF1, within: start.withinOne, exact: start.exact })} | ${n ? cell(sum.classifier) : '—'} | ${cell(sum.blended)} |`)
  }
  return lines.join('\n')
}

function throughput(texts: readonly string[], model: SentimentModel): string {
  const run = (parts: ScorerParts, count: number) => {
    let sink = 0
    const start = performance.now()
    for (let i = 0; i < count; i++) sink += scoreMessage({ text: texts[i % texts.length]! }, parts).score
    if (sink === 0) throw new Error('unreachable')
    return count / ((performance.now() - start) / 1000)
  }
  run({ sentiment: model }, 2_000)
  const decodeStart = performance.now()
  SentimentModel.decode(SENTIMENT_WEIGHTS)
  const decodeMs = performance.now() - decodeStart
  return [
    '| measure | value |',
    '|---|---|',
    `| rules alone (short replies) | ${Math.round(run({ sentiment: null }, 50_000)).toLocaleString('en-US')} lines/s |`,
    `| rules + learned model (short replies) | ${Math.round(run({ sentiment: model }, 50_000)).toLocaleString('en-US')} lines/s |`,
    `| loading the model (decode int8 weights) | ${decodeMs.toFixed(1)} ms |`,
    `| weights shipped | ${(SENTIMENT_WEIGHTS.weights.length / 1024).toFixed(0)} KB base64 (${SENTIMENT_WEIGHTS.buckets.toLocaleString('en-US')} buckets × 5) |`,
  ].join('\n')
}

export function externalReport(): string {
  const rows = loadExternal()
  const model = SentimentModel.decode(SENTIMENT_WEIGHTS)
  const project = loadTestSet()
  if (!rows) return `## External development set\n\nSkipped: ${EXTERNAL_MISSING}.\n\n${throughput(project.map((r) => r.text), model)}`
  const blind = fiveLevels(rows.filter((r) => r.part === 'blind'))
  const list = scorers(model)
  return [
    `## External development set (${rows.length} public texts: ${[...new Set(rows.map((r) => r.source))].join(', ')}; model: ${model.trainedOn})`,
    '',
    externalTable(rows, list),
    '',
    'Confusion on the blind part (sources labelled on five levels), rules alone:',
    '',
    confusion(blind.map((r) => r.score), blind.map((r) => list[1]!.score(r.text))),
    '',
    'Rules + learned model:',
    '',
    confusion(blind.map((r) => r.score), blind.map((r) => list[2]!.score(r.text))),
    '',
    'Reliability of the confidence (rules + learned model, blind part, sources labelled on five levels):',
    '',
    reliabilityTable(blind, model),
    '',
    "## The project's own labeled set (tests/fixtures/scorer-testset.jsonl)",
    '',
    projectTable(model),
    '',
    '## Learning curve from owner reviews on external data (blind part held out; mean of 3 shuffles)',
    '',
    'Owner = the reviewers (the labels):',
    '',
    ownerCurve(fiveLevels(rows), model, [0, 30, 100, 300, 1000]),
    '',
    'Owner with a blunter scale than the reviewers (a 4 is a 5 to them, a 2 is a 1):',
    '',
    ownerCurve(fiveLevels(rows), model, [0, 30, 100, 300, 1000], (r) => (r.score === 4 ? 5 : r.score === 2 ? 1 : r.score)),
    '',
    '## Throughput (this machine; varies run to run)',
    '',
    throughput(project.map((r) => r.text), model),
  ].join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(externalReport())

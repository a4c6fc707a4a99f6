// Trains the learned half of the reply scorer (src/main/evaluate/sentiment-model.ts) offline and
// writes its weights to src/main/evaluate/sentiment-weights.ts, which the app loads.
//
//   npx tsx scripts/scorer/build-dev-set.ts          # once: the external development set
//   npx tsx scripts/scorer/train-sentiment-model.ts  # --validate: measure on held-out tuning data only
//
// Training data, and what is never trained on:
// - the TUNING part of the external development set (public Mexican and Spanish reviews, stars
//   1–5, and Uruguayan press opinions labelled positive / neutral / negative); its BLIND part
//   (other towns, product categories, text groups) is never read here;
// - the first part of tests/fixtures/scorer-testset.jsonl (the 516 replies the rules were written
//   with); its blind parts stay out, so the project's own blind figure stays honest.
// --validate holds out a quarter of the tuning towns and blind set 1 of the project's set, and
// prints what the options below were chosen with. --cv does the same over all four quarters in
// turn (each scored by a model trained without it), for choices one quarter is too small to
// settle: its figures pool about four times as many held-out texts.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hashString, mulberry32 } from '../../src/main/kernel/hash'
import { analyzeSpanish } from '../../src/main/kernel/spanish-text'
import { sentimentFeatures, trainSentimentModel, type SentimentExample, type SentimentModel, type SentimentTrainingOptions } from '../../src/main/evaluate/sentiment-model'
import { RULES_FULL_WORDS, scoreMessage } from '../../src/main/evaluate/message-scorer'
import { fitCalibration, type CalibrationSample, type ConfidenceCalibration } from '../../src/main/evaluate/confidence-calibration'
import { EXTERNAL_MISSING, fiveLevels, loadExternal, scoreMeasures } from '../../tests/support/scorer-external'
import { loadTestSet, PARTS } from '../../tests/support/scorer-testset'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const OUT = join(ROOT, 'src', 'main', 'evaluate', 'sentiment-weights.ts')

export const TRAINING: SentimentTrainingOptions = { buckets: 1 << 16, epochs: 8, l2: 1e-5, learningRate: 0.2, seed: 16 }
/** A chat reply counts this many reviews: short, and the kind of text the shop scores. */
const CHAT_WEIGHT = 3
/**
 * A lexicon entry (one word) counts this much of a review: a prior for words the reviews lack.
 * LEXICON=natural (ML-SentiCon + AFINN-es lemmas) or udelar (inflected forms). Off: both lost on
 * held-out data (docs/scorer.md §11).
 */
export const LEXICON_WEIGHT = Number(process.env.LEXICON_WEIGHT ?? 0)
const LEXICONS = join(ROOT, 'node_modules', 'natural', 'lib', 'natural', 'sentiment', 'Spanish')

/**
 * Broad Spanish polarity lexicons shipped in the `natural` package (MIT): ML-SentiCon (Cruz et
 * al., 11,000 lemmas scored −1..1) and a Spanish AFINN with emojis (−5..5). Each entry becomes
 * a one-word training example, so the model has an opinion on words no review used; the word
 * lists themselves are not shipped, only the weights they moved.
 */
function lexiconRows(): Labeled[] {
  return process.env.LEXICON === 'udelar' ? udelarLexiconRows() : naturalLexiconRows()
}

/**
 * The UdelaR NLP group's union of three Spanish polarity lexicons (ML-SentiCon, ElhPolar, the SFU
 * dictionaries) expanded to every inflected form with FreeLing: 27,332 positive and 48,959
 * negative words (github.com/pln-fing-udelar/pln-inco-resources, sentiment/lexicos_subjetivos_esp).
 * Read from a fetched snapshot, never committed. A positive word is half a 4, half a 5.
 */
function udelarLexiconRows(): Labeled[] {
  const mirror = process.env.UDELAR_MIRROR ?? '/work/.mirror/pln-fing-udelar+pln-inco-resources/repo'
  const read = (file: string) =>
    execFileSync('git', ['--git-dir', mirror, 'show', `HEAD:sentiment/lexicos_subjetivos_esp/${file}.csv`], { maxBuffer: 64 * 1024 * 1024 })
      .toString('latin1')
      .split(/\r?\n/)
      .map((w) => w.trim())
      .filter(Boolean)
  return [
    ...read('lex_pos_union_flex').map((text) => ({ text, score: 4 as const, weight: LEXICON_WEIGHT, levels: 3 as const })),
    ...read('lex_neg_union_flex').map((text) => ({ text, score: 2 as const, weight: LEXICON_WEIGHT, levels: 3 as const })),
  ]
}

function naturalLexiconRows(): Labeled[] {
  const rows: Labeled[] = []
  const senticon = JSON.parse(readFileSync(join(LEXICONS, 'senticon_es.json'), 'utf8')) as Record<string, { pol: string }>
  for (const [word, { pol }] of Object.entries(senticon)) {
    const p = Number(pol)
    if (Math.abs(p) < 0.25) continue
    rows.push({ text: word, score: p >= 0.5 ? 5 : p > 0 ? 4 : p <= -0.5 ? 1 : 2, weight: LEXICON_WEIGHT })
  }
  const afinn = JSON.parse(readFileSync(join(LEXICONS, 'afinnShortSortedSpanish.json'), 'utf8')) as Record<string, number>
  for (const [word, value] of Object.entries(afinn)) {
    if (value === 0) continue
    rows.push({ text: word, score: value >= 3 ? 5 : value > 0 ? 4 : value <= -3 ? 1 : 2, weight: LEXICON_WEIGHT })
  }
  return rows
}

interface Labeled {
  text: string
  score: 1 | 2 | 3 | 4 | 5
  weight: number
  levels?: 3
}

/** A three-level label spreads over the two scores it stands for: "positive" is half a 4, half a 5. */
const THREE_LEVEL_TARGET: Partial<Record<number, readonly number[]>> = { 2: [0.5, 0.5, 0, 0, 0], 3: [0, 0, 1, 0, 0], 4: [0, 0, 0, 0.5, 0.5] }

function examples(rows: readonly Labeled[], buckets: number): SentimentExample[] {
  return rows.map((r) => ({
    features: sentimentFeatures(analyzeSpanish(r.text), buckets),
    score: r.score,
    weight: r.weight,
    ...(r.levels === 3 ? { target: THREE_LEVEL_TARGET[r.score] } : {}),
  }))
}

function train(rows: readonly Labeled[], options: SentimentTrainingOptions, trainedOn: string): SentimentModel {
  return trainSentimentModel(examples(rows, options.buckets), options, mulberry32(options.seed), trainedOn)
}

const argmax = (p: readonly number[]) => p.indexOf(Math.max(...p)) + 1

/** The tuning groups held out for validation and calibration (a quarter, by a seeded hash). */
const heldOut = (r: { group: string }) => hashString(r.group, 7) % 4 === 0

/**
 * How often a blended score was exactly right, by raw confidence and length, measured only with
 * models that did not see the rows they score: the tuning groups are cut in four by a seeded hash,
 * and each quarter is scored by a model trained without it (cross-fitting). Only text none of us
 * wrote: the project's own replies were written next to the rules, which score them almost
 * perfectly, and would make every short message look sure. The external blind part is never read
 * here; it gives the reliability table in docs/scorer.md.
 */
function calibration(tuning: readonly (Labeled & { group: string })[], projectTrain: readonly Labeled[]): ConfidenceCalibration {
  // Every row trains the fold models; only five-level rows can say whether a score was exactly right.
  const fold = (r: { group: string }) => hashString(r.group, 7) % 4
  const samples: CalibrationSample[] = []
  for (let k = 0; k < 4; k++) {
    const model = train([...tuning.filter((r) => fold(r) !== k), ...projectTrain], TRAINING, 'calibration')
    for (const row of tuning.filter((r) => fold(r) === k && r.levels !== 3)) {
      const scored = scoreMessage({ text: row.text }, { sentiment: model })
      // A sale the rules or the context recognised keeps its own confidence: only blended scores are read through the curve.
      if (scored.wasSuccessful) continue
      samples.push({ raw: scored.confidence, words: analyzeSpanish(row.text).words.length, correct: scored.score === row.score })
    }
  }
  const short = samples.filter((x) => x.words <= RULES_FULL_WORDS).length
  console.log(`calibration samples: ${short} up to ${RULES_FULL_WORDS} words, ${samples.length - short} longer`)
  return fitCalibration(samples, [RULES_FULL_WORDS])
}

/** The option changes `--grid` and `--cv` compare against TRAINING. */
const GRID: Partial<SentimentTrainingOptions>[] = [{}, { l2: 1e-4 }, { l2: 1e-6 }, { epochs: 4 }, { epochs: 15 }, { learningRate: 0.1 }, { learningRate: 0.5 }, { buckets: 1 << 15 }, { buckets: 1 << 17 }, { buckets: 1 << 18 }]

/**
 * Four-fold cross-validation over the tuning groups: each quarter is scored by a model trained
 * on the other three and the project's training replies, and the scores are pooled. The project's
 * blind set 1 is scored by every fold model (mean). Model alone and the whole scorer, per option.
 */
function crossValidate(tuning: readonly (Labeled & { group: string })[], projectTrain: readonly Labeled[], valProject: readonly Labeled[]): void {
  const fold = (r: { group: string }) => hashString(r.group, 7) % 4
  const grid = process.argv.includes('--grid') ? GRID : [{}]
  for (const change of grid) {
    const options = { ...TRAINING, ...change }
    const pooled = { five: [] as [number, number, number][], three: [] as [number, number, number][] }
    let projectExact = 0
    for (let k = 0; k < 4; k++) {
      const trainRows = [...tuning.filter((r) => fold(r) !== k).map((r) => ({ ...r, weight: 1 })), ...projectTrain.map((r) => ({ ...r, weight: CHAT_WEIGHT }))]
      const model = train(trainRows, options, 'cross-validation')
      for (const row of tuning.filter((r) => fold(r) === k)) {
        const entry: [number, number, number] = [row.score, argmax(model.predict(analyzeSpanish(row.text))), scoreMessage({ text: row.text }, { sentiment: model }).score]
        ;(row.levels === 3 ? pooled.three : pooled.five).push(entry)
      }
      projectExact += scoreMeasures(valProject.map((r) => r.score), valProject.map((r) => scoreMessage({ text: r.text }, { sentiment: model }).score)).exact / 4
    }
    const measure = (rows: [number, number, number][], column: 1 | 2) => scoreMeasures(rows.map((r) => r[0]), rows.map((r) => r[column]))
    const line = (column: 1 | 2) => {
      const [five, three] = [measure(pooled.five, column), measure(pooled.three, column)]
      return `reviews n=${five.n} F1 ${five.polarityMacroF1.toFixed(3)} ±1 ${five.withinOne.toFixed(3)} | 3-level n=${three.n} F1 ${three.polarityMacroF1.toFixed(3)}`
    }
    console.log(JSON.stringify(change), `model alone: ${line(1)} || scorer: ${line(2)} | project blind set 1 exact ${projectExact.toFixed(3)}`)
  }
}

function main(): void {
  const external = loadExternal()
  if (!external) {
    console.error(EXTERNAL_MISSING)
    process.exit(1)
  }
  const tuning = external.filter((r) => r.part === 'tuning')
  const project = loadTestSet()
  const projectTrain = project.slice(PARTS[0].from, PARTS[0].to)

  if (process.argv.includes('--cv')) {
    crossValidate(tuning, projectTrain, project.slice(PARTS[1].from, PARTS[1].to))
    return
  }
  if (process.argv.includes('--validate')) {
    const trainRows = [
      ...tuning.filter((r) => !heldOut(r)).map((r) => ({ ...r, weight: 1 })),
      ...projectTrain.map((r) => ({ ...r, weight: CHAT_WEIGHT })),
      ...(LEXICON_WEIGHT > 0 ? lexiconRows() : []),
    ]
    const valExternal = fiveLevels(tuning.filter(heldOut))
    const valThree = tuning.filter((r) => heldOut(r) && r.levels === 3)
    const threeF1 = (predict: (text: string) => number) => (valThree.length ? ` | 3-level n=${valThree.length} F1 ${scoreMeasures(valThree.map((r) => r.score), valThree.map((r) => predict(r.text))).polarityMacroF1.toFixed(3)}` : '')
    const valProject = project.slice(PARTS[1].from, PARTS[1].to)
    const grid = process.argv.includes('--grid') ? GRID : [{}]
    for (const change of grid) {
      const options = { ...TRAINING, ...change }
      const model = train(trainRows, options, 'validation')
      const ext = scoreMeasures(valExternal.map((r) => r.score), valExternal.map((r) => argmax(model.predict(analyzeSpanish(r.text)))))
      const own = scoreMeasures(valProject.map((r) => r.score), valProject.map((r) => argmax(model.predict(analyzeSpanish(r.text)))))
      console.log(JSON.stringify(change), `external n=${ext.n} F1 ${ext.polarityMacroF1.toFixed(3)} ±1 ${ext.withinOne.toFixed(3)}${threeF1((text) => argmax(model.predict(analyzeSpanish(text))))}`, `| project n=${own.n} F1 ${own.polarityMacroF1.toFixed(3)} ±1 ${own.withinOne.toFixed(3)} exact ${own.exact.toFixed(3)}`)
    }
    const model = train(trainRows, TRAINING, 'validation')
    for (const rulesWeight of [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1]) {
      const parts = { sentiment: model, rulesWeight }
      const ext = scoreMeasures(valExternal.map((r) => r.score), valExternal.map((r) => scoreMessage({ text: r.text }, parts).score))
      const own = scoreMeasures(valProject.map((r) => r.score), valProject.map((r) => scoreMessage({ text: r.text }, parts).score))
      console.log(`rules weight ${rulesWeight}`, `external F1 ${ext.polarityMacroF1.toFixed(3)} ±1 ${ext.withinOne.toFixed(3)}${threeF1((text) => scoreMessage({ text }, parts).score)}`, `| project F1 ${own.polarityMacroF1.toFixed(3)} ±1 ${own.withinOne.toFixed(3)} exact ${own.exact.toFixed(3)}`)
    }
    for (const [rulesWeight, rulesFullWords] of [[0.6, 8], [0.6, 12], [0.6, 20], [0.6, 40], [0.8, 12], [1, 12], [0.8, 20], [1, 20]] as const) {
      const parts = { sentiment: model, rulesWeight, rulesFullWords }
      const ext = scoreMeasures(valExternal.map((r) => r.score), valExternal.map((r) => scoreMessage({ text: r.text }, parts).score))
      const own = scoreMeasures(valProject.map((r) => r.score), valProject.map((r) => scoreMessage({ text: r.text }, parts).score))
      console.log(`rules weight ${rulesWeight}, full up to ${rulesFullWords} words`, `external F1 ${ext.polarityMacroF1.toFixed(3)} ±1 ${ext.withinOne.toFixed(3)}${threeF1((text) => scoreMessage({ text }, parts).score)}`, `| project F1 ${own.polarityMacroF1.toFixed(3)} ±1 ${own.withinOne.toFixed(3)} exact ${own.exact.toFixed(3)}`)
    }
    const rulesOnly = (rows: readonly { text: string; score: number }[]) => scoreMeasures(rows.map((r) => r.score), rows.map((r) => scoreMessage({ text: r.text }, { sentiment: null }).score))
    const [re, ro] = [rulesOnly(valExternal), rulesOnly(valProject)]
    console.log(`rules alone external F1 ${re.polarityMacroF1.toFixed(3)} ±1 ${re.withinOne.toFixed(3)}${threeF1((text) => scoreMessage({ text }, { sentiment: null }).score)} | project F1 ${ro.polarityMacroF1.toFixed(3)} ±1 ${ro.withinOne.toFixed(3)} exact ${ro.exact.toFixed(3)}`)
    return
  }

  const trainedOn = `${tuning.length} public texts (tuning part: MeIA 2025 towns, SFU categories, UdelaR press groups) + ${projectTrain.length} replies (scorer-testset part 1)${LEXICON_WEIGHT > 0 ? ' + ML-SentiCon/AFINN-es lexicons' : ''}`
  const tuningRows = tuning.map((r) => ({ ...r, weight: 1 }))
  const chatRows = projectTrain.map((r) => ({ ...r, weight: CHAT_WEIGHT }))
  const curves = calibration(tuningRows, chatRows)
  for (const curve of curves) console.log(`calibration, ${curve.maxWords === null ? 'longer' : `up to ${curve.maxWords} words`}: ${curve.knots.map(([x, y]) => `${x}→${y}`).join(' ')}`)
  const model = train([...tuningRows, ...chatRows, ...(LEXICON_WEIGHT > 0 ? lexiconRows() : [])], TRAINING, trainedOn).withCalibration(curves)
  const encoded = model.encode()
  const body =
    '// Generated by scripts/scorer/train-sentiment-model.ts — do not edit. The learned half of the\n' +
    '// reply scorer: int8 weights of a hashed n-gram logistic regression (docs/scorer.md).\n' +
    "import type { EncodedSentimentModel } from './sentiment-model'\n\n" +
    `export const SENTIMENT_WEIGHTS: EncodedSentimentModel = ${JSON.stringify(encoded, null, 2)}\n`
  writeFileSync(OUT, body)
  console.log(`${trainedOn} → ${OUT} (${(body.length / 1024).toFixed(0)} KB)`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()

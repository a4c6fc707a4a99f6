import { readFileSync } from 'node:fs'
import type { ValidationReport, ValidationSample } from '../../shared/types'
import type { DatasetExample } from '../curate/types'
import { chrf, corpusChrf } from './chrf'

/** Perplexity must drop by at least this share to count as better (noise on a small split). */
const MIN_PERPLEXITY_GAIN = 0.02
/** chrF may not fall by more than this many points while perplexity improves. */
const MAX_CHRF_LOSS = 1

export interface SideResult {
  model: string
  /** Null where it could not be measured (no local GGUF of that model). */
  perplexity: { nll: number; tokens: number } | null
  /** Generated answers, one per validation example used; null if the model could not generate. */
  answers: string[] | null
}

export function readChatExamples(file: string): DatasetExample[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as DatasetExample)
}

/** The conversation the model answers (everything but the reference answer) and the reference. */
export function promptAndReference(example: DatasetExample): { prompt: DatasetExample['messages']; reference: string; question: string } {
  const messages = example.messages
  const last = messages.at(-1)
  const prompt = last?.role === 'assistant' ? messages.slice(0, -1) : messages
  return {
    prompt,
    reference: last?.role === 'assistant' ? last.content : '',
    question: [...prompt].reverse().find((m) => m.role === 'user')?.content ?? '',
  }
}

/**
 * The gate: the candidate goes live only if it is better than the live model on the held-out
 * split — lower perplexity on the reference answers (per token when both share a tokenizer,
 * per UTF-8 byte when they do not, so the numbers compare) and generated answers at least as
 * close to the references (corpus chrF). A measure that could not be taken on both sides does
 * not count; with none at all the candidate is not "better".
 */
export function judge(
  /** Every example perplexity was measured on, and the first ones, that were generated for. */
  data: { measured: DatasetExample[]; generated: DatasetExample[] },
  live: SideResult,
  candidate: SideResult,
  sameTokenizer: boolean,
): ValidationReport {
  const references = data.generated.map((e) => promptAndReference(e))
  const unit: ValidationReport['perplexityUnit'] = sameTokenizer ? 'token' : 'byte'
  const answerBytes = data.measured.reduce((sum, e) => sum + Buffer.byteLength(promptAndReference(e).reference, 'utf8'), 0)
  const perplexityOf = (side: SideResult): number | null => {
    if (!side.perplexity) return null
    const { nll, tokens } = side.perplexity
    if (unit === 'token') return Math.exp(nll)
    return answerBytes > 0 ? Math.exp((nll * tokens) / answerBytes) : null
  }
  const chrfOf = (side: SideResult): number | null =>
    side.answers ? corpusChrf(side.answers.map((hypothesis, i) => ({ hypothesis, reference: references[i]?.reference ?? '' }))) : null

  const livePpl = perplexityOf(live)
  const candidatePpl = perplexityOf(candidate)
  const liveChrf = chrfOf(live)
  const candidateChrf = chrfOf(candidate)
  const reasons: string[] = []
  let better = true
  let measured = 0

  if (livePpl !== null && candidatePpl !== null) {
    measured++
    const gain = (livePpl - candidatePpl) / livePpl
    const [before, after] = fmtPair(livePpl, candidatePpl)
    if (gain >= MIN_PERPLEXITY_GAIN) reasons.push(`La perplejidad en las respuestas de referencia bajó de ${before} a ${after}.`)
    else {
      better = false
      reasons.push(`La perplejidad no mejora lo suficiente (${before} → ${after}; se pide al menos ${MIN_PERPLEXITY_GAIN * 100} % menos).`)
    }
  } else {
    reasons.push('No se pudo medir la perplejidad de los dos modelos (hace falta el archivo GGUF de cada uno).')
  }
  if (liveChrf !== null && candidateChrf !== null) {
    measured++
    const onlyMeasure = livePpl === null || candidatePpl === null
    const ok = onlyMeasure ? candidateChrf > liveChrf : candidateChrf >= liveChrf - MAX_CHRF_LOSS
    const [before, after] = fmtPair(liveChrf, candidateChrf)
    // The word follows the same comparison as the numbers shown: equal figures never read "más" or "menos".
    const how = candidateChrf > liveChrf ? 'más' : candidateChrf === liveChrf ? 'igual' : 'casi igual'
    if (ok) reasons.push(`Las respuestas generadas se parecen ${how} a las de referencia (chrF ${before} → ${after}).`)
    else {
      better = false
      reasons.push(`Las respuestas generadas se parecen ${candidateChrf === liveChrf ? 'igual' : 'menos'} a las de referencia (chrF ${before} → ${after}).`)
    }
  } else {
    reasons.push('No se pudieron generar respuestas con los dos modelos para compararlas.')
  }
  if (measured === 0) better = false

  const samples: ValidationSample[] = references.slice(0, 8).map((r, i) => {
    const liveText = live.answers?.[i] ?? ''
    const candidateText = candidate.answers?.[i] ?? ''
    return { question: r.question, reference: r.reference, live: liveText, candidate: candidateText, liveChrf: chrf(liveText, r.reference), candidateChrf: chrf(candidateText, r.reference) }
  })
  return {
    examples: data.measured.length,
    perplexityUnit: unit,
    live: { model: live.model, perplexity: livePpl, chrf: liveChrf },
    candidate: { model: candidate.model, perplexity: candidatePpl, chrf: candidateChrf },
    better,
    reasons,
    samples,
  }
}

/** Numbers in the reasons read as the owner writes them: "3,55", "1.026". */
function fmt(value: number, digits: number): string {
  return value.toLocaleString('es-CO', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/**
 * A before → after pair with as many decimals as it takes for different values to read
 * differently: "22,49 → 22,46", never "22,5 → 22,5" beside "se parecen menos".
 */
export function fmtPair(a: number, b: number): [string, string] {
  const base = (v: number) => (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2)
  const pair: [string, string] = [fmt(a, base(a)), fmt(b, base(b))]
  if (a === b || pair[0] !== pair[1]) return pair
  // Only when they would read the same: one more decimal at a time, on both.
  for (let digits = base(a) + 1; digits <= 6; digits++) {
    const closer: [string, string] = [fmt(a, digits), fmt(b, digits)]
    if (closer[0] !== closer[1]) return closer
  }
  return pair
}

import { capCategoryShare } from './balance'
import { trimContext } from './chat-turns'
import { dedupe } from './near-duplicates'
import type { ScrubCounts } from './pii-scrubber'
import { addScrubCounts, emptyScrubCounts, knownNamesMemo, resetScrubCounts, scrubInto, scrubTotal } from './pii-scrubber'
import { stratifiedSplit } from './split'
import type {
  ChatTurn,
  CurationCandidate,
  CurationInputOptions,
  CurationOptions,
  CurationProgress,
  CurationReport,
  CurationResult,
  DatasetExample,
  ReviewStatus,
} from './types'
import { DEFAULT_CURATION_OPTIONS } from './types'

const PROGRESS_EVERY = 4096

/** Corrected answers are the owner's own words, then what the owner vouched for, then the rest. */
const STATUS_RANK: Record<string, number> = { corrected: 3, approved: 2, pending: 1 }

interface Curated {
  id: string
  category: string
  productName: string | null
  qualityScore: number | null
  reviewStatus: ReviewStatus
  createdAt: number
  context: ChatTurn[]
  /** What the customer said right before the answered message, kept out of the duplicate key. */
  pendingUser: string | null
  user: string
  response: string
  scrubbed: ScrubCounts | null
}

/**
 * Stage 4 of the loop, pure and deterministic: filter → scrub personal data → sort by value →
 * exact and near-duplicate removal → category cap → stratified split. Unlike the seed it reads
 * every exchange the filters allow (not the newest 1000), and the report accounts for each one.
 */
export function curate(
  candidates: Iterable<CurationCandidate>,
  options: CurationInputOptions,
  onProgress?: (progress: CurationProgress) => void,
): CurationResult {
  const opts = resolveOptions(options)
  const total = Array.isArray(candidates) ? candidates.length : 0
  const report = emptyReport(opts)

  // Filter first, keeping references only: a rejected or low-score row costs nothing more.
  const passing: CurationCandidate[] = []
  for (const candidate of candidates) {
    report.input++
    const verdict = admit(candidate, opts)
    if (verdict === 'in') passing.push(candidate)
    else report[verdict]++
    if (onProgress && report.input % PROGRESS_EVERY === 0) onProgress({ stage: 'filter', done: report.input, total: Math.max(total, report.input) })
  }
  onProgress?.({ stage: 'filter', done: report.input, total: report.input })

  const scratch = emptyScrubCounts()
  const namesOf = knownNamesMemo()
  const curated: Curated[] = new Array<Curated>(passing.length)
  for (let i = 0; i < passing.length; i++) {
    curated[i] = prepare(passing[i]!, opts.contextTurns, opts.country, scratch, namesOf)
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress({ stage: 'scrub', done: i + 1, total: passing.length })
  }
  passing.length = 0
  onProgress?.({ stage: 'scrub', done: curated.length, total: curated.length })

  curated.sort(byPriority)
  const deduped = dedupe(curated, dedupeText, { threshold: opts.nearDuplicateThreshold }, (done, all) =>
    onProgress?.({ stage: 'dedupe', done, total: all }),
  )
  curated.length = 0
  report.exactDuplicates = deduped.exactDuplicates
  report.nearDuplicates = deduped.nearDuplicates

  let kept = deduped.kept
  if (opts.maxPerCategoryShare !== null) {
    onProgress?.({ stage: 'balance', done: 0, total: kept.length })
    const capped = capCategoryShare(kept, (c) => c.category, opts.maxPerCategoryShare)
    kept = capped.kept
    report.cappedByCategory = capped.dropped
    report.capped = Object.values(capped.dropped).reduce((sum, n) => sum + n, 0)
    report.effectiveCategoryShare = capped.effectiveShare
    onProgress?.({ stage: 'balance', done: kept.length, total: kept.length })
  }

  onProgress?.({ stage: 'split', done: 0, total: kept.length })
  const split = stratifiedSplit(kept, { ratio: opts.validationRatio, seed: opts.seed, idOf: (c) => c.id, categoryOf: (c) => c.category })
  for (const c of kept) tally(report, c)
  report.kept = kept.length
  report.train = split.train.length
  report.validation = split.validation.length
  const systemPrompt = opts.systemPrompt.trim()
  const result: CurationResult = {
    train: split.train.map((c) => toExample(c, systemPrompt)),
    validation: split.validation.map((c) => toExample(c, systemPrompt)),
    report,
  }
  onProgress?.({ stage: 'split', done: kept.length, total: kept.length })
  return result
}

function resolveOptions(options: CurationInputOptions): CurationOptions {
  const merged: CurationOptions = { ...DEFAULT_CURATION_OPTIONS, systemPrompt: options.systemPrompt }
  for (const key of Object.keys(DEFAULT_CURATION_OPTIONS) as (keyof typeof DEFAULT_CURATION_OPTIONS)[]) {
    const value = options[key]
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value
  }
  if (typeof merged.systemPrompt !== 'string') throw new TypeError('systemPrompt is required')
  if (!Number.isFinite(merged.minScore)) throw new RangeError(`minScore must be a number, got ${merged.minScore}`)
  if (!(merged.nearDuplicateThreshold > 0 && merged.nearDuplicateThreshold <= 1)) {
    throw new RangeError(`nearDuplicateThreshold must be in (0, 1], got ${merged.nearDuplicateThreshold}`)
  }
  if (merged.maxPerCategoryShare !== null && !(merged.maxPerCategoryShare > 0 && merged.maxPerCategoryShare <= 1)) {
    throw new RangeError(`maxPerCategoryShare must be in (0, 1] or null, got ${merged.maxPerCategoryShare}`)
  }
  if (!(merged.validationRatio >= 0 && merged.validationRatio < 1)) throw new RangeError(`validationRatio must be in [0, 1), got ${merged.validationRatio}`)
  if (!Number.isInteger(merged.contextTurns) || merged.contextTurns < 0) throw new RangeError(`contextTurns must be a non-negative integer, got ${merged.contextTurns}`)
  return merged
}

type Verdict = 'in' | 'rejected' | 'belowThreshold' | 'unreviewed' | 'empty'

function admit(c: CurationCandidate, opts: CurationOptions): Verdict {
  if (c.reviewStatus === 'rejected') return 'rejected'
  // Anything not vouched for by the owner (including an unknown status from an old row) is pending.
  if (c.reviewStatus !== 'approved' && c.reviewStatus !== 'corrected') {
    if (!opts.includeUnreviewed) return 'unreviewed'
    if (c.qualityScore === null || !(c.qualityScore >= opts.minScore)) return 'belowThreshold'
  }
  if (!hasText(c.userMessage) || !hasText(c.response)) return 'empty'
  return 'in'
}

function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0
}

function prepare(
  c: CurationCandidate,
  contextTurns: number,
  country: string | null,
  scratch: ScrubCounts,
  namesOf: ReturnType<typeof knownNamesMemo>,
): Curated {
  resetScrubCounts(scratch)
  const trimmed = trimContext(Array.isArray(c.context) ? c.context : [], contextTurns)
  // The customer's name, wherever the lines say it ("Hola Ana, …"), goes with the phones.
  const scrub = { names: namesOf(c.customerName), country }
  const user = scrubInto(c.userMessage.trim(), scratch, scrub)
  const response = scrubInto(c.response.trim(), scratch, scrub)
  const context = trimmed.turns.map((t) => ({ role: t.role, content: scrubInto(t.content, scratch, scrub) }))
  let pendingUser = trimmed.pendingUser === null ? null : scrubInto(trimmed.pendingUser, scratch, scrub)
  // Some captures repeat the answered message as the last context turn; never say it twice.
  if (pendingUser !== null && (user === pendingUser || user.startsWith(`${pendingUser}\n`))) pendingUser = null
  const found = scrubTotal(scratch)
  return {
    id: c.id,
    category: c.category || 'general',
    productName: c.productName ?? null,
    qualityScore: c.qualityScore ?? null,
    reviewStatus: c.reviewStatus,
    createdAt: c.createdAt,
    context,
    pendingUser,
    user,
    response,
    scrubbed: found > 0 ? { ...scratch } : null,
  }
}

/**
 * The score a line carries into a dataset: the owner's verdict where there is one. A rewrite is the
 * owner's own answer (5); an approval keeps the score the owner gave by hand, else it is a 5, never
 * the automatic score the owner overruled by approving it. Unreviewed lines keep their score.
 */
export function datasetScore(reviewStatus: string, qualityScore: number | null, manualScore: number | null): number | null {
  if (reviewStatus === 'corrected') return 5
  if (reviewStatus === 'approved') return manualScore ?? 5
  return qualityScore
}

function byPriority(a: Curated, b: Curated): number {
  return (
    (STATUS_RANK[b.reviewStatus] ?? 0) - (STATUS_RANK[a.reviewStatus] ?? 0) ||
    (b.qualityScore ?? -1) - (a.qualityScore ?? -1) ||
    (b.createdAt || 0) - (a.createdAt || 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/** Question and answer as two parts: dedupe folds them without a concatenated copy per row. */
function dedupeText(c: Curated): readonly string[] {
  return [c.user, c.response]
}

function toExample(c: Curated, systemPrompt: string): DatasetExample {
  const user = c.pendingUser === null ? c.user : `${c.pendingUser}\n${c.user}`
  return {
    messages: [{ role: 'system', content: systemPrompt }, ...c.context, { role: 'user', content: user }, { role: 'assistant', content: c.response }],
    metadata: { category: c.category, productName: c.productName, qualityScore: c.qualityScore, id: c.id, reviewStatus: c.reviewStatus },
  }
}

function tally(report: CurationReport, c: Curated): void {
  report.keptPerCategory[c.category] = (report.keptPerCategory[c.category] ?? 0) + 1
  const score = c.qualityScore === null ? 'unscored' : String(c.qualityScore)
  report.keptPerScore[score] = (report.keptPerScore[score] ?? 0) + 1
  report.keptPerStatus[c.reviewStatus] = (report.keptPerStatus[c.reviewStatus] ?? 0) + 1
  report.keptPerSource[c.reviewStatus === 'corrected' ? 'rewritten' : c.reviewStatus === 'approved' ? 'approved' : 'auto']++
  if (c.scrubbed) addScrubCounts(report.scrubbed, c.scrubbed)
}

function emptyReport(opts: CurationOptions): CurationReport {
  const { systemPrompt: _systemPrompt, ...options } = opts
  return {
    input: 0,
    rejected: 0,
    belowThreshold: 0,
    unreviewed: 0,
    empty: 0,
    exactDuplicates: 0,
    nearDuplicates: 0,
    cappedByCategory: {},
    capped: 0,
    effectiveCategoryShare: null,
    scrubbed: emptyScrubCounts(),
    kept: 0,
    train: 0,
    validation: 0,
    keptPerCategory: {},
    keptPerScore: {},
    keptPerStatus: {},
    keptPerSource: { auto: 0, approved: 0, rewritten: 0 },
    options,
  }
}

import type { ScrubCounts } from './pii-scrubber'

export type { ScrubCounts } from './pii-scrubber'

export type ReviewStatus = 'pending' | 'approved' | 'rejected' | 'corrected'

export interface ChatTurn {
  role: 'user' | 'assistant'
  content: string
}

/** One captured exchange as the store hands it over; curation never reads the database itself. */
export interface CurationCandidate {
  id: string
  /** The customer's message(s) the bot answered. */
  userMessage: string
  /** The training target: the owner's corrected answer if any, else the bot's. */
  response: string
  /** Prior turns, oldest first (may be longer than wanted). */
  context: ChatTurn[]
  /** consulta_producto | proceso_pago | solicitud_foto | consulta_precio | consulta_envio | general */
  category: string
  productName: string | null
  /** Effective score 1–5 (the owner's manual score already wins upstream). */
  qualityScore: number | null
  reviewStatus: ReviewStatus
  /** Epoch ms. */
  createdAt: number
  /** The contact's display name: replaced by [NOMBRE] wherever the lines say it. */
  customerName?: string | null
}

export interface CurationOptions {
  /** Pending exchanges need at least this score (default 4). */
  minScore: number
  /**
   * Whether pending exchanges at/above minScore are in (default true). Approved and corrected
   * ones are always in — a correction is the owner's own answer, the best target there is —
   * and rejected ones never are.
   */
  includeUnreviewed: boolean
  /** Jaccard similarity on shingles at/above which two exchanges are one (default 0.85; 1 = exact only). */
  nearDuplicateThreshold: number
  /** No category above this share of the kept set (default null = no cap). */
  maxPerCategoryShare: number | null
  /** Share of each category held out for validation (default 0.1). */
  validationRatio: number
  /** Prior turns kept as context (default 4). */
  contextTurns: number
  /** Split and shuffle seed (default 'autodidacta'). */
  seed: string
  /** The shop's country: its phone formats are scrubbed first (default null = every market's). */
  country: string | null
  systemPrompt: string
}

export type CurationInputOptions = Partial<CurationOptions> & { systemPrompt: string }

export const DEFAULT_CURATION_OPTIONS: Omit<CurationOptions, 'systemPrompt'> = {
  minScore: 4,
  includeUnreviewed: true,
  nearDuplicateThreshold: 0.85,
  maxPerCategoryShare: null,
  validationRatio: 0.1,
  contextTurns: 4,
  seed: 'autodidacta',
  country: null,
}

export interface DatasetMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

/** The seed's JSONL line (`messages` + `metadata`), with prior turns between system and user. */
export interface DatasetExample {
  messages: DatasetMessage[]
  metadata: {
    category: string
    productName: string | null
    qualityScore: number | null
    id: string
    reviewStatus: ReviewStatus
  }
}

export interface CurationProgress {
  stage: 'filter' | 'scrub' | 'dedupe' | 'balance' | 'split'
  done: number
  total: number
}

/** Where every input exchange went; the numbers add up: input = dropped + kept. */
export interface CurationReport {
  input: number
  /** Reviewed and rejected by the owner. */
  rejected: number
  /** Pending with no score or a score below minScore. */
  belowThreshold: number
  /** Pending, left out because includeUnreviewed is false. */
  unreviewed: number
  /** Empty customer message or empty answer: nothing to learn from. */
  empty: number
  exactDuplicates: number
  nearDuplicates: number
  /** Dropped by the category cap, per category. */
  cappedByCategory: Record<string, number>
  capped: number
  /** The share actually applied: the requested cap, raised to 1/categories when it cannot be met. */
  effectiveCategoryShare: number | null
  /** Personal data replaced by placeholders in the exported examples (context turns included). */
  scrubbed: ScrubCounts
  kept: number
  train: number
  validation: number
  keptPerCategory: Record<string, number>
  /** Keys '1'…'5', or 'unscored' for approved/corrected exchanges without a score. */
  keptPerScore: Record<string, number>
  keptPerStatus: Record<string, number>
  /**
   * Where the kept lines come from, in the owner's terms: `auto` scored at or above the threshold
   * with no review, `approved` by the owner, `rewritten` by the owner (the target is their answer).
   */
  keptPerSource: { auto: number; approved: number; rewritten: number }
  options: Omit<CurationOptions, 'systemPrompt'>
}

export interface CurationResult {
  train: DatasetExample[]
  validation: DatasetExample[]
  report: CurationReport
}

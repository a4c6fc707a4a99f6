import type { ApiInput } from '../../../../shared/api/contract'
import type { Category, ExchangeDto, ReviewStatus } from '../../../../shared/types'
import { dateRange, type PeriodFilter } from '../../period'

export type StatusFilter = ReviewStatus | 'all'
export const STATUS_FILTERS: StatusFilter[] = ['pending', 'approved', 'corrected', 'rejected', 'all']

export interface ReviewFilterState extends PeriodFilter {
  status: StatusFilter
  category: Category | ''
  minScore: number | null
  maxScore: number | null
  model: string
  includeDemo: boolean
}

export const DEFAULT_FILTERS: ReviewFilterState = {
  status: 'pending',
  category: '',
  minScore: null,
  maxScore: null,
  model: '',
  period: 'all',
  fromDay: '',
  toDay: '',
  includeDemo: true,
}

export function isDefaultFilters(filters: ReviewFilterState): boolean {
  // Demo data is the app's demo mode, not a filter the owner set here.
  return (Object.keys(DEFAULT_FILTERS) as (keyof ReviewFilterState)[]).every((key) => key === 'includeDemo' || filters[key] === DEFAULT_FILTERS[key])
}

export function toListInput(filters: ReviewFilterState, limit: number, offset: number): ApiInput<'review.list'> {
  const { from, to } = dateRange(filters)
  return {
    status: filters.status,
    includeDemo: filters.includeDemo,
    limit,
    offset,
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.minScore !== null ? { minScore: filters.minScore } : {}),
    ...(filters.maxScore !== null ? { maxScore: filters.maxScore } : {}),
    ...(filters.model ? { model: filters.model } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  }
}

/**
 * Mirrors the server's filter so the screen can tell, after an action or an event, whether
 * an exchange still belongs in what the owner is looking at. The pending queue is what the
 * owner has not looked at: a hand-given score takes an exchange out of it, as approving does.
 */
export function stillMatches(exchange: ExchangeDto, filters: ReviewFilterState): boolean {
  const status =
    filters.status === 'all'
      ? true
      : filters.status === 'pending'
        ? exchange.reviewStatus === 'pending' && exchange.manualScore === null
        : exchange.reviewStatus === filters.status
  if (!status) return false
  const score = exchange.qualityScore
  if (filters.minScore !== null && (score === null || score < filters.minScore)) return false
  if (filters.maxScore !== null && score !== null && score > filters.maxScore) return false
  return true
}

/** The whole filter, for exchanges the screen has not loaded (new captures arriving live). */
export function matchesAll(exchange: ExchangeDto, filters: ReviewFilterState): boolean {
  if (!stillMatches(exchange, filters)) return false
  if (filters.category && exchange.category !== filters.category) return false
  if (filters.model && exchange.model !== filters.model) return false
  if (!filters.includeDemo && exchange.isDemo) return false
  const { from, to } = dateRange(filters)
  if (from !== undefined && exchange.createdAt < from) return false
  if (to !== undefined && exchange.createdAt > to) return false
  return true
}

/** What the server will say after a bulk action, so the page reflects it before the events land. */
export function applyScore(exchange: ExchangeDto, score: number): ExchangeDto {
  return { ...exchange, manualScore: score, qualityScore: score, reviewedAt: Date.now() }
}

export function applyStatus(exchange: ExchangeDto, status: 'approved' | 'rejected'): ExchangeDto {
  // Approving keeps an owner's rewrite as the target, as the server does.
  const reviewStatus = status === 'approved' && exchange.reviewStatus === 'corrected' ? 'corrected' : status
  return { ...exchange, reviewStatus, reviewedAt: Date.now() }
}

/** Keys typed into a field belong to the field, not to the review shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type)
  return false
}

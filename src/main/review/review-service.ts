import type { ReviewFilters } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import type { ExchangeDto } from '../../shared/types'
import type { Clock } from '../kernel/clock'
import type { EventBus } from '../kernel/event-bus'
import { toExchangeDto } from '../learning/exchange-dto'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'
import type { Suggestion, Teacher } from './teacher'

export interface ReviewDeps {
  repos: { trainingData: Repositories['trainingData']; datasets: Pick<Repositories['datasets'], 'latestReady'> }
  /** The app's demo switch and the score a reviewed example needs (for "new examples"). */
  settings: Pick<SettingsService, 'get'>
  /** Told when the owner's scores change, so the learned scorer retrains before it scores again. */
  evaluation: { ownerReviewed(): void }
  events: EventBus
  teacher: Pick<Teacher, 'suggest'>
  now?: Clock
}

export interface ReviewPage {
  items: ExchangeDto[]
  total: number
  /** Every model that answered, for the filter (not only those on this page). */
  models: string[]
}

/**
 * Stage 3 of the loop: the owner scores, approves, rejects and rewrites the exchanges, marks
 * the ones that ended in a sale and asks the teacher for a better answer. Every change is
 * published as `exchange.updated`, so Revisión and Estadísticas follow it.
 */
export class ReviewService {
  private readonly now: () => Date

  constructor(private readonly deps: ReviewDeps) {
    const clock = deps.now ?? Date.now
    this.now = () => new Date(clock())
  }

  /**
   * The loop's next step after reviewing: how many examples the owner approved, rewrote or scored
   * well since the last dataset — what a new dataset would add — under the app's demo mode.
   */
  newExamples(): { count: number; sinceDataset: number | null } {
    const settings = this.deps.settings.get()
    const last = this.deps.repos.datasets.latestReady()
    const count = this.deps.repos.trainingData.countReviewedSince(last?.createdAt ?? null, settings.learning.minScore, settings.demoMode)
    return { count, sinceDataset: last ? last.createdAt.getTime() : null }
  }

  /** A list that does not say whether demo exchanges count follows the app's one demo switch. */
  includesDemo(asked: boolean | undefined): boolean {
    return asked ?? this.deps.settings.get().demoMode
  }

  list(filters: ReviewFilters, limit: number, offset: number): ReviewPage {
    const { rows, total } = this.deps.repos.trainingData.reviewList(filters, limit, offset)
    return { items: rows.map(toExchangeDto), total, models: this.deps.repos.trainingData.models() }
  }

  score(ids: string[], score: number): { updated: number } {
    const updated = this.deps.repos.trainingData.setManualScore(ids, score, this.now())
    this.deps.evaluation.ownerReviewed()
    this.publish(ids)
    return { updated }
  }

  approve(ids: string[]): { updated: number } {
    return this.setStatus(ids, 'approved')
  }

  reject(ids: string[]): { updated: number } {
    return this.setStatus(ids, 'rejected')
  }

  /** The owner's rewrite becomes the training target of the exchange. */
  correct(id: string, response: string): ExchangeDto {
    this.existing(id)
    this.deps.repos.trainingData.correct(id, response, this.now())
    return this.publishOne(id)
  }

  /** The customer bought: the exchange counts as a success whatever the scorer said. */
  markSale(id: string): ExchangeDto {
    this.existing(id)
    this.deps.repos.trainingData.markSale(id, this.now())
    return this.publishOne(id)
  }

  suggest(id: string): Promise<Suggestion> {
    return this.deps.teacher.suggest(id)
  }

  private setStatus(ids: string[], status: 'approved' | 'rejected'): { updated: number } {
    const updated = this.deps.repos.trainingData.setStatus(ids, status, this.now())
    this.publish(ids)
    return { updated }
  }

  private existing(id: string): ExchangeDto {
    const row = this.deps.repos.trainingData.get(id)
    if (!row) throw new ApiError('not_found', 'Esa respuesta ya no existe. Recarga la página.', [{ path: 'id', message: 'Esa respuesta ya no existe.' }])
    return toExchangeDto(row)
  }

  private publishOne(id: string): ExchangeDto {
    const dto = this.existing(id)
    this.deps.events.emit('exchange.updated', dto)
    return dto
  }

  private publish(ids: string[]): void {
    for (const row of this.deps.repos.trainingData.getMany(ids)) this.deps.events.emit('exchange.updated', toExchangeDto(row))
  }
}

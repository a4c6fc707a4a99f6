import { ApiError } from '../../shared/api/errors'
import type { HandlerSlice } from '../api/handler-table'
import type { EventBus } from '../kernel/event-bus'
import type { EvaluationService } from '../learning/evaluation-service'
import { toExchangeDto } from '../learning/exchange-dto'
import type { Repositories } from '../store/repositories'
import type { Teacher } from './teacher'

type ReviewMethods = 'review.list' | 'review.score' | 'review.approve' | 'review.reject' | 'review.correct' | 'review.markSale' | 'review.suggest'

/** Stage 3 of the loop: the owner scores, approves, rejects and rewrites. */
export function reviewHandlers(repos: Repositories, evaluation: EvaluationService, events: EventBus, teacher: Teacher): HandlerSlice<ReviewMethods> {
  const publish = (ids: string[]) => {
    for (const row of repos.trainingData.getMany(ids)) events.emit('exchange.updated', toExchangeDto(row))
  }
  const one = (id: string) => {
    const row = repos.trainingData.get(id)
    if (!row) throw new ApiError('not_found', `Exchange ${id} does not exist`, [{ path: 'id', message: 'no such exchange' }])
    return toExchangeDto(row)
  }
  return {
    'review.list': ({ limit, offset, ...filters }) => {
      const { rows, total } = repos.trainingData.reviewList(filters, limit, offset)
      return { items: rows.map(toExchangeDto), total, models: repos.trainingData.models() }
    },
    'review.score': ({ ids, score }) => {
      const updated = repos.trainingData.setManualScore(ids, score, new Date())
      evaluation.ownerReviewed()
      publish(ids)
      return { updated }
    },
    'review.approve': ({ ids }) => {
      const updated = repos.trainingData.setStatus(ids, 'approved', new Date())
      publish(ids)
      return { updated }
    },
    'review.reject': ({ ids }) => {
      const updated = repos.trainingData.setStatus(ids, 'rejected', new Date())
      publish(ids)
      return { updated }
    },
    'review.correct': ({ id, response }) => {
      one(id)
      repos.trainingData.correct(id, response, new Date())
      const dto = one(id)
      events.emit('exchange.updated', dto)
      return dto
    },
    'review.suggest': ({ id }) => teacher.suggest(id),
    'review.markSale': ({ id }) => {
      one(id)
      repos.trainingData.markSale(id, new Date())
      const dto = one(id)
      events.emit('exchange.updated', dto)
      return dto
    },
  }
}

import type { HandlerSlice } from '../api/handler-table'
import type { ReviewService } from './review-service'

type ReviewMethods = 'review.list' | 'review.score' | 'review.approve' | 'review.reject' | 'review.correct' | 'review.markSale' | 'review.suggest' | 'review.newExamples'

export function reviewHandlers(review: ReviewService): HandlerSlice<ReviewMethods> {
  return {
    'review.list': ({ limit, offset, includeDemo, ...filters }) => review.list({ ...filters, includeDemo: review.includesDemo(includeDemo) }, limit, offset),
    'review.score': ({ ids, score }) => review.score(ids, score),
    'review.approve': ({ ids }) => review.approve(ids),
    'review.reject': ({ ids }) => review.reject(ids),
    'review.correct': ({ id, response }) => review.correct(id, response),
    'review.suggest': ({ id }) => review.suggest(id),
    'review.markSale': ({ id }) => review.markSale(id),
    'review.newExamples': () => review.newExamples(),
  }
}

import type { HandlerSlice } from '../api/handler-table'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'

export interface NewExamplesDeps {
  repos: { trainingData: Pick<Repositories['trainingData'], 'countReviewedSince'>; datasets: Pick<Repositories['datasets'], 'latestReady'> }
  settings: Pick<SettingsService, 'get'>
}

/**
 * The loop's next step after reviewing: how many examples the owner approved, rewrote or scored
 * well since the last dataset — what a new dataset would add — under the app's demo mode.
 */
export function newExamples(deps: NewExamplesDeps): { count: number; sinceDataset: number | null } {
  const settings = deps.settings.get()
  const last = deps.repos.datasets.latestReady()
  const count = deps.repos.trainingData.countReviewedSince(last?.createdAt ?? null, settings.learning.minScore, settings.demoMode)
  return { count, sinceDataset: last ? last.createdAt.getTime() : null }
}

export function newExamplesHandlers(deps: NewExamplesDeps): HandlerSlice<'review.newExamples'> {
  return { 'review.newExamples': () => newExamples(deps) }
}

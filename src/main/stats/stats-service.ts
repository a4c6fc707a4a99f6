import type { StatsFilters } from '../../shared/api/contract'
import type { StatsDto } from '../../shared/types'
import type { Repositories } from '../store/repositories'
import type { StatsCell } from '../store/repositories/training-data-repository'

/**
 * The seed's getDatasetStats (total, byCategory × score, highQuality) plus daily and
 * per-model series, from the rollup table's aggregates (never from exchange rows).
 */
export function computeStats(repos: Repositories, filters: StatsFilters): StatsDto {
  const { byCategoryScore, byDay, byModel } = repos.trainingData.stats(filters)
  let total = 0
  let highQuality = 0
  let reviewBacklog = 0
  for (const cell of byCategoryScore) {
    total += cell.exchanges
    reviewBacklog += cell.backlog
    if (cell.qualityScore >= 4) highQuality += cell.exchanges
  }
  return {
    total,
    byCategory: byCategoryScore
      .map((c) => ({ category: c.key || 'general', qualityScore: c.qualityScore === 0 ? null : c.qualityScore, count: c.exchanges }))
      .sort((a, b) => a.category.localeCompare(b.category) || (a.qualityScore ?? 0) - (b.qualityScore ?? 0)),
    highQuality,
    daily: byDay.map((c) => ({ day: c.key, ...series(c) })).sort((a, b) => a.day.localeCompare(b.day)),
    perModel: byModel.map((c) => ({ model: c.key || 'desconocido', ...series(c) })).sort((a, b) => a.model.localeCompare(b.model)),
    reviewBacklog,
  }
}

function series(cell: StatsCell): { exchanges: number; meanScore: number | null; successRate: number | null } {
  return {
    exchanges: cell.exchanges,
    meanScore: cell.scored > 0 ? Math.round((cell.scoreSum / cell.scored) * 100) / 100 : null,
    successRate: cell.outcomes > 0 ? Math.round((cell.successes / cell.outcomes) * 1000) / 1000 : null,
  }
}

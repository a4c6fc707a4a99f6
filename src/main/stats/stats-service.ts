import type { StatsFilters } from '../../shared/api/contract'
import { OWNER_ANSWERS_MODEL, type StatsDto, type StatsModelPoint, type StatsSeries } from '../../shared/types'
import type { Clock } from '../kernel/clock'
import type { SettingsService } from '../settings/settings-service'
import type { ConversationsRepository } from '../store/repositories/conversations-repository'
import type { DatasetsRepository } from '../store/repositories/datasets-repository'
import type { ModelVersion, ModelVersionsRepository } from '../store/repositories/model-versions-repository'
import { localDay, type StatsCell, type StatsRepository } from '../store/repositories/stats-repository'
import type { LlmCallsRepository } from '../store/repositories/llm-calls-repository'
import { weeklyCloudUsage } from './cloud-usage'

/** The repositories this module uses — it only reads them, so only their read methods. */
interface ReadOnlyRepositories {
  conversations: Pick<ConversationsRepository, 'countActiveSince'>
  datasets: Pick<DatasetsRepository, 'list'>
  modelVersions: Pick<ModelVersionsRepository, 'list'>
  stats: Pick<StatsRepository, 'fold' | 'highQualityBefore' | 'models' | 'scoreDistribution' | 'answersByRoute'>
  llmCalls: Pick<LlmCallsRepository, 'cloudPerDay'>
}

export interface StatsDeps {
  repos: ReadOnlyRepositories
  accountId: string
  settings: SettingsService
  now?: Clock
}

/**
 * Everything "Estadísticas" shows, from the rollups' aggregates (never from exchange rows),
 * so the dashboard costs the same at a thousand exchanges as at a million.
 * Includes the seed's getDatasetStats shape (total, byCategory × score, highQuality).
 */
export function computeStats(deps: StatsDeps, filters: StatsFilters): StatsDto {
  const { repos } = deps
  const now = new Date(deps.now?.() ?? Date.now())
  const byCategoryScore = repos.stats.fold(filters, 'category', 'qualityScore')
  const byDay = repos.stats.fold(filters, 'day')
  const byModel = repos.stats.fold(filters, 'model')
  // The owner's own answers are not a model: compared as one, they made the live version look
  // worse than "the previous version" and advised a rollback.
  const ownerCell = byModel.find((c) => c.key === OWNER_ANSWERS_MODEL)
  // Six categories × six scores at most: their per-category sums are cheaper here than a fourth fold.
  const cellsOf = new Map<string, StatsCell[]>()
  for (const cell of byCategoryScore) cellsOf.set(cell.key, [...(cellsOf.get(cell.key) ?? []), cell])
  const byCategory = [...cellsOf].map(([key, cells]) => ({ ...sum(cells), key }))

  const totals = sum(byCategory)
  const overall = series(totals)
  const versions = new Map(repos.modelVersions.list().map((v) => [v.name, v]))
  const settings = deps.settings.get()
  const cloud = settings.llm.policy === 'cloud' ? settings.cloud.label || settings.cloud.baseUrl : null
  const liveName = cloud ? settings.cloud.model : settings.llm.model
  const liveVersion = versions.get(liveName)

  const daily = byDay
    .map((c) => ({ day: c.key, ...series(c), highQuality: c.highQuality, backlog: c.backlog }))
    .sort((a, b) => a.day.localeCompare(b.day))

  return {
    total: totals.exchanges,
    byCategory: byCategoryScore
      .map((c) => ({ category: c.key || 'general', qualityScore: Number(c.second) || null, count: c.exchanges }))
      .sort((a, b) => a.category.localeCompare(b.category) || (a.qualityScore ?? 0) - (b.qualityScore ?? 0)),
    highQuality: totals.highQuality,
    reviewBacklog: totals.backlog,
    keyFigures: {
      conversationsToday: repos.conversations.countActiveSince(deps.accountId, startOfDay(now), filters.includeDemo),
      exchanges: totals.exchanges,
      highQuality: totals.highQuality,
      meanScore: overall.meanScore,
      successRate: overall.successRate,
      liveModel: liveName
        ? {
            name: liveName,
            cloud,
            version: liveVersion?.version ?? null,
            source: liveVersion?.source ?? null,
            createdAt: liveVersion?.createdAt.getTime() ?? null,
            deployedAt: liveVersion?.deployedAt?.getTime() ?? null,
          }
        : null,
    },
    scoreDistribution: scoreDistribution(repos, filters),
    daily,
    perModel: byModel
      .filter((c) => c.key !== OWNER_ANSWERS_MODEL)
      .map((c) => modelPoint(c, versions.get(c.key), liveName))
      .sort(modelOrder),
    ownerAnswers: ownerCell ? { ...series(ownerCell), firstDay: ownerCell.firstDay, lastDay: ownerCell.lastDay } : null,
    datasetGrowth: growth(daily, daily[0] ? repos.stats.highQualityBefore(filters, daily[0].day) : 0),
    datasets: datasetsInPeriod(repos, filters),
    backlogByCategory: byCategory
      .filter((c) => c.backlog > 0)
      .map((c) => ({ category: c.key || 'general', count: c.backlog }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    models: repos.stats.models(filters.includeDemo),
    cloudUsage: weeklyCloudUsage(
      repos.stats.answersByRoute(filters, OWNER_ANSWERS_MODEL),
      repos.llmCalls.cloudPerDay(filters),
      [...versions.values()],
      settings.cloud,
    ),
  }
}

function scoreDistribution(repos: ReadOnlyRepositories, filters: StatsFilters): StatsDto['scoreDistribution'] {
  const rows = [1, 2, 3, 4, 5].map((score) => ({ score, auto: 0, owner: 0 }))
  for (const cell of repos.stats.scoreDistribution(filters)) {
    const row = rows[cell.score - 1]
    if (row) row[cell.source] += cell.exchanges
  }
  return rows
}

function modelPoint(cell: StatsCell, version: ModelVersion | undefined, liveName: string): StatsModelPoint {
  return {
    model: cell.key,
    version: version?.version ?? null,
    source: version?.source ?? null,
    createdAt: version?.createdAt.getTime() ?? null,
    deployedAt: version?.deployedAt?.getTime() ?? null,
    live: cell.key !== '' && cell.key === liveName,
    firstDay: cell.firstDay,
    lastDay: cell.lastDay,
    ...series(cell),
  }
}

/** The shop's versions by number (v0 is the base it started with), other models by first use. */
function modelOrder(a: StatsModelPoint, b: StatsModelPoint): number {
  if (a.version !== null && b.version !== null) return a.version - b.version
  return a.firstDay.localeCompare(b.firstDay) || a.model.localeCompare(b.model)
}

function growth(daily: StatsDto['daily'], before: number): StatsDto['datasetGrowth'] {
  let cumulative = before
  return daily.map((d) => {
    cumulative += d.highQuality
    return { day: d.day, added: d.highQuality, cumulative }
  })
}

function datasetsInPeriod(repos: ReadOnlyRepositories, filters: StatsFilters): StatsDto['datasets'] {
  const from = filters.from === undefined ? null : localDay(filters.from)
  const to = filters.to === undefined ? null : localDay(filters.to)
  return repos.datasets
    .list()
    .filter((d) => d.status === 'ready')
    .map((d) => ({ id: d.id, name: d.name, day: localDay(d.createdAt.getTime()), trainCount: d.trainCount, validationCount: d.validationCount }))
    .filter((d) => (from === null || d.day >= from) && (to === null || d.day <= to))
    .sort((a, b) => a.day.localeCompare(b.day))
}

function sum(cells: StatsCell[]): StatsCell {
  const total: StatsCell = { key: '', second: '', exchanges: 0, scored: 0, scoreSum: 0, highQuality: 0, outcomes: 0, successes: 0, backlog: 0, firstDay: '', lastDay: '' }
  for (const c of cells) {
    total.exchanges += c.exchanges
    total.scored += c.scored
    total.scoreSum += c.scoreSum
    total.highQuality += c.highQuality
    total.outcomes += c.outcomes
    total.successes += c.successes
    total.backlog += c.backlog
  }
  return total
}

function series(cell: StatsCell): StatsSeries {
  return {
    exchanges: cell.exchanges,
    meanScore: cell.scored > 0 ? Math.round((cell.scoreSum / cell.scored) * 100) / 100 : null,
    successRate: cell.outcomes > 0 ? Math.round((cell.successes / cell.outcomes) * 1000) / 1000 : null,
  }
}

function startOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate())
}

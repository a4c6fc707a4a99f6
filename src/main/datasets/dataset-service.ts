import { join } from 'node:path'
import type { DatasetOptions } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import type { DatasetDto, DatasetProgress } from '../../shared/types'
import type { EventBus } from '../app/event-bus'
import { curate } from '../curation/curator'
import { DatasetExistsError, EmptyDatasetError, writeDataset } from '../curation/dataset-writer'
import type { CurationCandidate, CurationProgress } from '../curation/types'
import { contextTurns } from '../learning/exchange-dto'
import type { Logger } from '../logging/logger'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'
import type { CurationRow } from '../store/repositories/training-data-repository'
import type { DatasetRow } from '../store/repositories/datasets-repository'

/**
 * Stages 4–5 of the loop (the seed's TrainingDatasetGenerator, fixed): curate every exchange
 * the filters allow — not the newest 1000 — and write train/valid JSONL, a manifest and a
 * few-shot Modelfile atomically under DATA_DIR/datasets.
 */
export class DatasetService {
  private building = false

  constructor(
    private readonly repos: Repositories,
    private readonly dataDir: string,
    private readonly settings: SettingsService,
    private readonly events: EventBus,
    private readonly logger: Logger,
  ) {}

  list(): DatasetDto[] {
    return this.repos.datasets.list().map(toDatasetDto)
  }

  /** Builds a dataset; `outDir` overrides where it is written (the CLI's --out). */
  async create(options: DatasetOptions, outDir?: string): Promise<DatasetDto> {
    if (this.building) throw new ApiError('unavailable', 'Ya se está generando un dataset; espera a que termine.')
    this.building = true
    const settings = this.settings.get()
    const learning = settings.learning
    const params = {
      minScore: options.minScore ?? learning.minScore,
      includeUnreviewed: options.includeUnreviewed ?? true,
      nearDuplicateThreshold: options.nearDuplicateThreshold ?? learning.nearDuplicateThreshold,
      maxPerCategoryShare: options.maxPerCategoryShare === undefined ? learning.maxPerCategoryShare : options.maxPerCategoryShare,
      validationRatio: options.validationRatio ?? learning.validationRatio,
      contextTurns: options.contextTurns ?? learning.contextTurns,
      includeDemo: options.includeDemo,
    }
    const createdAt = new Date()
    const name = options.name ?? `dataset-${stamp(createdAt)}`
    const row = this.repos.datasets.create(name, params)
    this.events.emit('dataset.updated', toDatasetDto(row))
    const progress = (stage: DatasetProgress['stage'], done: number, total: number) =>
      this.events.emit('dataset.progress', { datasetId: row.id, stage, done, total })
    try {
      progress('loading', 0, 1)
      const candidates = this.repos.trainingData.curationRows(params.includeDemo).map(toCandidate)
      progress('loading', 1, 1)
      const systemPrompt = settings.persona.systemPrompt.replaceAll('{shopName}', settings.persona.shopName)
      const result = curate(candidates, { ...params, systemPrompt }, (p) => progress(STAGES[p.stage], p.done, p.total))
      const dir = outDir ?? join(this.dataDir, 'datasets', `${stamp(createdAt)}-${row.id}`)
      const { manifest } = await writeDataset(
        dir,
        result,
        { name, createdAt, filters: params, modelfileFrom: settings.llm.model, systemPrompt },
        (p) => progress('writing', p.done, p.total),
      )
      const ready = this.repos.datasets.markReady(row.id, {
        path: dir,
        trainCount: result.train.length,
        validationCount: result.validation.length,
        stats: manifest,
      })
      progress('done', 1, 1)
      const dto = toDatasetDto(ready ?? row)
      this.events.emit('dataset.updated', dto)
      return dto
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const failed = this.repos.datasets.markFailed(row.id, message)
      if (failed) this.events.emit('dataset.updated', toDatasetDto(failed))
      if (error instanceof EmptyDatasetError) throw new ApiError('invalid_input', this.withDemoHint(message, params.includeDemo))
      if (error instanceof DatasetExistsError) throw new ApiError('invalid_input', message)
      this.logger.error('Dataset generation failed', { datasetId: row.id, error })
      throw new ApiError('internal', `No se pudo generar el dataset: ${message}`)
    } finally {
      this.building = false
    }
  }

  /** Demo exchanges are left out unless asked for; an empty result should say they exist. */
  private withDemoHint(message: string, includeDemo: boolean): string {
    const demo = includeDemo ? 0 : this.repos.trainingData.countDemo()
    if (demo === 0) return message
    return `${message} Quedaron fuera ${demo} intercambios de demostración; inclúyelos («Incluir datos de demostración» o --include-demo) si solo quieres probar.`
  }
}

function toCandidate(row: CurationRow): CurationCandidate {
  return {
    id: row.id,
    userMessage: row.userMessage,
    response: row.correctedResponse ?? row.botResponse,
    context: contextTurns(row.context),
    category: row.category ?? 'general',
    productName: row.productName,
    qualityScore: row.qualityScore,
    reviewStatus: row.reviewStatus,
    createdAt: row.createdAt.getTime(),
  }
}

const STAGES: Record<CurationProgress['stage'], DatasetProgress['stage']> = {
  filter: 'filtering',
  scrub: 'scrubbing',
  dedupe: 'deduplicating',
  balance: 'balancing',
  split: 'splitting',
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')
}

export function toDatasetDto(row: DatasetRow): DatasetDto {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    path: row.path,
    trainCount: row.trainCount,
    validationCount: row.validationCount,
    manifest: (row.stats as Record<string, unknown> | null) ?? null,
    error: row.error,
    createdAt: row.createdAt.getTime(),
  }
}

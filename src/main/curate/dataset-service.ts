import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { DatasetOptions } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import { fillShopName } from '../../shared/persona'
import type { DatasetDto, DatasetProgress } from '../../shared/types'
import type { EventBus } from '../kernel/event-bus'
import { curateInWorker } from './curate-in-worker'
import { datasetScore } from './curator'
import { DatasetExistsError, EmptyDatasetError, writeDataset } from './dataset-writer'
import type { CurationCandidate, CurationProgress } from './types'
import { contextTurns } from '../learning/exchange-dto'
import type { Logger } from '../kernel/logger'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'
import type { CurationRow } from '../store/repositories/training-data-repository'
import type { DatasetRow } from '../store/repositories/datasets-repository'

export interface DatasetDeps {
  repos: Pick<Repositories, 'datasets' | 'trainingData'>
  /** Datasets are written under its `datasets/` unless the caller names a folder. */
  dataDir: string
  settings: SettingsService
  events: EventBus
  logger: Logger
}

/**
 * Stages 4–5 of the loop (the seed's TrainingDatasetGenerator, fixed): curate every exchange
 * the filters allow — not the newest 1000 — and write train/valid JSONL, a manifest and a
 * few-shot Modelfile atomically under DATA_DIR/datasets.
 */
export class DatasetService {
  private building = false
  /** Aborted by close(): a curation still running on its thread is stopped, not waited for. */
  private readonly shutdown = new AbortController()

  constructor(private readonly deps: DatasetDeps) {}

  list(): DatasetDto[] {
    return this.deps.repos.datasets.list().map(toDatasetDto)
  }

  /** Builds a dataset; `outDir` overrides where it is written (the CLI's --out). */
  async create(options: DatasetOptions, outDir?: string): Promise<DatasetDto> {
    if (this.shutdown.signal.aborted) throw new ApiError('unavailable', 'La aplicación se está cerrando; no se preparó el lote de ejemplos.')
    if (this.building) throw new ApiError('unavailable', 'Ya se está preparando un lote de ejemplos; espera a que termine.')
    this.building = true
    const settings = this.deps.settings.get()
    const learning = settings.learning
    const params = {
      minScore: options.minScore ?? learning.minScore,
      includeUnreviewed: options.includeUnreviewed ?? true,
      nearDuplicateThreshold: options.nearDuplicateThreshold ?? learning.nearDuplicateThreshold,
      maxPerCategoryShare: options.maxPerCategoryShare === undefined ? learning.maxPerCategoryShare : options.maxPerCategoryShare,
      validationRatio: options.validationRatio ?? learning.validationRatio,
      contextTurns: options.contextTurns ?? learning.contextTurns,
      includeDemo: options.includeDemo ?? settings.demoMode,
    }
    const createdAt = new Date()
    const name = options.name ?? `lote-${stamp(createdAt)}`
    const row = this.deps.repos.datasets.create(name, params)
    // Failed tries do not pile up: the newest attempt is the one worth showing.
    this.deps.repos.datasets.deleteFailed(row.id)
    this.deps.events.emit('dataset.updated', toDatasetDto(row))
    const progress = (stage: DatasetProgress['stage'], done: number, total: number) =>
      this.deps.events.emit('dataset.progress', { datasetId: row.id, stage, done, total })
    try {
      progress('loading', 0, 1)
      const candidates = this.candidatePages(params.includeDemo, (read, more) => progress('loading', read, more ? read + 1 : read))
      const systemPrompt = fillShopName(settings.persona.systemPrompt, settings.persona.shopName)
      // On a worker thread: a large export takes seconds of CPU, and this thread answers customers.
      const result = await curateInWorker(candidates, { ...params, systemPrompt, country: settings.shop.country }, (p) => progress(STAGES[p.stage], p.done, p.total), {
        signal: this.shutdown.signal,
      })
      const dir = outDir ?? join(this.deps.dataDir, 'datasets', `${stamp(createdAt)}-${row.id}`)
      const { manifest } = await writeDataset(
        dir,
        result,
        { name, createdAt, filters: params, modelfileFrom: settings.llm.model, systemPrompt },
        (p) => progress('writing', p.done, p.total),
      )
      const ready = this.deps.repos.datasets.markReady(row.id, {
        path: dir,
        trainCount: result.train.length,
        validationCount: result.validation.length,
        stats: manifest,
      })
      progress('done', 1, 1)
      const dto = toDatasetDto(ready ?? row)
      this.deps.events.emit('dataset.updated', dto)
      return dto
    } catch (error) {
      // Closing: the database may be gone already; the next start marks the row as interrupted.
      if (this.shutdown.signal.aborted) throw new ApiError('unavailable', 'La aplicación se cerró mientras se preparaba el lote de ejemplos; vuelve a prepararlo.')
      const message = error instanceof Error ? error.message : String(error)
      const failed = this.deps.repos.datasets.markFailed(row.id, message)
      if (failed) this.deps.events.emit('dataset.updated', toDatasetDto(failed))
      if (error instanceof EmptyDatasetError) throw new ApiError('invalid_input', this.withDemoHint(message, params.includeDemo))
      if (error instanceof DatasetExistsError) throw new ApiError('invalid_input', message)
      this.deps.logger.error('Dataset generation failed', { datasetId: row.id, error })
      throw new ApiError('internal', `No se pudo preparar el lote de ejemplos: ${message}`)
    } finally {
      this.building = false
    }
  }

  /**
   * Every exchange curation may use, a page at a time, each page handed to the curation thread
   * as it is read: 100k rows read in one call held the main thread ~1.4 s, and keeping them all
   * here as well as in the thread doubled the export's memory. The pages are in id order, which
   * curation's output does not depend on.
   */
  private async *candidatePages(includeDemo: boolean, onRead: (read: number, more: boolean) => void): AsyncGenerator<CurationCandidate[]> {
    let after: string | null = null
    let read = 0
    for (;;) {
      const page = this.deps.repos.trainingData.curationRows(includeDemo, { after, limit: LOAD_PAGE })
      read += page.length
      onRead(read, page.length === LOAD_PAGE)
      yield page.map(toCandidate)
      if (page.length < LOAD_PAGE) return
      after = page[page.length - 1]!.id
      await nextTurn()
      if (this.shutdown.signal.aborted) throw this.shutdown.signal.reason
    }
  }

  /** Stops a curation in progress (the app is closing). */
  close(): void {
    this.shutdown.abort()
  }

  /** Demo exchanges are left out unless asked for; an empty result should say they exist. */
  private withDemoHint(message: string, includeDemo: boolean): string {
    const demo = includeDemo ? 0 : this.deps.repos.trainingData.countDemo()
    if (demo === 0) return message
    return `${message} Quedaron fuera ${demo} intercambios de demostración; si solo quieres probar, activa el modo demostración en Ajustes.`
  }
}

/** A stored exchange as curation reads it (exported so tests can curate the same rows in-process). */
export function toCandidate(row: CurationRow): CurationCandidate {
  return {
    id: row.id,
    userMessage: row.userMessage,
    response: row.correctedResponse ?? row.botResponse,
    context: contextTurns(row.context),
    category: row.category ?? 'general',
    productName: row.productName,
    qualityScore: datasetScore(row.reviewStatus, row.qualityScore, row.manualScore),
    reviewStatus: row.reviewStatus,
    createdAt: row.createdAt.getTime(),
    customerName: row.customerName,
  }
}

/** Rows per read while loading (~15 ms of main-thread time each on the bench machine). */
const LOAD_PAGE = 1000

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

import type { BaseModelOption, LossPoint, TrainingBackend, TrainingProgress, TrainingRunDto, TrainingStage } from '../../../../shared/types'
import type { Translate } from '../../i18n/i18n'
import { fileName } from './training-format'

/** Every stage the core reports, in the order a llama.cpp run goes through them. */
export const ALL_STAGES: readonly TrainingStage[] = ['preparing', 'training', 'quantizing', 'registering', 'validating', 'deploying']

/** The stages a backend really goes through: the prompt and import backends train nothing. */
export function stagesFor(backend: TrainingBackend): readonly TrainingStage[] {
  return backend === 'llamacpp' ? ALL_STAGES : ['preparing', 'registering', 'validating', 'deploying']
}

/**
 * How much of a run each stage is, roughly: with llama.cpp the training itself is nearly all
 * of it; without it, comparing the two models on the validation split is the slow part.
 */
const STAGE_WEIGHTS: Record<'llamacpp' | 'other', Partial<Record<TrainingStage, number>>> = {
  llamacpp: { preparing: 3, training: 75, quantizing: 5, registering: 5, validating: 10, deploying: 2 },
  other: { preparing: 10, registering: 25, validating: 55, deploying: 10 },
}

export function isActive(run: Pick<TrainingRunDto, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running'
}

function isFinished(run: Pick<TrainingRunDto, 'status'>): boolean {
  return !isActive(run)
}

/** Newest first, as `training.list` returns them; a run seen again replaces its old copy. */
export function upsertRun(runs: readonly TrainingRunDto[], run: TrainingRunDto): TrainingRunDto[] {
  const known = runs.find((r) => r.id === run.id)
  // "training.start" answers with the run as it was queued; on a busy machine the events of its
  // first stages can arrive before that answer, and must not be undone by it.
  if (known && runProgressRank(run) < runProgressRank(known)) return [...runs]
  return [run, ...runs.filter((r) => r.id !== run.id)].sort((a, b) => b.createdAt - a.createdAt)
}

/** How far a run has got: queued, then each stage in order, then finished. A run never goes back. */
function runProgressRank(run: TrainingRunDto): number {
  if (run.status === 'queued') return 0
  if (run.status !== 'running') return ALL_STAGES.length + 2
  return 1 + (run.stage ? ALL_STAGES.indexOf(run.stage) + 1 : 0)
}

/**
 * Runs from two sources, the first one's copies winning, newest first. The initial list may land
 * after events already brought fresher copies of some runs (events first); after a dropped
 * connection it is the other way round (the list first: the shown copies are the stale ones).
 */
export function mergeInitialRuns(fresher: readonly TrainingRunDto[], rest: readonly TrainingRunDto[]): TrainingRunDto[] {
  const seen = new Set(fresher.map((r) => r.id))
  return [...fresher, ...rest.filter((r) => !seen.has(r.id))].sort((a, b) => b.createdAt - a.createdAt)
}

/** The point a progress event adds to the curve; the step counts over the whole run, as the core stores it. */
export function progressPoint(progress: TrainingProgress): LossPoint | null {
  if (progress.loss === null || progress.steps <= 0 || progress.stage !== 'training') return null
  return { step: (progress.epoch - 1) * progress.steps + progress.step, epoch: progress.epoch, loss: progress.loss }
}

/** The stored curve (written every couple of seconds) and the points seen live since, by step. */
export function mergeCurve(stored: readonly LossPoint[], live: readonly LossPoint[]): LossPoint[] {
  const byStep = new Map<number, LossPoint>()
  for (const point of stored) byStep.set(point.step, point)
  for (const point of live) byStep.set(point.step, point)
  return [...byStep.values()].sort((a, b) => a.step - b.step)
}

/** Where each epoch after the first begins, for the chart's reference lines. */
export function epochStarts(curve: readonly LossPoint[]): { epoch: number; step: number }[] {
  const starts: { epoch: number; step: number }[] = []
  let last = curve[0]?.epoch ?? 0
  for (const point of curve) {
    if (point.epoch > last) starts.push({ epoch: point.epoch, step: point.step })
    last = point.epoch
  }
  return starts
}

/** The whole run's share done, 0–100, from its stage and (during training) its steps. */
export function overallPercent(run: TrainingRunDto, progress: TrainingProgress | null): number {
  if (run.status === 'queued') return 0
  if (isFinished(run)) return 100
  const stages = stagesFor(run.backend)
  const weights = STAGE_WEIGHTS[run.backend === 'llamacpp' ? 'llamacpp' : 'other']
  const stage = progress?.stage ?? run.stage ?? 'preparing'
  const index = Math.max(0, stages.indexOf(stage))
  const total = stages.reduce((sum, s) => sum + (weights[s] ?? 0), 0)
  const before = stages.slice(0, index).reduce((sum, s) => sum + (weights[s] ?? 0), 0)
  let within = 0
  if (progress && progress.stage === stage && progress.steps > 0) {
    within =
      stage === 'training' && progress.epochs > 0
        ? ((progress.epoch - 1) * progress.steps + progress.step) / (progress.epochs * progress.steps)
        : progress.step / progress.steps
  }
  const share = (before + (weights[stage] ?? 0) * Math.min(1, Math.max(0, within))) / total
  // A running run is never shown as done: the last stage still has to finish.
  return Math.min(99, Math.round(share * 100))
}

/**
 * What a run started from, for its one-line summary: the imported file for a whole-model import
 * (the core records the live model as its base, which says nothing there), else the base.
 */
export function runSource(
  run: TrainingRunDto,
  baseModels: readonly BaseModelOption[],
  t: Translate,
  modelName: (model: string) => string = (model) => model,
): string {
  const path = run.params.importPath
  if (run.backend === 'import' && run.params.importKind !== 'adapter' && typeof path === 'string') return t('training.run.file', { file: fileName(path) })
  return t('training.run.base', { base: modelName(baseLabel(run.baseModel, baseModels)) })
}

/** What to call a run's base model: the Ollama name when the path is one of the store's blobs. */
function baseLabel(baseModel: string, baseModels: readonly BaseModelOption[]): string {
  const fromStore = baseModels.find((m) => m.path === baseModel)
  if (fromStore?.ollamaModel) return fromStore.ollamaModel
  return /[\\/]/.test(baseModel) ? fileName(baseModel) : baseModel
}

import type { LossPoint, ModelVersionDto, TrainingRunDto, TrainingStage, ValidationReport } from '../../shared/types'
import type { DatasetsRepository } from '../store/repositories/datasets-repository'
import type { ModelVersion, ModelVersionsRepository } from '../store/repositories/model-versions-repository'
import type { TrainingRun } from '../store/repositories/training-runs-repository'

/** What a run's DTO names besides the run: its dataset and the version it made. */
export interface RunLookups {
  datasets: Pick<DatasetsRepository, 'get'>
  modelVersions: Pick<ModelVersionsRepository, 'get'>
}

export function toTrainingRunDto(run: TrainingRun, repos: RunLookups): TrainingRunDto {
  const dataset = run.datasetId ? repos.datasets.get(run.datasetId) : undefined
  const version = run.modelVersionId ? repos.modelVersions.get(run.modelVersionId) : undefined
  const params = (run.params ?? {}) as Record<string, unknown>
  return {
    id: run.id,
    datasetId: run.datasetId,
    datasetName: dataset?.name ?? null,
    backend: run.backend,
    baseModel: run.baseModel,
    status: run.status,
    stage: (run.stage as TrainingStage | null) ?? null,
    params,
    lossCurve: Array.isArray(run.lossCurve) ? (run.lossCurve as LossPoint[]) : [],
    validation: (run.metrics as ValidationReport | null) ?? null,
    modelVersion: version ? { id: version.id, name: version.name, isLive: version.isLive } : null,
    forced: params.force === true,
    error: run.error,
    createdAt: run.createdAt.getTime(),
    startedAt: run.startedAt?.getTime() ?? null,
    finishedAt: run.finishedAt?.getTime() ?? null,
  }
}

export function toModelVersionDto(version: ModelVersion): ModelVersionDto {
  return {
    id: version.id,
    name: version.name,
    version: version.version,
    source: version.source,
    baseModel: version.baseModel,
    trainingRunId: version.trainingRunId,
    validation: (version.metrics as ValidationReport | null) ?? null,
    isLive: version.isLive,
    createdAt: version.createdAt.getTime(),
    deployedAt: version.deployedAt?.getTime() ?? null,
  }
}

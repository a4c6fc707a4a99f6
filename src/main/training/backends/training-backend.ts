import type { WriteStream } from 'node:fs'
import type { TrainingStartInput } from '../../../shared/api/contract'
import type { LossPoint, Settings, TrainingBackend as BackendId, TrainingStage, TrainingStepProgress } from '../../../shared/types'
import type { ModelVersion } from '../../store/repositories/model-versions-repository'
import type { FineTuneParams } from '../llamacpp-finetune'
import type { LlamaTools } from '../llama-tools'
import type { ModelfileValues } from '../modelfile-template'
import type { CreateModelRequest, OllamaDeployer } from '../ollama-deployer'
import type { OllamaBaseModel } from '../ollama-store'

export type RunParams = FineTuneParams & {
  force: boolean
  /** Import: the checked real path (imports folder or desktop picker), its file name, what it is. */
  importPath?: string
  importFile?: string
  importKind?: 'model' | 'adapter'
  /** Absent on runs recorded before adapters could be safetensors: those were GGUF. */
  importFormat?: 'gguf' | 'safetensors'
}

/** The parameters a run records: only what its backend uses (each backend builds its own). */
export type RecordedParams = Pick<RunParams, 'contextTokens' | 'force'> & Partial<RunParams>

/** A `training.start` request checked by its backend: what the run starts from and records. */
export interface RunPlan {
  baseModel: string
  params: RecordedParams
}

/** What a backend needs to check a request and build its parameters. */
export interface PlanContext {
  input: TrainingStartInput
  settings: Settings
  tools: LlamaTools | null
}

/** What a backend gets to make a candidate: the run, where to work, and how to report. */
export interface BackendContext {
  /** The GGUF path (llama.cpp) or Ollama model (prompt, adapter import) the run starts from. */
  baseModel: string
  params: RunParams
  datasetDir: string
  workDir: string
  /** Where kept model files go (`<dataDir>/models`). */
  modelsDir: string
  /** The Ollama name the candidate will have, e.g. `autodidacta-tienda:v3`. */
  name: string
  /** The same name as a file name (`autodidacta-tienda-v3`), for the files kept in `modelsDir`. */
  fileStem: string
  /** The shop's system prompt, filled. */
  system: string
  signal: AbortSignal
  log: WriteStream
  tools: LlamaTools | null
  deployer: OllamaDeployer
  storeModels: () => Promise<OllamaBaseModel[]>
  stage(stage: TrainingStage): void
  progress(stage: TrainingStage, progress: TrainingStepProgress, curve: LossPoint[]): void
  saveLossCurve(curve: LossPoint[]): void
}

/** A model ready to be created in Ollama (its blobs already uploaded). */
export interface Candidate {
  source: Exclude<ModelVersion['source'], 'base'>
  /** The GGUF kept for validation and rollback; null when Ollama holds the only copy. */
  path: string | null
  request: CreateModelRequest
  /** The same model as a Modelfile, written next to the version for the owner. */
  modelfile: ModelfileValues
}

/** One way of turning a dataset into a candidate model. */
export interface TrainingBackend {
  readonly id: BackendId
  /** Why it cannot run on this machine, for the owner; null when it can. */
  unavailable(tools: LlamaTools | null): string | null
  /** Checks the request before anything is recorded (ApiError, in Spanish) and builds its parameters. */
  plan(context: PlanContext): Promise<RunPlan>
  prepare(context: BackendContext): Promise<Candidate>
}

// Which model plan fits this computer: pure arithmetic over the hardware, every number an
// estimate (docs/model-plan.md explains each one and where it comes from).
import type { AnswerSpeed, HardwareDto, ModelPlanDto, ModelPlanOption } from '../../shared/setup'
import { MODEL_CATALOG, sameModel, type CatalogModel } from '../../shared/model-catalog'

const GB = 1_000_000_000

/** The operating system, this app and a browser, kept out of every budget. */
const RESERVED_BYTES = 1.5 * GB
/** An answering model may take this share of RAM (the rest is the shop's other programs). */
const ANSWER_RAM_SHARE = 0.75
/** Ollama's runtime beyond weights and KV cache (compute buffers, the runner). */
const RUNTIME_OVERHEAD_BYTES = 0.3 * GB

/** Token generation reads every weight once per token: speed ≈ memory bandwidth / model size. */
const GPU_BANDWIDTH = 250 * GB
const APPLE_BANDWIDTH = 100 * GB
/** What a shop PC's CPU actually streams from RAM while generating, by cores (dual-channel DDR4 tops out near 30). */
function cpuBandwidth(cores: number): number {
  return Math.min(30, 5 + 2.5 * cores) * GB
}
const FAST_TOKENS_PER_SECOND = 15
const USABLE_TOKENS_PER_SECOND = 6

/**
 * Training in F32 (what the trainer does): weights 4 bytes/parameter, and for each trainable
 * one a gradient and AdamW's two moments (12 more). Frozen layers keep only their weights.
 */
const WEIGHT_BYTES = 4
const TRAINABLE_EXTRA_BYTES = 12
/** Activations at the default 256-token sequences: measured ~0.7 GB on the 0.5 B estimate, growing with the model. */
function activationBytes(parameters: number): number {
  return 0.6 * GB + parameters * 0.3
}
/** A short WhatsApp exchange with its context, packed (BENCHMARKS: ~75 k positions for 500 chats). */
const POSITIONS_PER_EXAMPLE = 150
/**
 * CPU training throughput per core, low and high (BENCHMARKS "Fine-tuning with llama.cpp": ~30
 * GFLOP/s on 2 cores for tiny matrices, and 10–30 positions/s estimated for a 0.5 B model there).
 */
const FLOPS_PER_CORE = { low: 15e9, high: 45e9 }

export interface PlanInput {
  hardware: HardwareDto
  /** Ollama's installed model names (empty when Ollama does not answer). */
  installed: readonly string[]
  /** The model answering now (`llm.model`). */
  currentModel: string
  /** Epochs a training runs (`training.epochs`). */
  epochs: number
  catalog?: readonly CatalogModel[]
}

export interface TrainingFit {
  /** Layers to freeze so that training fits; the lowest count that does. */
  freezeLayers: number
  memoryBytes: number
}

export function answerMemoryBytes(model: CatalogModel): number {
  return model.downloadBytes * 1.1 + model.kvCacheBytes + RUNTIME_OVERHEAD_BYTES
}

export function trainingMemoryBytes(model: CatalogModel, freezeLayers: number): number {
  return model.parameters * WEIGHT_BYTES + trainableParameters(model, freezeLayers) * TRAINABLE_EXTRA_BYTES + activationBytes(model.parameters)
}

function trainableParameters(model: CatalogModel, freezeLayers: number): number {
  const layerParameters = model.parameters - model.embeddingParameters
  return model.embeddingParameters + layerParameters * (1 - freezeLayers / model.layers)
}

/** How much of the model to freeze to train here while it keeps answering; null when nothing fits. */
export function trainingFit(model: CatalogModel, hardware: HardwareDto): TrainingFit | null {
  const budget = hardware.totalMemoryBytes - answerMemoryBytes(model) - RESERVED_BYTES
  // Whole model, the lower half frozen, the lower three quarters frozen: the upper layers and the
  // embeddings still learn the shop's way of answering.
  for (const freezeLayers of [0, Math.floor(model.layers / 2), Math.floor((model.layers * 3) / 4)]) {
    const memoryBytes = trainingMemoryBytes(model, freezeLayers)
    if (memoryBytes <= budget) return { freezeLayers, memoryBytes }
  }
  return null
}

function answerSpeed(model: CatalogModel, hardware: HardwareDto): number {
  const gpu = hardware.gpu
  const onGpu = gpu !== null && answerMemoryBytes(model) <= gpu.memoryBytes
  const bandwidth = onGpu ? (/apple/i.test(gpu.name ?? '') ? APPLE_BANDWIDTH : GPU_BANDWIDTH) : cpuBandwidth(hardware.cpuCores)
  return Math.round((bandwidth / model.downloadBytes) * 10) / 10
}

function speedOf(tokensPerSecond: number): AnswerSpeed {
  if (tokensPerSecond >= FAST_TOKENS_PER_SECOND) return 'fast'
  if (tokensPerSecond >= USABLE_TOKENS_PER_SECOND) return 'usable'
  return 'slow'
}

/** Minutes to train 100 examples on this CPU, as a range. */
export function trainingMinutes(model: CatalogModel, fit: TrainingFit, cores: number, epochs: number): { low: number; high: number } {
  const flopsPerPosition = 2 * model.parameters + 4 * trainableParameters(model, fit.freezeLayers)
  const work = 100 * POSITIONS_PER_EXAMPLE * epochs * flopsPerPosition
  // More cores help, less than linearly (shared memory bandwidth, hyper-threads).
  const coreFactor = 2 * Math.pow(Math.max(1, cores) / 2, 0.85)
  const minutes = (flopsPerCore: number) => Math.max(1, Math.round(work / (flopsPerCore * coreFactor) / 60))
  return { low: minutes(FLOPS_PER_CORE.high), high: minutes(FLOPS_PER_CORE.low) }
}

/** Memory as the OS shows it to the owner ("8 GB" of RAM is 8 GiB). */
function gb(bytes: number): string {
  return `${(bytes / 1024 ** 3).toLocaleString('es', { maximumFractionDigits: 1 })} GB`
}

function option(model: CatalogModel, input: PlanInput): ModelPlanOption {
  const { hardware } = input
  const memoryBytes = answerMemoryBytes(model)
  const fits = memoryBytes <= hardware.totalMemoryBytes * ANSWER_RAM_SHARE || (hardware.gpu !== null && memoryBytes <= hardware.gpu.memoryBytes)
  const fit = fits ? trainingFit(model, hardware) : null
  const tokensPerSecond = answerSpeed(model, hardware)
  let trainingReason: string | null = null
  if (!fits) {
    trainingReason = `No cabe en la memoria de este computador: necesita unos ${gb(memoryBytes)} y hay ${gb(hardware.totalMemoryBytes)}.`
  } else if (!fit) {
    // It keeps answering while it learns: both, plus the system, must fit together.
    const needed = trainingMemoryBytes(model, Math.floor((model.layers * 3) / 4)) + memoryBytes + RESERVED_BYTES
    trainingReason = `Para aprender mientras sigue respondiendo necesita unos ${gb(needed)} de memoria y este computador tiene ${gb(hardware.totalMemoryBytes)}.`
  }
  return {
    id: model.id,
    family: model.family,
    sizeLabel: model.sizeLabel,
    answerModel: model.answerModel,
    trainingBase: model.trainingBase,
    downloadBytes: model.downloadBytes,
    trainingDownloadBytes: model.trainingDownloadBytes,
    memoryBytes: Math.round(memoryBytes),
    tokensPerSecond,
    speed: speedOf(tokensPerSecond),
    fits,
    canTrain: fit !== null,
    trainingReason,
    minutesPer100Examples: fit ? trainingMinutes(model, fit, hardware.cpuCores, input.epochs) : null,
    recommended: false,
    installed: {
      answer: [model.answerModel, ...model.answerAliases].some((tag) => input.installed.some((name) => sameModel(name, tag))),
      trainingBase: input.installed.some((name) => sameModel(name, model.trainingBase)),
    },
  }
}

/**
 * Every plan for this computer, the recommended one first: the largest that answers at a
 * usable speed AND can be trained here. Where none is both, the smallest that can train; where
 * nothing can train, the smallest that runs (answering still works, learning waits for a bigger
 * computer).
 */
export function planFor(input: PlanInput): ModelPlanDto {
  const catalog = input.catalog ?? MODEL_CATALOG
  const options = catalog.map((model) => option(model, input))
  const size = (o: ModelPlanOption) => Number(o.sizeLabel)
  const good = options.filter((o) => o.fits && o.canTrain && o.speed !== 'slow')
  // Largest first; between equal sizes the catalog's order (Qwen first: the better Spanish at that size).
  const byLargest = [...good].sort((a, b) => size(b) - size(a))
  const recommended =
    byLargest[0] ?? options.find((o) => o.fits && o.canTrain) ?? options.find((o) => o.fits) ?? options[0]!
  recommended.recommended = true
  const current = catalog.find((model) => isAnswerTag(model, input.currentModel)) ?? null
  return {
    hardware: input.hardware,
    options: [recommended, ...options.filter((o) => o !== recommended)],
    recommendedId: recommended.id,
    current: { answerModel: input.currentModel, planId: current?.id ?? null },
  }
}

function isAnswerTag(model: CatalogModel, name: string): boolean {
  return [model.answerModel, ...model.answerAliases].some((tag) => sameModel(tag, name))
}

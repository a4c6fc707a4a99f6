import { existsSync, readFileSync, rmSync, type WriteStream } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import type { LossPoint, TrainingStepProgress } from '../../shared/types'
import { DATASET_FILES, datasetFile } from '../curate/dataset-format'
import { describeModel, readGgufHeader } from './gguf'
import type { LlamaTools } from './llama-tools'
import { runTool, ToolError } from './tool-process'
import { TRAINING_ERRORS, TrainingError, unreadableModelFile } from './training-errors'

export interface FineTuneParams {
  epochs: number
  /** Tokens per training sequence (examples are packed into sequences this long). */
  contextTokens: number
  learningRate: number
  /** The first N transformer blocks stay as they are (cheaper, keeps more of the base). */
  freezeLayers: number
  seed: number
  threads?: number
}

export interface FineTuneProgress extends TrainingStepProgress {
  stage: 'preparing' | 'training' | 'quantizing' | 'evaluating'
}

export interface FineTuneResult {
  /** The trained model, F32, with the base's metadata (chat template included). */
  trainedPath: string
  /** Q8_0 for serving; null if quantizing failed (the F32 file is served then). */
  quantizedPath: string | null
  lossCurve: LossPoint[]
  lossFirst: number | null
  lossLast: number | null
  /** Over the answer tokens of the validation split (the training split if there is none). */
  basePerplexity: number | null
  candidatePerplexity: number | null
  evaluatedOn: 'validation' | 'train' | null
  examples: number
  skipped: number
  tokensPerSecond: number | null
  seconds: number
}

const TRAINABLE = new Set(['F32', 'F16', 'BF16'])

export interface FineTuneOptions {
  tools: LlamaTools
  basePath: string
  /** Holds the dataset's training and validation files, as `export` / "Generar dataset" writes them. */
  datasetDir: string
  /** Scratch space for the F32 conversion; removed at the end. */
  workDir: string
  outPath: string
  params: FineTuneParams
  signal?: AbortSignal
  log?: WriteStream | null
  onProgress?: (progress: FineTuneProgress) => void
  /** Measure base and candidate perplexity at the end (the CLI does; the app's validation does it itself). */
  evaluate?: boolean
}

/**
 * Real weights, on this machine: llama.cpp's training through our trainer program, from a base
 * GGUF, on the dataset's chat examples (packed without overlap, prompt tokens masked), then a
 * Q8_0 copy for serving. A base in F16/BF16 is converted to F32 first (only F32 tensors train).
 */
export async function fineTuneWithLlamaCpp(options: FineTuneOptions): Promise<FineTuneResult> {
  const started = Date.now()
  const { tools, params } = options
  const trainFile = datasetFile(options.datasetDir, 'train')
  const validFile = datasetFile(options.datasetDir, 'validation')
  if (!existsSync(trainFile)) throw new TrainingError(TRAINING_ERRORS.datasetWithoutTrainFile(DATASET_FILES.train, options.datasetDir))
  const hasValid = existsSync(validFile) && readFileSync(validFile, 'utf8').trim().length > 0
  const progress = (p: Partial<FineTuneProgress> & Pick<FineTuneProgress, 'stage'>) =>
    options.onProgress?.({ epoch: 0, epochs: params.epochs, step: 0, steps: 0, loss: null, tokensPerSecond: null, etaSeconds: null, ...p })

  progress({ stage: 'preparing' })
  let header
  try {
    header = await readGgufHeader(options.basePath)
  } catch (error) {
    throw new TrainingError(TRAINING_ERRORS.baseNotGguf(options.basePath, unreadableModelFile(error)))
  }
  const base = describeModel(header)
  if (!base.fileType || !TRAINABLE.has(base.fileType)) {
    throw new TrainingError(TRAINING_ERRORS.baseQuantized(base.fileType))
  }
  let base32 = options.basePath
  const cleanup: string[] = []
  try {
    if (base.fileType !== 'F32') {
      base32 = join(options.workDir, 'base-f32.gguf')
      cleanup.push(base32)
      await tool(tools.quantize, [options.basePath, base32, 'F32'], options, 'convertir el modelo base a F32')
    }

    const lossCurve: LossPoint[] = []
    let steps = 0
    let examples = 0
    let skipped = 0
    let tokensPerSecond: number | null = null
    progress({ stage: 'training' })
    const trainingStarted = Date.now()
    await tool(
      tools.trainer,
      [
        'train',
        '--base', base32,
        '--train', trainFile,
        ...(hasValid ? ['--valid', validFile] : []),
        '--out', options.outPath,
        '--epochs', String(params.epochs),
        '--ctx', String(params.contextTokens),
        '--batch', String(params.contextTokens),
        '--lr', String(params.learningRate),
        '--lr-min', String(params.learningRate / 10),
        '--freeze-layers', String(params.freezeLayers),
        '--seed', String(params.seed),
        '--threads', String(params.threads ?? trainingThreads()),
      ],
      options,
      'entrenar',
      (event) => {
        if (event.event === 'start') {
          steps = num(event.steps_per_epoch) ?? 0
          examples = num(event.examples) ?? 0
          skipped = num(event.skipped) ?? 0
        } else if (event.event === 'step') {
          const epoch = num(event.epoch) ?? 1
          const step = num(event.step) ?? 0
          const loss = num(event.loss)
          steps = num(event.steps) ?? steps
          tokensPerSecond = num(event.tokens_per_second) ?? tokensPerSecond
          if (loss !== null) {
            const global = (epoch - 1) * steps + step
            const last = lossCurve.at(-1)
            if (last && last.step === global) last.loss = loss
            else lossCurve.push({ step: global, epoch, loss })
          }
          // The whole run's ETA from its own pace (the trainer's is for the epoch under way).
          const done = (epoch - 1) * steps + step
          const remaining = Math.max(0, steps * params.epochs - done)
          const eta = done > 0 ? ((Date.now() - trainingStarted) / 1000 / done) * remaining : null
          progress({ stage: 'training', epoch, step, steps, loss, tokensPerSecond, etaSeconds: eta })
        }
      },
    )
    if (!existsSync(options.outPath)) throw new TrainingError(TRAINING_ERRORS.noModelWritten)

    progress({ stage: 'quantizing' })
    let quantizedPath: string | null = options.outPath.replace(/\.gguf$/, '') + '-q8_0.gguf'
    try {
      await tool(tools.quantize, [options.outPath, quantizedPath, 'Q8_0'], options, 'cuantizar el modelo')
    } catch (error) {
      if (error instanceof TrainingError && error.cancelled) throw error
      options.log?.write(`Q8_0 quantization failed, serving F32: ${String(error)}\n`)
      quantizedPath = null
    }

    let basePerplexity: number | null = null
    let candidatePerplexity: number | null = null
    if (options.evaluate) {
      progress({ stage: 'evaluating' })
      const data = hasValid ? validFile : trainFile
      basePerplexity = (await evaluatePerplexity(tools, base32, data, params.contextTokens, options)).perplexity
      candidatePerplexity = (await evaluatePerplexity(tools, quantizedPath ?? options.outPath, data, params.contextTokens, options)).perplexity
    }
    return {
      trainedPath: options.outPath,
      quantizedPath,
      lossCurve,
      lossFirst: lossCurve[0]?.loss ?? null,
      lossLast: lossCurve.at(-1)?.loss ?? null,
      basePerplexity,
      candidatePerplexity,
      evaluatedOn: options.evaluate ? (hasValid ? 'validation' : 'train') : null,
      examples,
      skipped,
      tokensPerSecond,
      seconds: (Date.now() - started) / 1000,
    }
  } finally {
    for (const file of cleanup) rmSync(file, { force: true })
  }
}

export interface PerplexityResult {
  perplexity: number
  /** Mean negative log-likelihood per answer token, and how many tokens. */
  nll: number
  tokens: number
}

/** Perplexity of a model on the answers of a chat JSONL file (the trainer's `eval`). */
export async function evaluatePerplexity(
  tools: LlamaTools,
  modelPath: string,
  dataFile: string,
  contextTokens: number,
  options: Pick<FineTuneOptions, 'signal' | 'log'>,
): Promise<PerplexityResult> {
  let result: PerplexityResult | null = null
  await tool(tools.trainer, ['eval', '--model', modelPath, '--data', dataFile, '--ctx', String(contextTokens), '--threads', String(trainingThreads())], options, 'medir la perplejidad', (event) => {
    if (event.event === 'eval') result = { perplexity: num(event.perplexity) ?? Number.NaN, nll: num(event.nll) ?? Number.NaN, tokens: num(event.tokens) ?? 0 }
  })
  if (!result) throw new TrainingError(TRAINING_ERRORS.noEvaluation)
  return result
}

/** Greedy answers of a local GGUF to the prompts of a chat JSONL file (the trainer's `generate`). */
export async function generateLocally(
  tools: LlamaTools,
  modelPath: string,
  dataFile: string,
  limit: number,
  contextTokens: number,
  options: Pick<FineTuneOptions, 'signal' | 'log'> & {
    /** Each answer with the tokens generated for it: special tokens (a stray `<|im_start|>`) count but write no text. */
    onSample?: (sample: { index: number; tokens: number; text: string }) => void
  },
): Promise<string[]> {
  const texts: string[] = []
  await tool(tools.trainer, ['generate', '--model', modelPath, '--data', dataFile, '--limit', String(limit), '--ctx', String(contextTokens), '--max-tokens', '96', '--threads', String(trainingThreads())], options, 'generar respuestas', (event) => {
    if (event.event !== 'sample' || typeof event.text !== 'string') return
    const index = num(event.index) ?? texts.length
    texts[index] = event.text
    options.onSample?.({ index, tokens: num(event.tokens) ?? 0, text: event.text })
  })
  return texts
}

async function tool(
  command: string,
  args: string[],
  options: Pick<FineTuneOptions, 'signal' | 'log'>,
  what: string,
  onEvent?: (event: Record<string, unknown>) => void,
): Promise<void> {
  options.log?.write(`$ ${command} ${args.join(' ')}\n`)
  try {
    await runTool(command, args, { ...(onEvent ? { onEvent } : {}), log: options.log ?? null, lowPriority: true, ...(options.signal ? { signal: options.signal } : {}) })
  } catch (error) {
    if (error instanceof ToolError) {
      if (error.cancelled) throw new TrainingError(TRAINING_ERRORS.cancelled, true)
      throw new TrainingError(TRAINING_ERRORS.toolFailed(what, error.message))
    }
    throw error
  }
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** All cores but one: the one left is for answering customers while a training runs. */
export function trainingThreads(): number {
  return Math.max(1, availableParallelism() - 1)
}

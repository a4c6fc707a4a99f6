import { existsSync, readFileSync, type WriteStream } from 'node:fs'
import type { ValidationReport } from '../../shared/types'
import { datasetFile } from '../curate/dataset-format'
import type { ModelVersionsRepository } from '../store/repositories/model-versions-repository'
import { ggufArray, readGgufHeader } from './gguf'
import type { LlamaTools } from './llama-tools'
import { evaluatePerplexity, generateLocally } from './llamacpp-finetune'
import type { OllamaDeployer } from './ollama-deployer'
import type { OllamaBaseModel } from './ollama-store'
import { throwIfCancelled } from './training-errors'
import { judge, promptAndReference, readChatExamples, type SideResult } from './validation-gate'

/** Validation examples generated per side (a CPU generates slowly; perplexity uses them all). */
const GENERATION_LIMIT = 12

export interface ValidatorDeps {
  /** Finds a GGUF for a model name among our own versions. */
  modelVersions: Pick<ModelVersionsRepository, 'findByName'>
  /** The model answering customers now, the one a candidate must beat. */
  liveModel: () => string
  tools: () => LlamaTools | null
  /** Generation through Ollama, for a side without a local GGUF. */
  deployer: Pick<OllamaDeployer, 'chat'>
  storeModels: () => Promise<OllamaBaseModel[]>
}

export interface ValidationRequest {
  datasetDir: string
  candidate: { model: string; path: string | null }
  contextTokens: number
  signal: AbortSignal
  log: WriteStream
}

/**
 * Stage 7: the candidate against the live model on the dataset's validation split (the
 * training split if there is none): perplexity where a side has a local GGUF, answers from
 * each side for chrF, and the gate's verdict. A measure that fails is logged and left out.
 */
export class Validator {
  constructor(private readonly deps: ValidatorDeps) {}

  async validate({ datasetDir, candidate, contextTokens, signal, log }: ValidationRequest): Promise<ValidationReport> {
    const validFile = datasetFile(datasetDir, 'validation')
    const dataFile = existsSync(validFile) && readFileSync(validFile, 'utf8').trim() ? validFile : datasetFile(datasetDir, 'train')
    const examples = readChatExamples(dataFile)
    const sample = examples.slice(0, GENERATION_LIMIT)
    const tools = this.deps.tools()
    const liveModel = this.deps.liveModel()
    const livePath = await this.ggufOf(liveModel)

    const perplexity = async (path: string | null) => {
      if (!tools || !path) return null
      try {
        const r = await evaluatePerplexity(tools, path, dataFile, contextTokens, { signal, log })
        return { nll: r.nll, tokens: r.tokens }
      } catch (error) {
        throwIfCancelled(signal)
        log.write(`perplexity of ${path} failed: ${String(error)}\n`)
        return null
      }
    }
    const throughOllama = async (model: string): Promise<string[] | null> => {
      try {
        const out: string[] = []
        for (const example of sample) out.push(await this.deps.deployer.chat(model, promptAndReference(example).prompt, { signal }))
        return out
      } catch (error) {
        throwIfCancelled(signal)
        log.write(`generation with ${model} through Ollama failed: ${String(error)}\n`)
        return null
      }
    }
    const candidateAnswers = async (): Promise<string[] | null> => {
      // The candidate's own weights, locally: Ollama's copy is the same file.
      if (tools && candidate.path) {
        try {
          return await generateLocally(tools, candidate.path, dataFile, sample.length, contextTokens, { signal, log })
        } catch (error) {
          throwIfCancelled(signal)
          log.write(`local generation failed, trying Ollama: ${String(error)}\n`)
        }
      }
      return throughOllama(candidate.model)
    }
    const liveSide: SideResult = { model: liveModel, perplexity: await perplexity(livePath), answers: await throughOllama(liveModel) }
    const candidateSide: SideResult = { model: candidate.model, perplexity: await perplexity(candidate.path), answers: await candidateAnswers() }
    const sameTokenizer = livePath !== null && candidate.path !== null && (await tokenizerKey(livePath)) === (await tokenizerKey(candidate.path))
    return judge({ measured: examples, generated: sample }, liveSide, candidateSide, sameTokenizer)
  }

  /** A GGUF on this machine for an Ollama model name: one of our versions, or a blob in Ollama's store. */
  private async ggufOf(model: string): Promise<string | null> {
    const version = this.deps.modelVersions.findByName(model)
    if (version?.path && existsSync(version.path)) return version.path
    const withTag = model.includes(':') ? model : `${model}:latest`
    const store = await this.deps.storeModels().catch(() => [])
    return store.find((m) => m.model === model || m.model === withTag)?.blobPath ?? null
  }
}

/** Two GGUFs share a tokenizer when their vocabularies are the same list of tokens. */
async function tokenizerKey(path: string): Promise<string> {
  const tokens = ggufArray(await readGgufHeader(path), 'tokenizer.ggml.tokens')?.values
  return JSON.stringify(tokens ? [tokens.length, tokens.slice(0, 64), tokens.slice(-64)] : null)
}

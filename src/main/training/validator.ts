import { existsSync, readFileSync, type WriteStream } from 'node:fs'
import { basename, isAbsolute } from 'node:path'
import type { ValidationReport } from '../../shared/types'
import { datasetFile } from '../curate/dataset-format'
import type { ModelVersionsRepository } from '../store/repositories/model-versions-repository'
import { ggufArray, readGgufHeader } from './gguf'
import type { LlamaTools } from './llama-tools'
import { evaluatePerplexity, generateLocally } from './llamacpp-finetune'
import { familyLabel, familyOfGguf, familyOfTag, sameFamily, type FamilyFacts } from './model-family'
import type { OllamaDeployer } from './ollama-deployer'
import type { OllamaBaseModel } from './ollama-store'
import { throwIfCancelled } from './training-errors'
import { judge, promptAndReference, readChatExamples, type SideResult } from './validation-gate'
import { judgeBasics, type BasicsQuestion } from './shop-basics'

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
  /** The shop's basics asked of both sides on top of the held-out examples (none: only the examples). */
  basics?: () => BasicsQuestion[]
}

export interface ValidationRequest {
  datasetDir: string
  candidate: { model: string; path: string | null }
  /**
   * The untrained model the candidate was made from (a GGUF path or an Ollama model); null for a
   * whole imported model, which has none. It stands in for the live model when that one is of
   * another family.
   */
  base: string | null
  contextTokens: number
  signal: AbortSignal
  log: WriteStream
  /** The shop's system prompt, which the basics are asked under (as customers are answered). */
  system?: string
}

/** Where a model is on this machine and what it is a version of. */
interface Located {
  /** The name Ollama serves it under, when it has one. */
  model: string | null
  /** A local GGUF of it, when there is one. */
  path: string | null
  family: FamilyFacts
}

/**
 * Stage 7: the candidate against the live model on the dataset's validation split (the
 * training split if there is none): perplexity where a side has a local GGUF, answers from
 * each side for chrF, and the gate's verdict. A measure that fails is logged and left out.
 *
 * Versions are compared within a family. When the live model is of another family (a data
 * folder still answering with llama3.1:8b, a candidate trained from a Qwen 0.5B base), beating
 * it or not says nothing about the training: the candidate is compared with its own untrained
 * base instead, and the report says so.
 */
export class Validator {
  constructor(private readonly deps: ValidatorDeps) {}

  async validate(request: ValidationRequest): Promise<ValidationReport> {
    const { datasetDir, candidate, base, contextTokens, signal, log } = request
    const validFile = datasetFile(datasetDir, 'validation')
    const dataFile = existsSync(validFile) && readFileSync(validFile, 'utf8').trim() ? validFile : datasetFile(datasetDir, 'train')
    const examples = readChatExamples(dataFile)
    const sample = examples.slice(0, GENERATION_LIMIT)
    const tools = this.deps.tools()
    const liveModel = this.deps.liveModel()
    // Scanning Ollama's store reads every model's header: once per validation.
    const store = await this.deps.storeModels().catch(() => [])
    const live = await this.locate(liveModel, store)
    const start = base ? await this.locate(base, store) : null
    // A fine-tune keeps its base's metadata; an Ollama-only candidate (prompt, adapter) is its base's family.
    const candidateFamily: FamilyFacts = candidate.path
      ? { gguf: await familyOfGguf(candidate.path), tag: start?.family.tag ?? null }
      : (start?.family ?? { gguf: null, tag: null })
    const otherFamily = start !== null && sameFamily(live.family, candidateFamily) === false
    const reference: Located = otherFamily ? start : live
    const referenceName = reference.model ?? (reference.path ? basename(reference.path) : liveModel)
    if (otherFamily) log.write(`live model ${liveModel} is of another family: comparing with the base ${referenceName}\n`)

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
    const throughOllama = async (model: string | null): Promise<string[] | null> => {
      if (!model) return null
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
    /** A model's own weights, locally, when its GGUF is here: Ollama's copy is the same file. */
    const answersOf = async (model: string | null, path: string | null): Promise<string[] | null> => {
      if (tools && path) {
        try {
          return await generateLocally(tools, path, dataFile, sample.length, contextTokens, { signal, log })
        } catch (error) {
          throwIfCancelled(signal)
          log.write(`local generation failed, trying Ollama: ${String(error)}\n`)
        }
      }
      return throughOllama(model)
    }
    // The live model answers through Ollama, as customers get it; an untrained base may only be a file.
    const referenceAnswers = otherFamily ? await answersOf(reference.model, reference.path) : await throughOllama(liveModel)
    const referenceSide: SideResult = { model: referenceName, perplexity: await perplexity(reference.path), answers: referenceAnswers }
    const candidateSide: SideResult = { model: candidate.model, perplexity: await perplexity(candidate.path), answers: await answersOf(candidate.model, candidate.path) }
    const sameTokenizer = reference.path !== null && candidate.path !== null && (await tokenizerKey(reference.path)) === (await tokenizerKey(candidate.path))
    const judged = judge({ measured: examples, generated: sample }, referenceSide, candidateSide, sameTokenizer)
    const report = await this.withBasics(judged, { candidate: candidate.model, reference: otherFamily ? reference.model : liveModel, system: request.system ?? '', signal, log })
    if (!otherFamily) return { ...report, comparedWith: 'live' }
    const liveLabel = familyLabel(live.family)
    const candidateLabel = familyLabel(candidateFamily)
    return {
      ...report,
      comparedWith: 'base',
      reasons: [
        `El modelo que responde ahora (${liveModel}${liveLabel ? `, ${liveLabel}` : ''}) es de otra familia que el nuevo` +
          `${candidateLabel ? ` (${candidateLabel})` : ''}: compararlos no diría si el entrenamiento sirvió. ` +
          `Por eso el nuevo se comparó con el modelo del que partió, sin entrenar (${referenceName}); si es mejor que ese, se pone en uso en lugar de ${liveModel}.`,
        ...report.reasons,
      ],
    }
  }

  /**
   * The shop's basics, asked of both sides through Ollama (as customers get them): a candidate
   * that loses one the other side handles is not better, whatever the held-out examples say.
   */
  private async withBasics(
    report: ValidationReport,
    sides: { candidate: string; reference: string | null; system: string; signal: AbortSignal; log: WriteStream },
  ): Promise<ValidationReport> {
    const basics = this.deps.basics?.() ?? []
    if (basics.length === 0) return report
    const ask = async (model: string): Promise<string[]> => {
      const answers: string[] = []
      for (const basic of basics) {
        const messages = [...(sides.system ? [{ role: 'system' as const, content: sides.system }] : []), { role: 'user' as const, content: basic.question }]
        answers.push(await this.deps.deployer.chat(model, messages, { signal: sides.signal }))
      }
      return answers
    }
    let candidateAnswers: string[]
    try {
      candidateAnswers = await ask(sides.candidate)
    } catch (error) {
      throwIfCancelled(sides.signal)
      sides.log.write(`basics: the candidate could not be asked (${String(error)}); left out\n`)
      return report
    }
    let referenceAnswers: string[] | null = null
    if (sides.reference) {
      try {
        referenceAnswers = await ask(sides.reference)
      } catch (error) {
        throwIfCancelled(sides.signal)
        sides.log.write(`basics: ${sides.reference} could not be asked (${String(error)}); the candidate is judged alone\n`)
      }
    }
    const result = judgeBasics(basics, referenceAnswers, candidateAnswers)
    sides.log.write(`basics: ${JSON.stringify(result)}\n`)
    if (result.ok) {
      return { ...report, basics: result, reasons: [...report.reasons, `Respondió bien lo básico de la tienda (${result.candidate} de ${result.questions}: saludo, precios, envíos y pagos).`] }
    }
    const lost = result.forgotten.length > 0 ? result.forgotten.join(', ') : `${result.questions - result.candidate} de ${result.questions} preguntas`
    return {
      ...report,
      basics: result,
      better: false,
      reasons: [`La versión nueva olvidó lo básico de la tienda (${lost}): por eso no se pone en uso.`, ...report.reasons],
    }
  }

  /**
   * A model named by Ollama (one of our versions, or a model in Ollama's store) or a GGUF path
   * (a llama.cpp base): its local GGUF and family. One of our versions without a file of its own
   * (a prompt model, an adapter) is of its base's family.
   */
  private async locate(model: string, store: readonly OllamaBaseModel[], depth = 0): Promise<Located> {
    if (isAbsolute(model) && existsSync(model)) {
      const name = store.find((m) => m.blobPath === model)?.model ?? null
      return { model: name, path: model, family: { gguf: await familyOfGguf(model), tag: name ? familyOfTag(name) : null } }
    }
    const version = this.deps.modelVersions.findByName(model)
    if (version?.path && existsSync(version.path)) {
      const base = version.baseModel && depth < 3 ? await this.locate(version.baseModel, store, depth + 1) : null
      return { model, path: version.path, family: { gguf: await familyOfGguf(version.path), tag: base?.family.tag ?? null } }
    }
    const withTag = model.includes(':') ? model : `${model}:latest`
    const path = store.find((m) => m.model === model || m.model === withTag)?.blobPath ?? null
    if (version?.baseModel && depth < 3) return { model, path, family: (await this.locate(version.baseModel, store, depth + 1)).family }
    return { model, path, family: { gguf: path ? await familyOfGguf(path) : null, tag: familyOfTag(model) } }
  }
}

/** Two GGUFs share a tokenizer when their vocabularies are the same list of tokens. */
async function tokenizerKey(path: string): Promise<string> {
  const tokens = ggufArray(await readGgufHeader(path), 'tokenizer.ggml.tokens')?.values
  return JSON.stringify(tokens ? [tokens.length, tokens.slice(0, 64), tokens.slice(-64)] : null)
}

import { describeModel, ggufString, readGgufHeader } from './gguf'

/**
 * Which model a version is a version of: the same family and size. A candidate is only worth
 * comparing with a model of its own family — a 0.5B fine-tune against an 8B of another family
 * measures the sizes, not the training.
 */
export interface ModelFamily {
  /** Equal keys, same family (only keys found the same way compare: see `sameFamily`). */
  key: string
  /** For the owner: "Qwen2.5 0.5B", "llama3.1 8B". */
  label: string
  /** From the GGUF's own metadata, or from the Ollama tag. */
  by: 'gguf' | 'tag'
}

/**
 * From a GGUF header: architecture, depth, width and vocabulary size. That is what a fine-tune
 * keeps and what tells sizes apart (Qwen2.5 0.5B and 1.5B share architecture and vocabulary),
 * and it works for files that carry no `general.basename`. Null for a file that is not a
 * readable GGUF.
 */
export async function familyOfGguf(path: string): Promise<ModelFamily | null> {
  try {
    const header = await readGgufHeader(path)
    const model = describeModel(header)
    if (!model.architecture || model.layers === null || model.embedding === null) return null
    const basename = ggufString(header, 'general.basename')
    const size = ggufString(header, 'general.size_label')
    return {
      key: [model.architecture, model.layers, model.embedding, model.vocabSize ?? '?'].join('/'),
      label: basename && size ? `${basename} ${size}` : (model.name ?? `${model.architecture}, ${parameters(model.parameterCount)}`),
      by: 'gguf',
    }
  } catch {
    return null
  }
}

/**
 * From an Ollama name, up to the size: "qwen2.5:0.5b-instruct-fp16" and "qwen2.5:0.5b" are
 * one family, "llama3.1:8b" another. Null when the tag does not start with a size
 * ("latest", our own "v3"): then the name says nothing about the size.
 */
export function familyOfTag(model: string): ModelFamily | null {
  const match = /^(.+):([^:/]+)$/.exec(model)
  if (!match) return null
  const name = match[1]!.toLowerCase()
  const size = match[2]!.split('-')[0]!.toLowerCase()
  if (!/^\d+(\.\d+)?[mb]$/.test(size)) return null
  return { key: `${name}:${size}`, label: `${match[1]} ${size.toUpperCase()}`, by: 'tag' }
}

/** What is known of a model's family, each way it could be found. */
export interface FamilyFacts {
  gguf: ModelFamily | null
  tag: ModelFamily | null
}

/**
 * Whether two models are of one family: by their GGUFs when both have one, else by their tags;
 * null when neither way applies to both (then nothing is assumed).
 */
export function sameFamily(a: FamilyFacts, b: FamilyFacts): boolean | null {
  if (a.gguf && b.gguf) return a.gguf.key === b.gguf.key
  if (a.tag && b.tag) return a.tag.key === b.tag.key
  return null
}

/** The family's name for the owner, from the best source there is. */
export function familyLabel(facts: FamilyFacts): string | null {
  return facts.gguf?.label ?? facts.tag?.label ?? null
}

function parameters(count: number): string {
  const billions = count / 1e9
  if (billions >= 1) return `${billions.toLocaleString('es-CO', { maximumFractionDigits: 1 })} mil millones de parámetros`
  return `${(count / 1e6).toLocaleString('es-CO', { maximumFractionDigits: 1 })} millones de parámetros`
}

// The model plans: each ONE family and size, for answering (the instruct model Ollama serves,
// 4-bit or 8-bit) and for learning (the F16 weights of the same model, the trainer's base).
// Tags and download sizes are those of Ollama's library (ollama.com/library/<family>/tags);
// parameter counts and shapes from the models' own configurations.

export interface CatalogModel {
  id: string
  family: string
  sizeLabel: string
  /** The tag the plan pulls and serves. */
  answerModel: string
  /** Other tags of the same weights (Ollama's aliases), so an owner's earlier pull counts as installed. */
  answerAliases: string[]
  trainingBase: string
  downloadBytes: number
  trainingDownloadBytes: number
  /** Every weight, in parameters. */
  parameters: number
  /** Token embeddings and output head: the trainer never freezes them (only `blk.N` layers). */
  embeddingParameters: number
  layers: number
  /** Ollama's KV cache at the app's 4096-token context (F16 keys and values). */
  kvCacheBytes: number
}

const GB = 1_000_000_000
const MB = 1_000_000

export const MODEL_CATALOG: readonly CatalogModel[] = [
  {
    id: 'qwen2.5-0.5b',
    family: 'Qwen 2.5',
    sizeLabel: '0.5',
    answerModel: 'qwen2.5:0.5b',
    answerAliases: ['qwen2.5:0.5b-instruct', 'qwen2.5:0.5b-instruct-q4_K_M'],
    trainingBase: 'qwen2.5:0.5b-instruct-fp16',
    downloadBytes: 398 * MB,
    trainingDownloadBytes: 994 * MB,
    parameters: 494e6,
    embeddingParameters: 136e6, // 151,936 × 896, tied
    layers: 24,
    kvCacheBytes: 50 * MB, // 24 layers × 2 KV heads × 64
  },
  {
    id: 'llama3.2-1b',
    family: 'Llama 3.2',
    sizeLabel: '1',
    answerModel: 'llama3.2:1b',
    answerAliases: ['llama3.2:1b-instruct-q8_0'],
    trainingBase: 'llama3.2:1b-instruct-fp16',
    downloadBytes: 1.3 * GB,
    trainingDownloadBytes: 2.5 * GB,
    parameters: 1_236e6,
    embeddingParameters: 263e6, // 128,256 × 2,048, tied
    layers: 16,
    kvCacheBytes: 134 * MB, // 16 × 8 × 64
  },
  {
    id: 'qwen2.5-1.5b',
    family: 'Qwen 2.5',
    sizeLabel: '1.5',
    answerModel: 'qwen2.5:1.5b',
    answerAliases: ['qwen2.5:1.5b-instruct', 'qwen2.5:1.5b-instruct-q4_K_M'],
    trainingBase: 'qwen2.5:1.5b-instruct-fp16',
    downloadBytes: 986 * MB,
    trainingDownloadBytes: 3.1 * GB,
    parameters: 1_544e6,
    embeddingParameters: 233e6, // 151,936 × 1,536, tied
    layers: 28,
    kvCacheBytes: 117 * MB, // 28 × 2 × 128
  },
  {
    id: 'qwen2.5-3b',
    family: 'Qwen 2.5',
    sizeLabel: '3',
    answerModel: 'qwen2.5:3b',
    answerAliases: ['qwen2.5:3b-instruct', 'qwen2.5:3b-instruct-q4_K_M'],
    trainingBase: 'qwen2.5:3b-instruct-fp16',
    downloadBytes: 1.9 * GB,
    trainingDownloadBytes: 6.2 * GB,
    parameters: 3_086e6,
    embeddingParameters: 311e6, // 151,936 × 2,048, tied
    layers: 36,
    kvCacheBytes: 151 * MB, // 36 × 2 × 128
  },
  {
    id: 'llama3.2-3b',
    family: 'Llama 3.2',
    sizeLabel: '3',
    answerModel: 'llama3.2:3b',
    answerAliases: ['llama3.2:latest', 'llama3.2', 'llama3.2:3b-instruct-q4_K_M'],
    trainingBase: 'llama3.2:3b-instruct-fp16',
    downloadBytes: 2.0 * GB,
    trainingDownloadBytes: 6.4 * GB,
    parameters: 3_213e6,
    embeddingParameters: 394e6, // 128,256 × 3,072, tied
    layers: 28,
    kvCacheBytes: 470 * MB, // 28 × 8 × 128
  },
  {
    id: 'qwen2.5-7b',
    family: 'Qwen 2.5',
    sizeLabel: '7',
    answerModel: 'qwen2.5:7b',
    answerAliases: ['qwen2.5:latest', 'qwen2.5', 'qwen2.5:7b-instruct', 'qwen2.5:7b-instruct-q4_K_M'],
    trainingBase: 'qwen2.5:7b-instruct-fp16',
    downloadBytes: 4.7 * GB,
    trainingDownloadBytes: 15.2 * GB,
    parameters: 7_616e6,
    embeddingParameters: 1_090e6, // 152,064 × 3,584, input and output
    layers: 28,
    kvCacheBytes: 235 * MB, // 28 × 4 × 128
  },
  {
    id: 'llama3.1-8b',
    family: 'Llama 3.1',
    sizeLabel: '8',
    answerModel: 'llama3.1:8b',
    answerAliases: ['llama3.1:latest', 'llama3.1', 'llama3.1:8b-instruct-q4_K_M'],
    trainingBase: 'llama3.1:8b-instruct-fp16',
    downloadBytes: 4.9 * GB,
    trainingDownloadBytes: 16.1 * GB,
    parameters: 8_030e6,
    embeddingParameters: 1_051e6, // 128,256 × 4,096, input and output
    layers: 32,
    kvCacheBytes: 537 * MB, // 32 × 8 × 128
  },
]

/** Ollama names an untagged model `name:latest`. */
export function withTag(name: string): string {
  return name.includes(':') ? name : `${name}:latest`
}

export function sameModel(a: string, b: string): boolean {
  return withTag(a.trim().toLowerCase()) === withTag(b.trim().toLowerCase())
}

/** What a pull of this name downloads, when the catalog knows it. */
export function knownDownloadBytes(name: string, catalog: readonly CatalogModel[] = MODEL_CATALOG): number | null {
  const known = catalogModelOf(name, catalog)
  if (!known) return null
  return known.role === 'answer' ? known.model.downloadBytes : known.model.trainingDownloadBytes
}

/** Which plan a model belongs to, and whether it is the plan's answering model or its training base. */
export function catalogModelOf(name: string, catalog: readonly CatalogModel[] = MODEL_CATALOG): { model: CatalogModel; role: 'answer' | 'base' } | null {
  for (const model of catalog) {
    if ([model.answerModel, ...model.answerAliases].some((tag) => sameModel(tag, name))) return { model, role: 'answer' }
    if (sameModel(model.trainingBase, name)) return { model, role: 'base' }
  }
  return null
}

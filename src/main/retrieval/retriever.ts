import type { ApiEvents } from '../../shared/api/events'
import type { ExchangeDto } from '../../shared/types'
import type { EventBus } from '../kernel/event-bus'
import { knownNames, scrubPersonalData } from '../curate/pii-scrubber'
import { hash53 } from '../kernel/hash'
import type { ModelInfo } from '../llm/llm-provider'
import type { Logger } from '../kernel/logger'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'
import type { EmbeddingKind } from '../store/repositories/embeddings-repository'
import type { Product } from '../store/repositories/products-repository'
import type { FewShotRow } from '../store/repositories/training-data-repository'
import { ExampleIndex, fuseRankings, type FewShotExample } from './example-index'
import { ProductIndex } from './product-index'
import { VectorStore } from './vector-store'
import { TimeSlicer } from '../kernel/time-slices'

/** The repositories this module uses, and no others. */
/** Writes only its embeddings cache; the catalog and the approved answers it only reads. */
interface UsedRepositories {
  embeddings: Repositories['embeddings']
  products: Pick<Repositories['products'], 'all' | 'page'>
  trainingData: Pick<Repositories['trainingData'], 'fewShotPool'>
}

/** What the retriever needs of the local model server: its embedding models and the embed call. */
export interface Embedder {
  listModels(signal?: AbortSignal): Promise<ModelInfo[]>
  embed(model: string, inputs: string[], signal?: AbortSignal): Promise<number[][]>
}

export interface RetrievalQuery {
  conversationId: string
  /** What the customer asked in this turn. */
  text: string
  /** The product the chat was about before this turn. */
  focusProductId: string | null
}

export interface Retrieval {
  /** Products for the prompt, most relevant first (the focus product first of all). */
  products: Product[]
  /** The product the chat is about after this turn (kept from before when the turn names none). */
  focus: Product | null
  examples: FewShotExample[]
  /** Whether embeddings took part in this ranking. */
  semantic: boolean
}

export interface RetrieverOptions {
  repos: UsedRepositories
  accountId: string
  settings: SettingsService
  events: EventBus
  embedder: Embedder
  logger: Logger
  /** Longest wait for the query's embedding before ranking by text alone. */
  queryEmbedTimeoutMs?: number
}

/** Below this cosine a "nearest" example is just the least unrelated one; it is not shown. */
const MIN_EXAMPLE_SIMILARITY = 0.6
const MIN_PRODUCT_SIMILARITY = 0.5
const EMBED_BATCH = 32
const LOAD_SLICE = 2_000
/** Products read from the database per query while the index is rebuilt. */
const PRODUCT_PAGE = 500

/**
 * Finds what the model should see for a customer's message: the catalog products it is about
 * and the shop's best past answers to similar questions. Full-text ranking always; when Ollama
 * has an embedding model, vectors are kept in the background and fused with it, so "¿tienen
 * algo para escuchar música?" still finds the headphones.
 */
export class Retriever {
  private products: ProductIndex
  /** The index being rebuilt after an import; edits meanwhile go to it too. */
  private rebuilding: ProductIndex | null = null
  private rebuilds = 0
  private readonly examples = new ExampleIndex()
  private readonly vectors: Record<EmbeddingKind, VectorStore> = { product: new VectorStore(), example: new VectorStore() }
  private readonly vectorHashes: Record<EmbeddingKind, Map<string, string>> = { product: new Map(), example: new Map() }
  private embeddingModel: string | null = null
  private minScore: number
  private loaded: Promise<void>
  private syncing: Promise<void> | null = null
  private syncAgain = false
  private readonly abort = new AbortController()
  private readonly unsubscribe: () => void

  constructor(private readonly options: RetrieverOptions) {
    this.products = new ProductIndex(options.repos.products.all(options.accountId))
    this.minScore = options.settings.get().learning.minScore
    this.loaded = this.loadExamples()
    this.unsubscribe = options.events.subscribe((event, payload) => {
      if (event === 'exchange.updated') this.exchangeChanged(payload as ApiEvents['exchange.updated'])
    })
    options.settings.onChange((settings, previous) => {
      // Another country: the examples are scrubbed again with its phone formats first.
      if (settings.learning.minScore !== this.minScore || settings.shop.country !== previous.shop.country) {
        this.minScore = settings.learning.minScore
        this.loaded = this.loadExamples()
      }
      this.scheduleSync()
    })
  }

  /** Resolves once the example pool is indexed. */
  ready(): Promise<void> {
    return this.loaded
  }

  get stats(): { products: number; examples: number; embeddingModel: string | null; productVectors: number; exampleVectors: number } {
    return {
      products: this.products.size,
      examples: this.examples.size,
      embeddingModel: this.embeddingModel,
      productVectors: this.vectors.product.size,
      exampleVectors: this.vectors.example.size,
    }
  }

  productChanged(product: Product): void {
    this.products.upsert(product)
    this.rebuilding?.upsert(product)
    this.scheduleSync()
  }

  productRemoved(id: string): void {
    this.products.remove(id)
    this.rebuilding?.remove(id)
    this.vectors.product.delete(id)
    this.vectorHashes.product.delete(id)
  }

  /**
   * Rebuilds the product index from the database after an import. A new index is built page by
   * page in time slices (20,000 products took 1–2 s in one piece, during which nothing else
   * ran) and replaces the old one when complete; answers meanwhile use the old one. A newer
   * rebuild supersedes an older one still under way.
   */
  async catalogReplaced(): Promise<void> {
    const generation = ++this.rebuilds
    const next = new ProductIndex()
    this.rebuilding = next
    const slicer = new TimeSlicer()
    let after: string | null = null
    for (;;) {
      const page = this.options.repos.products.page(this.options.accountId, after, PRODUCT_PAGE)
      for (const product of page) {
        next.upsert(product)
        await slicer.pause()
        if (generation !== this.rebuilds || this.abort.signal.aborted) return
      }
      if (page.length < PRODUCT_PAGE) break
      after = page.at(-1)!.id
    }
    this.products = next
    this.rebuilding = null
    this.scheduleSync()
  }

  async retrieve(query: RetrievalQuery): Promise<Retrieval> {
    await this.loaded
    const { retrieval } = this.options.settings.get()
    const queryVector = await this.embedQuery(query.text)

    const focus = this.products.focusOf(query.text) ?? (query.focusProductId ? (this.products.get(query.focusProductId) ?? null) : null)
    const textProducts = this.products.search(query.text, retrieval.maxProducts).map((h) => h.product.id)
    const vectorProducts = queryVector
      ? this.vectors.product.nearest(queryVector, retrieval.maxProducts).filter((h) => h.similarity >= MIN_PRODUCT_SIMILARITY).map((h) => h.id)
      : []
    let productIds = unique([...(focus ? [focus.id] : []), ...fuseRankings([textProducts, vectorProducts])]).slice(0, retrieval.maxProducts)
    // A small shop's whole catalog fits in the prompt, and "¿qué venden?" deserves all of it.
    if (this.products.size <= retrieval.wholeCatalogUpTo) productIds = unique([...productIds, ...this.products.all().map((p) => p.id)])

    const textExamples = this.examples.search(query.text, retrieval.maxExamples * 2, query.conversationId).map((h) => h.example.id)
    const vectorExamples = queryVector
      ? this.vectors.example
          .nearest(queryVector, retrieval.maxExamples * 2, (id) => this.examples.get(id)?.conversationId === query.conversationId)
          .filter((h) => h.similarity >= MIN_EXAMPLE_SIMILARITY)
          .map((h) => h.id)
      : []
    const examples = dedupeAnswers(
      fuseRankings([textExamples, vectorExamples]).flatMap((id) => this.examples.get(id) ?? []),
    ).slice(0, retrieval.maxExamples)

    return {
      products: productIds.flatMap((id) => this.products.get(id) ?? []),
      focus,
      examples,
      semantic: queryVector !== null,
    }
  }

  /** Keeps embeddings up to date in the background; safe to call often. */
  scheduleSync(): void {
    if (this.abort.signal.aborted) return
    if (this.syncing) {
      this.syncAgain = true
      return
    }
    this.syncing = this.syncEmbeddings()
      .catch((error: unknown) => {
        if (!this.abort.signal.aborted) this.options.logger.warn('Embedding sync failed; ranking by text only', { error })
      })
      .finally(() => {
        this.syncing = null
        if (this.syncAgain) {
          this.syncAgain = false
          this.scheduleSync()
        }
      })
  }

  /** Resolves when the background embedding work under way is done. */
  async idle(): Promise<void> {
    await this.loaded
    while (this.syncing) await this.syncing
  }

  close(): void {
    this.abort.abort()
    this.unsubscribe()
  }

  private async loadExamples(): Promise<void> {
    // Let the app finish starting before indexing a large pool.
    await new Promise((resolve) => setImmediate(resolve))
    // A short-lived app (a CLI command) may be closed by now, its database with it.
    if (this.abort.signal.aborted) return
    try {
      const rows = this.options.repos.trainingData.fewShotPool(this.minScore)
      this.examples.clear()
      // In slices, so that 50,000 examples (seconds of scrubbing and indexing) never hold up
      // the messages arriving meanwhile.
      for (let i = 0; i < rows.length; i += LOAD_SLICE) {
        const country = this.options.settings.get().shop.country
        this.examples.addAll(rows.slice(i, i + LOAD_SLICE).map((row) => toFewShot(row, country)))
        await new Promise((resolve) => setImmediate(resolve))
        if (this.abort.signal.aborted) return
      }
    } catch (error) {
      // Answers still go out, without examples; the next settings change or restart retries.
      this.options.logger.error('Loading the few-shot examples failed', { error })
      return
    }
    this.scheduleSync()
  }

  private exchangeChanged(dto: ExchangeDto): void {
    const eligible =
      !dto.isDemo && (dto.reviewStatus === 'approved' || dto.reviewStatus === 'corrected') && (dto.qualityScore ?? 0) >= this.minScore
    if (!eligible) {
      this.examples.remove(dto.id)
      this.vectors.example.delete(dto.id)
      return
    }
    this.examples.upsert(
      toFewShot(
        {
          ...dto,
          createdAt: new Date(dto.createdAt),
          qualityScore: dto.qualityScore,
        },
        this.options.settings.get().shop.country,
      ),
    )
    this.scheduleSync()
  }

  private async resolveEmbeddingModel(): Promise<string | null> {
    const wanted = this.options.settings.get().retrieval.embeddingModel
    if (wanted === 'off') return null
    const models = await this.options.embedder.listModels(this.abort.signal).catch(() => null)
    if (!models) return this.embeddingModel // Ollama is away: keep what we had.
    if (wanted !== 'auto') return models.some((m) => m.name === wanted || m.name === `${wanted}:latest`) ? wanted : null
    return models.find((m) => m.embedding)?.name ?? null
  }

  private async syncEmbeddings(): Promise<void> {
    const model = await this.resolveEmbeddingModel()
    if (model !== this.embeddingModel) {
      for (const kind of ['product', 'example'] as const) {
        this.vectors[kind].clear()
        this.vectorHashes[kind].clear()
        if (!model) continue
        for (const stored of this.options.repos.embeddings.all(kind, model)) {
          this.vectors[kind].set(stored.refId, stored.vector)
          this.vectorHashes[kind].set(stored.refId, stored.textHash)
        }
      }
      this.embeddingModel = model
    }
    if (!model) return
    await this.embedMissing('product', model, this.products.all().map((p) => ({ id: p.id, text: productText(p) })))
    await this.embedMissing('example', model, [...this.examples.values()].map((e) => ({ id: e.id, text: e.question })))
  }

  private async embedMissing(kind: EmbeddingKind, model: string, docs: { id: string; text: string }[]): Promise<void> {
    const hashes = this.vectorHashes[kind]
    const missing = docs.map((d) => ({ ...d, hash: textHash(d.text) })).filter((d) => hashes.get(d.id) !== d.hash)
    for (let i = 0; i < missing.length; i += EMBED_BATCH) {
      if (this.abort.signal.aborted || this.embeddingModel !== model) return
      const batch = missing.slice(i, i + EMBED_BATCH)
      const vectors = await this.options.embedder.embed(model, batch.map((d) => d.text), this.abort.signal)
      const rows = batch.map((d, j) => ({ refId: d.id, textHash: d.hash, vector: Float32Array.from(vectors[j] ?? []) }))
      this.options.repos.embeddings.upsertMany(kind, model, rows)
      for (const row of rows) {
        this.vectors[kind].set(row.refId, row.vector)
        hashes.set(row.refId, row.textHash)
      }
    }
  }

  private async embedQuery(text: string): Promise<number[] | null> {
    const model = this.embeddingModel
    if (!model || (this.vectors.product.size === 0 && this.vectors.example.size === 0)) return null
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.options.queryEmbedTimeoutMs ?? 2_000)])
    try {
      const [vector] = await this.options.embedder.embed(model, [text], signal)
      return vector ?? null
    } catch (error) {
      this.options.logger.warn('Query embedding failed; ranking by text only', { error })
      return null
    }
  }
}

function toFewShot(row: FewShotRow, country: string | null): FewShotExample {
  // These texts go into prompts for other customers: another customer's phone, email or name
  // ("Hola Ana, …" in the answer) must never reach them.
  const names = knownNames([row.customerName])
  return {
    id: row.id,
    conversationId: row.conversationId,
    question: scrubPersonalData(row.userMessage, { names, country }).text,
    answer: scrubPersonalData(row.correctedResponse ?? row.botResponse, { names, country }).text,
    category: row.category,
    productId: row.productId,
    score: row.qualityScore ?? 0,
    corrected: row.reviewStatus === 'corrected',
    createdAt: row.createdAt.getTime(),
  }
}

function productText(product: Product): string {
  return [product.name, product.category, product.keywords.join(', '), product.description].filter(Boolean).join('. ')
}

function textHash(text: string): string {
  return hash53(text).toString(36)
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)]
}

/** Two examples with the same answer teach the model one thing twice. */
function dedupeAnswers(examples: FewShotExample[]): FewShotExample[] {
  const seen = new Set<string>()
  return examples.filter((e) => {
    const key = e.answer.trim().toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

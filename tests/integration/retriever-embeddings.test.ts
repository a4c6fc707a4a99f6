import { afterEach, describe, expect, it } from 'vitest'
import type { ModelInfo } from '../../src/main/llm/llm-provider'
import { Retriever, type Embedder } from '../../src/main/retrieval/retriever'
import { defaultSettings } from '../../src/main/settings/settings-defaults'
import { SettingsService } from '../../src/main/settings/settings-service'
import type { ProductInput } from '../../src/shared/catalog'
import { buildTestApp, callApi as call, type TestApp } from '../support/test-app'

/**
 * A stand-in embedding model with a tiny, hand-made semantic space: texts about listening to
 * music land near each other whatever their words. Ollama's HTTP side of `embed` is covered by
 * the provider tests against the API double.
 */
const CONCEPTS: RegExp[] = [/m[uú]sica|escuchar|o[ií]r|audio|sonido|aud[ií]fono|parlante|canci/i, /carga|bater|usb|celular/i, /curso|clase|aprender|piano|guitarra/i, /env[ií]o|domicilio|llega|ciudad/i]
class ConceptEmbedder implements Embedder {
  readonly calls: string[][] = []
  constructor(private readonly models: ModelInfo[]) {}
  listModels(): Promise<ModelInfo[]> {
    return Promise.resolve(this.models)
  }
  embed(_model: string, inputs: string[]): Promise<number[][]> {
    this.calls.push(inputs)
    return Promise.resolve(inputs.map((text) => [...CONCEPTS.map((re): number => (re.test(text) ? 1 : 0)), 0.05]))
  }
}

const embeddingModel: ModelInfo = { name: 'nomic-embed-text:latest', sizeBytes: 1, family: 'nomic-bert', parameterSize: null, quantization: null, embedding: true }
const chatModel: ModelInfo = { name: 'llama3.1:8b', sizeBytes: 1, family: 'llama', parameterSize: '8B', quantization: 'Q4_K_M', embedding: false }

describe('Retriever with an embedding model', () => {
  let app: TestApp | undefined
  const retrievers: Retriever[] = []
  afterEach(async () => {
    for (const r of retrievers.splice(0)) r.close()
    await app?.dispose()
    app = undefined
  })

  /** A retriever over a fresh app's store (the app's own talks to an absent Ollama), catalog too big to go whole into the prompt. */
  async function retrieverWith(embedder: ConceptEmbedder, products: (Partial<ProductInput> & Pick<ProductInput, 'name'>)[]): Promise<() => Retriever> {
    app = await buildTestApp()
    for (const product of products) await call(app, 'catalog.save', { product })
    const settings = new SettingsService({ repo: app.repos.settings, defaults: defaultSettings({}) })
    settings.update({ retrieval: { wholeCatalogUpTo: 0 } })
    const a = app
    return () => {
      const retriever = new Retriever({ repos: a.repos, accountId: a.accountId, settings, events: a.events, embedder, logger: a.logger })
      retrievers.push(retriever)
      return retriever
    }
  }

  it('embeds the catalog in the background, stores the vectors, and finds products that share no word with the question', async () => {
    const embedder = new ConceptEmbedder([chatModel, embeddingModel])
    const make = await retrieverWith(embedder, [
      { name: 'Audífonos Bluetooth X2', price: 85_000, description: 'Cancelación de ruido' },
      { name: 'Cargador Rápido USB-C 33W', price: 45_000 },
      { name: 'Curso de Piano Básico', price: 89_000 },
    ])
    const retriever = make()
    await retriever.idle()
    expect(retriever.stats).toMatchObject({ embeddingModel: 'nomic-embed-text:latest', productVectors: 3 })

    const found = await retriever.retrieve({ conversationId: 'c1', text: 'quiero algo para oír canciones en el bus', focusProductId: null })
    expect(found.semantic).toBe(true)
    expect(found.products[0]?.name).toBe('Audífonos Bluetooth X2')

    // A restart reads the stored vectors instead of embedding the catalog again.
    const callsBefore = embedder.calls.length
    const again = make()
    await again.idle()
    expect(again.stats.productVectors).toBe(3)
    expect(embedder.calls.length).toBe(callsBefore)
  })

  it('ranks by text alone when no embedding model is installed', async () => {
    const embedder = new ConceptEmbedder([chatModel])
    const retriever = (await retrieverWith(embedder, [{ name: 'Audífonos Bluetooth X2', price: 85_000 }]))()
    await retriever.idle()
    expect(retriever.stats.embeddingModel).toBeNull()
    const found = await retriever.retrieve({ conversationId: 'c1', text: 'quiero algo para oír canciones', focusProductId: null })
    expect(found).toMatchObject({ semantic: false, products: [] })
    expect((await retriever.retrieve({ conversationId: 'c1', text: 'audífonos', focusProductId: null })).products[0]?.name).toBe('Audífonos Bluetooth X2')
    expect(embedder.calls).toEqual([])
  })
})

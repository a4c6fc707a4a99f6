import { afterEach, describe, expect, it } from 'vitest'
import type { Embedder } from '../../src/main/retrieval/retriever'
import type { ModelInfo } from '../../src/main/llm/llm-provider'
import type { ProductDto } from '../../src/shared/catalog'
import { buildTestApp, callApi as call } from '../support/test-app'

type TestApp = Awaited<ReturnType<typeof buildTestApp>>

/**
 * A stand-in embedding model with a tiny, hand-made semantic space: texts about listening to
 * music land near each other whatever their words; Ollama's HTTP side of `embed` is covered by
 * the provider tests against the API double.
 */
const CONCEPTS: [RegExp, number][] = [
  [/m[uú]sica|escuchar|audio|sonido|audífono|audifono|parlante|canci/i, 0],
  [/carga|bater|usb|celular/i, 1],
  [/curso|clase|aprender|piano|guitarra/i, 2],
  [/env[ií]o|domicilio|llega|ciudad/i, 3],
]
class ConceptEmbedder implements Embedder {
  readonly calls: string[][] = []
  constructor(private readonly models: ModelInfo[]) {}
  listModels(): Promise<ModelInfo[]> {
    return Promise.resolve(this.models)
  }
  embed(model: string, inputs: string[]): Promise<number[][]> {
    this.calls.push(inputs)
    return Promise.resolve(inputs.map((text) => [...CONCEPTS.map(([re]): number => (re.test(text) ? 1 : 0)), 0.05]))
  }
}

const embeddingModel: ModelInfo = { name: 'nomic-embed-text:latest', sizeBytes: 1, family: 'nomic-bert', parameterSize: null, quantization: null, embedding: true }
const chatModel: ModelInfo = { name: 'llama3.1:8b', sizeBytes: 1, family: 'llama', parameterSize: '8B', quantization: 'Q4_K_M', embedding: false }

describe('Retriever with an embedding model', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.dispose()
    app = undefined
  })

  it('embeds the catalog in the background, stores the vectors, and finds products that share no word with the question', async () => {
    const embedder = new ConceptEmbedder([chatModel, embeddingModel])
    app = await buildTestApp()
    // The app's own retriever talks to Ollama; this one is built over the same store with the stand-in.
    const { Retriever } = await import('../../src/main/retrieval/retriever')
    for (const product of [
      { name: 'Audífonos Bluetooth X2', price: 85_000, description: 'Cancelación de ruido' },
      { name: 'Cargador Rápido USB-C 33W', price: 45_000 },
      { name: 'Curso de Piano Básico', price: 89_000 },
    ])
      await call<ProductDto>(app, 'catalog.save', { product })
    const { SettingsService } = await import('../../src/main/settings/settings-service')
    const { defaultSettings } = await import('../../src/main/settings/settings-defaults')
    const settings = new SettingsService(app.repos.settings, defaultSettings({}))
    settings.update({ retrieval: { wholeCatalogUpTo: 0 } })
    const retriever = new Retriever({ repos: app.repos, accountId: app.accountId, settings, events: app.events, embedder, logger: app.logger })
    await retriever.idle()
    expect(retriever.stats).toMatchObject({ embeddingModel: 'nomic-embed-text:latest', productVectors: 3 })

    const found = await retriever.retrieve({ conversationId: 'c1', text: 'quiero algo para oír canciones en el bus', focusProductId: null })
    expect(found.semantic).toBe(true)
    expect(found.products[0]?.name).toBe('Audífonos Bluetooth X2')

    // A restart reads the stored vectors instead of embedding the catalog again.
    const callsBefore = embedder.calls.length
    const again = new Retriever({ repos: app.repos, accountId: app.accountId, settings, events: app.events, embedder, logger: app.logger })
    await again.idle()
    expect(again.stats.productVectors).toBe(3)
    expect(embedder.calls.length).toBe(callsBefore)
    retriever.close()
    again.close()
  })

  it('ranks by text alone when no embedding model is installed', async () => {
    const embedder = new ConceptEmbedder([chatModel])
    app = await buildTestApp()
    const { Retriever } = await import('../../src/main/retrieval/retriever')
    await call<ProductDto>(app, 'catalog.save', { product: { name: 'Audífonos Bluetooth X2', price: 85_000 } })
    const { SettingsService } = await import('../../src/main/settings/settings-service')
    const { defaultSettings } = await import('../../src/main/settings/settings-defaults')
    const settings = new SettingsService(app.repos.settings, defaultSettings({}))
    settings.update({ retrieval: { wholeCatalogUpTo: 0 } })
    const retriever = new Retriever({ repos: app.repos, accountId: app.accountId, settings, events: app.events, embedder, logger: app.logger })
    await retriever.idle()
    expect(retriever.stats.embeddingModel).toBeNull()
    const found = await retriever.retrieve({ conversationId: 'c1', text: 'quiero algo para oír canciones', focusProductId: null })
    expect(found).toMatchObject({ semantic: false, products: [] })
    expect((await retriever.retrieve({ conversationId: 'c1', text: 'audífonos', focusProductId: null })).products[0]?.name).toBe('Audífonos Bluetooth X2')
    expect(embedder.calls).toEqual([])
    retriever.close()
  })
})

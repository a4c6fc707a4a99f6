// Issue 5's target: the reply path's own overhead — retrieval, prompt building, guardrails,
// storing and sending the answer, and the capture — with 5,000 products and 50,000 reviewed
// examples, model time excluded (an in-process provider that answers at once).
// `npx tsx bench/responder.bench.ts`
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../src/main/app/create-app'
import { mulberry32 } from '../src/main/kernel/hash'
import type { ChatRequest, ChatResult, LlmProvider, ModelInfo, ProviderHealth } from '../src/main/llm/llm-provider'
import { silentLogger } from '../src/main/kernel/logger'
import { newId } from '../src/main/kernel/ids'
import { VectorStore } from '../src/main/retrieval/vector-store'
import type { NewTrainingRow } from '../src/main/store/repositories/training-data-repository'

const PRODUCTS = 5_000
const EXAMPLES = 50_000
const MESSAGES = 2_000

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
const ms = (n: number) => `${n.toFixed(n < 10 ? 3 : 1)} ms`
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024)

const random = mulberry32(5)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const KINDS = ['Audífonos', 'Parlante', 'Cargador', 'Cable', 'Mouse', 'Teclado', 'Smartwatch', 'Lámpara', 'Soporte', 'Funda', 'Curso', 'Taller', 'Mentoría', 'Memoria', 'Cámara']
const TRAITS = ['Bluetooth', 'Inalámbrico', 'USB-C', 'Portátil', 'Gamer', 'Silencioso', 'Deportivo', 'LED', 'Premium', 'Básico', 'Avanzado', 'de Piano', 'de Guitarra', 'de Inglés', 'de Excel', 'de Fotografía']
const QUESTIONS = ['¿Cuánto cuesta el {p}?', 'hola, tienen {p}?', 'me interesa el {p}, hacen envíos?', 'precio del {p} porfa', '¿el {p} tiene garantía?', 'busco algo como {p}']

class InstantProvider implements LlmProvider {
  readonly id = 'ollama' as const
  readonly host = 'in-process'
  chat(request: ChatRequest): Promise<ChatResult> {
    // Quotes a price from the prompt's catalog, so the price guardrail runs its full check.
    const line = request.messages[0]?.content.match(/- (.+?): (\$[\d.]+)/)
    const text = line ? `¡Hola! El ${line[1]} cuesta ${line[2]}. ¿Te lo separo?` : '¡Hola! ¿Qué producto buscas?'
    return Promise.resolve({ text, model: request.model, provider: 'ollama', doneReason: 'stop' })
  }
  health(): Promise<ProviderHealth> {
    return Promise.resolve({ state: 'ready', detail: null, serverVersion: 'bench', installedModels: ['llama3.1:8b'] })
  }
  listModels(): Promise<ModelInfo[]> {
    return Promise.resolve([])
  }
  embed(): Promise<number[][]> {
    return Promise.reject(new Error('no embeddings in this benchmark'))
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'autodidacta-bench-'))
  const app = await createApp({ dataDir: dir, version: 'bench', logger: silentLogger, env: {}, createProvider: () => new InstantProvider() })
  const names: string[] = []
  try {
    const rows = []
    for (let i = 0; i < PRODUCTS; i++) {
      const name = `${pick(KINDS)} ${pick(TRAITS)} ${String.fromCharCode(65 + (i % 26))}${i}`
      names.push(name)
      rows.push({ sku: `SKU-${i}`, name, description: `${name}: producto de prueba con garantía de 6 meses y envío a todo el país.`, price: 10_000 + (i % 300) * 1_000, currency: 'COP', category: pick(['gadgets', 'cursos', 'hogar']), keywords: [name.split(' ')[0]!.toLowerCase()], active: true })
    }
    const csv = ['sku;nombre;descripcion;precio;categoria;palabras clave', ...rows.map((r) => `${r.sku};${r.name};${r.description};${r.price};${r.category};${r.keywords.join(',')}`)].join('\n')
    let started = performance.now()
    const report = await app.catalog.import('csv', csv, false)
    const importMs = performance.now() - started
    if (!report.applied) throw new Error(`catalog import failed: ${JSON.stringify(report.errors.slice(0, 3))}`)

    // 50,000 reviewed exchanges in 500 past conversations (as the owner's approvals leave them).
    const account = app.repos.accounts.ensureShopAccount('bench')
    const conversations = Array.from({ length: 500 }, (_, i) => app.repos.conversations.ensureForContact(account.id, app.repos.contacts.upsert(account.id, 'simulator', `past-${i}`, null).id).id)
    const batch: NewTrainingRow[] = []
    for (let i = 0; i < EXAMPLES; i++) {
      const product = pick(names)
      batch.push({
        id: newId(),
        userId: account.id,
        conversationId: pick(conversations),
        userMessage: pick(QUESTIONS).replace('{p}', product),
        botResponse: `¡Claro! El ${product} está disponible. ¿Te envío el enlace de pago?`,
        correctedResponse: i % 5 === 0 ? `¡Hola! Sí, tenemos el ${product}; te paso el link de pago 😊` : null,
        reviewStatus: i % 5 === 0 ? 'corrected' : 'approved',
        qualityScore: 4 + (i % 2),
        manualScore: 4 + (i % 2),
        category: 'consulta_producto',
        model: 'llama3.1:8b',
        createdAt: new Date(Date.now() - i * 60_000),
        // Already evaluated, or the no-reply sweep would spend the benchmark scoring them.
        evaluatedAt: new Date(Date.now() - i * 60_000 + 1_000),
      })
      if (batch.length === 5_000) app.repos.trainingData.insertMany(batch.splice(0))
    }
    app.repos.trainingData.insertMany(batch.splice(0))
    const rssBefore = rssMb()
    started = performance.now()
    // The pool loaded at start was empty; a settings change reloads it, as after a restart.
    await app.retriever.catalogReplaced()
    await app.dispatch('settings.update', { learning: { minScore: 3 } })
    await app.retriever.ready()
    const indexMs = performance.now() - started
    const stats = app.retriever.stats

    const assemble: number[] = []
    const whole: number[] = []
    for (let i = 0; i < MESSAGES; i++) {
      const text = pick(QUESTIONS).replace('{p}', pick(names))
      let t = performance.now()
      await app.prompts.assemble({ conversationId: 'x', asked: text, focusProductId: null, history: [{ role: 'user', content: text }] })
      assemble.push(performance.now() - t)
      t = performance.now()
      const sent = await app.dispatch('simulator.send', { from: `cliente-${i % 300}`, text })
      if (!sent.ok) throw new Error(sent.error.message)
      await app.idle()
      whole.push(performance.now() - t)
    }
    assemble.sort((a, b) => a - b)
    whole.sort((a, b) => a - b)
    const answered = (app.repos.db.$client.prepare("SELECT count(*) AS n FROM messages WHERE author = 'bot'").get() as { n: number }).n
    const captured = (app.repos.db.$client.prepare("SELECT count(*) AS n FROM training_data WHERE model = 'llama3.1:8b' AND botMessageId IS NOT NULL").get() as { n: number }).n
    console.log(`catalog import of ${PRODUCTS} products (CSV, one transaction): ${ms(importMs)}`)
    console.log(`few-shot pool indexed: ${stats.examples} examples, ${stats.products} products in ${ms(indexMs)}; RSS ${rssBefore} → ${rssMb()} MB`)
    console.log(`retrieval + prompt building (n=${MESSAGES}): p50 ${ms(percentile(assemble, 50))} p99 ${ms(percentile(assemble, 99))} max ${ms(assemble.at(-1)!)}`)
    console.log(
      `whole reply path without model time, message stored → answer sent → exchange captured (n=${MESSAGES}, fsync on): p50 ${ms(percentile(whole, 50))} p99 ${ms(percentile(whole, 99))} max ${ms(whole.at(-1)!)}`,
    )
    console.log(`answers sent: ${answered}, captured: ${captured}`)
  } finally {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The semantic half, when Ollama has an embedding model: nearest neighbours among 50,000 vectors of 768 dimensions (nomic-embed-text's size). */
function vectors(): void {
  const dims = 768
  const rssBefore = rssMb()
  const store = new VectorStore()
  const row = new Float32Array(dims)
  for (let i = 0; i < EXAMPLES; i++) {
    for (let d = 0; d < dims; d++) row[d] = random() * 2 - 1
    store.set(`e${i}`, row)
  }
  const samples: number[] = []
  for (let q = 0; q < 200; q++) {
    for (let d = 0; d < dims; d++) row[d] = random() * 2 - 1
    const t = performance.now()
    store.nearest(row, 6)
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  console.log(`nearest 6 of ${EXAMPLES} int8 vectors × ${dims} (n=200): p50 ${ms(percentile(samples, 50))} p99 ${ms(percentile(samples, 99))}; RSS +${rssMb() - rssBefore} MB`)
}

await main()
vectors()

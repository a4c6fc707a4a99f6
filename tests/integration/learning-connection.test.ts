// Issue 12 §2: the learning loop writes on its own SQLite connection with synchronous=NORMAL
// (no disk sync per capture). What a power cut can take from it is rebuilt from the messages
// at start: the capture and, when the customer had answered, its evaluation.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { ExchangeDto } from '../../src/shared/types'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, tempDir, type TestApp } from '../support/test-app'

async function say(app: TestApp, from: string, text: string): Promise<void> {
  await call(app, 'simulator.send', { from, text })
  await app.idle()
}

async function exchanges(app: TestApp): Promise<ExchangeDto[]> {
  return (await call(app, 'review.list', { status: 'all', limit: 500 })).items
}

describe('the learning connection', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  const dir = tempDir()
  afterAll(() => dir.remove())
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = undefined
  })

  it('rebuilds lost captures and their evaluations from the messages at the next start', async () => {
    ollama = await startOllamaDouble({ reply: () => 'El Curso de Piano Básico cuesta $89.000. ¿Te envío el link?' })
    const dataDir = join(dir.path, 'data')
    const first = await buildTestApp({ dataDir, ollamaHost: ollama.url })
    await call(first, 'catalog.save', { product: { name: 'Curso de Piano Básico', price: 89_000, keywords: ['piano'] } })
    await say(first, 'Marta', '¿Cuánto vale el curso de piano?')
    await say(first, 'Marta', 'perfecto, me lo llevo! cómo pago?')
    const before = (await exchanges(first)).find((e) => e.userMessage === '¿Cuánto vale el curso de piano?')
    expect(before).toMatchObject({ qualityScore: 5, wasSuccessful: true })
    await first.close()

    // A power cut took the learning writes that were not yet on disk: here, all of them.
    const sqlite = new Database(join(dataDir, 'autodidacta.db'))
    sqlite.prepare('DELETE FROM training_data').run()
    sqlite.close()

    app = await buildTestApp({ dataDir, ollamaHost: ollama.url })
    await app.idle()
    const after = (await exchanges(app)).find((e) => e.userMessage === '¿Cuánto vale el curso de piano?')
    // Recaptured, and evaluated from the customer's answer — not left for the no-reply sweep.
    expect(after).toMatchObject({ qualityScore: 5, wasSuccessful: true, autoScoreSource: before!.autoScoreSource })
    expect(after!.evaluatedAt).not.toBeNull()
  })

  it('keeps customer messages on a fully synced connection while captures skip the sync', async () => {
    app = await buildTestApp()
    expect(app.repos.db.$client.pragma('synchronous', { simple: true })).toBe(2) // FULL
    const learning = (app.capture as unknown as { deps: { repos: { db: { $client: Database.Database } } } }).deps.repos.db.$client
    expect(learning).not.toBe(app.repos.db.$client)
    expect(learning.pragma('synchronous', { simple: true })).toBe(1) // NORMAL
    expect(learning.pragma('busy_timeout', { simple: true })).toBe(5000)
  })
})

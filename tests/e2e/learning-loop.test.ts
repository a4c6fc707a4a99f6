// The whole loop in Chromium against `serve`, with the real trainer: simulated customer
// conversations are scored automatically, the owner reviews and corrects, generates a dataset,
// trains a tiny model with live progress, the candidate is validated and deployed to Ollama
// (a double of its API), and the next customer is answered by the new version.
//
// The shop starts on a tiny untrained model: it is what Ollama's store holds as the live model,
// and the double answers for it with what that GGUF really generates (run beforehand with the
// trainer's `generate`), so the validation compares two real models, not a script.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findLlamaTools } from '../../src/main/training/llama-tools'
import { generateLocally } from '../../src/main/training/llamacpp-finetune'
import { createTinyLlamaModel, tinyCorpusFromDataset } from '../support/tiny-model'
import { promptAndReference, readChatExamples } from '../../src/main/training/validation-gate'
import { addToOllamaStore } from '../support/ollama-store-fixture'
import type { DatasetDto, ExchangeDto, MessageDto, ModelVersionDto, TrainingRunDto } from '../../src/shared/types'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { CLI, post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

const NEW_MODEL = /^autodidacta-tecnovariedades-d-s:v1$/

describe('the learning loop end to end in Chromium', () => {
  const dir = tempDir()
  const store = join(dir.path, 'ollama-store')
  /** What the live (untrained) model answers to each validation question, as the trainer generated it. */
  const liveAnswers = new Map<string, string>()
  let ollama: OllamaDouble
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  const api = async <T,>(method: string, input: unknown = {}): Promise<T> => {
    const { status, body } = await post(serve.url, serve.token, method, input)
    if (status !== 200) throw new Error(`${method}: ${JSON.stringify(body)}`)
    return body as T
  }
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name })

  beforeAll(async () => {
    ollama = await startOllamaDouble({
      // The model in use before training: unhelpful, so the customers' replies score it low.
      reply: (r) => liveAnswers.get([...r.messages].reverse().find((m) => m.role === 'user')?.content ?? '') ?? 'No sé, escriba más tarde.',
      replyFor: (model) => (NEW_MODEL.test(model) ? '¡Hola! Sí, el Curso de Piano Básico cuesta $89.000. ¿Te envío el enlace de pago?' : undefined),
    })
    // Earlier simulated conversations (scored by the real scorer), as a shop's history would be.
    const seeded = spawnSync(process.execPath, [CLI, 'demo-data', '--data-dir', dir.path, '--count', '240', '--seed', '5'], { encoding: 'utf8', timeout: 60_000 })
    expect(seeded.status, seeded.stderr).toBe(0)
    serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url, OLLAMA_MODELS: store })
    // An empty data folder opens on Primeros pasos (first-day.test.ts); these tests start at the sections.
    await api('setup.dismiss', { dismissed: true })
    await api('settings.update', { training: { learningRate: 2e-4, epochs: 16 }, whatsapp: { debounceMs: 0 } })
    await api('catalog.save', { product: { name: 'Curso de Piano Básico', price: 89_000, keywords: ['piano'] } })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'es-CO' })
    // An action on an element that never comes fails with the locator's name, not a silent test timeout.
    page.setDefaultTimeout(20_000)
    await page.goto(`${serve.url}/#token=${serve.token}`)
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await ollama?.close().catch(() => {})
    dir.remove()
  })

  // Up to two minutes: right after `serve` starts on a data folder of 240 demo conversations, a
  // loaded CI machine has taken 10–40 s to show the first simulated message (cause not pinned
  // down yet; see the closing note of 2026-12-05).
  it('customers talk to the bot and its answers are scored from their replies', { timeout: 120_000 }, async () => {
    // The list has loaded before the pretend customer writes.
    await expect.poll(() => page.getByTestId('conversation-list').getByText('(demo', { exact: false }).count(), { timeout: 30_000 }).toBeGreaterThan(0)
    const simulator = page.getByTestId('simulator')
    await simulator.getByLabel('Cliente').fill('Lucía')
    for (const text of ['Hola, ¿cuánto cuesta el curso de piano?', 'eso no fue lo que pregunté 😡']) {
      await simulator.getByLabel('Mensaje').fill(text)
      await simulator.getByRole('button', { name: 'Enviar' }).click()
      // Counted, not read: reading a bubble that never comes waits past every poll timeout.
      await expect.poll(() => page.getByTestId('bubble-customer').filter({ hasText: text.slice(0, 12) }).count(), { timeout: 45_000 }).toBe(1)
    }
    await expect.poll(async () => (await api<{ items: ExchangeDto[] }>('review.list', { status: 'all', includeDemo: false })).items.find((e) => e.autoScore !== null)?.autoScore ?? null, { timeout: 10_000 }).toBeLessThanOrEqual(2)
  })

  it('the owner rewrites the bad answer in Revisión, and generates a dataset', async () => {
    await nav('Revisión').click()
    // Hundreds of demo exchanges would bury the real one; the owner leaves demo mode to look at real customers first.
    await page.getByTestId('demo-banner').getByRole('button', { name: 'Salir del modo demostración' }).click()
    const card = page.getByTestId('exchange').filter({ hasText: 'cuánto cuesta el curso de piano' }).first()
    await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true)
    await card.getByRole('button', { name: /^Reescribir/ }).click()
    await card.locator('.correction-editor textarea').fill('¡Hola! El Curso de Piano Básico cuesta $89.000 e incluye 12 clases en video. ¿Te envío el enlace de pago?')
    await card.getByRole('button', { name: 'Guardar', exact: true }).click()
    // Corrected, it leaves the pending queue: the rewrite is the training target.
    await expect
      .poll(async () => (await api<{ items: ExchangeDto[] }>('review.list', { status: 'corrected', includeDemo: false })).items[0]?.correctedResponse ?? '')
      .toContain('12 clases en video')

    // The demo history joins the dataset: demo mode back on, from Ajustes.
    await nav('Ajustes').click()
    await page.getByRole('checkbox', { name: 'Usar las conversaciones de ejemplo en Revisión, Estadísticas y los lotes de ejemplos' }).check()
    await page.getByRole('button', { name: 'Guardar', exact: true }).click()
    await expect.poll(() => page.getByTestId('demo-banner').isVisible()).toBe(true)
    await nav('Entrenamiento').click()
    const form = page.getByTestId('dataset-form')
    await form.getByRole('button', { name: 'Preparar lote' }).click()
    await expect.poll(async () => (await api<DatasetDto[]>('datasets.list'))[0]?.status, { timeout: 30_000 }).toBe('ready')
    const dataset = (await api<DatasetDto[]>('datasets.list'))[0]!
    const lines = ['train.jsonl', 'valid.jsonl'].flatMap((f) => readFileSync(join(dataset.path!, f), 'utf8').split('\n').filter(Boolean))
    // The owner's rewrite is a training target.
    expect(lines.some((l) => l.includes('incluye 12 clases en video'))).toBe(true)
  })

  it('"Entrenar" fine-tunes a tiny model for real, with live progress; it is validated and deployed', async () => {
    const dataset = (await api<DatasetDto[]>('datasets.list'))[0]!
    const lines = ['train.jsonl', 'valid.jsonl'].flatMap((f) => readFileSync(join(dataset.path!, f), 'utf8').split('\n').filter(Boolean))
    const base = join(dir.path, 'tiny-base.gguf')
    await createTinyLlamaModel(base, { corpus: tinyCorpusFromDataset(lines), layers: 4, seed: 5 })
    // The shop's live model is this untrained GGUF, installed in Ollama as llama3.1:8b.
    addToOllamaStore(store, 'llama3.1', '8b', base)
    const validFile = join(dataset.path!, 'valid.jsonl')
    const examples = readChatExamples(validFile)
    const generated = await generateLocally(findLlamaTools({ env: process.env })!, base, validFile, 12, 256, {})
    examples.slice(0, generated.length).forEach((e, i) => liveAnswers.set(promptAndReference(e).question, generated[i]!))

    // One click: the base found in Ollama's store is preselected, the defaults are ready.
    await page.reload()
    await nav('Entrenamiento').click()
    const panel = page.getByTestId('train-panel')
    await panel.getByRole('radio', { name: 'Mejorar el bot con tus conversaciones' }).check()
    // Folded under technical details, which name the base chosen.
    await expect.poll(() => panel.getByTestId('base-technical').locator('summary').filter({ hasText: 'llama3.1:8b' }).count()).toBe(1)
    await panel.getByRole('button', { name: 'Entrenar', exact: true }).click()

    const progress = page.getByTestId('training-progress')
    await expect.poll(() => progress.getByTestId('loss-chart').getAttribute('data-points').then(Number), { timeout: 240_000 }).toBeGreaterThanOrEqual(3)
    expect(await progress.getAttribute('data-stage')).toBe('training')
    await progress.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('50-bucle-entrenando') })

    await expect.poll(() => progress.count(), { timeout: 540_000 }).toBe(0)
    const run = (await api<TrainingRunDto[]>('training.list'))[0]!
    expect(run.status, run.error ?? '').toBe('succeeded')
    expect(run.lossCurve.at(-1)!.loss).toBeLessThan(run.lossCurve[0]!.loss)
    // Both models are GGUFs on this machine with one tokenizer: perplexity per token, and chrF.
    const validation = run.validation!
    expect(validation.perplexityUnit).toBe('token')
    expect(validation.candidate.perplexity!).toBeLessThan(validation.live.perplexity! / 3)
    expect(run.modelVersion?.name).toMatch(NEW_MODEL)
    const report = page.getByTestId('validation-report').first()
    await report.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('51-bucle-validado') })
    if (validation.better) {
      await expect.poll(() => report.textContent()).toContain('La versión nueva responde mejor')
      expect(run.modelVersion?.isLive).toBe(true)
    } else {
      // A tiny model trained for a minute learns the answers' statistics (perplexity ÷ 3+), not
      // yet fluent Spanish, and chrF says so: the gate keeps the live model, and the owner, who
      // decides, puts v1 live from the version list (the smoke test still has to pass).
      expect(validation.reasons.join(' ')).toContain('chrF')
      expect(run.modelVersion?.isLive).toBe(false)
      await expect.poll(() => report.textContent()).toContain('No responde mejor')
      const v1 = page.locator('[data-testid="model-version"][data-version="1"]')
      await v1.getByRole('button', { name: 'Usar esta versión' }).click()
      await page.getByRole('button', { name: 'Sí, usar esta versión' }).click()
      await expect.poll(() => v1.getAttribute('data-live')).toBe('true')
    }
    const versions = await api<ModelVersionDto[]>('models.list')
    expect(versions.find((v) => v.isLive)?.name).toMatch(NEW_MODEL)
    expect(ollama.created.get(run.modelVersion!.name)?.files?.['model.gguf']).toMatch(/^sha256:/)
  }, 600_000)

  it('the next customer message is answered by the new version, recorded as such', async () => {
    await nav('Conversaciones').click()
    const simulator = page.getByTestId('simulator')
    await simulator.getByLabel('Cliente').fill('Mateo')
    await simulator.getByLabel('Mensaje').fill('Buenas, ¿cuánto vale el curso de piano?')
    await simulator.getByRole('button', { name: 'Enviar' }).click()
    const bubble = page.getByTestId('bubble-bot').last()
    await expect.poll(() => bubble.textContent(), { timeout: 15_000 }).toContain('$89.000')
    // In the owner's words; the Ollama tag stays in the tooltip.
    // The version list arrives just after the thread opens: until then the tag already reads "Versión 1".
    await expect.poll(() => bubble.textContent()).toMatch(/Respondió Versión 1 \(entrenada el /)
    expect(await bubble.getByTestId('message-model').getAttribute('title')).toMatch(NEW_MODEL)
    await page.screenshot({ path: screenshotPath('52-bucle-nueva-version') })
    const conversations = await api<{ id: string; contact: { displayName: string } }[]>('conversations.list')
    const mateo = conversations.find((c) => c.contact.displayName === 'Mateo')!
    const messages = await api<MessageDto[]>('conversations.messages', { conversationId: mateo.id })
    expect(messages.at(-1)).toMatchObject({ author: 'bot', model: expect.stringMatching(NEW_MODEL) })
    // The exchange is captured under the new version, for the next round of the loop.
    await expect.poll(async () => (await api<{ items: ExchangeDto[] }>('review.list', { status: 'all', includeDemo: false, model: messages.at(-1)!.model! })).items.length).toBe(1)
  })
})

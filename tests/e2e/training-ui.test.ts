import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, cpSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { Browser, Locator, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeGguf } from '../support/gguf-writer'
import { createTinyLlamaModel } from '../support/tiny-model'
import type { DatasetDto, ModelVersionDto, Settings, TrainingOptionsDto, TrainingRunDto } from '../../src/shared/types'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type ChatRequestBody, type OllamaDouble } from '../support/ollama-double'
import { CLI, post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

const LIVE = 'llama3.1:8b'
/** What the owner reads for LIVE once it is the shop's version 0. */
const V0 = 'Versión 0 (la original)'
const LLAMA_OPTION = 'Mejorar el bot con tus conversaciones'
const PROMPT_OPTION = 'Darle tus mejores respuestas como ejemplo'
const IMPORT_OPTION = 'Traer un bot mejorado en otro computador'

describe('Entrenamiento in Chromium against `serve`: train, validate, versions, roll back', () => {
  let ollama: OllamaDouble
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  let dataset: DatasetDto
  let fakeTools = ''
  const dir = tempDir()
  const aux = tempDir('autodidacta-training-fixtures-')
  /** Reference answers of the dataset, by the customer message they answer. */
  const references = new Map<string, string>()
  /** Whether the versions this app creates answer like the references (they win) or badly (they lose). */
  let candidateAnswersWell = true
  let releaseCandidate: () => void = () => {}
  const candidateHold = new Promise<void>((resolve) => (releaseCandidate = resolve))

  const api = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const { status, body } = await post(serve.url, serve.token, method, input)
    if (status !== 200) throw new Error(`${method} → ${status}: ${JSON.stringify(body)}`)
    return body as T
  }
  const runs = () => page.getByTestId('training-runs').getByTestId('training-run')
  const run = (id: string): Locator => page.locator(`[data-testid="training-run"][data-id="${id}"]`)
  const version = (n: number): Locator => page.locator(`[data-testid="model-version"][data-version="${n}"]`)
  const trainButton = () => page.getByTestId('train-panel').getByRole('button', { name: 'Entrenar', exact: true })
  /** Puts a section at the top of the screen and photographs the window (taller for long sections: the screen scrolls inside). */
  const shoot = async (target: Locator, name: string, height = 900) => {
    if (height !== 900) await page.setViewportSize({ width: 1360, height })
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.screenshot({ path: screenshotPath(name) })
    if (height !== 900) await page.setViewportSize({ width: 1360, height: 900 })
  }
  const newestRun = async () => (await api<TrainingRunDto[]>('training.list', { limit: 1 }))[0]!
  const openTraining = async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Conversaciones' }).click()
    await page.getByRole('navigation').getByRole('button', { name: 'Entrenamiento' }).click()
    await expect.poll(() => page.getByTestId('train-panel').isVisible()).toBe(true)
  }

  beforeAll(async () => {
    const seeded = spawnSync(process.execPath, [CLI, 'demo-data', '--data-dir', dir.path, '--count', '60'], { encoding: 'utf8', timeout: 60_000 })
    expect(seeded.status, seeded.stderr).toBe(0)
    const store = await buildOllamaStore(aux.path)
    fakeTools = buildStandInLlamaTools(aux.path)
    ollama = await startOllamaDouble({
      reply: () => '¡Con gusto te ayudo!',
      // The versions the app creates are named autodidacta-<shop>:vN; the live model keeps `reply`.
      replyFor: (model: string, request: ChatRequestBody) => {
        if (!model.startsWith('autodidacta-')) return undefined
        if (!candidateAnswersWell) return 'Mmm.'
        const question = request.messages.filter((m) => m.role === 'user').at(-1)?.content ?? ''
        return references.get(question) ?? 'Claro, te cuento: tenemos cursos y accesorios. ¿Qué te interesa?'
      },
      // While the test holds it, the new version's answers wait: the validation stage stays on screen until it is checked.
      beforeReply: (model) => (model.startsWith('autodidacta-') ? candidateHold : undefined),
    })
    serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url, AUTODIDACTA_LLAMA_BIN: '/nonexistent', OLLAMA_MODELS: store })
    // An empty data folder opens on Primeros pasos (first-day.test.ts); these tests start at the sections.
    await post(serve.url, serve.token, 'setup.dismiss', { dismissed: true })
    dataset = await api<DatasetDto>('datasets.create', { includeDemo: true })
    expect(dataset.status).toBe('ready')
    for (const file of ['train.jsonl', 'valid.jsonl']) {
      for (const line of readFileSync(join(dataset.path!, file), 'utf8').split('\n').filter(Boolean)) {
        const messages = (JSON.parse(line) as { messages: { role: string; content: string }[] }).messages
        references.set(messages.filter((m) => m.role === 'user').at(-1)!.content, messages.at(-1)!.content)
      }
    }
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'es-CO' })
    await page.goto(`${serve.url}/#token=${serve.token}`)
    await page.getByRole('navigation').getByRole('button', { name: 'Entrenamiento' }).click()
    await page.getByTestId('train-panel').waitFor()
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await ollama?.close().catch(() => {})
    dir.remove()
    aux.remove()
  })

  it('offers the three ways to train with honest labels; llama.cpp is as `training.options` says; the newest dataset is preselected', async () => {
    const options = await api<TrainingOptionsDto>('training.options')
    const llama = options.backends.find((b) => b.id === 'llamacpp')!
    const llamaRadio = page.getByRole('radio', { name: LLAMA_OPTION })
    // The repo's own build (.cache/llama-cpp/bin) may exist or not: the UI must agree with the core either way.
    await expect.poll(() => llamaRadio.isDisabled()).toBe(!llama.available)
    const llamaCard = page.locator('[data-backend="llamacpp"]')
    if (llama.available) expect(await llamaCard.getByTestId('backend-reason').count()).toBe(0)
    else expect(await llamaCard.getByTestId('backend-reason').textContent()).toBe(llama.reason)
    // The owner reads what it does; what it needs (an F16 or F32 base) waits in "Detalles técnicos".
    // (In a development checkout without `npm run build:llama` the reason names the tools and the
    // command for whoever runs it: that sentence is the core's, checked above, and not the card's own.)
    expect(((await llamaCard.textContent()) ?? '').replace(llama.reason ?? '', '')).not.toMatch(/llama\.cpp|F16|GGUF/)
    expect(await page.getByTestId('backend-technical').textContent()).toContain('F16 o F32')
    // Two folds of technical detail, each named for what it holds.
    expect(await page.getByTestId('backend-technical').locator('summary').textContent()).toBe('Detalles técnicos: cómo aprende el bot con cada opción')

    const prompt = page.getByRole('radio', { name: PROMPT_OPTION })
    expect(await prompt.isEnabled()).toBe(true)
    expect(await page.locator('[data-backend="prompt"]').textContent()).toContain('no cambia por dentro')
    expect(await page.getByRole('radio', { name: IMPORT_OPTION }).isEnabled()).toBe(true)
    expect(await page.getByTestId('train-dataset').inputValue()).toBe(dataset.id)
    expect(await page.getByTestId('train-dataset').textContent()).toContain(`${dataset.trainCount} de entrenamiento`)
    expect(await page.getByLabel('Ponerlo en uso aunque la validación no lo prefiera').isChecked()).toBe(false)
    expect(await trainButton().isEnabled()).toBe(true)
    // Nothing trained yet: the empty state says what will be there.
    expect(await page.getByRole('heading', { name: 'Todavía no hay entrenamientos' }).isVisible()).toBe(true)
    expect(await page.getByTestId('model-versions').textContent()).toContain(`(${LIVE}) quedará como versión 0`)
    await page.getByTestId('train-panel').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('40-entrenar-opciones') })

    // From here on the runs use a stand-in for the llama.cpp tools, so they behave the same whether or not the real build exists.
    await api<Settings>('settings.update', { training: { llamaBinDir: fakeTools } })
  })

  it('runs the instruction-model backend through its stages, shows the validation with samples, and the new version goes live', async () => {
    await page.getByRole('radio', { name: PROMPT_OPTION }).check()
    expect(await page.getByLabel('Modelo de partida (en Ollama)').getAttribute('placeholder')).toBe(LIVE)
    await trainButton().click()

    const progress = page.getByTestId('training-progress')
    // Released whatever happens, or every later test would wait on the held answers.
    try {
      await expect.poll(() => progress.getAttribute('data-stage'), { timeout: 10_000 }).toBe('validating')
      const states = await progress
        .getByTestId('stage-step')
        .evaluateAll((steps) => Object.fromEntries(steps.map((s) => [s.getAttribute('data-stage'), s.getAttribute('data-state')])))
      expect(states).toEqual({ preparing: 'done', training: 'skipped', quantizing: 'skipped', registering: 'done', validating: 'current', deploying: 'pending' })
      expect(await progress.locator('[aria-current="step"]').textContent()).toContain('Validar')
      expect(await progress.textContent()).toContain('no hay curva de aprendizaje')
      expect(await progress.getByRole('heading').first().textContent()).toBe('Preparando la versión con tus respuestas de ejemplo')
      expect(await trainButton().isDisabled()).toBe(true)
      expect(await page.getByTestId('train-blocker').textContent()).toContain('Ya hay un entrenamiento en curso')
      await progress.scrollIntoViewIfNeeded()
      await page.screenshot({ path: screenshotPath('41-entrenando-instrucciones') })
    } finally {
      releaseCandidate()
    }

    await expect.poll(() => progress.count(), { timeout: 30_000 }).toBe(0)
    const stored = await newestRun()
    expect(stored.status).toBe('succeeded')
    expect(stored.backend).toBe('prompt')
    expect(stored.modelVersion?.isLive).toBe(true)
    const item = run(stored.id)
    expect(await item.getAttribute('data-status')).toBe('succeeded')
    expect(await item.getByTestId('run-status').textContent()).toBe('Terminado')
    expect(await item.textContent()).toContain('Con tus respuestas de ejemplo')
    expect(await item.textContent()).toContain('hace un momento')

    // It just finished while the owner watched: its result is open.
    const report = item.getByTestId('validation-report')
    await expect.poll(() => report.isVisible()).toBe(true)
    expect(await report.getByTestId('validation-decision').textContent()).toBe('La versión nueva responde mejor: ya está en uso.')
    expect(await report.textContent()).toContain(stored.validation!.reasons[0]!)
    // Plain words on the table; the measures' names one click away, in "Detalles técnicos".
    expect(await report.getByTestId('validation-perplexity').textContent()).toContain('Qué tan natural le resulta tu forma de responder')
    expect(await report.getByTestId('validation-perplexity').textContent()).not.toMatch(/perplejidad/i)
    expect(await report.getByTestId('validation-why').textContent()).toContain('se parecen más a las tuyas')
    expect(await report.getByTestId('validation-technical').textContent()).toMatch(/perplejidad por (token|byte)/)
    expect(await report.getByTestId('validation-chrf').locator('td.better').textContent()).toContain('100')
    const samples = report.getByTestId('validation-sample')
    expect(await samples.count()).toBe(stored.validation!.samples.length)
    expect(await samples.count()).toBeGreaterThan(0)
    const first = stored.validation!.samples[0]!
    expect(await samples.first().textContent()).toContain(first.reference)
    expect(await samples.first().getByTestId('sample-live').textContent()).toContain('¡Con gusto te ayudo!')
    expect(await samples.first().getByTestId('sample-candidate').getAttribute('class')).toContain('better')
    await shoot(item, '42-validacion-instrucciones', 1700)

    const settings = await api<Settings>('settings.get')
    expect(settings.llm.model).toBe(stored.modelVersion!.name)
    await expect.poll(() => version(1).getAttribute('data-live')).toBe('true')
    expect(await version(1).textContent()).toContain('Con tus respuestas de ejemplo')
    expect(await version(1).textContent()).toMatch(/Versión 1 \(creada el \d+ (de )?[a-z]{3}/)
    expect(await version(1).getByTestId('version-live').textContent()).toBe('En uso')
    // The status bar names the live version as the owner knows it, not by its Ollama tag.
    await expect.poll(() => page.getByTestId('model-status').innerText()).toMatch(/^Modelo: Versión 1 \(creada el [^)]+\) lista$/)
    expect(await version(1).getByTestId('version-metrics').textContent()).toContain(`Mejor que ${V0}`)
    expect(await version(0).getAttribute('data-live')).toBe('false')
    expect(await version(0).textContent()).toContain('Modelo inicial')
    expect(await version(1).getByRole('button', { name: 'Usar esta versión' }).count()).toBe(0)
    await page.getByTestId('model-versions').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('43-versiones') })
  })

  it('rolls back to version 0 with "Usar esta versión", after a confirmation that says when it takes effect', async () => {
    await version(0).getByRole('button', { name: 'Usar esta versión' }).click()
    const confirm = version(0).getByRole('alertdialog')
    expect(await confirm.textContent()).toContain('desde el próximo mensaje')
    await page.screenshot({ path: screenshotPath('44-volver-a-version-0') })
    await confirm.getByRole('button', { name: 'Sí, usar esta versión' }).click()

    await expect.poll(() => version(0).getAttribute('data-live')).toBe('true')
    expect(await version(1).getAttribute('data-live')).toBe('false')
    expect(await page.getByTestId('versions-notice').textContent()).toContain(V0)
    expect((await api<Settings>('settings.get')).llm.model).toBe(LIVE)
    const versions = await api<ModelVersionDto[]>('models.list')
    expect(versions.find((v) => v.isLive)?.version).toBe(0)
    // The run's report still says what happened then, and now that another version is live.
    const first = await newestRun()
    expect(await run(first.id).getByTestId('validation-decision').textContent()).toContain('Ahora está en uso otra versión.')
  })

  it('keeps the live model when the candidate is not better, and says so', async () => {
    candidateAnswersWell = false
    await trainButton().click()
    await expect.poll(() => page.getByTestId('training-progress').count(), { timeout: 10_000 }).toBe(1)
    await expect.poll(() => page.getByTestId('training-progress').count(), { timeout: 30_000 }).toBe(0)
    candidateAnswersWell = true
    const stored = await newestRun()
    expect(stored.status).toBe('succeeded')
    expect(stored.validation?.better).toBe(false)
    expect(stored.modelVersion?.isLive).toBe(false)
    const item = run(stored.id)
    expect(await item.getByTestId('run-outcome').textContent()).toContain('no se puso en uso')
    expect(await item.getByTestId('validation-decision').textContent()).toBe(`No responde mejor que la actual: sigue en uso ${V0}.`)
    expect(await item.getByTestId('validation-chrf').locator('td.better').textContent()).not.toContain('100')
    expect((await api<Settings>('settings.get')).llm.model).toBe(LIVE)
    await expect.poll(() => version(2).getAttribute('data-live')).toBe('false')
    expect(await version(2).getByTestId('version-metrics').textContent()).toContain(`No mejor que ${V0}`)
    expect(await version(0).getAttribute('data-live')).toBe('true')
    await shoot(item, '45-validacion-no-es-mejor', 1500)
  })

  it('fine-tunes with llama.cpp (stand-in tools): base list with reasons, defaults, live progress and loss curve, perplexity in the report', async () => {
    await openTraining()
    const llamaRadio = page.getByRole('radio', { name: LLAMA_OPTION })
    await expect.poll(() => llamaRadio.isEnabled()).toBe(true)
    await llamaRadio.check()
    // The starting model is a technical choice with a default: folded, its summary names the one chosen.
    const baseDetails = page.getByTestId('base-technical')
    await expect.poll(() => baseDetails.locator('summary').filter({ hasText: 'modelo de partida (tiny-llama:f32)' }).count()).toBe(1)
    expect(await baseDetails.getAttribute('open')).toBeNull()
    await baseDetails.locator('summary').click()
    const bases = page.getByTestId('base-model')
    await expect.poll(() => bases.count()).toBe(2)
    const tiny = bases.filter({ hasText: 'tiny-llama:f32' })
    const quantized = bases.filter({ hasText: LIVE })
    expect(await tiny.getAttribute('data-trainable')).toBe('true')
    expect(await tiny.getByRole('radio').isChecked()).toBe(true)
    expect(await tiny.textContent()).toMatch(/F32 · 2 capas/)
    expect(await quantized.getByRole('radio').isDisabled()).toBe(true)
    expect(await quantized.textContent()).toContain('Está cuantizado (Q4_K_M)')
    expect(await quantized.textContent()).toContain('32 capas')

    await page.getByText('Opciones avanzadas').click()
    // Prefilled with the owner's training settings.
    const defaults = (await api<Settings>('settings.get')).training
    const epochs = page.getByRole('spinbutton', { name: 'Repasos de los ejemplos' })
    expect(Number(await epochs.inputValue())).toBe(defaults.epochs)
    expect(Number(await page.getByRole('spinbutton', { name: 'Largo máximo de cada ejemplo' }).inputValue())).toBe(defaults.contextTokens)
    expect(Number(await page.getByRole('spinbutton', { name: 'Qué tanto cambia en cada paso' }).inputValue())).toBe(defaults.learningRate)
    expect(Number(await page.getByRole('spinbutton', { name: 'Partes del modelo que no se tocan' }).inputValue())).toBe(defaults.freezeLayers)
    expect(await page.getByTestId('train-panel').textContent()).toContain(`Por defecto: ${defaults.epochs}.`)
    await epochs.fill('0')
    expect(await page.getByTestId('train-blocker').textContent()).toContain('opciones avanzadas')
    expect(await trainButton().isDisabled()).toBe(true)
    await epochs.fill('2')
    expect(await trainButton().isEnabled()).toBe(true)
    await page.getByTestId('train-panel').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('46-ajuste-fino-opciones') })
    // The same at phone size: the folded technical details must not push the form off the screen.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByTestId('base-technical').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('46-ajuste-fino-opciones-telefono') })
    await page.setViewportSize({ width: 1360, height: 900 })
    await trainButton().click()

    const progress = page.getByTestId('training-progress')
    const chart = progress.getByTestId('loss-chart')
    await expect.poll(() => chart.getAttribute('data-points').then(Number), { timeout: 15_000 }).toBeGreaterThanOrEqual(10)
    expect(await progress.getAttribute('data-stage')).toBe('training')
    await expect.poll(() => progress.getByTestId('run-epoch').textContent()).toBe('2 de 2')
    expect(await progress.getByTestId('run-loss').textContent()).toMatch(/^\d,\d{3}$/)
    expect(await progress.getByTestId('run-eta').textContent()).toMatch(/menos de un minuto|unos \d+ min/)
    expect(await chart.locator('.recharts-line-curve').count()).toBe(1)
    expect(await chart.locator('.recharts-reference-line').count()).toBe(1)
    await progress.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('47-ajuste-fino-progreso') })

    await expect.poll(() => progress.count(), { timeout: 30_000 }).toBe(0)
    const stored = await newestRun()
    expect(stored.status, stored.error ?? '').toBe('succeeded')
    expect(stored.lossCurve.length).toBe(16)
    expect(stored.validation?.candidate.perplexity).not.toBeNull()
    const item = run(stored.id)
    expect(await item.textContent()).toContain('Aprendió de tus conversaciones')
    expect(await item.textContent()).toContain('a partir de tiny-llama:f32')
    expect(await item.getByTestId('validation-decision').textContent()).toBe('La versión nueva responde mejor: ya está en uso.')
    expect(await item.getByTestId('validation-technical').textContent()).toContain(stored.validation!.perplexityUnit === 'byte' ? 'por byte' : 'por token')
    expect(await item.getByTestId('validation-perplexity').locator('td.better').count()).toBe(1)
    expect(await item.getByTestId('loss-chart').getAttribute('data-points')).toBe('16')
    expect(await item.textContent()).toContain('Repasos de los ejemplos2')
    expect(await item.textContent()).toContain(`Qué tanto cambia en cada paso${String(stored.params.learningRate).replace('.', ',')}`)
    await shoot(item, '48-ajuste-fino-resultado', 1900)
    await expect.poll(() => version(3).getAttribute('data-live')).toBe('true')
    expect(await version(3).textContent()).toMatch(/Versión 3 \(entrenada el /)
    expect(await version(3).textContent()).toContain('Aprendió de tus conversaciones')
  })

  it('cancels a run after confirming; a refused import says why; a failed run shows its error and its log', async () => {
    writeFileSync(join(fakeTools, 'slow'), '')
    await trainButton().click()
    const progress = page.getByTestId('training-progress')
    await expect.poll(() => progress.getByTestId('loss-chart').getAttribute('data-points').then(Number), { timeout: 15_000 }).toBeGreaterThanOrEqual(1)
    await progress.getByRole('button', { name: 'Cancelar' }).click()
    const confirm = progress.getByRole('alertdialog')
    expect(await confirm.textContent()).toContain('el modelo en uso no cambia')
    await confirm.getByRole('button', { name: 'Sí, cancelar' }).click()
    await expect.poll(() => progress.count(), { timeout: 15_000 }).toBe(0)
    rmSync(join(fakeTools, 'slow'))
    const cancelled = await newestRun()
    expect(cancelled.status).toBe('cancelled')
    expect(await run(cancelled.id).getByTestId('run-status').textContent()).toBe('Cancelado')
    expect((await api<ModelVersionDto[]>('models.list')).find((v) => v.isLive)?.version).toBe(3)

    await page.getByRole('radio', { name: IMPORT_OPTION }).check()
    expect(await page.getByTestId('train-blocker').textContent()).toContain('Elige el archivo')
    // In the browser there is no file picker: the page says which folder to copy the file into.
    const folder = (await page.getByTestId('import-folder').textContent())!
    expect(await page.getByTestId('import-file').textContent()).toContain('La carpeta está vacía')

    // Not a GGUF: refused before anything is uploaded, with the reason.
    writeFileSync(join(folder, 'no-es-un-modelo.gguf'), 'hola, esto no es un modelo\n')
    await page.getByRole('button', { name: 'Buscar de nuevo' }).click()
    await page.getByRole('radio', { name: /no-es-un-modelo\.gguf/ }).check()
    await trainButton().click()
    await expect.poll(() => page.getByTestId('train-error').textContent()).toContain('no es un archivo de modelo que la app pueda usar')
    expect(await page.getByTestId('train-error').textContent()).not.toContain('hola')
    await shoot(page.getByTestId('import-file'), '49-importar-carpeta')

    // A run that fails on the way shows why, and its log.
    writeFileSync(join(fakeTools, 'fail'), '')
    await page.getByRole('radio', { name: LLAMA_OPTION }).check()
    await trainButton().click()
    await expect.poll(async () => (await newestRun()).status, { timeout: 15_000 }).toBe('failed')
    rmSync(join(fakeTools, 'fail'))
    const failed = await newestRun()
    expect(failed.error).toContain('no hay memoria suficiente')
    const item = run(failed.id)
    await expect.poll(() => item.getAttribute('data-status')).toBe('failed')
    expect(await item.getByTestId('run-error').textContent()).toContain(failed.error!)
    await item.getByRole('button', { name: 'Ver registro' }).click()
    const log = item.getByTestId('run-log')
    await expect.poll(() => log.textContent()).toContain('failed:')
    expect(await log.textContent()).toContain('not enough space')
    await item.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('49-fallo-con-registro') })
    // Two instruction models, a fine-tune, a cancelled one and a failed fine-tune (the refused imports never started).
    expect(await runs().count()).toBe(5)
  })
})

describe('Entrenamiento where the llama.cpp tools are missing', () => {
  // A copy of the build outside the repository: nothing above it has .cache/llama-cpp/bin.
  const app = tempDir('autodidacta-relocated-')
  const dir = tempDir()
  let serve: { url: string; token: string; stop: () => void }
  let browser: Browser

  beforeAll(async () => {
    cpSync(resolve('out'), join(app.path, 'out'), { recursive: true })
    cpSync(resolve('package.json'), join(app.path, 'package.json'))
    symlinkSync(resolve('node_modules'), join(app.path, 'node_modules'))
    symlinkSync(resolve('drizzle'), join(app.path, 'drizzle'))
    serve = await startRelocatedServe(join(app.path, 'out', 'main', 'cli.js'), dir.path, { AUTODIDACTA_LLAMA_BIN: '/nonexistent' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    serve?.stop()
    dir.remove()
    app.remove()
  })

  it('disables the llama.cpp option and shows the core’s reason; the other two stay available', async () => {
    const { body } = await post(serve.url, serve.token, 'training.options', {})
    const llama = (body as TrainingOptionsDto).backends.find((b) => b.id === 'llamacpp')!
    expect(llama.available).toBe(false)
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'es-CO' })
    await page.goto(`${serve.url}/#token=${serve.token}`)
    await page.getByRole('navigation').getByRole('button', { name: 'Entrenamiento' }).click()
    const radio = page.getByRole('radio', { name: LLAMA_OPTION })
    await expect.poll(() => radio.isDisabled()).toBe(true)
    expect(await page.locator('[data-backend="llamacpp"]').getByTestId('backend-reason').textContent()).toBe(llama.reason)
    expect(await page.getByRole('radio', { name: PROMPT_OPTION }).isChecked()).toBe(true)
    // No dataset yet: the button says why it is off.
    expect(await page.getByTestId('train-blocker').textContent()).toContain('Primero prepara un lote de ejemplos')
    await page.getByTestId('backend-options').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('40-entrenar-sin-llama-cpp') })
    await page.close()
  })
})

/**
 * An Ollama model store on disk (the layout Ollama writes: manifests/…/<tag> and blobs/sha256-…):
 * a tiny F32 llama (trainable) and a header-only "llama3.1:8b" marked Q4_K_M (quantized: not trainable).
 */
async function buildOllamaStore(root: string): Promise<string> {
  const store = join(root, 'ollama-store')
  mkdirSync(join(store, 'blobs'), { recursive: true })
  const add = async (model: string, tag: string, write: (path: string) => Promise<unknown>) => {
    const staging = join(store, `staging-${model}`)
    await write(staging)
    const bytes = readFileSync(staging)
    const hex = createHash('sha256').update(bytes).digest('hex')
    renameSync(staging, join(store, 'blobs', `sha256-${hex}`))
    const manifestDir = join(store, 'manifests', 'registry.ollama.ai', 'library', model)
    mkdirSync(manifestDir, { recursive: true })
    const layers = [{ mediaType: 'application/vnd.ollama.image.model', digest: `sha256:${hex}`, size: bytes.length }]
    writeFileSync(join(manifestDir, tag), JSON.stringify({ schemaVersion: 2, layers }))
  }
  await add('tiny-llama', 'f32', (path) =>
    createTinyLlamaModel(path, { corpus: ['Hola, ¿en qué te puedo ayudar?', 'El envío tarda 2 días.', 'Aceptamos transferencia y tarjeta.'], layers: 2 }),
  )
  await add('llama3.1', '8b', (path) =>
    writeGguf(path, {
      kv: {
        'general.architecture': { type: 'string', value: 'llama' },
        'general.file_type': { type: 'u32', value: 15 },
        'llama.block_count': { type: 'u32', value: 32 },
      },
      tensors: [{ name: 'token_embd.weight', type: 'F32', dims: [1024, 1024], data: new Float32Array(1024 * 1024) }],
    }),
  )
  return store
}

/**
 * Stand-ins for the four llama.cpp programs, speaking the trainer's JSON-lines protocol
 * (start/step/eval/sample events): training steps with a falling loss, a copy of the base as
 * the "trained" model, lower perplexity for it, and generations that are the reference answers.
 * A file named `slow` beside them makes each step take 1.5 s, for cancelling; one named `fail`
 * makes training stop with an error, as a real run out of memory does.
 */
function buildStandInLlamaTools(root: string): string {
  const bin = join(root, 'llama-bin')
  mkdirSync(bin, { recursive: true })
  const script = `#!${process.execPath}
const fs = require('node:fs')
const path = require('node:path')
const args = process.argv.slice(2)
const opt = (name) => { const i = args.indexOf(name); return i === -1 ? null : args[i + 1] }
const out = (event) => process.stdout.write(JSON.stringify(event) + '\\n')
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const slow = fs.existsSync(path.join(__dirname, 'slow'))
const fail = fs.existsSync(path.join(__dirname, 'fail'))
;(async () => {
  if (path.basename(process.argv[1]) === 'llama-quantize') return fs.copyFileSync(args[0], args[1])
  const trained = (model) => /autodidacta-[^/\\\\]*\\.gguf$/.test(model)
  if (args[0] === 'train') {
    const epochs = Number(opt('--epochs'))
    const steps = 8
    out({ event: 'start', steps_per_epoch: steps, examples: 19, skipped: 0 })
    if (fail) {
      process.stderr.write("ggml_new_object: not enough space in the context's memory pool\\n")
      out({ event: 'error', message: 'no hay memoria suficiente para el grafo de entrenamiento (prueba con menos tokens por ejemplo)' })
      process.exit(1)
    }
    let loss = 3.4
    for (let epoch = 1; epoch <= epochs; epoch++) {
      for (let step = 1; step <= steps; step++) {
        await sleep(slow ? 1500 : 200)
        loss = loss * 0.93 + (step === 1 && epoch > 1 ? 0.15 : 0)
        out({ event: 'step', epoch, step, steps, loss, tokens_per_second: 812.4 })
      }
    }
    return fs.copyFileSync(opt('--base'), opt('--out'))
  }
  if (args[0] === 'eval') {
    const perplexity = trained(opt('--model')) ? 5.2 : 9.7
    return out({ event: 'eval', perplexity, nll: Math.log(perplexity), tokens: 400 })
  }
  if (args[0] === 'generate') {
    const lines = fs.readFileSync(opt('--data'), 'utf8').split('\\n').filter(Boolean).slice(0, Number(opt('--limit')))
    return lines.forEach((line, index) => out({ event: 'sample', index, text: JSON.parse(line).messages.at(-1).content }))
  }
  process.stderr.write('unknown command ' + args[0] + '\\n')
  process.exit(2)
})()
`
  for (const name of ['autodidacta-train', 'llama-quantize', 'llama-perplexity', 'llama-finetune']) {
    writeFileSync(join(bin, name), script)
    chmodSync(join(bin, name), 0o755)
  }
  return bin
}

/** `serve` from another copy of the build (startServeProcess always runs the repo's). */
async function startRelocatedServe(cli: string, dataDir: string, env: Record<string, string>): Promise<{ url: string; token: string; stop: () => void }> {
  const child = spawn(process.execPath, [cli, 'serve', '--data-dir', dataDir, '--port', '0'], {
    env: { ...process.env, OLLAMA_HOST: 'http://127.0.0.1:9', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 20 s; stderr:\n${stderr}`)), 20_000)
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^URL (http:\/\/\S+)$/.exec(line)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}; stderr:\n${stderr}`)))
  })
  const { token } = JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')) as { token: string }
  return { url, token, stop: () => child.kill('SIGTERM') }
}

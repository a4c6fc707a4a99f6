import { spawnSync } from 'node:child_process'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetDto, ModelVersionDto } from '../../src/shared/types'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { CLI, post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

// Issue 15, part E: one demo switch, a loop that points to its next step, a chat list that can be
// searched, a chat header that shows the whole name, and Ajustes with a menu and a bar that hides nothing.
describe('the loop and the navigation, in Chromium against `serve`', () => {
  let ollama: OllamaDouble
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  const dir = tempDir()
  const LONG_NAME = 'María Fernanda de los Ángeles Rodríguez Castañeda'

  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true })
  const api = async <T,>(method: string, body: unknown = {}): Promise<T> => {
    const { status, body: result } = await post(serve.url, serve.token, method, body)
    if (status !== 200) throw new Error(`${method}: ${JSON.stringify(result)}`)
    return result as T
  }

  /** The same screen at 390×844: the new pieces fit the phone's one column (nothing scrolls sideways). */
  const onThePhone = async (name: string) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await expect
      .poll(() => page.locator('body').evaluate((body) => body.ownerDocument.documentElement.scrollWidth <= body.ownerDocument.defaultView!.innerWidth))
      .toBe(true)
    await page.screenshot({ path: screenshotPath(name) })
    await page.setViewportSize({ width: 1366, height: 768 })
  }

  beforeAll(async () => {
    const seeded = spawnSync(process.execPath, [CLI, 'demo-data', '--data-dir', dir.path, '--count', '120', '--seed', '4'], { encoding: 'utf8', timeout: 60_000 })
    expect(seeded.status, seeded.stderr).toBe(0)
    ollama = await startOllamaDouble({ reply: () => '¡Con gusto te ayudo! El curso cuesta $120.000.' })
    serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url })
    await post(serve.url, serve.token, 'setup.dismiss', { dismissed: true })
    for (const [from, text] of [
      [LONG_NAME, 'Hola, ¿tienen audífonos?'],
      ['José Núñez', 'Buenas, ¿hacen envíos?'],
    ] as const) {
      await api('simulator.send', { from, text })
    }
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-CO' })
    await page.goto(`${serve.url}/#token=${serve.token}`)
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await ollama?.close().catch(() => {})
    dir.remove()
  })

  it('demo mode is one switch for the whole app, shown while it is on', async () => {
    // `demo-data` filled this folder to try the app: demo mode is on, and says so on every screen.
    const banner = page.getByTestId('demo-banner')
    for (const screen of ['Conversaciones', 'Revisión', 'Estadísticas', 'Entrenamiento']) {
      await nav(screen).click()
      await expect.poll(() => banner.isVisible()).toBe(true)
    }
    // No screen keeps its own demo checkbox any more.
    for (const screen of ['Revisión', 'Estadísticas', 'Entrenamiento']) {
      await nav(screen).click()
      expect(await page.getByRole('checkbox', { name: 'Incluir datos de demostración' }).count()).toBe(0)
    }
    await nav('Revisión').click()
    await expect.poll(() => page.getByTestId('exchange').count()).toBeGreaterThan(0)
    await page.screenshot({ path: screenshotPath('e-01-modo-demostracion') })

    await banner.getByRole('button', { name: 'Salir del modo demostración' }).click()
    await expect.poll(() => banner.count()).toBe(0)
    // Only the shop's own two chats are left to review.
    const real = (await api<{ total: number }>('review.list', { includeDemo: false })).total
    expect(real).toBe(2)
    await expect.poll(() => page.getByTestId('exchange').count()).toBe(real)
    expect((await api<{ demoMode: boolean }>('settings.get')).demoMode).toBe(false)
    // Conversaciones follows the same switch: the demo chats leave the list, the shop's own stay.
    await nav('Conversaciones').click()
    await expect.poll(() => page.locator('.conversation-name').allTextContents()).not.toContainEqual(expect.stringContaining('(demo'))
    expect(await page.locator('.conversation-name').count()).toBeGreaterThan(0)

    // The dataset's refusal says what to do in the app, not a command-line flag.
    await nav('Entrenamiento').click()
    const form = page.getByTestId('dataset-form')
    await form.getByRole('button', { name: 'Preparar lote' }).click()
    const notice = page.getByTestId('dataset-notice')
    await expect.poll(() => notice.textContent()).toContain('modo demostración')
    expect(await notice.textContent()).not.toContain('--include-demo')
    const first = (await api<DatasetDto[]>('datasets.list'))[0]!
    await form.getByRole('button', { name: 'Preparar lote' }).click()
    // Two refused attempts leave one line in the list, not two (a curation can take seconds on a busy machine).
    await expect.poll(async () => (await api<DatasetDto[]>('datasets.list')).map((d) => [d.id === first.id, d.status]), { timeout: 15_000 }).toEqual([[false, 'failed']])
    await expect.poll(() => page.locator('[data-testid="dataset"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-status'))), { timeout: 15_000 }).toEqual(['failed'])

    // Back on from Ajustes: its own section, saved with the form.
    await nav('Ajustes').click()
    await page.getByTestId('settings-menu').getByRole('button', { name: 'Modo demostración' }).click()
    const toggle = page.getByRole('checkbox', { name: 'Usar las conversaciones de ejemplo en Revisión, Estadísticas y los lotes de ejemplos' })
    expect(await toggle.isChecked()).toBe(false)
    await toggle.check()
    await page.getByRole('button', { name: 'Guardar', exact: true }).click()
    await expect.poll(() => banner.isVisible()).toBe(true)
  })

  it('each stage of the loop points to the next: reviews → dataset → train → its effect in Estadísticas', async () => {
    await nav('Revisión').click()
    await expect.poll(() => page.getByTestId('exchange').count()).toBeGreaterThan(0)
    const before = (await api<{ count: number }>('review.newExamples')).count
    await page.getByRole('checkbox', { name: 'Seleccionar todo' }).check()
    await page.getByRole('button', { name: 'Aprobar seleccionados' }).click()
    const next = page.getByTestId('next-step-dataset')
    await expect.poll(async () => (await api<{ count: number }>('review.newExamples')).count).toBeGreaterThan(before)
    const count = (await api<{ count: number }>('review.newExamples')).count
    await expect.poll(() => next.textContent(), { timeout: 5000 }).toContain(`Tienes ${count.toLocaleString('es-CO')} ejemplos nuevos`)
    await next.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('e-02-siguiente-paso-dataset') })
    await next.getByRole('button', { name: 'Preparar lote' }).click()

    // On Entrenamiento; a new dataset replaces the failed attempts and points to training.
    const form = page.getByTestId('dataset-form')
    await form.getByRole('button', { name: 'Preparar lote' }).click()
    await expect.poll(() => page.locator('[data-testid="dataset"][data-status="ready"]').count(), { timeout: 30_000 }).toBe(1)
    expect(await page.locator('[data-testid="dataset"][data-status="failed"]').count()).toBe(0)
    const train = page.getByTestId('next-step-train')
    await expect.poll(() => train.isVisible()).toBe(true)
    const dataset = (await api<DatasetDto[]>('datasets.list'))[0]!
    expect(await train.textContent()).toContain(`«${dataset.name}» está listo`)
    await page.screenshot({ path: screenshotPath('e-03-siguiente-paso-entrenar') })
    await train.getByRole('button', { name: 'Ir a entrenar' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Entrenar', exact: false }).first().evaluate((h) => h.getBoundingClientRect().top < h.ownerDocument.defaultView!.innerHeight)).toBe(true)

    // A version trained on it goes live (forced: the double's answers prove nothing); Entrenamiento then points to Estadísticas.
    await api('training.start', { datasetId: dataset.id, backend: 'prompt', force: true })
    await expect
      .poll(async () => (await api<ModelVersionDto[]>('models.list')).some((v) => v.isLive && v.source !== 'base'), { timeout: 60_000 })
      .toBe(true)
    await nav('Estadísticas').click()
    await nav('Entrenamiento').click()
    const live = page.getByTestId('next-step-stats')
    await expect.poll(() => live.isVisible()).toBe(true)
    expect(await page.getByTestId('next-step-train').count()).toBe(0)
    await live.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('e-04-siguiente-paso-estadisticas') })
    await live.getByRole('button', { name: 'Ver en Estadísticas' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Estadísticas', level: 1 }).isVisible()).toBe(true)
  })

  it('Conversaciones searches by name or number and filters, and the chat header shows the whole name', async () => {
    await nav('Conversaciones').click()
    const filters = page.getByTestId('conversation-filters')
    const names = () => page.locator('.conversation-name').allTextContents()
    await expect.poll(async () => (await names()).length).toBeGreaterThan(5)

    await filters.getByLabel('Buscar por nombre o número').fill('jose nunez')
    await expect.poll(names).toEqual(['José Núñez'])
    await filters.getByLabel('Buscar por nombre o número').fill('zzz nadie')
    await expect.poll(() => page.getByText('Ningún chat coincide con la búsqueda.').isVisible()).toBe(true)
    await filters.getByLabel('Buscar por nombre o número').fill('')
    await expect.poll(async () => (await names()).length).toBeGreaterThan(5)

    // Paused from the chat itself: it shows under "Bot en pausa", and leaves it when the bot is back.
    await filters.getByLabel('Buscar por nombre o número').fill('castañeda')
    await expect.poll(names).toEqual([LONG_NAME])
    await page.locator('.conversation-item').first().click()
    await page.getByTestId('bot-mode').selectOption('paused')
    await filters.getByLabel('Buscar por nombre o número').fill('')
    await filters.getByRole('button', { name: 'Bot en pausa' }).click()
    await expect.poll(names).toEqual([LONG_NAME])
    await filters.getByRole('button', { name: 'Piden atención' }).click()
    await expect.poll(() => page.getByText('Ningún chat coincide con la búsqueda.').isVisible()).toBe(true)
    await filters.getByRole('button', { name: 'Bot en pausa' }).click()
    await expect.poll(names).toEqual([LONG_NAME])

    // The header has room for the whole name at 1366 px: nothing cut with an ellipsis.
    const header = page.locator('.thread-contact strong')
    await expect.poll(() => header.textContent()).toBe(LONG_NAME)
    expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
    await page.screenshot({ path: screenshotPath('e-05-conversaciones-busqueda') })

    await page.getByTestId('bot-mode').selectOption('bot')
    await expect.poll(() => page.getByText('Ningún chat coincide con la búsqueda.').isVisible()).toBe(true)
    await filters.getByRole('button', { name: 'Todos' }).click()
    await onThePhone('e-07-conversaciones-telefono')
  })

  it('Ajustes has a section menu, and its save bar covers no field', async () => {
    await nav('Ajustes').click()
    const menu = page.getByTestId('settings-menu')
    await menu.getByRole('button', { name: 'Horario de atención' }).click()
    const hours = page.locator('#settings-hours')
    await expect.poll(() => hours.evaluate((el) => Math.abs(el.getBoundingClientRect().top - el.closest('.screen')!.getBoundingClientRect().top) < 40)).toBe(true)

    // Nothing changed: the bar is not stuck over the form.
    const bar = page.getByTestId('settings-save')
    expect(await bar.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).position)).toBe('static')
    // A change: the bar sticks to the bottom, and every field can still be scrolled above it.
    await menu.getByRole('button', { name: 'Idioma' }).click()
    await page.locator('#settings-demo input[type="checkbox"]').uncheck()
    await expect.poll(() => bar.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).position)).toBe('sticky')
    expect(await bar.textContent()).toContain('Tienes cambios sin guardar')
    const covered = await page.locator('.screen.settings').evaluate((screen) => {
      screen.scrollTop = screen.scrollHeight
      const barTop = screen.querySelector('[data-testid="settings-save"]')!.getBoundingClientRect().top
      const fields = [...screen.querySelectorAll('.settings-form input, .settings-form select, .settings-form textarea')]
      return fields.at(-1)!.getBoundingClientRect().bottom > barTop
    })
    expect(covered).toBe(false)
    await page.screenshot({ path: screenshotPath('e-06-ajustes-barra-guardar') })
    await page.getByRole('button', { name: 'Descartar cambios' }).click()
    await expect.poll(() => bar.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).position)).toBe('static')
    expect(await page.locator('#settings-demo input[type="checkbox"]').isChecked()).toBe(true)
    await page.locator('.screen.settings').evaluate((screen) => (screen.scrollTop = 0))
    await onThePhone('e-08-ajustes-telefono')
  })
})

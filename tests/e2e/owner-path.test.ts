// Issue 15, "Bugs an owner hits": each check below failed before its fix.
import type { Browser, BrowserContext, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StatsDto } from '../../src/shared/types'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

const CATALOG = [
  'nombre;precio;sku;categoría',
  'Audífonos Bluetooth X2;85.000;GAD-AUD;gadgets',
  'Curso de Inglés Básico;120.000;CUR-ING;cursos',
  'Curso de Piano Básico;89.000;CUR-PIANO;cursos',
].join('\n')

interface Box {
  x: number
  y: number
  width: number
  height: number
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('the bugs an owner hit, in Chromium against `serve`', () => {
  let ollama: OllamaDouble
  let serve: ServeProcess
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const dir = tempDir()
  /** Console errors and failed loads since the page opened: the owner's browser must stay quiet. */
  const problems: string[] = []

  const api = async <T,>(method: string, input: unknown = {}): Promise<T> => {
    const { status, body } = await post(serve.url, serve.token, method, input)
    expect(status, `${method}: ${JSON.stringify(body)}`).toBe(200)
    return body as T
  }
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name })

  beforeAll(async () => {
    ollama = await startOllamaDouble({ reply: () => 'Claro, el curso de piano cuesta $89.000.' })
    serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url })
    await api('setup.dismiss', { dismissed: true })
    await api('catalog.import', { format: 'csv', content: CATALOG, dryRun: false })
    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'es-CO' })
    page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`))
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`)
    })
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await ollama?.close().catch(() => {})
    dir.remove()
  })

  it('loads without a console error: no CSP report from a library probe, and an icon instead of a missing favicon', async () => {
    await page.goto(`${serve.url}/#token=${serve.token}`)
    await expect.poll(() => page.getByTestId('model-status').textContent()).toContain('Llama 3.1 8B')
    await nav('Catálogo').click()
    await expect.poll(() => page.getByTestId('catalog-count').textContent()).toBe('3 productos')
    // The page's icon is the app's; Chromium asks for /favicon.ico only when the page names none.
    expect(await page.locator('link[rel="icon"]').count()).toBe(1)
    const href = await page.locator('link[rel="icon"]').getAttribute('href')
    expect(href).toBeTruthy()
    // Inlined (data:) or a file the server sends: either way the icon exists.
    if (!href!.startsWith('data:')) expect((await page.request.get(new URL(href!, `${serve.url}/`).toString())).ok()).toBe(true)
    await page.waitForTimeout(300)
    expect(problems).toEqual([])
  })

  it('Catálogo finds a product whatever the accents, capitals or plural: "audifonos", "AUDIFONOS", "audifono", "ingles"', async () => {
    const search = page.getByPlaceholder('Buscar por nombre, código…')
    const names = () => page.getByTestId('catalog-table').getByTestId('catalog-row').locator('.catalog-name strong').allTextContents()
    for (const [query, expected] of [
      ['audifonos', 'Audífonos Bluetooth X2'],
      ['AUDIFONOS', 'Audífonos Bluetooth X2'],
      ['audifono', 'Audífonos Bluetooth X2'],
      ['ingles', 'Curso de Inglés Básico'],
    ] as const) {
      await search.fill(query)
      // The list follows the box after a pause in typing: wait for this query's answer.
      await expect.poll(names, { message: query }).toEqual([expected])
    }
    await search.fill('')
  })

  it('closes the "pidió hablar con una persona" alert once the owner picks who answers, and never covers that selector', async () => {
    await api('simulator.send', { from: 'Camila', text: 'hola, ¿cuánto vale el curso de piano?' })
    await api('simulator.send', { from: 'Tomás', text: 'no entiendo nada, quiero hablar con una persona' })
    const alert = page.getByTestId('owner-alert')
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain('Tomás pidió hablar con una persona')
    await nav('Conversaciones').click()
    await page.getByTestId('conversation-list').locator('li', { hasText: 'Tomás' }).click()
    const selector = page.getByTestId('bot-mode')
    await expect.poll(() => selector.isVisible()).toBe(true)
    expect(await alert.count()).toBe(1)
    expect(overlaps((await alert.boundingBox())!, (await selector.boundingBox())!)).toBe(false)
    await page.screenshot({ path: screenshotPath('a15-aviso-persona') })
    // A real click: Playwright refuses it if anything covers the selector.
    await selector.click({ timeout: 3000 })
    await selector.selectOption('bot')
    await expect.poll(() => alert.count()).toBe(0)
  })

  it('Estadísticas keeps the owner’s own answers apart: no "dueño" version, no advice to roll back', async () => {
    const conversations = await api<{ id: string; contact: { displayName: string | null } }[]>('conversations.list', {})
    const tomas = conversations.find((c) => c.contact.displayName === 'Tomás')!
    await api('conversations.reply', { conversationId: tomas.id, text: 'Hola Tomás, soy Marta. ¿En qué te ayudo?' })
    // Camila answers the bot: her exchange gets a score, so the version chart has a bar to draw.
    await api('simulator.send', { from: 'Camila', text: 'perfecto, gracias, lo compro' })
    await expect.poll(async () => (await api<StatsDto>('stats.get', { includeDemo: true })).ownerAnswers?.exchanges ?? 0, { timeout: 10_000 }).toBe(1)
    const stats = await api<StatsDto>('stats.get', { includeDemo: true })
    expect(stats.perModel.map((m) => m.model)).not.toContain('dueño')

    await nav('Estadísticas').click()
    const chart = page.getByTestId('chart-models')
    await expect.poll(() => chart.isVisible()).toBe(true)
    const ticks = (await chart.locator('.recharts-xAxis .recharts-cartesian-axis-tick-value').allTextContents()).join('|')
    expect(ticks).not.toContain('dueño')
    expect(await chart.textContent()).toContain('Tus propias respuestas van aparte')
    expect(await chart.textContent()).not.toContain('versión anterior')
    const modelFilter = page.getByLabel('Modelo')
    expect(await modelFilter.locator('option').allTextContents()).toContain('Respuestas escritas por ti')
    expect(await modelFilter.locator('option').allTextContents()).not.toContain('dueño')
    await chart.scrollIntoViewIfNeeded()
    await chart.screenshot({ path: screenshotPath('a15-estadisticas-dueno') })

    await nav('Revisión').click()
    const reviewFilter = page.getByLabel('Modelo')
    await expect.poll(() => reviewFilter.locator('option').allTextContents()).toContain('Respuestas escritas por ti')
    expect(await reviewFilter.locator('option').allTextContents()).not.toContain('dueño')
  })

  it('"Sugerir con la nube" says why it cannot work without a key, links to Ajustes, and shows its errors beside the button', async () => {
    const camila = page.getByTestId('exchange').filter({ hasText: 'curso de piano' }).first()
    await expect.poll(() => camila.isVisible(), { timeout: 10_000 }).toBe(true)
    await camila.getByRole('button', { name: /Reescribir/ }).click()
    const suggest = camila.getByTestId('suggest-button')
    await expect.poll(() => suggest.isDisabled()).toBe(true)
    expect(await camila.getByTestId('suggest-no-key').textContent()).toContain('guarda la clave de la nube en Ajustes')
    await page.screenshot({ path: screenshotPath('a15-sugerir-sin-clave') })
    await camila.getByRole('button', { name: 'Ir a Ajustes' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Ajustes', level: 1 }).isVisible()).toBe(true)

    // With a key but a cloud that does not answer, the error lands next to the button.
    await api('settings.update', { cloud: { baseUrl: 'http://127.0.0.1:9/v1' } })
    await api('llm.setCloudKey', { apiKey: 'gsk_prueba_1234567890' })
    await nav('Revisión').click()
    const again = page.getByTestId('exchange').filter({ hasText: 'curso de piano' }).first()
    await expect.poll(() => again.isVisible(), { timeout: 10_000 }).toBe(true)
    await again.getByRole('button', { name: /Reescribir/ }).click()
    await expect.poll(() => again.getByTestId('suggest-button').isEnabled()).toBe(true)
    await again.getByTestId('suggest-button').click()
    await expect.poll(() => again.getByTestId('suggest-error').isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await again.getByTestId('suggest-error').textContent()).toMatch(/\S/)
    // Not at the top of the list, out of view.
    expect(await page.locator('.review-screen > .notice.bad, [data-testid="review-screen"] > .notice.bad').count()).toBe(0)
    await page.screenshot({ path: screenshotPath('a15-sugerir-error') })
  })

  it('keeps the alert clear of the chat on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await api('simulator.send', { from: 'Lina', text: 'quiero hablar con una persona por favor' })
    const alert = page.getByTestId('owner-alert')
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1)
    await page.screenshot({ path: screenshotPath('a15-aviso-telefono') })
    await alert.getByRole('button', { name: 'Cerrar' }).click()
    await expect.poll(() => alert.count()).toBe(0)
  })
})

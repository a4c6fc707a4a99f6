import { spawnSync } from 'node:child_process'
import { copyFileSync, readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StatsDto } from '../../src/shared/types'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { CLI, post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

const CHARTS = ['daily', 'models', 'distribution', 'categories', 'growth', 'backlog'] as const

// Each test drives a real server and browser; the second also seeds 900 demo exchanges in a child
// process. Under the full suite on two cores that took past the 30 s default once, and the tests
// after it failed waiting on the same page, so the file gets room and the polls wait longer.
describe('Estadísticas in Chromium against `serve`', { timeout: 120_000 }, () => {
  let ollama: OllamaDouble
  let serve: ServeProcess | undefined
  let browser: Browser
  let page: Page
  const dir = tempDir()

  const stats = async (filters: Record<string, unknown> = {}): Promise<StatsDto> => {
    const { status, body } = await post(serve!.url, serve!.token, 'stats.get', filters)
    expect(status).toBe(200)
    return body as StatsDto
  }
  const figure = (id: string) => page.getByTestId(`figure-${id}`).locator('.key-value')
  const chart = (id: string) => page.getByTestId(`chart-${id}`)
  const number = (n: number) => n.toLocaleString('es-CO')
  const openStats = async () => {
    await page.goto(`${serve!.url}/#token=${serve!.token}`)
    await page.getByRole('navigation').getByRole('button', { name: 'Estadísticas' }).click()
    await expect.poll(() => page.getByTestId('key-figures').isVisible(), { timeout: 30_000 }).toBe(true)
  }

  beforeAll(async () => {
    ollama = await startOllamaDouble({ reply: () => 'Claro, el curso de piano cuesta $89.000.' })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'es-CO', acceptDownloads: true })
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await ollama?.close().catch(() => {})
    dir.remove()
  })

  it('explains what will appear before there is any conversation', async () => {
    serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url })
    // An empty data folder opens on Primeros pasos (first-day.test.ts); these tests start at the sections.
    await post(serve.url, serve.token, 'setup.dismiss', { dismissed: true })
    await openStats()
    expect(await page.getByRole('heading', { name: 'Las estadísticas llegarán con las conversaciones' }).isVisible()).toBe(true)
    expect(await figure('exchanges').textContent()).toBe('0')
    expect(await figure('success').textContent()).toBe('—')
    expect(await page.getByTestId('figure-live-model').textContent()).toContain('Llama 3.1 8B')
    await page.screenshot({ path: screenshotPath('40-estadisticas-vacia') })
    await serve.stop()
    serve = undefined
  })

  it('draws every chart from the demo data, with the key figures the core computed', async () => {
    const seeded = spawnSync(process.execPath, [CLI, 'demo-data', '--data-dir', dir.path, '--count', '900', '--seed', '5'], { encoding: 'utf8', timeout: 120_000 })
    expect(seeded.status, seeded.stderr).toBe(0)
    serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url })
    // An empty data folder opens on Primeros pasos (first-day.test.ts); these tests start at the sections.
    await post(serve.url, serve.token, 'setup.dismiss', { dismissed: true })
    // Two datasets, so the growth curve has its markers.
    expect((await post(serve.url, serve.token, 'datasets.create', { includeDemo: true })).status).toBe(200)
    await openStats()
    const expected = await stats({ includeDemo: true, from: startOfDay(-29) })
    expect(expected.total).toBeGreaterThan(500)

    await expect.poll(() => figure('exchanges').textContent(), { timeout: 30_000 }).toBe(number(expected.total))
    expect(await figure('high-quality').textContent()).toBe(number(expected.highQuality))
    expect(await figure('success').textContent()).toBe(`${(expected.keyFigures.successRate! * 100).toLocaleString('es-CO', { maximumFractionDigits: 1 })}\u00a0%`)

    for (const id of CHARTS) {
      expect(await chart(id).getAttribute('data-empty'), id).toBe('false')
      expect(await chart(id).locator('svg.recharts-surface').count(), id).toBe(1)
    }
    // Bars: six categories × up to six score stacks; lines and areas have real paths.
    expect(await chart('categories').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(12)
    expect(await chart('distribution').locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(6)
    expect(await chart('models').locator('.recharts-bar-rectangle').count()).toBe(expected.perModel.length * 2)
    expect(await chart('backlog').locator('.recharts-bar-rectangle').count()).toBe(expected.backlogByCategory.length)
    const line = await chart('daily').locator('.recharts-line-curve').first().getAttribute('d')
    expect(line?.split(/[LC]/).length).toBeGreaterThan(20)
    expect(await chart('growth').locator('.recharts-area-area').getAttribute('d')).toMatch(/^M[\d.]+/)
    expect(await chart('growth').locator('.recharts-reference-line').count()).toBe(1)
    // Versions in the order they went live, each labelled as the chat names it, never by its Ollama
    // tag; the demo's cloud fallback (answering from the first day, less and less: "Menos nube") is
    // a model of its own.
    expect(await chart('models').locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()).toEqual([
      'llama-3.1-8b-instant (nube)',
      'Llama 3.1 8B (en uso)',
      'Versión 1',
      'Versión 2',
    ])
    // The colours of the scores: 1 red … 5 green, the same in both charts.
    const fills = async (id: string) => new Set(await chart(id).locator('.recharts-bar-rectangle path').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('fill'))))
    expect([...(await fills('distribution'))].sort()).toEqual(['#2e7d32', '#7cb342', '#d92d20', '#e0b000', '#f57c00'])
    for (const colour of await fills('distribution')) expect(await fills('categories')).toContain(colour)

    await tallScreenshot(page, '41-estadisticas')
  })

  it('shows a Spanish tooltip on a bar', async () => {
    const bar = chart('categories').locator('.recharts-bar-rectangle').first()
    await bar.hover()
    const tooltip = chart('categories').locator('.chart-tooltip')
    await expect.poll(() => tooltip.textContent()).toMatch(/en total/)
    // Rows with nothing in them are left out; those shown carry their count.
    const rows = await tooltip.locator('li').allTextContents()
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row).toMatch(/^(Nota \d|Sin nota): [1-9]/)
    await chart('categories').screenshot({ path: screenshotPath('42-estadisticas-tooltip') })
  })

  it('changes every figure with the filters', async () => {
    const all = await stats({ includeDemo: true, from: startOfDay(-29) })
    await page.getByTestId('stats-filters').getByLabel('Categoría').selectOption('consulta_precio')
    const price = await stats({ includeDemo: true, from: startOfDay(-29), category: 'consulta_precio' })
    expect(price.total).toBeLessThan(all.total)
    await expect.poll(() => figure('exchanges').textContent()).toBe(number(price.total))
    expect(await chart('categories').locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()).toEqual(['Consulta de precio'])

    await page.getByTestId('stats-filters').getByLabel('Modelo').selectOption('autodidacta-tienda:v2')
    const v2 = await stats({ includeDemo: true, from: startOfDay(-29), category: 'consulta_precio', model: 'autodidacta-tienda:v2' })
    await expect.poll(() => figure('exchanges').textContent()).toBe(number(v2.total))
    expect(await chart('models').locator('.recharts-bar-rectangle').count()).toBe(2)
    expect(await chart('models').textContent()).toContain('Cuando entrenes y pongas en uso una nueva versión')
    await tallScreenshot(page, '43-estadisticas-filtros')

    await page.getByTestId('stats-filters').getByLabel('Fecha').selectOption('today')
    const today = await stats({ includeDemo: true, from: startOfDay(0), category: 'consulta_precio', model: 'autodidacta-tienda:v2' })
    await expect.poll(() => figure('exchanges').textContent()).toBe(number(today.total))

    // Everything here is demo data: out of demo mode (the banner's one switch), nothing is left, and the screen says so.
    await page.getByTestId('demo-banner').getByRole('button', { name: 'Salir del modo demostración' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Nada con estos filtros' }).isVisible()).toBe(true)
    // Back on from Ajustes, Estadísticas counts it all again.
    await page.getByRole('navigation').getByRole('button', { name: 'Ajustes' }).click()
    await page.getByRole('checkbox', { name: 'Usar las conversaciones de ejemplo en Revisión, Estadísticas y los lotes de ejemplos' }).check()
    await page.getByRole('button', { name: 'Guardar', exact: true }).click()
    await expect.poll(() => page.getByTestId('demo-banner').isVisible()).toBe(true)
    await page.getByRole('navigation').getByRole('button', { name: 'Estadísticas' }).click()
    await expect.poll(() => figure('exchanges').textContent()).toBe(number(all.total))
  })

  it('saves a chart as a PNG with its title and legend', async () => {
    const download = page.waitForEvent('download')
    await chart('daily').getByRole('button', { name: 'Guardar «Nota media y tasa de éxito por día» como imagen PNG' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^estadisticas-nota-media-y-tasa-de-exito-por-dia-\d{4}-\d{2}-\d{2}\.png$/)
    const path = await file.path()
    const png = readFileSync(path)
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    const width = png.readUInt32BE(16)
    const height = png.readUInt32BE(20)
    const box = (await chart('daily').locator('svg.recharts-surface').boundingBox())!
    // Twice the chart's size, plus the margins, the title and the legend.
    expect(width).toBe((Math.round(box.width) + 32) * 2)
    expect(height).toBeGreaterThan(Math.round(box.height) * 2 + 100)
    copyFileSync(path, screenshotPath('44-estadisticas-grafico-exportado'))
  })

  it('follows new conversations live, without a reload', async () => {
    const before = await stats({ includeDemo: true, from: startOfDay(-29) })
    const sent = await post(serve!.url, serve!.token, 'simulator.send', { from: 'Lucía', text: '¿Cuánto cuesta el curso de piano?' })
    expect(sent.status).toBe(200)
    await expect.poll(() => figure('exchanges').textContent(), { timeout: 15_000 }).toBe(number(before.total + 1))
    expect(await figure('conversations-today').textContent()).toBe(number(before.keyFigures.conversationsToday + 1))
  })
})

/** The screen scrolls inside the window: a tall window shows the whole dashboard at once. */
async function tallScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!
  await page.setViewportSize({ width: size.width, height: 2000 })
  await page.screenshot({ path: screenshotPath(name) })
  await page.setViewportSize(size)
}

/** Local midnight `days` from today, as the screen's period presets compute it. */
function startOfDay(days: number): number {
  const now = new Date()
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days).getTime()
}

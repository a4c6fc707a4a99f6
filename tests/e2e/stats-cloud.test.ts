import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StatsDto } from '../../src/shared/types'
import { formatUsd } from '../../src/shared/usd'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { CLI, post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

/** "Menos nube" (issue 18, point 5): the demo shop's cloud share falling over the weeks, then its cost. */
describe('Estadísticas → Menos nube in Chromium against `serve`', () => {
  let ollama: OllamaDouble
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  const dir = tempDir()

  const stats = async (): Promise<StatsDto> => {
    // What the screen asks for by default: the last 30 days, demo data in demo mode.
    const { status, body } = await post(serve.url, serve.token, 'stats.get', { includeDemo: true, from: startOfDay(-29) })
    expect(status).toBe(200)
    return body as StatsDto
  }
  const card = () => page.getByTestId('chart-cloud')
  const note = () => card().locator('.stats-card-note')
  const percent = (share: number) => `${Math.round(share * 100).toLocaleString('es-CO')}\u00a0%`
  const openStats = async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Estadísticas' }).click()
    await expect.poll(() => card().isVisible()).toBe(true)
  }

  beforeAll(async () => {
    ollama = await startOllamaDouble({ reply: () => 'Claro, el curso de piano cuesta $89.000.' })
    const seeded = spawnSync(process.execPath, [CLI, 'demo-data', '--data-dir', dir.path, '--count', '900', '--seed', '5'], { encoding: 'utf8', timeout: 120_000 })
    expect(seeded.status, seeded.stderr).toBe(0)
    serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url })
    await post(serve.url, serve.token, 'setup.dismiss', { dismissed: true })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'es-CO', acceptDownloads: true })
    await page.goto(`${serve.url}/#token=${serve.token}`)
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await ollama?.close().catch(() => {})
    dir.remove()
  })

  it('draws the weekly share of the local model against the cloud, and says the trend in words', async () => {
    await openStats()
    const { cloudUsage } = await stats()
    const answered = cloudUsage.weeks.filter((w) => w.cloudShare !== null)
    expect(answered.length).toBeGreaterThanOrEqual(4)
    // The demo shop needed the cloud less and less.
    expect(answered[0]!.cloudShare!).toBeGreaterThan(answered.at(-1)!.cloudShare!)

    expect(await card().getAttribute('data-empty')).toBe('false')
    expect(await card().getByRole('heading').textContent()).toBe('Menos nube')
    // Two stacked bars a week (the local model, the cloud), and the line of cloud calls. A part with
    // no answers draws no rectangle: early in a week the cloud may have written nothing yet.
    const bars = answered.reduce((n, w) => n + (w.localAnswers > 0 ? 1 : 0) + (w.cloudAnswers > 0 ? 1 : 0), 0)
    expect(bars).toBeGreaterThanOrEqual(answered.length * 2 - 1)
    await expect.poll(() => card().locator('.recharts-bar-rectangle').count()).toBe(bars)
    expect(await card().locator('.recharts-line-curve').getAttribute('d')).toMatch(/^M[\d.]+/)
    expect(await card().locator('.stats-legend li').allTextContents()).toEqual(['Tu modelo local', 'La nube', 'Llamadas a la nube'])

    const last = cloudUsage.weeks.at(-1)!
    const text = (await note().textContent()) ?? ''
    expect(text).toContain(`el ${percent(1 - last.cloudShare!)} de las respuestas las escribió tu modelo local`)
    expect(text).toContain(`la nube usó ${(last.promptTokens + last.completionTokens).toLocaleString('es-CO')} tokens`)
    expect(text).toContain(`La nube escribe menos que antes: en la semana del`)
    expect(text).toContain(`escribía el ${percent(answered[0]!.cloudShare!)}`)
    expect(text).toContain('Pon el precio en Ajustes → Nube para ver el costo.')
    await card().screenshot({ path: screenshotPath('cloud-1-menos-nube-sin-precio') })
  })

  it('takes the prices in Ajustes → Nube as providers publish them, refusing what is not a number', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Ajustes' }).click()
    const input = page.getByTestId('cloud-priceInputPerMillion')
    const output = page.getByTestId('cloud-priceOutputPerMillion')
    await input.fill('0,59')
    // Said back per thousand tokens, in the shop's way of writing numbers.
    expect(await page.getByTestId('cloud-priceInputPerMillion-per-thousand').textContent()).toBe('Son US$\u00a00,00059 por cada mil tokens (unas 600 palabras).')
    await output.fill('cero coma ocho')
    await page.getByRole('button', { name: 'Guardar', exact: true }).click()
    // Under the field it is about, as for every setting.
    await expect.poll(() => page.locator('.cloud-price .form-error').allTextContents()).toEqual(['Debe ser un número.'])
    await output.scrollIntoViewIfNeeded()
    await page.locator('.cloud-price').screenshot({ path: screenshotPath('cloud-2-ajustes-nube-precio-error') })

    await output.fill('0,79')
    await page.getByRole('button', { name: 'Guardar', exact: true }).click()
    await expect.poll(async () => (await post(serve.url, serve.token, 'settings.get', {})).body).toMatchObject({ cloud: { priceInputPerMillion: 0.59, priceOutputPerMillion: 0.79 } })
    expect(await page.locator('.cloud-price .form-error').count()).toBe(0)
    await page.locator('.cloud-price').screenshot({ path: screenshotPath('cloud-3-ajustes-nube-precio') })
  })

  it('with the prices, says what the cloud cost and draws the cost line', async () => {
    await openStats()
    const { cloudUsage } = await stats()
    expect(cloudUsage.priced).toBe(true)
    const last = cloudUsage.weeks.at(-1)!
    // Written as the screen writes dollars (a week with no cloud answers yet costs "US$ 0,00").
    const cost = formatUsd('es-CO', last.costUsd!)
    await expect.poll(() => note().textContent()).toContain(`la nube costó ${cost}.`)
    expect(await note().textContent()).not.toContain('Pon el precio')
    expect(await card().locator('.stats-legend li').allTextContents()).toEqual(['Tu modelo local', 'La nube', 'Costo de la nube (US$)'])
    expect((await card().locator('.recharts-yAxis').last().locator('.recharts-cartesian-axis-tick-value').allTextContents()).every((tick) => tick.startsWith('US$'))).toBe(true)
    await card().screenshot({ path: screenshotPath('cloud-4-menos-nube') })

    const download = page.waitForEvent('download')
    await card().getByRole('button', { name: 'Guardar «Menos nube» como imagen PNG' }).click()
    const png = readFileSync(await (await download).path())
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  })

  it('fits a 390 px wide window', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await card().scrollIntoViewIfNeeded()
    const box = (await card().boundingBox())!
    expect(box.width).toBeLessThanOrEqual(390)
    const svg = (await card().locator('svg.recharts-surface').boundingBox())!
    expect(svg.x).toBeGreaterThanOrEqual(box.x - 1)
    expect(svg.x + svg.width).toBeLessThanOrEqual(box.x + box.width + 1)
    await card().screenshot({ path: screenshotPath('cloud-5-menos-nube-390') })
  })
})

/** Local midnight `days` from today, as the screen's period presets compute it. */
function startOfDay(days: number): number {
  const now = new Date()
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days).getTime()
}

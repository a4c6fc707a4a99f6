import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExchangeDto } from '../../src/shared/types'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { CLI, post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

describe('Revisión and Entrenamiento in Chromium against `serve`, on demo data', () => {
  let ollama: OllamaDouble
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  const dir = tempDir()
  let rewrite = ''
  let rewrittenId = ''
  let rejectedId = ''

  /** The server's view of one exchange, whatever its status. */
  const exchange = async (id: string): Promise<ExchangeDto> => {
    const { body } = await post(serve.url, serve.token, 'review.list', { status: 'all', limit: 500 })
    const found = (body as { items: ExchangeDto[] }).items.find((e) => e.id === id)
    if (!found) throw new Error(`exchange ${id} not found`)
    return found
  }
  const pendingIds = async (): Promise<string[]> => {
    const { body } = await post(serve.url, serve.token, 'review.list', { limit: 500 })
    return (body as { items: ExchangeDto[] }).items.map((e) => e.id)
  }
  const card = (id: string): Locator => page.locator(`[data-testid="exchange"][data-id="${id}"]`)
  const focusedId = async (): Promise<string> => {
    const id = await page.locator('[data-testid="exchange"][data-focused="true"]').getAttribute('data-id')
    if (!id) throw new Error('no exchange has the focus')
    return id
  }

  /** Demo mode, switched where the owner switches it: Ajustes. */
  const demoModeInAjustes = async (on: boolean) => {
    await page.getByRole('navigation').getByRole('button', { name: 'Ajustes' }).click()
    await page.getByRole('checkbox', { name: 'Usar las conversaciones de ejemplo en Revisión, Estadísticas y los lotes de ejemplos' }).setChecked(on)
    await page.getByRole('button', { name: 'Guardar', exact: true }).click()
    await expect.poll(() => page.getByTestId('demo-banner').count()).toBe(on ? 1 : 0)
  }

  beforeAll(async () => {
    const seeded = spawnSync(process.execPath, [CLI, 'demo-data', '--data-dir', dir.path, '--count', '60'], { encoding: 'utf8', timeout: 60_000 })
    expect(seeded.status, seeded.stderr).toBe(0)
    ollama = await startOllamaDouble({ reply: () => '¡Con gusto te ayudo!' })
    serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url })
    // An empty data folder opens on Primeros pasos (first-day.test.ts); these tests start at the sections.
    await post(serve.url, serve.token, 'setup.dismiss', { dismissed: true })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1360, height: 820 }, locale: 'es-CO' })
    await page.goto(`${serve.url}/#token=${serve.token}`)
    await page.getByRole('navigation').getByRole('button', { name: 'Revisión' }).click()
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await ollama?.close().catch(() => {})
    dir.remove()
  })

  it('shows the pending queue in the server’s order, with both scores, the DEMO badge and capture health', async () => {
    const cards = page.locator('[data-testid="exchange"]')
    await expect.poll(() => cards.count()).toBeGreaterThan(0)
    const expected = (await pendingIds()).slice(0, await cards.count())
    expect(await cards.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')))).toEqual(expected)

    const first = cards.first()
    expect(await first.getAttribute('data-focused')).toBe('true')
    expect(await first.textContent()).toContain('DEMO')
    expect(await first.getByTestId('auto-score').textContent()).toMatch(/Automática/)
    expect(await first.getByTestId('manual-score').textContent()).toContain('aún no la pones')
    expect(await first.getByTestId('user-message').isVisible()).toBe(true)
    expect(await first.getByTestId('bot-response').isVisible()).toBe(true)
    expect(await page.getByTestId('review-count').textContent()).toMatch(/\d+ intercambios/)
    expect(await page.getByTestId('shortcut-legend').textContent()).toContain('aprobar')

    const health = page.getByTestId('capture-health')
    await expect.poll(() => health.getAttribute('class')).toContain('ok')
    expect(await health.textContent()).toContain('Guardado de las conversaciones')
    await page.screenshot({ path: screenshotPath('11-revision') })
  })

  it('5 gives the focused exchange the owner’s score, which takes it out of the pending queue', async () => {
    const id = await focusedId()
    await page.keyboard.press('5')
    await expect.poll(() => card(id).getAttribute('data-left')).toBe('true')
    expect(await card(id).getByTestId('manual-score').textContent()).toContain('5')
    expect(await card(id).textContent()).toContain('sale de la cola')
    expect(await focusedId()).not.toBe(id)

    const stored = await exchange(id)
    expect(stored.manualScore).toBe(5)
    expect(stored.qualityScore).toBe(5)
    expect(await pendingIds()).not.toContain(id)
  })

  it('E rewrites the answer; letters typed there are text, not shortcuts; Ctrl+Enter saves the training target', async () => {
    const id = await focusedId()
    const original = (await exchange(id)).botResponse
    await page.keyboard.press('e')
    const editor = card(id).getByRole('textbox', { name: 'Tu versión de la respuesta' })
    await expect.poll(() => editor.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    expect(await editor.inputValue()).toBe(original)

    rewrite = 'Claro que sí: el envío sale hoy y llega en 2 a 5 días hábiles. ¿Te paso el enlace de pago?'
    rewrittenId = id
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type(rewrite)
    await page.screenshot({ path: screenshotPath('12-revision-editar') })
    await page.keyboard.press('Control+Enter')

    await expect.poll(() => card(id).getByTestId('corrected-response').textContent()).toContain(rewrite)
    const stored = await exchange(id)
    expect(stored.correctedResponse).toBe(rewrite)
    expect(stored.reviewStatus).toBe('corrected')
    expect(stored.manualScore).toBeNull()
    expect(stored.botResponse).toBe(original)
  })

  it('keeps a rewrite half typed when the queue is refreshed', async () => {
    const id = await focusedId()
    // Opened with the card's button (the E shortcut is the test above's): right after a save, on a
    // loaded machine, the key could land before the saved card had settled.
    await card(id).getByRole('button', { name: /^Reescribir/ }).click()
    const editor = card(id).getByRole('textbox', { name: 'Tu versión de la respuesta' })
    await expect.poll(() => editor.isVisible()).toBe(true)
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('Texto a medio escribir')
    const listed = page.waitForResponse((response) => response.url().endsWith('/api/review.list'))
    await page.getByRole('button', { name: 'Actualizar', exact: true }).click()
    await listed
    await expect.poll(() => editor.isVisible()).toBe(true)
    expect(await editor.inputValue()).toBe('Texto a medio escribir')
    await editor.press('Escape')
    await expect.poll(() => editor.count()).toBe(0)
  })

  it('Esc leaves the editor without saving; S marks a sale, which stays in the queue for a human look', async () => {
    const id = await focusedId()
    await page.keyboard.press('e')
    const editor = card(id).getByRole('textbox', { name: 'Tu versión de la respuesta' })
    await expect.poll(() => editor.isVisible()).toBe(true)
    await page.keyboard.type(' algo más')
    await page.keyboard.press('Escape')
    await expect.poll(() => editor.count()).toBe(0)
    expect((await exchange(id)).correctedResponse).toBeNull()
    expect(await focusedId()).toBe(id)

    await page.keyboard.press('s')
    await expect.poll(() => card(id).getByTestId('success').textContent()).toContain('Venta / intención de compra')
    expect(await card(id).getByTestId('auto-score').textContent()).toContain('venta')
    const stored = await exchange(id)
    expect(stored.wasSuccessful).toBe(true)
    expect(stored.autoScoreSource).toBe('sale')
    expect(await card(id).getAttribute('data-left')).toBeNull()
  })

  it('A approves and R rejects the focused exchange; J/K and the arrows move the focus', async () => {
    const approved = await focusedId()
    await page.keyboard.press('a')
    await expect.poll(() => card(approved).getByTestId('review-status').textContent()).toBe('Aprobada')
    expect(await card(approved).getAttribute('data-left')).toBe('true')

    const rejected = await focusedId()
    expect(rejected).not.toBe(approved)
    await page.keyboard.press('j')
    const next = await focusedId()
    expect(next).not.toBe(rejected)
    await page.keyboard.press('k')
    expect(await focusedId()).toBe(rejected)
    await page.keyboard.press('ArrowDown')
    expect(await focusedId()).toBe(next)
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('r')
    await expect.poll(() => card(rejected).getByTestId('review-status').textContent()).toBe('Rechazada')

    expect((await exchange(approved)).reviewStatus).toBe('approved')
    expect((await exchange(rejected)).reviewStatus).toBe('rejected')
    rejectedId = rejected
  })

  it('approves two selected exchanges at once', async () => {
    const open = page.locator('[data-testid="exchange"]:not([data-left])')
    const ids = await open.evaluateAll((nodes) => nodes.slice(0, 2).map((n) => n.getAttribute('data-id')!))
    expect(ids).toHaveLength(2)
    for (const id of ids) await card(id).getByRole('checkbox', { name: 'Seleccionar este intercambio' }).check()
    const bulk = page.getByTestId('bulk-actions')
    expect(await bulk.textContent()).toContain('2 seleccionados')
    await page.screenshot({ path: screenshotPath('12-revision-seleccion') })
    await bulk.getByRole('button', { name: 'Aprobar seleccionados' }).click()

    for (const id of ids) await expect.poll(() => card(id).getByTestId('review-status').textContent()).toBe('Aprobada')
    expect(await bulk.count()).toBe(0)
    for (const id of ids) expect((await exchange(id)).reviewStatus).toBe('approved')

    await page.getByRole('button', { name: 'Aprobadas', exact: true }).click()
    await expect.poll(() => page.locator('[data-testid="exchange"]').evaluateAll((n) => n.map((e) => e.getAttribute('data-id')))).toEqual(
      expect.arrayContaining(ids),
    )
    // Out of demo mode (one switch for the whole app, on the banner) nothing here is left.
    await page.getByTestId('demo-banner').getByRole('button', { name: 'Salir del modo demostración' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Nada con estos filtros' }).isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Quitar filtros' }).click()
    await expect.poll(() => page.locator('[data-testid="exchange"]').count()).toBe(0)
    await demoModeInAjustes(true)
    await page.getByRole('navigation').getByRole('button', { name: 'Revisión' }).click()
    await expect.poll(() => page.locator('[data-testid="exchange"]').count()).toBeGreaterThan(0)
  })

  it('generates a dataset from the reviewed demo data, with progress, and writes the seed’s JSONL shape', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Entrenamiento' }).click()
    const form = page.getByTestId('dataset-form')
    await expect.poll(() => form.getByLabel('Nota mínima').inputValue()).toBe('4')

    // Every exchange here is demo data: out of demo mode there is nothing to learn from, and the server says so.
    await page.getByTestId('demo-banner').getByRole('button', { name: 'Salir del modo demostración' }).click()
    await expect.poll(() => page.getByTestId('demo-banner').count()).toBe(0)
    await form.getByRole('button', { name: 'Preparar lote' }).click()
    await expect.poll(() => page.getByTestId('dataset-notice').textContent()).toContain('No hay ejemplos')
    expect(await page.getByTestId('dataset-notice').textContent()).toContain('activa el modo demostración en Ajustes')
    await expect.poll(() => page.locator('[data-testid="dataset"][data-status="failed"]').count()).toBe(1)
    await page.screenshot({ path: screenshotPath('13-entrenamiento-sin-ejemplos') })

    await demoModeInAjustes(true)
    await page.getByRole('navigation').getByRole('button', { name: 'Entrenamiento' }).click()
    await form.getByRole('button', { name: 'Preparar lote' }).click()
    const ready = page.locator('[data-testid="dataset"][data-status="ready"]')
    await expect.poll(() => ready.count(), { timeout: 20_000 }).toBe(1)
    // The refused attempt does not stay in the list beside it.
    expect(await page.locator('[data-testid="dataset"][data-status="failed"]').count()).toBe(0)
    expect(await page.getByTestId('dataset-notice').textContent()).toContain('listo')
    await ready.getByText('Ver resumen').click()
    expect(await ready.getByTestId('manifest').textContent()).toContain('Ejemplos por categoría y nota')
    // Where the lines come from, in the owner's terms (issue 16, point 4).
    for (const source of ['con buena nota automática', 'aprobados por ti', 'con tu respuesta reescrita']) {
      expect(await ready.getByTestId('manifest').textContent()).toContain(source)
    }
    await ready.getByTestId('manifest').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('13-entrenamiento-dataset') })

    const path = await ready.getAttribute('data-path')
    expect(path).toBeTruthy()
    type Example = {
      messages: { role: string; content: string }[]
      metadata: { category: string; productName: string | null; qualityScore: number | null; id?: string }
    }
    const read = (file: string) =>
      readFileSync(join(path!, file), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Example)
    const train = read('train.jsonl')
    expect(train.length).toBe(Number(await ready.getByTestId('dataset-train').textContent()))
    expect(train.length).toBeGreaterThan(0)
    for (const example of train) {
      const roles = example.messages.map((m) => m.role)
      expect(roles[0]).toBe('system')
      expect(roles.at(-1)).toBe('assistant')
      expect(roles.at(-2)).toBe('user')
      expect(roles.every((r) => ['system', 'user', 'assistant'].includes(r))).toBe(true)
      expect(example.messages.every((m) => typeof m.content === 'string' && m.content.length > 0)).toBe(true)
      expect(example.metadata).toHaveProperty('category')
      expect(example.metadata).toHaveProperty('productName')
      expect(example.metadata).toHaveProperty('qualityScore')
    }

    // What the owner did on the Revisión screen is what the dataset learns from.
    const all = [...train, ...read('valid.jsonl')]
    const corrected = all.find((e) => e.metadata.id === rewrittenId)
    expect(corrected?.messages.at(-1)?.content).toBe(rewrite)
    expect(all.some((e) => e.metadata.id === rejectedId)).toBe(false)
  })
})

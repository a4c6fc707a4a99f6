import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CycleDto, CycleRunDto, Settings } from '../../src/shared/types'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type ChatRequestBody, type OllamaDouble } from '../support/ollama-double'
import { CLI, post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

const LIVE = 'llama3.1:8b'

/**
 * Issue 18 in the browser: Ajustes → Aprendizaje automático, the suggestion in Entrenamiento and
 * its one tap, the morning card with "Deshacer", the history of turns — on a computer and on a phone.
 */
describe('the learning cycle in Chromium against `serve`', () => {
  let ollama: OllamaDouble
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  const dir = tempDir()

  const api = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const { status, body } = await post(serve.url, serve.token, method, input)
    if (status !== 200) throw new Error(`${method} → ${status}: ${JSON.stringify(body)}`)
    return body as T
  }
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name })

  /** The owner's answers in the newest dataset, by question: a new version that learned them answers with them. */
  const reference = (question: string): string | undefined => {
    const root = join(dir.path, 'datasets')
    if (!existsSync(root)) return undefined
    for (const folder of readdirSync(root).sort().reverse()) {
      for (const file of ['valid.jsonl', 'train.jsonl']) {
        const path = join(root, folder, file)
        if (!existsSync(path)) continue
        for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) {
          const messages = (JSON.parse(line) as { messages: { role: string; content: string }[] }).messages
          if (messages.filter((m) => m.role === 'user').at(-1)?.content === question) return messages.at(-1)!.content
        }
      }
    }
    return undefined
  }

  beforeAll(async () => {
    const seeded = spawnSync(process.execPath, [CLI, 'demo-data', '--data-dir', dir.path, '--count', '300'], { encoding: 'utf8', timeout: 60_000 })
    expect(seeded.status, seeded.stderr).toBe(0)
    ollama = await startOllamaDouble({
      reply: () => '¡Con gusto te ayudo!',
      replyFor: (model: string, request: ChatRequestBody) => {
        if (!model.startsWith('autodidacta-')) return undefined
        const question = request.messages.filter((m) => m.role === 'user').at(-1)?.content ?? ''
        return reference(question) ?? 'Claro, te cuento: tenemos cursos y accesorios. ¿Qué te interesa?'
      },
    })
    serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url, AUTODIDACTA_LLAMA_BIN: '/nonexistent' })
    await post(serve.url, serve.token, 'setup.dismiss', { dismissed: true })
    await api<Settings>('settings.update', { training: { llamaBinDir: '/nonexistent' } })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'es-CO' })
    await page.goto(`${serve.url}/#token=${serve.token}`)
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await ollama?.close().catch(() => {})
    dir.remove()
  })

  it('Ajustes → Aprendizaje automático: the three modes explained, conditions editable, saved as the core says', async () => {
    await nav('Ajustes').click()
    const section = page.getByTestId('cycle-settings')
    await section.scrollIntoViewIfNeeded()
    expect(await section.getByRole('radio', { name: /Sugerir/ }).isChecked()).toBe(true)
    expect(await section.textContent()).toContain('Te aviso cuando valga la pena entrenar')
    await section.getByLabel('Ejemplos nuevos necesarios').fill('5')
    await page.getByRole('button', { name: 'Guardar', exact: true }).click()
    // The core refuses fewer than 10, in Spanish, beside the field.
    await expect.poll(() => section.locator('.form-error').allTextContents()).toEqual([expect.stringMatching(/10/)])
    await section.getByLabel('Ejemplos nuevos necesarios').fill('50')
    await page.getByRole('button', { name: 'Guardar', exact: true }).click()
    await expect.poll(async () => (await api<Settings>('settings.get')).cycle.minNewExamples).toBe(50)
    await section.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.screenshot({ path: screenshotPath('60-ajustes-aprendizaje-automatico') })
  })

  it('Entrenamiento suggests a version; one tap trains it; the morning card says what happened and "Deshacer" goes back', async () => {
    await api<Settings>('settings.update', { demoMode: true })
    await page.reload()
    await nav('Entrenamiento').click()
    const panel = page.getByTestId('cycle-panel')
    await expect.poll(() => panel.getAttribute('data-mode')).toBe('suggest')
    const suggestion = panel.getByTestId('cycle-suggestion')
    await expect.poll(() => suggestion.isVisible()).toBe(true)
    const cycle = await api<CycleDto>('cycle.get')
    expect(await suggestion.textContent()).toContain(`Tienes ${cycle.newExamples} ejemplos nuevos`)
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.screenshot({ path: screenshotPath('61-entrenamiento-sugerencia') })

    await suggestion.getByRole('button', { name: 'Entrenar ahora' }).click()
    const card = page.getByTestId('cycle-summary')
    await expect.poll(() => card.isVisible(), { timeout: 60_000 }).toBe(true)
    expect(await card.getAttribute('data-status')).toBe('deployed')
    expect(await card.textContent()).toMatch(/Entrené la versión 1 con \d+ ejemplos nuevos; responde mejor y ya está en uso\./)
    const [turn] = await api<CycleRunDto[]>('cycle.list')
    expect(turn).toMatchObject({ trigger: 'owner', status: 'deployed' })
    expect((await api<Settings>('settings.get')).llm.model).toBe(turn!.version!.name)
    // The history lists the turn with its numbers one click away.
    const history = panel.getByTestId('cycle-turn').first()
    await expect.poll(() => history.getAttribute('data-status')).toBe('deployed')
    expect(await history.textContent()).toContain('La pediste tú')
    await page.screenshot({ path: screenshotPath('62-resumen-aprendizaje') })

    // The card follows the owner to another screen until it is read; "Deshacer" puts version 0 back.
    await nav('Conversaciones').click()
    await expect.poll(() => card.isVisible()).toBe(true)
    await card.getByRole('button', { name: 'Deshacer (volver a la versión 0)' }).click()
    await expect.poll(() => card.count()).toBe(0)
    expect((await api<Settings>('settings.get')).llm.model).toBe(LIVE)
    expect((await api<CycleRunDto[]>('cycle.list'))[0]).toMatchObject({ status: 'rolled_back' })
  })

  it('automatic mode lists each condition in words, on a computer and on a phone', async () => {
    await api<Settings>('settings.update', { cycle: { mode: 'automatic' } })
    await nav('Conversaciones').click()
    await nav('Entrenamiento').click()
    const panel = page.getByTestId('cycle-panel')
    await expect.poll(() => panel.getAttribute('data-mode')).toBe('automatic')
    const conditions = panel.getByTestId('cycle-conditions')
    // The last version is minutes old: the week has not passed; the window names the shop's hours.
    expect(await conditions.locator('[data-condition="interval"]').getAttribute('data-met')).toBe('false')
    expect(await conditions.textContent()).toContain('23:00')
    expect(await panel.getByTestId('cycle-next').textContent()).toMatch(/^(Próxima vez posible|Todavía no)/)
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.screenshot({ path: screenshotPath('63-entrenamiento-automatico') })

    await page.setViewportSize({ width: 390, height: 844 })
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: screenshotPath('64-entrenamiento-automatico-telefono') })
    await page.setViewportSize({ width: 1366, height: 900 })
  })
})

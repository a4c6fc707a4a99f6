import { spawnSync } from 'node:child_process'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, screenshotPath } from '../support/browser'
import { probeLayout } from '../support/layout-probe.mjs'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { CLI, post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

// Issue 15: the owner's walk through every screen, on the computer and on the phone, on a new
// folder and on a shop full of demo conversations. Each screen is checked the same way: nothing
// wider than the window, nothing the console complains about, no English validation text,
// numbers written the shop's way, and on the phone every control big enough for a finger.

const SIZES = [
  { id: 'escritorio', width: 1366, height: 768, phone: false },
  { id: 'telefono', width: 390, height: 844, phone: true },
] as const

const SECTIONS = [
  { nav: 'Conversaciones', title: 'Conversaciones', shot: 'conversaciones' },
  { nav: 'Vincular WhatsApp', title: 'Vincular WhatsApp', shot: 'vincular' },
  { nav: 'Revisión', title: 'Revisión', shot: 'revision' },
  { nav: 'Estadísticas', title: 'Estadísticas', shot: 'estadisticas' },
  { nav: 'Entrenamiento', title: 'Entrenamiento', shot: 'entrenamiento' },
  { nav: 'Catálogo', title: 'Catálogo', shot: 'catalogo' },
  { nav: 'Ajustes', title: 'Ajustes', shot: 'ajustes' },
] as const

// Rows that slide sideways by design, inside a screen that does not: Ajustes' section chips on a phone.
const SLIDES = '.settings-menu'

// What zod, the contract and Node say when they speak English to a user.
const ENGLISH_VALIDATION = /\b(Too (?:small|big)|Invalid (?:input|option|type|string|number)|expected (?:number|string|boolean|object|array)|Required|bad port|must be|is not allowed|Unrecognized key)\b/i

// A thousands comma or a decimal point: how en-US writes numbers, never es-CO (the shop's default).
const EN_THOUSANDS = /(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])/
const EN_DECIMAL = /(?<![\w.,:/-])\d+\.\d{1,2}(?![\d.])\s?%?/
// Model names are brand names and keep their own points ("Llama 3.1 8B", "Qwen 2.5 0.5B"): not numbers to localise.
const MODEL_NAMES = /\b(?:Llama|Qwen|Gemma|Mistral|Phi) \d+(?:\.\d+)?(?: \d+(?:\.\d+)?B)?/g

describe('every screen at 1366×768 and 390×844, on a new folder and on demo data', () => {
  let ollama: OllamaDouble
  let browser: Browser
  const dirs: { remove: () => void }[] = []
  const serves: ServeProcess[] = []

  beforeAll(async () => {
    ollama = await startOllamaDouble({ reply: () => '¡Hola! El curso de piano cuesta $89.000. ¿Te envío el enlace de pago?' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    for (const serve of serves) await serve.stop()
    await ollama?.close().catch(() => {})
    for (const dir of dirs) dir.remove()
  })

  const open = async (serve: ServeProcess, size: (typeof SIZES)[number]) => {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, locale: 'es-CO', isMobile: size.phone, hasTouch: size.phone })
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${serve.url}/#token=${serve.token}`)
    return { page, errors }
  }

  /** Waits for the screen's data, checks it, and keeps its picture. */
  const check = async (page: Page, errors: string[], size: (typeof SIZES)[number], shot: string) => {
    // Screens fill in after their first answers; a "Cargando" left means the picture is of a half screen.
    await expect.poll(async () => (await page.locator('body').innerText()).includes('Cargando'), { message: `${shot}: still loading`, timeout: 10_000 }).toBe(false)
    await page.waitForTimeout(300)
    await page.screenshot({ path: screenshotPath(shot) })
    // A phone shows little at once: a second picture further down the screen, to look at what is below.
    const screen = page.locator('main .screen').first()
    if (size.phone && (await screen.count()) > 0 && (await screen.evaluate((el) => el.scrollHeight > el.clientHeight))) {
      await screen.evaluate((el) => el.scrollBy(0, el.clientHeight - 80))
      await page.screenshot({ path: screenshotPath(`${shot}-abajo`) })
      await screen.evaluate((el) => el.scrollTo(0, 0))
    }
    const found = await page.evaluate(probeLayout, { phone: size.phone, slides: SLIDES })
    expect(found.overflow, `${shot}: wider than the window`).toEqual([])
    expect(found.cutFigures, `${shot}: cut figures`).toEqual([])
    expect(found.smallTargets, `${shot}: too small to tap`).toEqual([])
    expect(errors, `${shot}: console errors`).toEqual([])
    expect(found.text, `${shot}: English validation text`).not.toMatch(ENGLISH_VALIDATION)
    const numbers = found.text.replace(MODEL_NAMES, '')
    expect(numbers.match(EN_THOUSANDS)?.[0], `${shot}: a number with a thousands comma`).toBeUndefined()
    expect(numbers.match(EN_DECIMAL)?.[0], `${shot}: a number with a decimal point`).toBeUndefined()
  }

  const go = async (page: Page, size: (typeof SIZES)[number], section: (typeof SECTIONS)[number]) => {
    const nav = page.getByRole('navigation', { name: 'Secciones' })
    if (size.phone) {
      // The sections are folded behind the menu button, and fold again once one is chosen.
      expect(await nav.isVisible()).toBe(false)
      const menu = page.getByTestId('menu-button')
      await menu.click()
      expect(await menu.getAttribute('aria-expanded')).toBe('true')
    }
    await nav.getByRole('button', { name: section.nav }).click()
    if (size.phone) expect(await nav.isVisible()).toBe(false)
    await expect.poll(() => page.getByRole('heading', { level: 1, name: section.title }).isVisible(), { message: section.nav }).toBe(true)
  }

  const walk = async (serve: ServeProcess, data: string, extra?: (page: Page, size: (typeof SIZES)[number], errors: string[]) => Promise<void>) => {
    for (const size of SIZES) {
      // Setup is finished in neither folder: Primeros pasos opens first, even after the phone closed it.
      expect((await post(serve.url, serve.token, 'setup.dismiss', { dismissed: false })).status).toBe(200)
      const { page, errors } = await open(serve, size)
      await page.screenshot({ path: screenshotPath(`walk-${data}-${size.id}-00-inicio`) })
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Primeros pasos' }).isVisible(), { timeout: 15_000 }).toBe(true)
      await check(page, errors, size, `walk-${data}-${size.id}-00-primeros-pasos`)
      // On a phone the assistant takes the whole window; closing it shows the sections.
      if (size.phone) {
        await page.getByTestId('setup-close').click()
        // The open menu is a screen too: every section and the setup checklist, over the page, closed by its button.
        const menu = page.getByTestId('menu-button')
        await menu.click()
        await expect.poll(() => page.getByRole('navigation', { name: 'Secciones' }).isVisible()).toBe(true)
        await check(page, errors, size, `walk-${data}-${size.id}-00-menu`)
        await menu.click()
        expect(await menu.getAttribute('aria-expanded')).toBe('false')
      }
      for (const [index, section] of SECTIONS.entries()) {
        await go(page, size, section)
        await check(page, errors, size, `walk-${data}-${size.id}-${String(index + 1).padStart(2, '0')}-${section.shot}`)
      }
      if (extra) await extra(page, size, errors)
      await page.close()
    }
  }

  it('walks every screen of a new folder', { timeout: 180_000 }, async () => {
    const dir = tempDir()
    dirs.push(dir)
    const serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url })
    serves.push(serve)
    await walk(serve, 'vacia')
  })

  it('walks every screen of a shop with 2.000 demo exchanges, and a chat on the phone', { timeout: 300_000 }, async () => {
    const dir = tempDir()
    dirs.push(dir)
    const seeded = spawnSync(process.execPath, [CLI, 'demo-data', '--data-dir', dir.path, '--count', '2000', '--seed', '15'], { encoding: 'utf8', timeout: 180_000 })
    expect(seeded.status, seeded.stderr).toBe(0)
    const serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url })
    serves.push(serve)
    expect((await post(serve.url, serve.token, 'setup.exampleCatalog', {})).status).toBe(200)
    expect((await post(serve.url, serve.token, 'datasets.create', {})).status).toBe(200)

    await walk(serve, 'demo', async (page, size, errors) => {
      if (!size.phone) return
      // The phone's chat: the list, then the chat alone with a way back, then "Probar el bot" alone.
      await go(page, size, SECTIONS[0])
      const list = page.getByTestId('conversation-list')
      await list.locator('li button').first().click()
      await expect.poll(() => page.getByTestId('bubble-bot').first().isVisible()).toBe(true)
      expect(await list.isVisible()).toBe(false)
      await check(page, errors, size, `walk-demo-telefono-20-chat`)
      await page.getByRole('button', { name: 'Volver a la lista' }).click()
      await expect.poll(() => list.isVisible()).toBe(true)
      await page.getByRole('button', { name: 'Probar el bot' }).click()
      await expect.poll(() => page.getByTestId('simulator').isVisible()).toBe(true)
      expect(await list.isVisible()).toBe(false)
      await page.getByTestId('simulator').getByLabel('Mensaje').fill('Hola, ¿tienen cursos de piano?')
      await page.getByTestId('simulator').getByRole('button', { name: 'Enviar' }).click()
      // What was sent opens as a chat, the bot's answer in it.
      await expect.poll(() => page.getByTestId('bubble-customer').last().textContent(), { timeout: 10_000 }).toContain('cursos de piano')
      await check(page, errors, size, `walk-demo-telefono-21-probar`)
    })
  })
})

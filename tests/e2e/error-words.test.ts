// Errors on the owner's screens are Spanish and say what to do: a setting the core refuses,
// "Probar conexión" against a port the browser-grade HTTP client blocks, and linking WhatsApp
// with a number missing its country code or without internet. The whole app runs in this
// process (socket double in place of Baileys) behind the real HTTP server, in Chromium.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DisconnectReason } from '@whiskeysockets/baileys'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../src/main/app/create-app'
import { silentLogger } from '../../src/main/kernel/logger'
import { startHttpServer, type RunningServer } from '../../src/main/server/http-server'
import { launchChromium, screenshotPath } from '../support/browser'
import { englishWords } from '../support/english-text'
import { tempDir } from '../support/test-app'
import { socketDoubleFactory } from '../support/whatsapp-socket-double'

const RENDERER_DIR = resolve('out', 'renderer')

describe('error messages on the page', () => {
  const dir = tempDir()
  const factory = socketDoubleFactory()
  let app: App
  let server: RunningServer
  let browser: Browser
  let page: Page

  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name })

  /** Every error-looking text on the page now, with the English words found in each. */
  async function englishOnPage(): Promise<string[]> {
    const texts = await page.locator('[role="alert"], .notice, .form-error').allTextContents()
    return texts.filter((text) => englishWords(text).length > 0)
  }

  beforeAll(async () => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`No built UI in ${RENDERER_DIR}: run \`npx electron-vite build\` first`)
    app = await createApp({
      dataDir: dir.path,
      version: '0.0.0-test',
      logger: silentLogger,
      // 6000 is a port the fetch standard blocks: undici says "bad port".
      env: { OLLAMA_HOST: 'http://127.0.0.1:6000' },
      whatsappSocketFactory: factory,
      whatsappTimings: { reconnect: { baseMs: 30_000, maxMs: 30_000, maxAttempts: 3 }, random: () => 1 },
    })
    for (const [method, input] of [
      ['setup.saveShop', { shopName: 'Tecnovariedades', country: 'CO' }],
      ['setup.dismiss', { dismissed: true }],
    ] as const) {
      const result = await app.dispatch(method, input)
      expect(result.ok).toBe(true)
    }
    server = await startHttpServer({ dispatch: app.dispatch, events: app.events, logger: silentLogger, version: 'test', rendererDir: RENDERER_DIR, port: 0 })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-CO' })
    // Saving a plain http:// address elsewhere than this computer asks first; the answer here is yes.
    page.on('dialog', (dialog) => void dialog.accept())
    await page.goto(`${server.url}/#token=${server.token}`)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await app?.close()
    dir.remove()
  })

  it('a setting the core refuses is explained in Spanish beside the field', async () => {
    await nav('Ajustes').click()
    const host = page.getByLabel('Dirección de Ollama')
    await host.fill('ollama de la tienda')
    await page.getByRole('button', { name: 'Guardar', exact: true }).click()
    await expect.poll(() => page.locator('.form-error').allTextContents()).toContain('Debe ser una dirección web completa, que empiece por http:// o https://.')
    expect(await englishOnPage()).toEqual([])
    await page.screenshot({ path: screenshotPath('b1-ajustes-error-espanol') })
    // Corrected, the field's error goes away before saving again; put back as it was refused, it shows again.
    await host.fill('http://127.0.0.1:6000')
    await expect.poll(() => page.locator('.form-error').count()).toBe(0)
    await host.fill('ollama de la tienda')
    await expect.poll(() => page.locator('.form-error').count()).toBe(1)
    await host.fill('http://127.0.0.1:6000')
  })

  it('"Probar conexión" against a blocked port says so in Spanish, not "bad port"', async () => {
    await page.getByRole('button', { name: 'Probar conexión' }).click()
    const notice = page.locator('.notice.bad', { hasText: 'puerto' })
    await expect.poll(() => notice.count()).toBeGreaterThan(0)
    expect(await notice.first().textContent()).toContain('11434')
    expect(await page.locator('body').textContent()).not.toContain('bad port')
    expect(await englishOnPage()).toEqual([])
    await notice.first().scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('b2-probar-conexion-puerto') })
  })

  it('linking by code: the country code comes from the shop, a number without it is refused, and no internet is named', async () => {
    await nav('Vincular WhatsApp').click()
    const prefix = page.getByLabel('Código de país')
    await expect.poll(() => prefix.inputValue()).toBe('+57')
    const phone = page.getByLabel('Número de WhatsApp de la tienda')

    await prefix.fill('')
    await phone.fill('300 123 4567')
    await page.getByRole('button', { name: 'Pedir código' }).click()
    const alert = page.getByTestId('pairing-unpaired').getByRole('alert')
    await expect.poll(() => alert.textContent()).toContain('En Colombia es +57')
    expect(factory.sockets).toHaveLength(0)
    await page.screenshot({ path: screenshotPath('b3-vincular-sin-codigo-pais') })

    await prefix.fill('+57')
    const next = factory.next()
    await page.getByRole('button', { name: 'Pedir código' }).click()
    const socket = await next
    // No internet: the socket closes before any QR or code, as Baileys does when DNS fails.
    socket.close(DisconnectReason.connectionLost, 'WebSocket Error (getaddrinfo ENOTFOUND web.whatsapp.com)', { code: 'ENOTFOUND' })
    const card = page.getByTestId('pairing-unpaired')
    await expect.poll(() => card.textContent()).toContain('no tiene conexión a internet')
    expect(await card.textContent()).not.toContain('venció')
    // What was typed is still there for the next try.
    expect(await phone.inputValue()).toBe('300 123 4567')
    expect(await prefix.inputValue()).toBe('+57')
    expect(await englishOnPage()).toEqual([])
    await page.screenshot({ path: screenshotPath('b4-vincular-sin-internet') })

    // Looked at on a phone too (the layout itself is every-screen.test.ts's to check).
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: screenshotPath('b5-vincular-sin-internet-telefono'), fullPage: true })
    await page.setViewportSize({ width: 1366, height: 768 })
  })
})

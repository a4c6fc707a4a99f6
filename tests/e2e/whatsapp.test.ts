// The WhatsApp screens in Chromium, against the whole app built in this process with the
// socket double in place of Baileys: pairing by code and by QR (the drawn QR is decoded back
// from its pixels), the connected state, a live WhatsApp chat the owner answers from the app,
// and a list of thousands of chats that stays windowed while it pages.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DisconnectReason, proto, type WAMessage } from '@whiskeysockets/baileys'
import jsQR from 'jsqr'
import type { Browser, Locator, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../src/main/app/create-app'
import { silentLogger } from '../../src/main/kernel/logger'
import { startHttpServer, type RunningServer } from '../../src/main/server/http-server'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { tempDir } from '../support/test-app'
import { customerText, socketDoubleFactory, type SocketDouble } from '../support/whatsapp-socket-double'

/** Where `electron-vite build` puts the UI (what `serve` serves). */
const RENDERER_DIR = resolve('out', 'renderer')
const SHOP_PHONE = '573001112233'
const CUSTOMER = '573009998877'
const CUSTOMER_JID = `${CUSTOMER}@s.whatsapp.net`
const BOT_ANSWER = '¡Hola! Sí, el Curso de Guitarra cuesta $120.000. ¿Te envío el enlace de pago?'

/** A QR payload shaped like Baileys' (ref, noise key, identity key, adv secret): as long as a real one. */
function baileysQr(): string {
  const b64 = (bytes: number) => randomBytes(bytes).toString('base64')
  return `2@${b64(90)},${b64(32)},${b64(32)},${b64(32)}`
}

let mediaSeq = 0
/** A customer message with no text (a voice note, a sticker…), as Baileys delivers it. */
function customerMedia(phone: string, message: proto.IMessage): WAMessage {
  return proto.WebMessageInfo.fromObject({
    key: { remoteJid: `${phone}@s.whatsapp.net`, fromMe: false, id: `MEDIA${Date.now().toString(16).toUpperCase()}${++mediaSeq}` },
    message,
    messageTimestamp: Math.floor(Date.now() / 1000),
    pushName: 'Lucía',
  }) as WAMessage
}

/** Reads the QR image the page drew, pixel by pixel, and decodes it as a phone camera would. */
async function decodeQr(image: Locator): Promise<string | null> {
  const { width, height, gray } = await image.evaluate(async (img) => {
    await img.decode()
    const canvas = img.ownerDocument.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const context = canvas.getContext('2d')
    context.drawImage(img, 0, 0)
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data
    // One byte of luma per pixel, base64: a quarter-million numbers as JSON is slow to ship.
    let bytes = ''
    for (let i = 0; i < rgba.length; i += 4) bytes += String.fromCharCode(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]))
    return { width: canvas.width, height: canvas.height, gray: btoa(bytes) }
  })
  if (width === 0 || height === 0) return null
  const luma = Buffer.from(gray as string, 'base64')
  const rgba = new Uint8ClampedArray(luma.length * 4)
  luma.forEach((value, i) => {
    rgba.set([value, value, value, 255], i * 4)
  })
  return jsQR(rgba, width, height)?.data ?? null
}

describe('WhatsApp in Chromium against the app, with a socket double for Baileys', () => {
  const dir = tempDir()
  const factory = socketDoubleFactory()
  let ollama: OllamaDouble
  let app: App
  let server: RunningServer
  let browser: Browser
  let page: Page
  let socket: SocketDouble

  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name })
  const pill = () => page.getByTestId('whatsapp-status')
  const unpairedHeading = () => page.getByRole('heading', { name: 'Vincula el número de tu tienda' })

  beforeAll(async () => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`No built UI in ${RENDERER_DIR}: run \`npx electron-vite build\` first`)
    ollama = await startOllamaDouble({ reply: () => BOT_ANSWER })
    app = await createApp({
      dataDir: dir.path,
      version: '0.0.0-test',
      logger: silentLogger,
      env: { OLLAMA_HOST: ollama.url },
      whatsappSocketFactory: factory,
      // The send spacing is unit-tested; here it would only make the chat slow.
      whatsappTimings: {
        sendLimits: { perChatMinIntervalMs: 0, globalPerMinute: 10_000, globalBurst: 10_000, jitterMs: 0 },
        // A retry far enough off to see the countdown; the test presses "Reintentar ahora".
        reconnect: { baseMs: 30_000, maxMs: 30_000, maxAttempts: 3 },
        random: () => 1,
      },
    })
    const updated = await app.dispatch('settings.update', { whatsapp: { debounceMs: 0 } })
    expect(updated.ok).toBe(true)
    // The bot's answer quotes this price: the price guardrail sends only what the catalog has.
    const product = await app.dispatch('catalog.save', { product: { name: 'Curso de Guitarra', price: 120_000, keywords: ['guitarra'] } })
    expect(product.ok).toBe(true)
    // An empty data folder opens on Primeros pasos (first-day.test.ts); this test starts at the sections.
    await app.dispatch('setup.dismiss', { dismissed: true })
    server = await startHttpServer({ dispatch: app.dispatch, events: app.events, logger: silentLogger, version: 'test', rendererDir: RENDERER_DIR, port: 0 })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1360, height: 820 }, locale: 'es-CO' })
    await page.goto(`${server.url}/#token=${server.token}`)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await app?.close()
    await ollama?.close().catch(() => {})
    dir.remove()
  })

  it('the status pill says the number is not linked and opens Vincular WhatsApp, which offers both ways to link', async () => {
    await expect.poll(() => pill().textContent()).toContain('WhatsApp: Sin vincular')
    expect(await pill().getAttribute('class')).toContain('neutral')
    await pill().click()
    await expect.poll(() => unpairedHeading().isVisible()).toBe(true)
    expect(await nav('Vincular WhatsApp').getAttribute('aria-current')).toBe('page')
    expect(await page.getByRole('heading', { name: 'Con código QR' }).isVisible()).toBe(true)
    expect(await page.getByRole('heading', { name: 'Con número de teléfono' }).isVisible()).toBe(true)
    await page.screenshot({ path: screenshotPath('20-vincular-opciones') })
  })

  it('rejects a malformed number in the browser, then shows the 8-character code in two groups with the phone-number steps', async () => {
    const phone = page.getByLabel('Número de WhatsApp de la tienda')
    await phone.fill('300 12')
    await page.getByRole('button', { name: 'Pedir código' }).click()
    await expect.poll(() => page.getByTestId('pairing-unpaired').getByRole('alert').textContent()).toContain('con el código de país')
    expect(await phone.getAttribute('aria-invalid')).toBe('true')
    expect(factory.sockets).toHaveLength(0)

    await phone.fill('+57 300 111 2233')
    const next = factory.next()
    await page.getByRole('button', { name: 'Pedir código' }).click()
    const codeSocket = await next
    // Baileys sends a first QR when the socket is up; only then can the code be asked for.
    codeSocket.qr()
    const code = page.getByTestId('pairing-code')
    await expect.poll(() => code.textContent()).toBe('ABCD-1234')
    expect(codeSocket.pairingRequests).toEqual([SHOP_PHONE])
    const card = page.getByTestId('pairing-live')
    expect(await card.textContent()).toContain('Vincular con el número de teléfono')
    expect(await card.textContent()).toContain('Para el número +573001112233')
    expect(await page.getByTestId('pairing-qr').count()).toBe(0)
    await expect.poll(() => pill().textContent()).toContain('WhatsApp: Vinculando…')
    await page.screenshot({ path: screenshotPath('21-vincular-codigo') })

    await page.getByRole('button', { name: 'Cancelar' }).click()
    await expect.poll(() => unpairedHeading().isVisible()).toBe(true)
    expect(codeSocket.ended).toBe(true)
  })

  it('draws a QR that decodes to what WhatsApp sent, and redraws it when the code rotates', async () => {
    const next = factory.next()
    await page.getByRole('button', { name: 'Mostrar código QR' }).click()
    socket = await next
    const first = socket.qr(baileysQr())
    const qr = page.getByTestId('pairing-qr')
    await expect.poll(() => decodeQr(qr), { timeout: 10_000 }).toBe(first)
    expect(await qr.getAttribute('alt')).toBe('Código QR para vincular WhatsApp')
    const card = page.getByTestId('pairing-live')
    expect(await card.textContent()).toContain('El código se renueva solo')
    for (const step of ['Abre WhatsApp en tu teléfono', 'Dispositivos vinculados', 'Vincular un dispositivo', 'Apunta el teléfono a esta pantalla']) {
      expect(await card.textContent()).toContain(step)
    }
    await page.screenshot({ path: screenshotPath('22-vincular-qr') })

    const rotated = socket.qr(baileysQr())
    expect(rotated).not.toBe(first)
    await expect.poll(() => decodeQr(qr), { timeout: 10_000 }).toBe(rotated)
    expect(await qr.count()).toBe(1)
  })

  it('shows the linked number once the phone scans it, and the pill says connected', async () => {
    socket.open(`${SHOP_PHONE}:4@s.whatsapp.net`)
    await expect.poll(() => page.getByTestId('linked-phone').textContent()).toBe(`+${SHOP_PHONE}`)
    const card = page.getByTestId('pairing-open')
    expect(await card.textContent()).toContain('WhatsApp está conectado')
    expect(await card.textContent()).toContain('Conectado desde')
    expect(await card.textContent()).toContain('El bot responde a tus clientes desde este número')
    await expect.poll(() => pill().textContent()).toContain('WhatsApp: Conectado')
    expect(await pill().getAttribute('class')).toContain('ok')
    await page.screenshot({ path: screenshotPath('23-vincular-conectado') })

    // Unlinking asks first; saying no keeps the link.
    await card.getByRole('button', { name: 'Desvincular' }).click()
    expect(await card.getByRole('alertdialog').textContent()).toContain(`¿Desvincular +${SHOP_PHONE}?`)
    await card.getByRole('button', { name: 'No, mantener' }).click()
    expect(await card.getByRole('alertdialog').count()).toBe(0)
    expect(socket.loggedOut).toBe(false)
  })

  it('lists a WhatsApp customer the moment the message arrives, unread, with the bot answering', async () => {
    await nav('Conversaciones').click()
    socket.upsert([customerText(CUSTOMER, 'Hola, ¿tienen el curso de guitarra?', { pushName: 'Lucía' })])
    const row = page.getByTestId('conversation-list').locator('li').filter({ hasText: 'Lucía' })
    await expect.poll(() => row.count()).toBe(1)
    await expect.poll(() => row.getByTestId('unread-badge').getAttribute('title')).toBe('1 mensaje sin leer')
    expect(await row.textContent()).toContain('WhatsApp')
    expect(await row.getByTestId('mode-badge').textContent()).toBe('Bot')
    await expect.poll(() => socket.sent.map((s) => s.text)).toContain(BOT_ANSWER)
    await page.screenshot({ path: screenshotPath('24-conversaciones-nueva') })

    await row.getByRole('button').click()
    await expect.poll(() => page.getByTestId('bubble-bot').last().textContent()).toContain('Curso de Guitarra')
    expect(await page.getByTestId('bubble-customer').first().textContent()).toContain('¿tienen el curso de guitarra?')
    // Opening the chat reads it.
    await expect.poll(() => row.getByTestId('unread-badge').count()).toBe(0)

    // What the bot cannot read still shows, as what it is.
    socket.upsert([customerMedia(CUSTOMER, { audioMessage: { seconds: 4, ptt: true } }), customerMedia(CUSTOMER, { stickerMessage: {} })])
    const kinds = page.getByTestId('bubble-customer').getByTestId('message-kind')
    await expect.poll(() => kinds.allTextContents()).toEqual(['🎤 Nota de voz', '🖼️ Sticker'])
  })

  it('sends the owner’s reply from the app through WhatsApp, with its delivery ticks, and the bot steps back', async () => {
    const text = 'Hola Lucía, soy la dueña: hoy te lo dejo en $100.000.'
    const box = page.getByTestId('reply-box')
    expect(await box.getByTestId('takeover-hint').textContent()).toContain('el bot se calla en este chat durante 1 h')
    await box.getByLabel('Tu respuesta').fill(text)
    await box.getByRole('button', { name: 'Enviar' }).click()

    await expect.poll(() => socket.sent.find((s) => s.text === text)?.jid).toBe(CUSTOMER_JID)
    const sent = socket.sent.find((s) => s.text === text)!
    const bubble = page.getByTestId('bubble-owner').filter({ hasText: text })
    await expect.poll(() => bubble.getByTestId('ticks').getAttribute('data-status')).toBe('sent')
    expect(await bubble.textContent()).toContain('Tú')
    expect(await box.getByLabel('Tu respuesta').inputValue()).toBe('')

    socket.status(sent.messageId, CUSTOMER_JID, proto.WebMessageInfo.Status.READ)
    await expect.poll(() => bubble.getByTestId('ticks').getAttribute('data-status')).toBe('read')
    expect(await bubble.getByTestId('ticks').getAttribute('title')).toBe('Leído')

    const row = page.getByTestId('conversation-list').locator('li').filter({ hasText: 'Lucía' })
    await expect.poll(() => row.getByTestId('mode-badge').textContent()).toBe('Tú')
    expect(await page.getByTestId('bot-mode').inputValue()).toBe('human')
    await page.screenshot({ path: screenshotPath('25-conversaciones-whatsapp') })
  })

  it('explains a lost link with a countdown, giving up, another session taking over and an unlink from the phone, with a way out of each', async () => {
    await nav('Vincular WhatsApp').click()
    await expect.poll(() => page.getByTestId('linked-phone').textContent()).toBe(`+${SHOP_PHONE}`)
    /** Presses a button and returns the socket it opened, opened. */
    const reopenWith = async (button: string) => {
      const next = factory.next()
      await page.getByRole('button', { name: button }).click()
      const reopened = await next
      reopened.open(`${SHOP_PHONE}:4@s.whatsapp.net`)
      await expect.poll(() => pill().textContent()).toContain('WhatsApp: Conectado')
      return reopened
    }

    socket.close(DisconnectReason.connectionLost, 'Connection Lost')
    await expect.poll(() => page.getByTestId('retry-countdown').textContent()).toMatch(/Se vuelve a intentar en 0:[23]\d\./)
    expect(await page.getByTestId('pairing-closed').textContent()).toContain('Se perdió la conexión con WhatsApp')
    expect(await pill().textContent()).toContain('WhatsApp: Desconectado')
    expect(await pill().getAttribute('class')).toContain('bad')
    await page.screenshot({ path: screenshotPath('27-vincular-reconectando') })
    socket = await reopenWith('Reintentar ahora')

    socket.close(DisconnectReason.forbidden, 'Forbidden')
    await expect.poll(() => page.getByTestId('pairing-closed').textContent()).toContain('No se pudo reconectar con WhatsApp')
    expect(await page.getByTestId('pairing-closed').textContent()).toContain('el número puede estar bloqueado')
    expect(await page.getByTestId('retry-countdown').count()).toBe(0)
    await page.screenshot({ path: screenshotPath('28-vincular-sin-reintentos') })
    socket = await reopenWith('Reintentar ahora')

    socket.close(DisconnectReason.connectionReplaced, 'Connection Replaced')
    await expect.poll(() => pill().textContent()).toContain('WhatsApp: Abierto en otra sesión')
    expect(await page.getByTestId('pairing-replaced').textContent()).toContain('Otra sesión de WhatsApp Web tomó esta conexión')
    await page.screenshot({ path: screenshotPath('29-vincular-otra-sesion') })
    socket = await reopenWith('Reconectar aquí')

    socket.close(DisconnectReason.loggedOut, 'Logged Out')
    await expect.poll(() => page.getByRole('heading', { name: 'Se cerró la sesión de WhatsApp' }).isVisible()).toBe(true)
    expect(await pill().textContent()).toContain('WhatsApp: Sesión cerrada')
    expect(await page.getByRole('button', { name: 'Mostrar código QR' }).isVisible()).toBe(true)
    await page.screenshot({ path: screenshotPath('30-vincular-sesion-cerrada') })

    // Linking again, then unlinking from the app, confirmed this time.
    const next = factory.next()
    await page.getByRole('button', { name: 'Mostrar código QR' }).click()
    socket = await next
    socket.qr(baileysQr())
    await expect.poll(() => page.getByTestId('pairing-qr').count()).toBe(1)
    socket.open(`${SHOP_PHONE}:4@s.whatsapp.net`)
    await expect.poll(() => page.getByTestId('linked-phone').textContent()).toBe(`+${SHOP_PHONE}`)
    await page.getByRole('button', { name: 'Desvincular' }).click()
    await page.getByRole('button', { name: 'Sí, desvincular' }).click()
    await expect.poll(() => unpairedHeading().isVisible()).toBe(true)
    expect(socket.loggedOut).toBe(true)
    expect(await pill().textContent()).toContain('WhatsApp: Sin vincular')
  })

  it('keeps a list of thousands of chats windowed and pages older ones in as the owner scrolls, none lost at page edges', async () => {
    const total = 2000
    const account = app.repos.accounts.ensureShopAccount('Mi tienda')
    const newest = Date.now() - 24 * 3600_000
    app.repos.transaction(() => {
      for (let i = 0; i < total; i++) {
        const number = `57310${String(i).padStart(7, '0')}`
        const contact = app.repos.contacts.upsert(account.id, 'whatsapp', `${number}@s.whatsapp.net`, `Cliente ${String(i).padStart(4, '0')}`)
        const conversation = app.repos.conversations.ensureForContact(account.id, contact.id)
        // Three chats to a second, as WhatsApp stamps history: page edges fall between twins.
        app.repos.conversations.recordActivity(conversation.id, new Date(newest - Math.floor(i / 3) * 1000), `Mensaje ${i}`, i % 7 === 0)
      }
    })
    await page.reload()
    await nav('Conversaciones').click()
    const list = page.getByTestId('conversation-list')
    await expect.poll(() => list.locator('li').count()).toBeGreaterThan(5)
    expect(Number(await list.getAttribute('data-loaded'))).toBeLessThan(total)
    expect(await list.locator('li').first().textContent()).toContain('Lucía')

    const scroller = page.locator('.conversation-scroll')
    let loaded = 0
    for (let round = 0; round < 60 && loaded < total + 1; round++) {
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
      await expect.poll(async () => Number(await list.getAttribute('data-loaded')), { timeout: 5_000 }).toBeGreaterThanOrEqual(Math.min(loaded + 1, total + 1))
      loaded = Number(await list.getAttribute('data-loaded'))
      expect(await list.locator('li').count()).toBeLessThan(60)
    }
    expect(loaded).toBe(total + 1)
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    // The oldest second holds chats 1998 and 1999 (twins keep the server's order).
    await expect.poll(() => list.locator('li').last().textContent()).toMatch(/Cliente 199[89]/)
    expect(await list.locator('li').last().getAttribute('aria-posinset')).toBe(String(total + 1))
    expect(await list.locator('li').count()).toBeLessThan(60)
    await page.screenshot({ path: screenshotPath('26-conversaciones-miles') })
  })
})

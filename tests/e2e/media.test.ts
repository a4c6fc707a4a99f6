// Photos and voice notes in Chromium, against the whole app built in this process: a product
// photo picked in Catálogo (and its thumbnail in the list, at 390 px too), the bot sending it in
// "Probar el bot", and a WhatsApp chat with a customer's photo and voice note (real Baileys
// messages, downloaded from the media server double) shown as image and voice bubbles, and the
// owner sending a photo from the reply box; and the pretend customer of "Probar el bot" sending a
// photo and a voice note, at 1366 and 390 px. Screenshots under test-results/screenshots.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../src/main/app/create-app'
import { silentLogger } from '../../src/main/kernel/logger'
import type { Transcriber } from '../../src/main/media/transcriber'
import { startHttpServer, type RunningServer } from '../../src/main/server/http-server'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { phonePhoto } from '../support/photos'
import { tempDir } from '../support/test-app'
import { makeVoiceNote, voiceToolsMissing } from '../support/voice-notes'
import { customerImage, customerVoiceNote, socketDoubleFactory, startMediaServerDouble, type MediaServerDouble, type SocketDouble } from '../support/whatsapp-socket-double'

const RENDERER_DIR = resolve('out', 'renderer')
const CUSTOMER = '573009998877'
const PHONE_VIEW = { width: 390, height: 844 }
const DESKTOP = { width: 1360, height: 820 }

/** The width an <img> decoded to (0 until it has loaded): the picture really arrived, not just the tag. */
const loadedWidth = (img: unknown) => {
  const image = img as { complete: boolean; naturalWidth: number }
  return image.complete ? image.naturalWidth : 0
}

/** The speech engine's stand-in: the bytes of the voice note say what it "hears". */
const transcriber: Transcriber = {
  available: () => true,
  transcribe: async () => ({ text: 'Hola, ¿el parlante viene en color negro?', durationSec: 5, truncated: false, language: 'es' }),
}

describe('photos and voice notes in Chromium', () => {
  const dir = tempDir()
  const factory = socketDoubleFactory()
  let ollama: OllamaDouble
  let media: MediaServerDouble
  let app: App
  let server: RunningServer
  let browser: Browser
  let page: Page
  let socket: SocketDouble

  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name })

  beforeAll(async () => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`No built UI in ${RENDERER_DIR}: run \`npx electron-vite build\` first`)
    ollama = await startOllamaDouble({
      models: ['llama3.1:8b', 'llava:7b'],
      visionModels: ['llava:7b'],
      reply: (r) =>
        r.messages.some((m) => m.images?.length)
          ? '{"descripcion": "Un parlante negro pequeño", "producto": "Parlante Portátil 20W", "comprobante": false}'
          : 'Sí, lo tenemos en negro y en azul.',
    })
    media = await startMediaServerDouble()
    app = await createApp({
      dataDir: dir.path,
      version: '0.0.0-test',
      logger: silentLogger,
      env: { OLLAMA_HOST: ollama.url },
      whatsappSocketFactory: factory,
      transcriber,
      whatsappTimings: { sendLimits: { perChatMinIntervalMs: 0, globalPerMinute: 10_000, globalBurst: 10_000, jitterMs: 0 } },
    })
    expect((await app.dispatch('settings.update', { whatsapp: { debounceMs: 0 } })).ok).toBe(true)
    const parlante = await app.dispatch('catalog.save', { product: { name: 'Parlante Portátil 20W', price: 180_000, category: 'audio', keywords: ['parlante'] } })
    if (!parlante.ok) throw new Error('product not saved')
    await app.dispatch('catalog.save', { product: { name: 'Lámpara LED de escritorio', price: 45_000, category: 'hogar' } })
    await app.dispatch('setup.dismiss', { dismissed: true })
    const next = factory.next()
    await app.dispatch('whatsapp.pair', { method: 'qr' })
    socket = await next
    socket.qr()
    socket.open('573001112233:4@s.whatsapp.net')
    server = await startHttpServer({ dispatch: app.dispatch, events: app.events, logger: silentLogger, version: 'test', rendererDir: RENDERER_DIR, port: 0 })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: DESKTOP, locale: 'es-CO' })
    await page.goto(`${server.url}/#token=${server.token}`)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await app?.close()
    await ollama?.close().catch(() => {})
    await media?.close().catch(() => {})
    dir.remove()
  })

  it('Catálogo: a photo picked in the product form shows there and as a thumbnail in the list, at 390 px too', async () => {
    await nav('Catálogo').click()
    const row = page.getByTestId('catalog-row').filter({ hasText: 'Parlante Portátil 20W' })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.getByTestId('product-thumb-empty').count()).toBe(1)
    await row.getByRole('button', { name: /Editar/ }).click()
    const form = page.getByTestId('product-form')
    await form.getByTestId('product-photo-input').setInputFiles({ name: 'parlante.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await phonePhoto({ color: '#1b1b1b' })) })
    await expect.poll(() => form.getByTestId('product-photo').evaluate(loadedWidth), { timeout: 10_000 }).toBe(1600)
    expect(await form.getByRole('button', { name: 'Quitar foto' }).isVisible()).toBe(true)
    await page.screenshot({ path: screenshotPath('media-01-catalogo-foto-formulario') })
    await form.getByRole('button', { name: 'Cancelar' }).click()

    const thumb = row.getByTestId('product-thumb').locator('img')
    await expect.poll(() => thumb.evaluate(loadedWidth), { timeout: 10_000 }).toBe(320)
    expect(await thumb.getAttribute('alt')).toBe('Foto de Parlante Portátil 20W')
    expect(await thumb.getAttribute('src')).toMatch(/^blob:/)
    await page.screenshot({ path: screenshotPath('media-02-catalogo-miniaturas') })

    // A file that is no photo is refused in words, before it travels.
    await row.getByRole('button', { name: /Editar/ }).click()
    await form.getByTestId('product-photo-input').setInputFiles({ name: 'lista.txt', mimeType: 'text/plain', buffer: Buffer.from('hola') })
    await expect.poll(() => form.getByTestId('product-photo-error').textContent()).toBe('Ese archivo no es una foto. Usa una foto JPG, PNG o WebP.')
    await form.getByRole('button', { name: 'Cancelar' }).click()

    // Many photos at once: each file named after a product becomes its photo.
    await page.getByRole('button', { name: 'Importar' }).click()
    const panel = page.getByTestId('photos-drop-panel')
    await panel.getByTestId('photos-input').setInputFiles([
      { name: 'Lámpara LED de escritorio.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await phonePhoto({ width: 900, height: 900, color: '#f2d16b' })) },
      { name: 'vacaciones.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await phonePhoto({ width: 90, height: 90 })) },
    ])
    await expect.poll(() => panel.getByTestId('photos-report').textContent(), { timeout: 10_000 }).toContain('1 fotos guardadas.')
    expect(await panel.getByTestId('photos-report').textContent()).toContain('Sin producto con ese nombre o código: vacaciones.jpg')
    const lamp = page.getByTestId('catalog-row').filter({ hasText: 'Lámpara LED de escritorio' })
    await expect.poll(() => lamp.getByTestId('product-thumb').locator('img').evaluate(loadedWidth), { timeout: 10_000 }).toBe(320)
    await page.screenshot({ path: screenshotPath('media-02b-catalogo-varias-fotos'), fullPage: true })

    await page.setViewportSize(PHONE_VIEW)
    await expect.poll(() => row.getByTestId('product-thumb').locator('img').isVisible()).toBe(true)
    expect(await page.locator('body').evaluate((body) => body.ownerDocument.documentElement.scrollWidth <= body.ownerDocument.defaultView!.innerWidth)).toBe(true)
    await page.screenshot({ path: screenshotPath('media-03-catalogo-miniaturas-390') })
    await page.setViewportSize(DESKTOP)
  })

  it('"Probar el bot": asking for a photo shows the product photo with its name and price, then the answer', async () => {
    await nav('Conversaciones').click()
    const simulator = page.getByTestId('simulator')
    await simulator.getByLabel('Cliente').fill('María')
    await simulator.getByLabel('Mensaje').fill('¿Tienes foto del parlante?')
    await simulator.getByRole('button', { name: 'Enviar' }).click()
    const photo = page.getByTestId('bubble-bot').filter({ has: page.getByTestId('bubble-photo') })
    await expect.poll(() => photo.count(), { timeout: 15_000 }).toBe(1)
    expect(await photo.textContent()).toContain('Parlante Portátil 20W — $180.000')
    await expect.poll(() => photo.locator('img').evaluate(loadedWidth), { timeout: 10_000 }).toBe(320)
    await expect.poll(() => page.getByTestId('bubble-bot').last().textContent(), { timeout: 10_000 }).toContain('Sí, lo tenemos en negro y en azul.')
    await page.screenshot({ path: screenshotPath('media-04-probar-el-bot-foto') })
  })

  it('Conversaciones: a customer photo and a voice note as bubbles (image, player and transcript), and the owner sends a photo', async () => {
    socket.upsert([await customerImage(media, CUSTOMER, await phonePhoto({ width: 1200, height: 1600, color: '#202020' }), { id: 'E2E-IMG' })])
    await expect.poll(() => socket.sent.length, { timeout: 10_000 }).toBe(1)
    // Real speech encoded as WhatsApp does when espeak-ng and opusenc are here (CI installs them), so the player has something to play.
    const speech = voiceToolsMissing() ? null : makeVoiceNote(dir.path, 'Hola, ¿el parlante viene en color negro?')
    const voiceBytes = speech ? new Uint8Array(speech.ogg) : new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2])
    socket.upsert([await customerVoiceNote(media, CUSTOMER, voiceBytes, { id: 'E2E-PTT', seconds: Math.round(speech?.seconds ?? 5) })])
    await expect.poll(() => socket.sent.length, { timeout: 10_000 }).toBe(2)

    await page.getByTestId('conversation-list').getByText('Cliente').first().click()
    const customerPhoto = page.getByTestId('bubble-customer').filter({ has: page.getByTestId('bubble-photo') })
    await expect.poll(() => customerPhoto.locator('img').evaluate(loadedWidth), { timeout: 10_000 }).toBe(240)
    expect(await customerPhoto.getByTestId('media-description').textContent()).toContain('Un parlante negro pequeño')
    expect(await page.getByTestId('bubble-bot').first().textContent()).toContain('Por la foto, parece el Parlante Portátil 20W. ¿Es ese?')
    const voice = page.getByTestId('voice-note')
    await expect.poll(() => voice.getByTestId('voice-player').count(), { timeout: 10_000 }).toBe(1)
    expect(await voice.getByTestId('voice-player').getAttribute('src')).toMatch(/^blob:/)
    if (speech) {
      // The browser decodes the stored Ogg Opus: the player knows how long the note is.
      const duration = () => voice.getByTestId('voice-player').evaluate((audio) => (audio as unknown as { duration: number }).duration)
      await expect.poll(async () => Math.abs((await duration()) - speech.seconds) < 0.5, { timeout: 10_000 }).toBe(true)
    }
    expect(await voice.getByTestId('voice-transcript').textContent()).toContain('Hola, ¿el parlante viene en color negro?')
    await expect.poll(() => page.getByTestId('bubble-bot').last().textContent(), { timeout: 10_000 }).toContain('Sí, lo tenemos en negro y en azul.')
    await page.screenshot({ path: screenshotPath('media-05-conversaciones-foto-y-voz') })

    // The owner answers with a photo; what is typed goes as its caption.
    await page.getByTestId('reply-box').getByRole('textbox').fill('Así se ve de lado')
    await page.getByTestId('reply-photo-input').setInputFiles({ name: 'lado.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await phonePhoto({ color: '#3050a0' })) })
    await expect.poll(() => socket.sent.length, { timeout: 10_000 }).toBe(3)
    expect(socket.sent[2]).toMatchObject({ text: 'Así se ve de lado', image: { mimetype: 'image/jpeg' } })
    const ownerPhoto = page.getByTestId('bubble-owner').filter({ has: page.getByTestId('bubble-photo') })
    await expect.poll(() => ownerPhoto.locator('img').evaluate(loadedWidth), { timeout: 10_000 }).toBe(320)
    await page.screenshot({ path: screenshotPath('media-06-conversaciones-foto-del-dueno') })

    await page.setViewportSize(PHONE_VIEW)
    await expect.poll(() => voice.getByTestId('voice-player').isVisible()).toBe(true)
    expect(await page.locator('body').evaluate((body) => body.ownerDocument.documentElement.scrollWidth <= body.ownerDocument.defaultView!.innerWidth)).toBe(true)
    await voice.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('media-07-conversaciones-390') })
  })
  it('"Probar el bot": the pretend customer sends a photo and a voice note, shown as WhatsApp’s are, at 1366 and 390 px', async () => {
    const speechMissing = voiceToolsMissing()
    if (speechMissing) throw new Error(`A voice note needs real Ogg Opus speech: ${speechMissing}`)
    await page.setViewportSize({ width: 1366, height: 820 })
    await nav('Conversaciones').click()
    const simulator = page.getByTestId('simulator')
    const sim = { photo: simulator.getByTestId('simulator-photo-input'), voice: simulator.getByTestId('simulator-voice-input'), chosen: simulator.getByTestId('simulator-attachment') }
    const tall = async (name: string | RegExp) => ((await simulator.getByRole('button', { name }).boundingBox())?.height ?? 0) >= 44
    expect([await tall('📷 Adjuntar foto'), await tall('🎤 Adjuntar nota de voz')]).toEqual([true, true])
    await simulator.getByLabel('Cliente').fill('Pedro')

    // A file that is no voice note is refused in words, before it travels.
    await sim.voice.setInputFiles({ name: 'cancion.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('ID3 no es una nota de voz') })
    await expect.poll(() => simulator.getByRole('alert').textContent()).toBe('Ese audio no es una nota de voz de WhatsApp. Usa un audio .ogg u .opus.')
    expect(await sim.chosen.count()).toBe(0)

    // The photo is shown once chosen, can be taken back, and goes with what is typed as its caption.
    const photo = Buffer.from(await phonePhoto({ width: 1600, height: 1200, color: '#151515' }))
    await sim.photo.setInputFiles({ name: 'parlante-de-mi-amigo.jpg', mimeType: 'image/jpeg', buffer: photo })
    await expect.poll(() => sim.chosen.getByTestId('simulator-attachment-name').textContent()).toBe('parlante-de-mi-amigo.jpg')
    expect(await simulator.getByRole('alert').count()).toBe(0)
    expect(await tall('Quitar')).toBe(true)
    await simulator.getByRole('button', { name: 'Quitar' }).click()
    expect(await sim.chosen.count()).toBe(0)
    await sim.photo.setInputFiles({ name: 'parlante-de-mi-amigo.jpg', mimeType: 'image/jpeg', buffer: photo })
    await simulator.getByLabel('Texto de la foto (opcional)').fill('¿Tienen uno como este?')
    await expect.poll(() => sim.chosen.locator('img').evaluate(loadedWidth)).toBe(1600)
    await page.screenshot({ path: screenshotPath('media-08-probar-foto-elegida') })
    await simulator.getByRole('button', { name: 'Enviar foto' }).click()

    // What was sent opens as its own chat (the WhatsApp chat shown until now has a photo too).
    const thread = page.getByTestId('thread')
    await expect.poll(() => thread.locator('.thread-header').textContent(), { timeout: 10_000 }).toContain('Pedro')
    const customerPhoto = thread.getByTestId('bubble-customer').filter({ has: page.getByTestId('bubble-photo') })
    // A landscape photo's thumbnail: 320 px wide.
    await expect.poll(() => customerPhoto.locator('img').evaluate(loadedWidth), { timeout: 15_000 }).toBe(320)
    expect(await customerPhoto.textContent()).toContain('¿Tienen uno como este?')
    await expect.poll(() => customerPhoto.getByTestId('media-description').textContent(), { timeout: 10_000 }).toContain('Un parlante negro pequeño')
    // The caption is answered once, by the model, about the product the photo showed (no separate guess message).
    await expect.poll(() => thread.getByTestId('bubble-bot').first().textContent(), { timeout: 10_000 }).toContain('Sí, lo tenemos en negro y en azul.')
    expect(await thread.getByTestId('bubble-bot').count()).toBe(1)
    expect(await sim.chosen.count()).toBe(0)

    // A voice note goes alone: the text box waits for the next message.
    const speech = makeVoiceNote(dir.path, 'Hola, ¿el parlante viene en color negro?')
    await sim.voice.setInputFiles({ name: 'nota de voz.opus', mimeType: 'audio/opus', buffer: speech.ogg })
    await expect.poll(() => sim.chosen.getByTestId('simulator-attachment-name').textContent()).toBe('nota de voz.opus')
    expect(await simulator.locator('textarea').isDisabled()).toBe(true)
    await page.screenshot({ path: screenshotPath('media-09-probar-nota-elegida') })
    await simulator.getByRole('button', { name: 'Enviar nota de voz' }).click()
    const voice = thread.getByTestId('bubble-customer').getByTestId('voice-note')
    await expect.poll(() => voice.getByTestId('voice-player').count(), { timeout: 15_000 }).toBe(1)
    const duration = () => voice.getByTestId('voice-player').evaluate((audio) => (audio as unknown as { duration: number }).duration)
    await expect.poll(async () => Math.abs((await duration()) - speech.seconds) < 0.5, { timeout: 10_000 }).toBe(true)
    await expect.poll(() => voice.getByTestId('voice-transcript').textContent(), { timeout: 10_000 }).toContain('Hola, ¿el parlante viene en color negro?')
    await expect.poll(() => thread.getByTestId('bubble-bot').last().textContent(), { timeout: 10_000 }).toContain('Sí, lo tenemos en negro y en azul.')
    expect(await simulator.locator('textarea').isDisabled()).toBe(false)
    await page.screenshot({ path: screenshotPath('media-10-probar-foto-y-voz') })

    // On a phone: "Probar el bot" alone, then the chat it opens.
    await page.setViewportSize(PHONE_VIEW)
    await page.getByRole('button', { name: 'Volver a la lista' }).first().click()
    await page.getByRole('button', { name: 'Probar el bot' }).click()
    await expect.poll(() => simulator.isVisible()).toBe(true)
    await simulator.getByLabel('Cliente').fill('Lucía')
    expect([await tall('📷 Adjuntar foto'), await tall('🎤 Adjuntar nota de voz')]).toEqual([true, true])
    await sim.photo.setInputFiles({ name: 'una foto con un nombre muy largo de las que manda el teléfono IMG_20261205_101500.jpg', mimeType: 'image/jpeg', buffer: photo })
    await expect.poll(() => sim.chosen.locator('img').evaluate(loadedWidth)).toBe(1600)
    const fits = () => page.locator('body').evaluate((body) => body.ownerDocument.documentElement.scrollWidth <= body.ownerDocument.defaultView!.innerWidth)
    expect(await fits()).toBe(true)
    expect(await tall('Quitar')).toBe(true)
    await page.screenshot({ path: screenshotPath('media-11-probar-foto-elegida-390') })
    await simulator.getByRole('button', { name: 'Enviar foto' }).click()
    await expect.poll(() => thread.locator('.thread-header').textContent(), { timeout: 10_000 }).toContain('Lucía')
    const phonePhotoBubble = thread.getByTestId('bubble-customer').filter({ has: page.getByTestId('bubble-photo') })
    await expect.poll(() => phonePhotoBubble.locator('img').evaluate(loadedWidth), { timeout: 15_000 }).toBe(320)
    await page.getByRole('button', { name: 'Volver a la lista' }).first().click()
    await page.getByRole('button', { name: 'Probar el bot' }).click()
    await sim.voice.setInputFiles({ name: 'audio.ogg', mimeType: 'audio/ogg', buffer: speech.ogg })
    await simulator.getByRole('button', { name: 'Enviar nota de voz' }).click()
    const phoneVoice = thread.getByTestId('bubble-customer').getByTestId('voice-note')
    await expect.poll(() => phoneVoice.getByTestId('voice-transcript').count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => thread.getByTestId('bubble-bot').last().textContent(), { timeout: 10_000 }).toContain('Sí, lo tenemos en negro y en azul.')
    await expect.poll(() => phoneVoice.getByTestId('voice-player').isVisible()).toBe(true)
    expect(await fits()).toBe(true)
    await page.screenshot({ path: screenshotPath('media-12-probar-foto-y-voz-390') })
  })
})

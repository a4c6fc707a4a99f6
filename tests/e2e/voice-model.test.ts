import { createServer, type Server } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright'
import type { VoiceModelDto } from '../../src/shared/setup'
import { launchChromium, screenshotPath } from '../support/browser'
import { post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

// Primeros pasos → Modelo → "Notas de voz" in Chromium against `serve`: the speech model the plan
// recommends, its download with progress from a local double of the model host (slow enough to
// watch and cancel), and the ready state once a model file is in the data folder.
const GIB = 1024 ** 3

describe('the voice-note model in Primeros pasos, in Chromium', () => {
  let host: Server
  let hostUrl = ''
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  const dir = tempDir()

  beforeAll(async () => {
    // 142 MB announced, sent 200 KB every 50 ms: the bar moves, the download never ends on its own.
    host = createServer((req, res) => {
      res.writeHead(200, { 'Content-Length': String(147_951_465) })
      const timer = setInterval(() => res.write(Buffer.alloc(200_000, 1)), 50)
      res.on('close', () => clearInterval(timer))
    })
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
    serve = await startServeProcess(dir.path, {
      AUTODIDACTA_WHISPER_MODELS_URL: hostUrl,
      AUTODIDACTA_HARDWARE: JSON.stringify({ totalMemoryBytes: 8 * GIB, cpuCores: 2, gpu: null }),
    })
    await post(serve.url, serve.token, 'setup.open', { step: 'model' })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'es-CO' })
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await new Promise<void>((resolve) => host.close(() => resolve()))
    dir.remove()
  })

  it('offers the size this computer should use, downloads it with progress, and cancels', { timeout: 60_000 }, async () => {
    await page.goto(`${serve.url}/#token=${serve.token}`)
    const panel = page.getByTestId('voice-model')
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await panel.textContent()).toContain('los audios no salen de aquí')
    // 8 GB and 2 cores: `base`, preselected and marked
    const size = panel.getByTestId('voice-size')
    expect(await size.locator('input:checked').inputValue()).toBe('base')
    expect(await size.locator('label', { has: page.locator('input:checked') }).textContent()).toContain('Recomendado para este computador')
    // Every size is a radio the owner can read whole and tap on a phone.
    expect(await size.getByRole('radio').count()).toBe(3)
    await page.screenshot({ path: screenshotPath('voice-model-01-offer'), fullPage: true })

    await panel.getByTestId('voice-download').click()
    const pull = panel.getByTestId('pull')
    await expect.poll(() => pull.getAttribute('data-state'), { timeout: 10_000 }).toBe('downloading')
    await expect.poll(() => panel.getByTestId('pull-percent').textContent(), { timeout: 10_000 }).toMatch(/^[1-9]\d? %$/)
    expect(await pull.textContent()).toContain('Descargando el modelo de voz')
    expect(await panel.getByTestId('pull-facts').textContent()).toMatch(/MB de .*MB/)
    await page.screenshot({ path: screenshotPath('voice-model-02-downloading'), fullPage: true })

    await pull.getByRole('button', { name: 'Cancelar' }).click()
    await expect.poll(() => pull.getAttribute('data-state')).toBe('cancelled')
    expect(await pull.textContent()).toContain('Descarga cancelada: el modelo de voz')
    const status = (await post(serve.url, serve.token, 'voice.model', {})).body as VoiceModelDto
    expect(status.installedId).toBeNull()
  })

  it('says voice notes are heard here once a model is in the data folder', async () => {
    mkdirSync(join(dir.path, 'models', 'whisper'), { recursive: true })
    writeFileSync(join(dir.path, 'models', 'whisper', 'ggml-base.bin'), 'a model file')
    await page.reload()
    const ready = page.getByTestId('voice-ready')
    await expect.poll(() => ready.isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await ready.textContent()).toContain('Las notas de voz se escuchan en este computador')
    expect(await ready.textContent()).toContain('hasta 3 minutos')
    expect(await page.getByTestId('voice-download').count()).toBe(0)
    await page.screenshot({ path: screenshotPath('voice-model-03-ready'), fullPage: true })
  })
})

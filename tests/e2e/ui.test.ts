import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page, WebSocketRoute } from 'playwright'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

describe('the app in Chromium against `serve`', () => {
  let ollama: OllamaDouble
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  const dir = tempDir()

  beforeAll(async () => {
    ollama = await startOllamaDouble({
      // Names a product only if the catalog reached the model's prompt, with its price.
      reply: (r) => {
        const line = r.messages[0]?.content.match(/- (Curso de Piano[^:]*): (\$[\d.]+)/)
        return r.messages.at(-1)?.content.includes('piano') && line
          ? `¡Hola! Sí, tenemos el ${line[1]} por ${line[2]}. ¿Te envío el enlace de pago?`
          : '¡Con gusto te ayudo! ¿Qué producto buscas?'
      },
    })
    serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url })
    // An empty data folder opens on Primeros pasos (first-day.test.ts); these tests start at the sections.
    await post(serve.url, serve.token, 'setup.dismiss', { dismissed: true })
    const saved = await post(serve.url, serve.token, 'catalog.save', {
      product: { sku: 'CUR-PIANO', name: 'Curso de Piano Básico', price: 89_000, category: 'cursos', keywords: ['piano'] },
    })
    expect(saved.status).toBe(200)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1360, height: 820 }, locale: 'es-CO' })
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await ollama?.close().catch(() => {})
    dir.remove()
  })

  it('opens with the token from the link, in Spanish, with the model status visible', async () => {
    await page.goto(`${serve.url}/#token=${serve.token}`)
    await expect.poll(() => page.getByTestId('model-status').innerText()).toContain('Modelo: Llama 3.1 8B listo')
    expect(await page.getByTestId('whatsapp-status').textContent()).toContain('WhatsApp: Sin vincular')
    expect(page.url()).not.toContain('token=')
    expect(await page.getByRole('heading', { name: 'Aún no hay conversaciones' }).isVisible()).toBe(true)
    expect(await page.locator('html').getAttribute('lang')).toBe('es')
    await page.screenshot({ path: screenshotPath('01-conversaciones-vacia') })
  })

  it('sends a simulator message and shows the conversation and the bot answer', async () => {
    const simulator = page.getByTestId('simulator')
    await simulator.getByLabel('Cliente').fill('María')
    await simulator.getByLabel('Mensaje').fill('Hola, ¿tienen cursos de piano?')
    await simulator.getByRole('button', { name: 'Enviar' }).click()

    const list = page.getByTestId('conversation-list')
    await expect.poll(() => list.textContent()).toContain('María')
    await expect.poll(() => page.getByTestId('bubble-bot').first().textContent(), { timeout: 10_000 }).toContain('Curso de Piano Básico por $89.000')
    expect(await page.getByTestId('bubble-customer').first().textContent()).toContain('Hola, ¿tienen cursos de piano?')
    expect(await page.getByTestId('bubble-bot').first().textContent()).toContain('Respondió Llama 3.1 8B')
    await page.screenshot({ path: screenshotPath('02-conversaciones-chat') })
  })

  it('updates the conversation list live when a message arrives from elsewhere', async () => {
    const sent = await post(serve.url, serve.token, 'simulator.send', { from: 'Jorge', text: 'Buenas, ¿hacen envíos a Medellín?' })
    expect(sent.status).toBe(200)
    const first = page.getByTestId('conversation-list').locator('li').first()
    await expect.poll(() => first.textContent()).toContain('Jorge')
    expect(await page.getByTestId('conversation-list').locator('li').count()).toBe(2)
  })

  it('queues the two bot answers for review', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Revisión' }).click()
    await expect.poll(() => page.getByTestId('exchange').count(), { timeout: 10_000 }).toBe(2)
    expect(await page.getByTestId('exchange').first().textContent()).toMatch(/Jorge|María/)
    await page.screenshot({ path: screenshotPath('03-revision') })
  })

  it('shows every section with a Spanish empty state that says what will be there', async () => {
    const screens: [string, string, string][] = [
      // Two exchanges so far: the dashboard, with the charts that need more data saying so.
      ['Estadísticas', 'Nota media y tasa de éxito por día', '04-estadisticas'],
      ['Entrenamiento', 'Todavía no hay entrenamientos', '05-entrenamiento'],
      // Not empty: the first test put the piano course in it (its empty state is in catalog.test.ts).
      ['Catálogo', 'Catálogo', '06-catalogo'],
      ['Vincular WhatsApp', 'Vincula el número de tu tienda', '07-vincular'],
    ]
    for (const [nav, heading, shot] of screens) {
      await page.getByRole('navigation').getByRole('button', { name: nav }).click()
      await expect.poll(() => page.getByRole('heading', { name: heading }).isVisible(), { message: nav, timeout: 5_000 }).toBe(true)
      await page.screenshot({ path: screenshotPath(shot) })
    }
    await page.getByRole('navigation').getByRole('button', { name: 'Ajustes' }).click()
    expect(await page.getByLabel('Dirección de Ollama').inputValue()).toBe(ollama.url)
    await page.getByRole('button', { name: 'Probar conexión' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('llama3.1:8b está listo')
    await page.screenshot({ path: screenshotPath('08-ajustes') })
  })

  it('says in Spanish that Ollama is down, and keeps the customer message', { timeout: 60_000 }, async () => {
    await ollama.close()
    await page.getByRole('navigation').getByRole('button', { name: 'Conversaciones' }).click()
    await page.getByTestId('simulator').getByLabel('Mensaje').fill('¿Siguen ahí?')
    await page.getByTestId('simulator').getByRole('button', { name: 'Enviar' }).click()
    await expect.poll(() => page.getByTestId('model-banner').textContent(), { timeout: 30_000 }).toContain('Ollama no responde')
    expect(await page.getByTestId('model-banner').textContent()).toContain('quedan guardados')
    // As long as the banner's wait: under a loaded machine the debounce and the refused request take seconds.
    await expect.poll(() => page.getByTestId('reply-state').last().textContent(), { timeout: 30_000 }).toContain('Esperando al modelo')
    await expect.poll(() => page.getByTestId('waiting-count').textContent(), { timeout: 10_000 }).toContain('1 mensaje espera al modelo')
    await page.screenshot({ path: screenshotPath('09-ollama-caido') })
  })

  it('tells the owner in Spanish when the disk is full', async () => {
    // The core's side (a real SQLITE_FULL, messages kept, recovery) is tests/integration/disk-full.test.ts;
    // here the screen shows what `app.status` reports, whatever else is on the bar.
    const full = await browser.newPage({ viewport: { width: 1360, height: 820 }, locale: 'es-CO' })
    await full.route('**/api/app.status', async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, json: { ...((await response.json()) as object), diskFull: true } })
    })
    await full.goto(`${serve.url}/#token=${serve.token}`)
    const pill = full.getByTestId('disk-full')
    await expect.poll(() => pill.textContent()).toContain('El disco está lleno: libera espacio')
    expect(await pill.getAttribute('title')).toMatch(/espacio/)
    await full.screenshot({ path: screenshotPath('09-disco-lleno') })
    await full.close()
  })

  it('opens the chat the simulator started even when its live update never came (a page that just loaded, a busy machine)', async () => {
    const held = await browser.newPage({ viewport: { width: 1360, height: 820 }, locale: 'es-CO' })
    // The live connection opens but carries nothing: every event of this test is missed, as one
    // sent before the socket connected is.
    await held.routeWebSocket(/\/events/, () => {})
    await held.goto(`${serve.url}/#token=${serve.token}`)
    await expect.poll(() => held.getByTestId('conversation-list').getByText('María').count()).toBeGreaterThan(0)
    const simulator = held.getByTestId('simulator')
    await simulator.getByLabel('Cliente').fill('Rosa')
    await simulator.getByLabel('Mensaje').fill('¿hacen envíos a Medellín?')
    await simulator.getByRole('button', { name: 'Enviar' }).click()
    // Counted, not read: a locator read waits for its element forever, and the bubble is the point.
    await expect.poll(() => held.getByTestId('bubble-customer').filter({ hasText: 'hacen envíos a Medellín' }).count(), { timeout: 10_000 }).toBe(1)
    expect(await held.getByTestId('conversation-list').textContent()).toContain('Rosa')
    await held.close()
  })

  it('shows what came while the live connection was down once it is back (a phone that slept)', async () => {
    // Wide enough for the list and the chat side by side: both must catch up.
    const sleepy = await browser.newPage({ viewport: { width: 1360, height: 820 }, locale: 'es-CO' })
    // The event socket goes through this route: connected to the server while `down` is false,
    // refused while it is true (every reconnection closes at once, as on a phone without signal).
    let down = false
    const open: WebSocketRoute[] = []
    await sleepy.routeWebSocket(/\/events/, (ws) => {
      if (down) return void ws.close()
      ws.connectToServer()
      open.push(ws)
    })
    await sleepy.goto(`${serve.url}/#token=${serve.token}`)
    const list = sleepy.getByTestId('conversation-list')
    await expect.poll(() => list.getByText('María').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await list.getByText('María').first().click()
    const bubble = (text: string) => sleepy.getByTestId('bubble-customer').filter({ hasText: text }).count()
    await expect.poll(() => bubble('tienen cursos de piano'), { timeout: 10_000 }).toBe(1)

    down = true
    for (const ws of open.splice(0)) await ws.close()
    expect((await post(serve.url, serve.token, 'simulator.send', { from: 'María', text: '¿Y el de guitarra cuánto vale?' })).status).toBe(200)
    expect((await post(serve.url, serve.token, 'simulator.send', { from: 'Tomás', text: 'Buenas tardes, ¿abren el domingo?' })).status).toBe(200)
    // While down nothing can bring them (this is what makes the check below mean something).
    await sleepy.waitForTimeout(1_500)
    expect(await bubble('el de guitarra')).toBe(0)
    expect(await list.getByText('Tomás').count()).toBe(0)

    down = false
    // The next reconnection (the backoff is at most a few seconds by now) reads again what the screen shows.
    await expect.poll(() => bubble('el de guitarra'), { timeout: 20_000 }).toBe(1)
    await expect.poll(() => list.getByText('Tomás').count(), { timeout: 5_000 }).toBeGreaterThan(0)
    await sleepy.close()
  })

  it('asks for the token when the link has none', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1000, height: 700 } })
    await fresh.goto(serve.url)
    expect(await fresh.getByRole('heading', { name: 'Falta la llave de acceso' }).isVisible()).toBe(true)
    let sockets = 0
    fresh.on('websocket', () => sockets++)
    await fresh.getByLabel('Token').fill('incorrecto')
    await fresh.getByRole('button', { name: 'Entrar' }).click()
    await expect.poll(() => fresh.getByRole('heading', { name: 'Falta la llave de acceso' }).isVisible()).toBe(true)
    // A refused token is not retried behind the login screen (it was, every few seconds, forever).
    await fresh.waitForTimeout(6_000)
    expect(sockets).toBeLessThanOrEqual(2)
    await fresh.screenshot({ path: screenshotPath('10-sin-token') })
    await fresh.close()
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import type { SetupDto, SetupStepId } from '../../src/shared/setup'
import type { WhatsappStatus } from '../../src/shared/types'
import { isWhatsappLinked, priceIn } from '../../src/main/setup'
import { DEMO_PRODUCTS } from '../../src/main/demo/demo-catalog'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, eventually, tempDir, type TestApp } from '../support/test-app'

const done = (setup: SetupDto) => Object.fromEntries(setup.steps.map((s) => [s.id, s.done])) as Record<SetupStepId, boolean>
const skipped = (setup: SetupDto) => setup.steps.filter((s) => s.skipped).map((s) => s.id)

describe('Primeros pasos (setup.*)', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  const dirs: { remove: () => void }[] = []
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = undefined
    ollama = undefined
    for (const dir of dirs.splice(0)) dir.remove()
  })

  /** The `setup.changed` payloads the app emits from now on. */
  function recordSetupEvents(target: TestApp): SetupDto[] {
    const seen: SetupDto[] = []
    target.events.subscribe((event, payload) => {
      if (event === 'setup.changed') seen.push(payload as SetupDto)
    })
    return seen
  }

  it('starts a new data folder with every step to do, at the shop', async () => {
    app = await buildTestApp()
    const setup = await call(app, 'setup.get', {})
    expect(setup.steps.map((s) => s.id)).toEqual(['shop', 'model', 'catalog', 'whatsapp', 'test'])
    expect(setup.steps.every((s) => !s.done && !s.skipped)).toBe(true)
    expect(setup).toMatchObject({ current: 'shop', complete: false, dismissed: false })
    // No country yet: the shop keeps what the app always assumed.
    expect(app.settings.get().shop).toEqual({ country: null, currency: 'COP', numberLocale: 'es-CO' })
  })

  it('saves the shop: name, country with its currency, number format and first time zone', async () => {
    app = await buildTestApp()
    const events = recordSetupEvents(app)
    const setup = await call(app, 'setup.saveShop', { shopName: 'Regalos Lupita', country: 'MX' })
    const settings = await call(app, 'settings.get', {})
    expect(settings.shop).toEqual({ country: 'MX', currency: 'MXN', numberLocale: 'es-MX' })
    expect(settings.persona.shopName).toBe('Regalos Lupita')
    expect(settings.businessHours.timezone).toBe('America/Mexico_City')
    expect(done(setup)).toMatchObject({ shop: true, model: false, catalog: false })
    expect(setup.current).toBe('model')
    expect(events).toHaveLength(1)
    expect(events[0]).toEqual(setup)

    // Saved again as it is: nothing moved, nothing sent.
    await call(app, 'setup.saveShop', { shopName: 'Regalos Lupita', country: 'MX' })
    expect(events).toHaveLength(1)

    // Another of the country's zones, or any zone the clock knows; the country changes what it sets.
    await call(app, 'setup.saveShop', { shopName: 'Regalos Lupita', country: 'MX', timezone: 'America/Tijuana' })
    expect(app.settings.get().businessHours.timezone).toBe('America/Tijuana')
    await call(app, 'setup.saveShop', { shopName: 'La Tiendita', country: 'ES', timezone: 'America/Bogota' })
    expect(app.settings.get().shop).toEqual({ country: 'ES', currency: 'EUR', numberLocale: 'es-ES' })
    expect(app.settings.get().businessHours.timezone).toBe('America/Bogota')
  })

  it('refuses an unknown country or time zone in Spanish, and changes nothing', async () => {
    app = await buildTestApp()
    const unknownCountry = await app.dispatch('setup.saveShop', { shopName: 'Mi tienda', country: 'ZZ' })
    expect(unknownCountry).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (unknownCountry.ok) throw new Error('unreachable')
    expect(unknownCountry.error.message).toMatch(/país «ZZ».*lista/)

    const badZone = await app.dispatch('setup.saveShop', { shopName: 'Mi tienda', country: 'CO', timezone: 'America/Atlantida' })
    expect(badZone).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (badZone.ok) throw new Error('unreachable')
    expect(badZone.error.message).toMatch(/zona horaria «America\/Atlantida»/)

    expect(app.settings.get().shop.country).toBeNull()
    expect(app.settings.get().persona.shopName).not.toBe('Mi tienda')
    expect((await call(app, 'setup.get', {})).current).toBe('shop')
  })

  it('remembers skipped steps, the step opened and a dismissed assistant across a restart', async () => {
    const dir = tempDir()
    dirs.push(dir)
    app = await buildTestApp({ dataDir: dir.path })
    const events = recordSetupEvents(app)
    let setup = await call(app, 'setup.skip', { step: 'shop' })
    expect(skipped(setup)).toEqual(['shop'])
    expect(setup.current).toBe('model')
    setup = await call(app, 'setup.open', { step: 'whatsapp' })
    expect(setup.current).toBe('whatsapp')
    expect(events.map((e) => e.current)).toEqual(['model', 'whatsapp'])
    // Opened again: nothing changed, nothing sent.
    await call(app, 'setup.open', { step: 'whatsapp' })
    expect(events).toHaveLength(2)
    // Put off while open: the assistant moves on to the first step neither done nor put off.
    setup = await call(app, 'setup.skip', { step: 'whatsapp' })
    expect(setup.current).toBe('model')
    await call(app, 'setup.open', { step: 'catalog' })
    setup = await call(app, 'setup.dismiss', { dismissed: true })
    expect(setup).toMatchObject({ current: 'catalog', dismissed: true })
    expect(events.at(-1)).toEqual(setup)
    await app.close()

    app = await buildTestApp({ dataDir: dir.path })
    const again = await call(app, 'setup.get', {})
    expect(again).toEqual(setup)
    expect(skipped(again)).toEqual(['shop', 'whatsapp'])

    // A skipped step done later counts as done, not skipped; and the assistant reopens.
    again.steps.forEach((s) => expect(s.done).toBe(false))
    const afterShop = await call(app, 'setup.saveShop', { shopName: 'Mi tienda', country: 'CO' })
    expect(afterShop.steps.find((s) => s.id === 'shop')).toEqual({ id: 'shop', done: true, skipped: false })
    expect((await call(app, 'setup.dismiss', { dismissed: false })).dismissed).toBe(false)
  })

  it('starts the catalog from an example in the shop currency, once, through the catalog import', async () => {
    app = await buildTestApp()
    const events = recordSetupEvents(app)
    await call(app, 'setup.saveShop', { shopName: 'Regalos Lupita', country: 'MX' })
    const report = await call(app, 'setup.exampleCatalog', {})
    expect(report).toMatchObject({ applied: true, created: DEMO_PRODUCTS.length, updated: 0, errors: [] })

    const { items } = await call(app, 'catalog.list', { limit: 100 })
    expect(items).toHaveLength(DEMO_PRODUCTS.length)
    expect(new Set(items.map((p) => p.currency))).toEqual(new Set(['MXN']))
    const piano = items.find((p) => p.name === 'Curso de Piano Básico')!
    // 89.000 Colombian pesos ≈ 400 Mexican pesos: a price a Mexican shop would write.
    expect(piano.price).toBe(400)
    expect(piano.price).toBe(priceIn(89_000, 'MXN'))

    const setup = await call(app, 'setup.get', {})
    expect(done(setup)).toMatchObject({ shop: true, catalog: true })
    expect(setup.current).toBe('model')
    await eventually(() => events.some((e) => done(e).catalog))

    const second = await app.dispatch('setup.exampleCatalog', {})
    expect(second).toMatchObject({ ok: false, error: { code: 'precondition' } })
    if (second.ok) throw new Error('unreachable')
    expect(second.error.message).toMatch(/ya tiene productos/)
    expect((await call(app, 'catalog.list', { limit: 100 })).total).toBe(DEMO_PRODUCTS.length)
  })

  it('refuses the example when the owner already has products, and prices a plain import in the shop currency', async () => {
    app = await buildTestApp()
    await call(app, 'setup.saveShop', { shopName: 'Sabores', country: 'PE' })
    const report = await call(app, 'catalog.import', { format: 'csv', content: 'nombre;precio\nCeviche en lata;25\n', dryRun: false })
    expect(report.applied).toBe(true)
    const { items } = await call(app, 'catalog.list', { limit: 10 })
    expect(items[0]).toMatchObject({ name: 'Ceviche en lata', price: 25, currency: 'PEN' })
    expect(done(await call(app, 'setup.get', {})).catalog).toBe(true)
    const refused = await app.dispatch('setup.exampleCatalog', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'precondition' } })
  })

  it('counts only active products as a catalog', async () => {
    app = await buildTestApp()
    await call(app, 'catalog.save', { product: { name: 'Agotado', price: 1000, active: false } })
    expect(done(await call(app, 'setup.get', {})).catalog).toBe(false)
    await call(app, 'catalog.save', { product: { name: 'Disponible', price: 1000 } })
    expect(done(await call(app, 'setup.get', {})).catalog).toBe(true)
  })

  it('marks the model answering, and the test done once a simulator chat has an answer from it', async () => {
    ollama = await startOllamaDouble({ reply: () => 'Hola, sí tenemos el curso de piano.' })
    app = await buildTestApp({ ollamaHost: ollama.url })
    const events = recordSetupEvents(app)
    await eventually(async () => done(await call(app!, 'setup.get', {})).model)
    expect(events.filter((e) => done(e).model)).toHaveLength(1)
    expect(done(await call(app, 'setup.get', {})).test).toBe(false)

    await call(app, 'simulator.send', { from: 'Prueba', text: '¿Tienen curso de piano?' })
    await app.idle()
    const setup = await call(app, 'setup.get', {})
    expect(done(setup)).toMatchObject({ model: true, test: true })
    await eventually(() => events.some((e) => done(e).test))
    const sent = events.length

    // Another answer changes nothing the assistant shows: no event.
    await call(app, 'simulator.send', { from: 'Prueba', text: '¿Y cuánto vale?' })
    await app.idle()
    expect(events).toHaveLength(sent)
  })

  it('does not count a fixed message as a test answer (the model was away)', async () => {
    app = await buildTestApp()
    await call(app, 'settings.update', { llm: { holdingReply: 'Ya te respondemos' } })
    await call(app, 'simulator.send', { from: 'Prueba', text: 'Hola' })
    await app.idle()
    const messages = app.repos.messages.recent((await call(app, 'conversations.list', {}))[0]!.id, 10)
    expect(messages.some((m) => m.author === 'bot' && m.template === 'holding')).toBe(true)
    expect(done(await call(app, 'setup.get', {})).test).toBe(false)
  })

  it('counts WhatsApp linked when open, or reconnecting with a stored session', () => {
    const status = (state: WhatsappStatus['state']): WhatsappStatus => ({
      state,
      qr: null,
      pairingCode: null,
      phone: null,
      detail: null,
      retryAt: null,
      gaveUp: false,
      lastMessageAt: null,
    })
    expect(isWhatsappLinked(status('open'), false)).toBe(true)
    expect(isWhatsappLinked(status('connecting'), true)).toBe(true)
    expect(isWhatsappLinked(status('closed'), true)).toBe(true)
    expect(isWhatsappLinked(status('closed'), false)).toBe(false)
    expect(isWhatsappLinked(status('pairing'), false)).toBe(false)
    expect(isWhatsappLinked(status('unpaired'), false)).toBe(false)
    expect(isWhatsappLinked(status('logged_out'), true)).toBe(false)
  })

  it('edits the shop in Ajustes, validated, and loads settings stored before the shop existed', async () => {
    const dir = tempDir()
    dirs.push(dir)
    app = await buildTestApp({ dataDir: dir.path })
    // What an older version stored: the owner's changes, no `shop` section.
    app.repos.settings.set('app.settings', { persona: { shopName: 'Tienda vieja' }, businessHours: { timezone: 'America/Lima' } })
    await app.close()
    app = await buildTestApp({ dataDir: dir.path })
    expect(app.settings.get().persona.shopName).toBe('Tienda vieja')
    expect(app.settings.get().shop).toEqual({ country: null, currency: 'COP', numberLocale: 'es-CO' })
    expect((await call(app, 'setup.get', {})).current).toBe('shop')

    const events = recordSetupEvents(app)
    const updated = await call(app, 'settings.update', { shop: { country: 'ar', currency: 'usd', numberLocale: 'es-AR' } })
    expect(updated.shop).toEqual({ country: 'AR', currency: 'USD', numberLocale: 'es-AR' })
    expect(events.map((e) => done(e).shop)).toEqual([true])
    for (const shop of [{ country: 'ZZ' }, { currency: 'XYZ' }, { numberLocale: 'fr-FR' }, { currency: 'pesos' }]) {
      const refused = await app.dispatch('settings.update', { shop })
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(app.settings.get().shop).toEqual({ country: 'AR', currency: 'USD', numberLocale: 'es-AR' })
  })
})

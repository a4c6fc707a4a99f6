// Linking WhatsApp when it goes wrong: each failure says what happened (no internet, WhatsApp
// not reachable, the QR or code expired, the number refused) instead of "the QR expired" for
// all of them; a number without a country code is refused with the shop's code offered.
// A whole app (real SQLite file) with a double of Baileys' socket.
import { DisconnectReason } from '@whiskeysockets/baileys'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiInput, ApiMethod } from '../../src/shared/api/contract'
import { PAIRING_MESSAGES } from '../../src/main/whatsapp/pairing-failure'
import { buildTestApp, callApi, eventually, tempDir, type TestApp } from '../support/test-app'
import { socketDoubleFactory } from '../support/whatsapp-socket-double'

describe('WhatsApp linking errors', () => {
  let app: TestApp | undefined
  let factory = socketDoubleFactory()
  const dirs: { remove: () => void }[] = []

  afterEach(async () => {
    await app?.close()
    app = undefined
    for (const d of dirs.splice(0)) d.remove()
  })

  async function start(country: string | null = 'CO') {
    const dir = tempDir()
    dirs.push(dir)
    factory = socketDoubleFactory()
    app = await buildTestApp({
      dataDir: dir.path,
      whatsappSocketFactory: factory,
      whatsappTimings: { reconnect: { baseMs: 20, maxMs: 200, maxAttempts: 5 }, random: () => 1 },
    })
    if (country) await call('setup.saveShop', { shopName: 'Tienda', country })
    return app
  }

  const call = <M extends ApiMethod>(method: M, input: ApiInput<M>) => callApi(app!, method, input)

  const status = () => call('whatsapp.status', {})
  const settled = () => eventually(async () => ((await status()).state === 'unpaired' ? status() : null))

  it('without internet says so at once, not that the QR expired', async () => {
    await start()
    const next = factory.next()
    await call('whatsapp.pair', { method: 'qr' })
    const socket = await next
    // What Baileys closes with when the name of WhatsApp's server cannot be looked up.
    socket.close(DisconnectReason.connectionLost, 'WebSocket Error (getaddrinfo ENOTFOUND web.whatsapp.com)', { code: 'ENOTFOUND' })
    const after = await settled()
    expect(after.detail).toBe(PAIRING_MESSAGES.offline)
    expect(after.detail).not.toMatch(/venció/)
  })

  it('WhatsApp not reachable (no QR ever arrived) is not a QR that expired', async () => {
    await start()
    const next = factory.next()
    await call('whatsapp.pair', { method: 'qr' })
    const socket = await next
    socket.close(DisconnectReason.connectionLost, 'WebSocket Error (Opening handshake has timed out)')
    expect((await settled()).detail).toBe(PAIRING_MESSAGES.unreachable)
  })

  it('a QR shown and never scanned expired, and says so', async () => {
    await start()
    const next = factory.next()
    await call('whatsapp.pair', { method: 'qr' })
    const socket = await next
    socket.qr()
    socket.close(DisconnectReason.timedOut, 'QR refs attempts ended')
    expect((await settled()).detail).toBe(PAIRING_MESSAGES.qrExpired)
  })

  it('a code shown and never typed expired; a number WhatsApp refuses is named', async () => {
    await start()
    let next = factory.next()
    await call('whatsapp.pair', { method: 'code', phone: '+573001234567' })
    let socket = await next
    socket.qr()
    await eventually(async () => (await status()).pairingCode === 'ABCD1234')
    socket.close(DisconnectReason.timedOut, 'QR refs attempts ended')
    expect((await settled()).detail).toBe(PAIRING_MESSAGES.codeExpired)

    next = factory.next()
    await call('whatsapp.pair', { method: 'code', phone: '+573001234567' })
    socket = await next
    socket.qr()
    socket.close(DisconnectReason.loggedOut, 'Connection Failure')
    const refused = await settled()
    expect(refused.detail).toBe(PAIRING_MESSAGES.numberRejected('+573001234567'))
  })

  it('refuses a number without country code, offering the shop’s; takes it with the code, with or without +', async () => {
    await start('CO')
    const national = await app!.dispatch('whatsapp.pair', { method: 'code', phone: '3001234567' })
    expect(national).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'phone' }] } })
    expect(national.ok || national.error.message).toContain('+57 3001234567')
    expect((await status()).state).toBe('unpaired')
    expect(factory.sockets).toHaveLength(0)

    const next = factory.next()
    await call('whatsapp.pair', { method: 'code', phone: '573001234567' })
    const socket = await next
    socket.qr()
    await eventually(() => socket.pairingRequests.length === 1)
    expect(socket.pairingRequests).toEqual(['573001234567'])
  })

  it('without a country chosen, asks for the number with + in front', async () => {
    await start(null)
    const result = await app!.dispatch('whatsapp.pair', { method: 'code', phone: '3001234567' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(result.ok || result.error.message).toMatch(/código de país/)
  })
})

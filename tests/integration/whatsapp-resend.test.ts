// When a customer's phone cannot decrypt a message the app sent, it asks for it again (a retry
// receipt) and Baileys calls `getMessage`. A photo must go back as that photo, not as its caption.
import { createHash } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { phonePhoto } from '../support/photos'
import { buildTestApp, callApi as call, eventually, tempDir, type TestApp } from '../support/test-app'
import { customerText, socketDoubleFactory, type SocketDouble } from '../support/whatsapp-socket-double'

const PHONE = '573001234567'
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest()

describe('a message asked for again (retry receipt)', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  const dirs: { remove: () => void }[] = []
  afterEach(async () => {
    await app?.close()
    await ollama?.close().catch(() => {})
    app = ollama = undefined
    for (const dir of dirs.splice(0)) dir.remove()
  })

  async function start(dataDir: string, pair: boolean): Promise<SocketDouble> {
    ollama ??= await startOllamaDouble({ reply: () => 'Cuesta $180.000 y lo tenemos en negro.' })
    const factory = socketDoubleFactory()
    const next = factory.next()
    app = await buildTestApp({
      dataDir,
      ollamaHost: ollama.url,
      whatsappSocketFactory: factory,
      whatsappTimings: { sendLimits: { perChatMinIntervalMs: 0, globalPerMinute: 10_000, globalBurst: 10_000, jitterMs: 0 } },
    })
    await call(app, 'settings.update', { whatsapp: { debounceMs: 0 } })
    if (pair) await call(app, 'whatsapp.pair', { method: 'qr' })
    const socket = await next
    if (pair) socket.qr()
    socket.open()
    await eventually(async () => (await call(app!, 'whatsapp.status', {})).state === 'open')
    return socket
  }

  it('sends the photo again as the photo with its caption — from this session as sent, after a restart rebuilt from the data folder', async () => {
    const dir = tempDir()
    dirs.push(dir)
    let socket = await start(dir.path, true)
    const product = await call(app!, 'catalog.save', { product: { name: 'Parlante Portátil 20W', price: 180000 } })
    await call(app!, 'catalog.setPhoto', { productId: product.id, dataBase64: Buffer.from(await phonePhoto()).toString('base64'), mimeType: 'image/jpeg' })
    socket.upsert([customerText(PHONE, 'Hola, ¿tienes foto del parlante?', { id: 'IN-1' })])
    await eventually(() => socket.sent.length >= 2)
    await app!.idle()
    const [photo, answer] = socket.sent
    expect(photo?.image).toBeDefined()
    expect(socket.uploads).toHaveLength(1)

    // Same session: the content exactly as it went, upload included (nothing is uploaded twice).
    const again = await socket.askAgain(photo!.messageId)
    expect(again?.conversation).toBeFalsy()
    expect(again?.imageMessage).toMatchObject({ caption: 'Parlante Portátil 20W — $180.000', mimetype: 'image/jpeg', url: expect.stringContaining('upload-1.enc') })
    expect(socket.uploads).toHaveLength(1)
    expect((await socket.askAgain(answer!.messageId))?.conversation).toBe('Cuesta $180.000 y lo tenemos en negro.')
    // A customer's own message is not the app's to send.
    expect(await socket.askAgain('IN-1')).toBeUndefined()

    // After a restart the session's sends are gone: the photo is read from the chat's copy and uploaded again.
    const stored = app!.repos.messages.findByExternalId(`whatsapp:${photo!.messageId}`)!
    await app!.close()
    app = undefined
    socket = await start(dir.path, false)
    const rebuilt = await socket.askAgain(photo!.messageId)
    expect(rebuilt?.conversation).toBeFalsy()
    expect(rebuilt?.imageMessage).toMatchObject({ caption: 'Parlante Portátil 20W — $180.000', mimetype: 'image/jpeg' })
    const onDisk = readFileSync(join(dir.path, 'media', stored.mediaPath!))
    expect(Buffer.from(rebuilt!.imageMessage!.fileSha256!)).toEqual(sha256(onDisk))
    expect(socket.uploads.map((u) => u.mediaType)).toEqual(['image'])
    expect((await socket.askAgain(answer!.messageId))?.conversation).toBe('Cuesta $180.000 y lo tenemos en negro.')

    // The chat's copy is gone: nothing faithful to send — never the caption as if it were the message.
    rmSync(join(dir.path, 'media', stored.mediaPath!))
    expect(await socket.askAgain(photo!.messageId)).toBeUndefined()
  })
})

// Baileys' session in the app's SQLite file: real credentials from `initAuthCreds()` and real
// key shapes, sealed with the key-file SecretBox, read back after the app is closed and opened.
import { join } from 'node:path'
import { BufferJSON, initAuthCreds, makeCacheableSignalKeyStore, proto, type AuthenticationCreds } from '@whiskeysockets/baileys'
import { afterEach, describe, expect, it } from 'vitest'
import type { Logger } from '../../src/main/kernel/logger'
import { openKeyFileSecretBox } from '../../src/main/security/key-file-secret-box'
import type { SecretBox } from '../../src/main/security/secret-box'
import { WhatsappAuthRepository } from '../../src/main/store/repositories/whatsapp-auth-repository'
import { createSqliteAuthState, WhatsAppSessionUnreadableError } from '../../src/main/whatsapp/auth-state-store'
import { buildTestApp, tempDir, type TestApp } from '../support/test-app'
import { socketDoubleFactory } from '../support/whatsapp-socket-double'

const asJson = (value: unknown) => JSON.stringify(value, BufferJSON.replacer)

function recordingLogger(): Logger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = []
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, ...(fields ? { fields } : {}) })
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

describe('WhatsApp auth state in SQLite', () => {
  let app: TestApp | undefined
  const dirs: { remove: () => void }[] = []

  afterEach(async () => {
    await app?.close()
    app = undefined
    for (const d of dirs.splice(0)) d.remove()
  })

  /** A whole app on `dataDir`; the socket double keeps a stored session from reaching WhatsApp. */
  async function open(dataDir?: string) {
    const dir = dataDir ? null : tempDir()
    if (dir) dirs.push(dir)
    const factory = socketDoubleFactory()
    app = await buildTestApp({ dataDir: dataDir ?? dir!.path, whatsappSocketFactory: factory })
    return { app, factory }
  }

  function store(box?: SecretBox, logger?: Logger) {
    const repo = new WhatsappAuthRepository(app!.repos.db)
    return { repo, auth: createSqliteAuthState(repo, box ?? app!.secretBox, logger) }
  }

  const rawRows = () =>
    app!.repos.db.$client.prepare('SELECT category, keyId, value FROM whatsapp_auth ORDER BY category, keyId').all() as {
      category: string
      keyId: string
      value: Buffer
    }[]
  const rawValue = (category: string, keyId: string) => rawRows().find((r) => r.category === category && r.keyId === keyId)?.value

  it('starts with fresh credentials and no session when nothing is stored', async () => {
    await open()
    const { auth, repo } = store()
    expect(auth.hasSession()).toBe(false)
    expect(repo.hasCreds()).toBe(false)
    expect(Buffer.from(auth.state.creds.noiseKey.private)).toHaveLength(32)
    expect(auth.state.creds.registered).toBe(false)
    expect(rawRows()).toEqual([])
  })

  it('keeps real Baileys credentials byte for byte across a restart, so no new QR is needed', async () => {
    const { app: first } = await open()
    const dataDir = first.dataDir
    const { auth } = store()
    const creds: AuthenticationCreds = initAuthCreds()
    auth.state.creds = creds
    // Saved half-way through a pairing: not yet a session to reconnect.
    auth.saveCreds()
    expect(auth.hasSession()).toBe(false)
    // What Baileys writes on pair-success, mutating the same object.
    creds.me = { id: '573001112233:4@s.whatsapp.net', name: 'Tienda' }
    creds.routingInfo = Buffer.from([1, 2, 3, 250])
    auth.saveCreds()
    expect(auth.hasSession()).toBe(true)
    const expected = asJson(creds)
    await first.close()
    app = undefined

    const { factory } = await open(dataDir)
    const { auth: reopened } = store()
    expect(reopened.hasSession()).toBe(true)
    const restored = reopened.state.creds
    expect(asJson(restored)).toBe(expected)
    expect(Buffer.isBuffer(restored.signedIdentityKey.private)).toBe(true)
    expect(Buffer.from(restored.signedPreKey.keyPair.public).equals(Buffer.from(creds.signedPreKey.keyPair.public))).toBe(true)
    expect(Buffer.from(restored.signedPreKey.signature).equals(Buffer.from(creds.signedPreKey.signature))).toBe(true)
    expect(restored.signedPreKey.keyId).toBe(creds.signedPreKey.keyId)
    expect(restored.registrationId).toBe(creds.registrationId)
    // The app's own transport reconnected with them, straight away and without pairing.
    expect(asJson(factory.latest().options.auth.creds)).toBe(expected)
  })

  it('stores keys of every shape, revives app-state sync keys as protobuf objects, and deletes on null', async () => {
    await open()
    const { auth, repo } = store()
    const preKey = { public: Buffer.alloc(33, 5), private: Buffer.alloc(32, 6) }
    const session = Buffer.from('{"_sessions":{"BXh5":{"registrationId":1}},"version":"v1"}')
    const syncKey = proto.Message.AppStateSyncKeyData.fromObject({
      keyData: Buffer.alloc(32, 9),
      fingerprint: { rawId: 7, currentIndex: 1, deviceIndexes: [0, 2] },
      timestamp: 1_700_000_000_000,
    })
    await auth.state.keys.set({
      'pre-key': { '1': preKey, '2': { public: Buffer.alloc(33, 1), private: Buffer.alloc(32, 2) } },
      session: { '573001234567.0': session },
      'app-state-sync-key': { AAAAAFgF: syncKey },
      'lid-mapping': { '573001234567': '111222333', '111222333_reverse': '573001234567' },
      'device-list': { '573001234567': ['0', '3'] },
    })

    const preKeys = await auth.state.keys.get('pre-key', ['1', '2', '404'])
    expect(asJson(preKeys['1'])).toBe(asJson(preKey))
    expect(Buffer.isBuffer(preKeys['1']!.private)).toBe(true)
    // A missing key comes back as null, as in Baileys' own stores.
    expect(preKeys['404']).toBeNull()
    expect(Buffer.from((await auth.state.keys.get('session', ['573001234567.0']))['573001234567.0']!).equals(session)).toBe(true)
    const sync = (await auth.state.keys.get('app-state-sync-key', ['AAAAAFgF']))['AAAAAFgF']!
    expect(sync).toBeInstanceOf(proto.Message.AppStateSyncKeyData)
    expect(Buffer.from(sync.keyData!).equals(Buffer.alloc(32, 9))).toBe(true)
    expect(sync.fingerprint?.deviceIndexes).toEqual([0, 2])
    expect((await auth.state.keys.get('lid-mapping', ['573001234567']))['573001234567']).toBe('111222333')
    expect((await auth.state.keys.get('device-list', ['573001234567']))['573001234567']).toEqual(['0', '3'])

    await auth.state.keys.set({ 'pre-key': { '1': null }, session: { '573001234567.0': null } })
    expect((await auth.state.keys.get('pre-key', ['1', '2']))['1']).toBeNull()
    expect((await auth.state.keys.get('pre-key', ['2']))['2']).not.toBeNull()
    expect(rawValue('pre-key', '1')).toBeUndefined()
    expect(rawValue('session', '573001234567.0')).toBeUndefined()

    // Hundreds of ids in one read, as Baileys asks for pre-keys and devices, past the IN chunk.
    const many = Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [String(i + 10), { public: Buffer.from([i % 256]), private: Buffer.from([1]) }]))
    await auth.state.keys.set({ 'pre-key': many })
    const back = repo.getMany('pre-key', Object.keys(many))
    expect(back.size).toBe(1200)
    const sample = await auth.state.keys.get('pre-key', ['10', '700', '1209'])
    expect(Buffer.from(sample['1209']!.public)).toEqual(Buffer.from([1199 % 256]))
  })

  it('works behind Baileys’ makeCacheableSignalKeyStore, as the socket uses it', async () => {
    await open()
    const { auth } = store()
    const cached = makeCacheableSignalKeyStore(auth.state.keys)
    await cached.set({ 'pre-key': { '5': { public: Buffer.alloc(33, 3), private: Buffer.alloc(32, 4) } } })
    // Written through to SQLite, readable without the cache.
    expect(Buffer.from((await auth.state.keys.get('pre-key', ['5']))['5']!.private).equals(Buffer.alloc(32, 4))).toBe(true)
    expect(Buffer.from((await cached.get('pre-key', ['5']))['5']!.public).equals(Buffer.alloc(33, 3))).toBe(true)
    await cached.set({ 'pre-key': { '5': null } })
    expect(rawValue('pre-key', '5')).toBeUndefined()
  })

  it('writes nothing in plaintext to disk', async () => {
    await open()
    const { auth } = store()
    const creds = auth.state.creds
    creds.me = { id: '573001112233:4@s.whatsapp.net', name: 'Tienda' }
    auth.saveCreds()
    const preKey = { public: Buffer.alloc(33, 0x41), private: Buffer.from('0123456789abcdef0123456789abcdef') }
    await auth.state.keys.set({ 'pre-key': { '1': preKey }, 'lid-mapping': { '573001112233': '999888777' } })

    const secrets = [
      'noiseKey',
      'advSecretKey',
      '573001112233',
      '999888777',
      creds.advSecretKey,
      Buffer.from(creds.noiseKey.private).toString('base64'),
      Buffer.from(creds.signedIdentityKey.private).toString('base64'),
      preKey.private.toString('base64'),
      preKey.private.toString('latin1'),
    ]
    const rows = rawRows()
    expect(rows.map((r) => r.category).sort()).toEqual(['creds', 'lid-mapping', 'pre-key'])
    for (const row of rows) {
      for (const secret of secrets) expect(row.value.includes(Buffer.from(secret, 'latin1')), `${row.category}/${row.keyId} holds ${secret}`).toBe(false)
      expect(row.value.includes(Buffer.from(creds.noiseKey.private))).toBe(false)
    }
    // Sealed, not just encoded: two writes of the same value differ.
    const before = rawValue('creds', 'creds')!
    auth.saveCreds()
    expect(rawValue('creds', 'creds')!.equals(before)).toBe(false)
  })

  it('reports stored credentials sealed with another key as unreadable, in Spanish, without crashing', async () => {
    await open()
    const { auth } = store()
    auth.state.creds.me = { id: '573001112233:4@s.whatsapp.net' }
    auth.saveCreds()
    await auth.state.keys.set({ 'pre-key': { '1': { public: Buffer.alloc(33, 1), private: Buffer.alloc(32, 2) } } })
    const sealed = rawValue('creds', 'creds')!

    const otherKey = tempDir()
    dirs.push(otherKey)
    const logger = recordingLogger()
    // Opening does not throw: the app starts, and connecting reports the problem.
    const { auth: wrong } = store(openKeyFileSecretBox(join(otherKey.path, 'secret.key')), logger)
    expect(wrong.hasSession()).toBe(true)
    let error: unknown
    try {
      void wrong.state.creds
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(WhatsAppSessionUnreadableError)
    expect((error as Error).message).toMatch(/No se pudo leer la sesión de WhatsApp/)
    expect((error as Error).message).toMatch(/[Vv]uelve a vincular/)
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1)
    // Keys sealed with the other key read as missing, not as an exception inside Baileys.
    expect((await wrong.state.keys.get('pre-key', ['1']))['1']).toBeNull()
    expect(logger.lines.some((l) => l.level === 'warn' && l.fields?.category === 'pre-key')).toBe(true)
    // Saving would replace a session that a restored key could still open: refused.
    expect(() => wrong.saveCreds()).toThrow(WhatsAppSessionUnreadableError)
    expect(rawValue('creds', 'creds')!.equals(sealed)).toBe(true)

    // Re-pairing starts from a clean slate.
    wrong.clear()
    expect(wrong.hasSession()).toBe(false)
    expect(Buffer.from(wrong.state.creds.noiseKey.public)).toHaveLength(32)
    expect(rawRows()).toEqual([])
  })

  it('reads a damaged key row as missing and damaged credentials as unreadable', async () => {
    await open()
    const logger = recordingLogger()
    const { auth } = store(undefined, logger)
    auth.saveCreds()
    await auth.state.keys.set({
      'pre-key': { '1': { public: Buffer.alloc(33, 1), private: Buffer.alloc(32, 2) }, '2': { public: Buffer.alloc(33, 3), private: Buffer.alloc(32, 4) } },
    })
    const corrupt = app!.repos.db.$client.prepare('UPDATE whatsapp_auth SET value = ? WHERE category = ? AND keyId = ?')
    corrupt.run(Buffer.from('not a sealed value at all, just some bytes'), 'pre-key', '1')

    const keys = await auth.state.keys.get('pre-key', ['1', '2'])
    expect(keys['1']).toBeNull()
    expect(Buffer.from(keys['2']!.private).equals(Buffer.alloc(32, 4))).toBe(true)
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ category: 'pre-key', keyId: '1' }) }))

    // A sealed value that is not JSON: decrypts, does not parse.
    corrupt.run(app!.secretBox.encrypt(Buffer.from('{"noiseKey": ')), 'creds', 'creds')
    const { auth: reopened } = store()
    expect(() => reopened.state.creds).toThrow(WhatsAppSessionUnreadableError)
  })

  it('resets the Signal sessions of one contact, every device and its LID, and no one else’s', async () => {
    await open()
    const { auth } = store()
    const s = (n: number) => Buffer.from([n])
    await auth.state.keys.set({
      session: {
        '573001234567.0': s(1),
        '573001234567.3': s(2),
        '573001234567_128.99': s(3),
        '111222333_1.0': s(4),
        '111222333_1.2': s(5),
        // Another number that merely starts with the same digits.
        '5730012345670.0': s(6),
        '573009999999.0': s(7),
        '573009999999.1': s(8),
        '444555666_1.0': s(9),
        '1112223334_1.0': s(10),
      },
      'lid-mapping': { '573001234567': '111222333', '111222333_reverse': '573001234567' },
      'identity-key': { '573001234567.0': Buffer.alloc(33, 1) },
    })
    const sessions = () => rawRows().filter((r) => r.category === 'session').map((r) => r.keyId)

    expect(auth.resetContactSessions('573001234567@s.whatsapp.net')).toBe(5)
    expect(sessions()).toEqual(['1112223334_1.0', '444555666_1.0', '5730012345670.0', '573009999999.0', '573009999999.1'])
    // Only sessions: the identity key and the LID mapping stay.
    expect(rawValue('identity-key', '573001234567.0')).toBeDefined()
    expect(rawValue('lid-mapping', '573001234567')).toBeDefined()

    // A device JID resets every device of that number.
    expect(auth.resetContactSessions('573009999999:1@s.whatsapp.net')).toBe(2)
    expect(auth.resetContactSessions('444555666@lid')).toBe(1)
    expect(sessions()).toEqual(['1112223334_1.0', '5730012345670.0'])
    // Nothing to reset: groups have no per-contact sessions, and junk is not a JID.
    expect(auth.resetContactSessions('120363025246125486@g.us')).toBe(0)
    expect(auth.resetContactSessions('not a jid')).toBe(0)
    expect(auth.resetContactSessions('573001234567@s.whatsapp.net')).toBe(0)
  })

  it('clear() removes the whole session; the key store’s clear keeps the credentials', async () => {
    await open()
    const { auth, repo } = store()
    auth.state.creds.me = { id: '573001112233:4@s.whatsapp.net' }
    auth.saveCreds()
    const noise = asJson(auth.state.creds.noiseKey)
    await auth.state.keys.set({ 'pre-key': { '1': { public: Buffer.alloc(33), private: Buffer.alloc(32) } }, session: { '1.0': Buffer.from([1]) } })

    await auth.state.keys.clear!()
    expect(rawRows().map((r) => r.category)).toEqual(['creds'])
    expect(auth.hasSession()).toBe(true)

    await auth.state.keys.set({ session: { '1.0': Buffer.from([1]) } })
    auth.clear()
    expect(rawRows()).toEqual([])
    expect(repo.hasCreds()).toBe(false)
    expect(auth.hasSession()).toBe(false)
    // Fresh identity for the next pairing.
    expect(asJson(auth.state.creds.noiseKey)).not.toBe(noise)
    expect(auth.state.creds.me).toBeUndefined()
  })
})

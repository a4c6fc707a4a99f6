import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openKeyFileSecretBox } from '../../src/main/security/key-file-secret-box'
import { tempDir } from '../support/test-app'

describe('key-file secret box', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => {
    dir = tempDir()
  })
  afterEach(() => dir.remove())

  it('round-trips, never stores plaintext, and keeps its key at mode 0600', () => {
    const keyFile = join(dir.path, 'secret.key')
    const box = openKeyFileSecretBox(keyFile)
    const secret = Buffer.from('{"noiseKey":"clave-privada-de-whatsapp"}')
    const sealed = box.encrypt(secret)
    expect(sealed.includes(Buffer.from('clave-privada'))).toBe(false)
    expect(box.decrypt(sealed)).toEqual(secret)
    // A second instance reads the same key.
    expect(openKeyFileSecretBox(keyFile).decrypt(sealed)).toEqual(secret)
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600)
  })

  it('rejects tampered ciphertext and a foreign key', () => {
    const box = openKeyFileSecretBox(join(dir.path, 'a.key'))
    const sealed = box.encrypt(Buffer.from('hola'))
    const tampered = Buffer.from(sealed)
    tampered[tampered.length - 1]! ^= 1
    expect(() => box.decrypt(tampered)).toThrow()
    const other = openKeyFileSecretBox(join(dir.path, 'b.key'))
    expect(() => other.decrypt(sealed)).toThrow()
  })

  it('refuses a corrupt key file instead of making a new key silently', () => {
    const keyFile = join(dir.path, 'short.key')
    writeFileSync(keyFile, 'short', { mode: 0o600 })
    expect(() => openKeyFileSecretBox(keyFile)).toThrow(/corrupt/)
  })
})

import { existsSync, fstatSync, fsyncSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
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

describe('key-file secret box: creating the key', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => {
    dir = tempDir()
  })
  afterEach(() => dir.remove())

  it('never leaves a partial key under its name when the write does not reach the disk', () => {
    const keyFile = join(dir.path, 'secret.key')
    const cut = () => {
      throw Object.assign(new Error('EIO: power cut'), { code: 'EIO' })
    }
    expect(() => openKeyFileSecretBox(keyFile, { fsync: cut })).toThrow(/power cut/)
    // Written in place, an empty or partial secret.key would be here now and block every start.
    expect(existsSync(keyFile)).toBe(false)
    expect(readdirSync(dir.path)).toEqual([])
    const box = openKeyFileSecretBox(keyFile)
    expect(readFileSync(keyFile)).toHaveLength(32)
    expect(box.decrypt(box.encrypt(Buffer.from('hola'))).toString()).toBe('hola')
  })

  it('flushes the key file and its folder before using the key, and leaves no temp file', () => {
    const keyFile = join(dir.path, 'secret.key')
    const flushed: string[] = []
    openKeyFileSecretBox(keyFile, {
      fsync: (fd) => {
        flushed.push(fstatSync(fd).isDirectory() ? 'dir' : `file:${fstatSync(fd).size}`)
        fsyncSync(fd)
      },
    })
    expect(flushed).toEqual(process.platform === 'win32' ? ['file:32'] : ['file:32', 'dir'])
    expect(readdirSync(dir.path)).toEqual(['secret.key'])
  })

  it('keeps the key another process made while this one was writing, instead of replacing it', () => {
    const keyFile = join(dir.path, 'secret.key')
    const otherKey = Buffer.alloc(32, 7)
    const box = openKeyFileSecretBox(keyFile, {
      fsync: (fd) => {
        // The other process wins the race between our existence check and our link.
        if (!fstatSync(fd).isDirectory() && !existsSync(keyFile)) writeFileSync(keyFile, otherKey, { mode: 0o600 })
        fsyncSync(fd)
      },
    })
    expect(readFileSync(keyFile)).toEqual(otherKey)
    // The box seals with the key on disk, so the other process can open what it seals.
    const sealed = box.encrypt(Buffer.from('hola'))
    expect(openKeyFileSecretBox(keyFile).decrypt(sealed).toString()).toBe('hola')
    expect(readdirSync(dir.path)).toEqual(['secret.key'])
  })
})

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SecretBox } from './secret-box'

const FORMAT_VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16

export interface KeyFileOptions {
  /** Flushes a file to disk; tests pass one that fails, as a power cut would mid-write. */
  fsync?: (fd: number) => void
}

/**
 * AES-256-GCM with a random 32-byte key kept in a file of mode 0600.
 * Layout of a sealed value: [version][iv(12)][tag(16)][ciphertext].
 */
export function openKeyFileSecretBox(keyFile: string, options: KeyFileOptions = {}): SecretBox {
  const key = loadOrCreateKey(keyFile, options.fsync ?? fsyncSync)
  return {
    kind: 'key-file',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain), cipher.final()])
      return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body])
    },
    decrypt(sealed) {
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT_VERSION) {
        throw new Error('Sealed secret has an unknown format')
      }
      const iv = sealed.subarray(1, 1 + IV_BYTES)
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES)
      const decipher = createDecipheriv('aes-256-gcm', key, iv)
      decipher.setAuthTag(tag)
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()])
    },
  }
}

function loadOrCreateKey(keyFile: string, fsync: (fd: number) => void): Buffer {
  if (!existsSync(keyFile)) createKeyFile(keyFile, fsync)
  if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) {
    chmodSync(keyFile, 0o600)
  }
  const key = readFileSync(keyFile)
  if (key.length !== 32) throw new Error(`Secret key file ${keyFile} is corrupt (expected 32 bytes)`)
  return key
}

/**
 * The key reaches its name only whole and on disk: written to a temp file, flushed, then
 * linked into place. A power cut before the link leaves no key file (a new one is made on the
 * next start, nothing was sealed with the lost one); after it, the whole key. Written in place,
 * a cut could leave an empty file and every secret sealed since unreadable.
 * link, not rename: it fails if another process made the key meanwhile, instead of replacing
 * the key that process is already sealing with.
 */
function createKeyFile(keyFile: string, fsync: (fd: number) => void): void {
  const temp = `${keyFile}.${process.pid}.tmp`
  try {
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeSync(fd, randomBytes(32))
      fsync(fd)
    } finally {
      closeSync(fd)
    }
    try {
      linkSync(temp, keyFile)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  } finally {
    rmSync(temp, { force: true })
  }
  syncDirectory(dirname(keyFile), fsync)
}

/** Makes the new directory entry itself durable (POSIX; Windows cannot open a directory). */
function syncDirectory(dir: string, fsync: (fd: number) => void): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsync(fd)
  } finally {
    closeSync(fd)
  }
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import type { SecretBox } from './secret-box'

const FORMAT_VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * AES-256-GCM with a random 32-byte key kept in a file of mode 0600.
 * Layout of a sealed value: [version][iv(12)][tag(16)][ciphertext].
 */
export function openKeyFileSecretBox(keyFile: string): SecretBox {
  const key = loadOrCreateKey(keyFile)
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

function loadOrCreateKey(keyFile: string): Buffer {
  if (!existsSync(keyFile)) {
    // 'wx' fails if another process created it meanwhile, instead of overwriting its key.
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' })
  }
  if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) {
    chmodSync(keyFile, 0o600)
  }
  const key = readFileSync(keyFile)
  if (key.length !== 32) throw new Error(`Secret key file ${keyFile} is corrupt (expected 32 bytes)`)
  return key
}

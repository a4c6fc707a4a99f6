/**
 * Encrypts secrets before they touch the disk (WhatsApp credentials, cloud API keys).
 * The desktop uses the OS keychain through Electron's safeStorage; the headless server a
 * key file only its user can read.
 */
export interface SecretBox {
  readonly kind: 'safe-storage' | 'key-file'
  encrypt(plain: Buffer): Buffer
  decrypt(sealed: Buffer): Buffer
}

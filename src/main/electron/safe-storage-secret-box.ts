import { safeStorage } from 'electron'
import type { SecretBox } from '../security/secret-box'

/** The OS keychain (Keychain, DPAPI, libsecret/kwallet) through Electron's safeStorage. */
export function createSafeStorageSecretBox(): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null
  // On Linux without a keyring safeStorage falls back to a hard-coded key: not a secret.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null
  return {
    kind: 'safe-storage',
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  }
}

import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * `--data-dir`, else AUTODIDACTA_DATA_DIR, else the folder the desktop app uses (Electron's
 * userData for an app named autodidacta), so the CLI and the app see the same data.
 */
export function resolveDataDir(flag: string | undefined, env: Record<string, string | undefined> = process.env): string {
  if (flag) return resolve(flag)
  if (env.AUTODIDACTA_DATA_DIR) return resolve(env.AUTODIDACTA_DATA_DIR)
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'autodidacta')
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'autodidacta')
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autodidacta')
  }
}

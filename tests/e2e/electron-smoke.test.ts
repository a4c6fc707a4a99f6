import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { _electron as electron } from 'playwright'
import { describe, expect, it } from 'vitest'
import { screenshotPath } from '../support/browser'
import { tempDir } from '../support/test-app'

/**
 * The Electron binary, or why there is none (installs with ELECTRON_SKIP_BINARY_DOWNLOAD have
 * none). Looked up the way the electron package does, without `require('electron')`, which
 * would try to download the binary.
 */
function electronBinary(): { path: string } | { missing: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return { missing: 'the electron package was installed without its binary' }
  const path = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(path) ? { path } : { missing: `${path} does not exist` }
}

const binary = electronBinary()
const canRun = 'path' in binary && (process.platform !== 'linux' || Boolean(process.env.DISPLAY))
if (!canRun) {
  const why = 'missing' in binary ? binary.missing : 'no DISPLAY (run under xvfb-run)'
  console.warn(`[electron-smoke] SKIPPED: no runnable Electron here (${why}). The desktop shell is covered where Electron can start.`)
}

describe.skipIf(!canRun)('Electron shell smoke test', () => {
  it('opens the window sandboxed, with the preload bridge and no Node in the page', async () => {
    const dir = tempDir()
    const app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [resolve('out/main/index.js')],
      env: { ...process.env, AUTODIDACTA_DATA_DIR: dir.path, OLLAMA_HOST: 'http://127.0.0.1:9' },
    })
    try {
      const window = await app.firstWindow()
      await window.getByTestId('statusbar').waitFor()
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
      expect(await window.evaluate(() => typeof (window as unknown as { autodidacta?: { invoke?: unknown } }).autodidacta?.invoke)).toBe('function')
      await window.getByTestId('simulator').getByLabel('Mensaje').fill('Hola desde Electron')
      await window.getByTestId('simulator').getByRole('button', { name: 'Enviar' }).click()
      await window.getByTestId('conversation-list').getByText('Cliente de prueba').waitFor()
      await window.screenshot({ path: screenshotPath('electron-conversaciones') })
    } finally {
      await app.close()
      dir.remove()
    }
  })
})

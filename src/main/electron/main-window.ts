import { BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { isAppPage, isPermissionAllowed } from './window-policy'

const here = fileURLToPath(new URL('.', import.meta.url))

/** The app window: sandboxed, isolated, no Node in the page, no navigation away from the app. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'autodidacta',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  // The only downloads the app makes are charts saved as PNG (blob: URLs made by the page);
  // Electron then asks where to save them. Anything else a page might start is refused.
  window.webContents.session.on('will-download', (event, item) => {
    if (!item.getURL().startsWith('blob:')) event.preventDefault()
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  // Every permission request and check is refused except notifications.
  window.webContents.session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)))
  window.webContents.session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission))
  void window.loadURL(appUrl())
  return window
}

/** The page the window shows: the dev server's while developing, else the built file. */
function appUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href
}

export function isAppUrl(url: string): boolean {
  return isAppPage(url, appUrl())
}

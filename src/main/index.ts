// The Electron shell: the only part of src/main that knows about Electron.
import { app, BrowserWindow, dialog, Notification, powerMonitor, shell } from 'electron'
import type { OwnerAlert } from '../shared/api/events'
import type { CycleRunDto } from '../shared/types'
import { join } from 'node:path'
import { createApp, type App } from './app/create-app'
import { findMigrationsDir } from './kernel/project-paths'
import { bindIpc } from './electron/ipc-binding'
import { createImportPicker, createPhotosFolderPicker } from './electron/import-picker'
import { createMainWindow, isAppUrl } from './electron/main-window'
import { createSafeStorageSecretBox } from './electron/safe-storage-secret-box'
import { createTray } from './electron/tray'
import { createStreamLogger } from './kernel/logger'
import { keepServingOnUnhandledRejection } from './kernel/unhandled-rejections'

// AUTODIDACTA_DATA_DIR moves everything, Chromium's own files included (portable installs, tests).
if (process.env.AUTODIDACTA_DATA_DIR) app.setPath('userData', process.env.AUTODIDACTA_DATA_DIR)
if (!app.requestSingleInstanceLock()) app.quit()

let core: App | null = null
let window: BrowserWindow | null = null
let quitting = false

async function start(): Promise<void> {
  await app.whenReady()
  const logger = createStreamLogger()
  keepServingOnUnhandledRejection(logger)
  const secretBox = createSafeStorageSecretBox()
  if (!secretBox) logger.warn('OS keychain not available; secrets use a key file in the data folder')
  core = await createApp({
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    migrationsDir: app.isPackaged ? join(process.resourcesPath, 'drizzle') : findMigrationsDir(),
    ...(app.isPackaged ? { resourcesDir: process.resourcesPath } : {}),
    logger,
    ...(secretBox ? { secretBox } : {}),
    pickImportFile: createImportPicker(() => window),
    pickPhotosFolder: createPhotosFolderPicker(() => window),
    // The core allows only official https pages (src/main/models-setup/external-links.ts).
    openExternal: (url) => shell.openExternal(url),
    // The learning cycle trains only while nobody uses the computer and, on a laptop, on mains power.
    systemProbes: { idleSeconds: () => powerMonitor.getSystemIdleTime(), onMains: () => !powerMonitor.isOnBatteryPower() },
  })
  const binding = bindIpc(core.dispatch, core.events, (sender, url) => sender === window?.webContents && isAppUrl(url))
  const open = () => {
    window = createMainWindow()
    binding.targets.add(window.webContents)
    window.on('close', (event) => {
      // Closing the window hides it: the bot keeps answering from the tray.
      if (!quitting) {
        event.preventDefault()
        window?.hide()
      }
    })
  }
  open()
  // The bot keeps working from the tray: a customer asking for a person must reach the owner anyway.
  core.events.subscribe((event, payload) => {
    if ((event !== 'owner.alert' && event !== 'cycle.summary') || !Notification.isSupported()) return
    let title: string
    let body: string
    if (event === 'cycle.summary') {
      // The learning cycle's summary: it usually lands at night and waits in the notification centre.
      title = 'autodidacta aprendió de tus conversaciones'
      body = (payload as CycleRunDto).summary ?? ''
    } else {
      const alert = payload as OwnerAlert
      title = alert.kind === 'human_request' ? `${alert.customerName} pide hablar con una persona` : alert.customerName
      body = alert.text
    }
    const notification = new Notification({ title, body })
    notification.on('click', () => {
      window?.show()
      window?.focus()
    })
    notification.show()
  })
  createTray(join(app.getAppPath(), 'resources', 'icon.png'), () => window, () => app.quit())
  app.on('second-instance', () => {
    window?.show()
    window?.focus()
  })
  app.on('activate', () => window?.show())
}

app.on('before-quit', () => {
  quitting = true
})
app.on('will-quit', (event) => {
  if (!core) return
  event.preventDefault()
  const closing = core
  core = null
  void closing
    .close()
    .catch((error: unknown) => console.error('Closing the app failed', error))
    .finally(() => app.exit(0))
})

start().catch((error: unknown) => {
  dialog.showErrorBox('autodidacta no pudo arrancar', error instanceof Error ? error.message : String(error))
  app.exit(1)
})

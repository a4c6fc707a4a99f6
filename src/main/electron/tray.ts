import { Menu, Tray, nativeImage, type BrowserWindow } from 'electron'

/** Keeps the bot answering with the window closed; the tray brings it back or quits. */
export function createTray(iconPath: string, getWindow: () => BrowserWindow | null, quit: () => void): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath))
  tray.setToolTip('autodidacta — el bot sigue respondiendo')
  const show = () => {
    const window = getWindow()
    if (window) {
      window.show()
      window.focus()
    }
  }
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Abrir autodidacta', click: show },
      { type: 'separator' },
      { label: 'Salir (el bot deja de responder)', click: quit },
    ]),
  )
  tray.on('click', show)
  return tray
}

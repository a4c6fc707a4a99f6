import type { BrowserWindow, OpenDialogOptions, OpenDialogReturnValue } from 'electron'
import type { ImportKind, ImportPicker } from '../training/backends/import-sources'

// What the desktop's file dialogs ask and how their answer is read, apart from Electron's
// `dialog` itself (import-picker.ts passes it in), so it runs under Node in tests.

/** Electron's `dialog.showOpenDialog`, attached to the app window when there is one. */
export type ShowOpenDialog = (window: BrowserWindow | null, options: OpenDialogOptions) => Promise<OpenDialogReturnValue>

export const PHOTOS_FOLDER_DIALOG: OpenDialogOptions = { title: 'Elige la carpeta con las fotos de los productos', properties: ['openDirectory'] }

export function importDialog(kind: ImportKind): OpenDialogOptions {
  return {
    title: kind === 'model' ? 'Elige el modelo a importar (GGUF)' : 'Elige el adaptador LoRA a importar (GGUF o safetensors)',
    properties: ['openFile'],
    filters:
      kind === 'model'
        ? [{ name: 'Modelo GGUF', extensions: ['gguf'] }]
        : [
            { name: 'Adaptador LoRA', extensions: ['gguf', 'safetensors'] },
            { name: 'Todos los archivos', extensions: ['*'] },
          ],
  }
}

/** The path the owner chose, or null when the dialog was closed without choosing. */
async function choose(show: ShowOpenDialog, getWindow: () => BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const result = await show(getWindow(), options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/** The folder of product photos; the path stays in the main process. */
export function createPhotosFolderPicker(getWindow: () => BrowserWindow | null, show: ShowOpenDialog): () => Promise<string | null> {
  return () => choose(show, getWindow, PHOTOS_FOLDER_DIALOG)
}

/**
 * A model or adapter to import. The path stays in the main process (ImportSources keeps it
 * behind a handle), so the page can never name a file the owner did not choose here.
 */
export function createImportPicker(getWindow: () => BrowserWindow | null, show: ShowOpenDialog): ImportPicker {
  return (kind: ImportKind) => choose(show, getWindow, importDialog(kind))
}

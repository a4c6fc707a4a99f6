import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { ImportKind, ImportPicker } from '../training/backends/import-sources'

/** The desktop's folder dialog for a folder of product photos; the path stays in the main process. */
export function createPhotosFolderPicker(getWindow: () => BrowserWindow | null): () => Promise<string | null> {
  return async () => {
    const options: OpenDialogOptions = { title: 'Elige la carpeta con las fotos de los productos', properties: ['openDirectory'] }
    const window = getWindow()
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }
}

/**
 * The desktop's way to choose a model or adapter to import: the system's own file dialog.
 * The path stays in the main process (ImportSources keeps it behind a handle), so the page
 * can never name a file the owner did not choose here.
 */
export function createImportPicker(getWindow: () => BrowserWindow | null): ImportPicker {
  return async (kind: ImportKind) => {
    const options: OpenDialogOptions = {
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
    const window = getWindow()
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }
}

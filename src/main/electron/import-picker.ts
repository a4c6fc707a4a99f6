import { dialog, type BrowserWindow } from 'electron'
import type { ImportPicker } from '../training/backends/import-sources'
import { createImportPicker as importPickerWith, createPhotosFolderPicker as photosPickerWith, type ShowOpenDialog } from './picker-dialogs'

/** The system's own open dialog, modal to the app window when it is open. */
const showOpenDialog: ShowOpenDialog = (window, options) => (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options))

export function createPhotosFolderPicker(getWindow: () => BrowserWindow | null): () => Promise<string | null> {
  return photosPickerWith(getWindow, showOpenDialog)
}

export function createImportPicker(getWindow: () => BrowserWindow | null): ImportPicker {
  return importPickerWith(getWindow, showOpenDialog)
}

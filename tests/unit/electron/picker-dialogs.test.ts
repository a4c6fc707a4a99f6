import type { BrowserWindow, OpenDialogOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { createImportPicker, type ShowOpenDialog } from '../../../src/main/electron/picker-dialogs'

describe('the import file dialog', () => {
  it('asks for a GGUF model or a LoRA adapter in Spanish, modal to the app window, and returns the chosen path', async () => {
    const asked: { window: BrowserWindow | null; options: OpenDialogOptions }[] = []
    let chosen = ['/home/tienda/modelos/tienda-v3.gguf']
    const show: ShowOpenDialog = async (window, options) => {
      asked.push({ window, options })
      return { canceled: false, filePaths: chosen }
    }
    let window: BrowserWindow | null = {} as BrowserWindow
    const pick = createImportPicker(() => window, show)

    expect(await pick('model')).toBe('/home/tienda/modelos/tienda-v3.gguf')
    expect(asked[0]).toEqual({
      window,
      options: { title: 'Elige el modelo a importar (GGUF)', properties: ['openFile'], filters: [{ name: 'Modelo GGUF', extensions: ['gguf'] }] },
    })
    chosen = ['/home/tienda/adaptador.safetensors']
    expect(await pick('adapter')).toBe('/home/tienda/adaptador.safetensors')
    expect(asked[1]?.options.filters?.map((f) => f.extensions)).toEqual([['gguf', 'safetensors'], ['*']])
    // The window closed meanwhile: the dialog still opens, on its own.
    window = null
    await pick('model')
    expect(asked[2]?.window).toBeNull()
  })

  it('gives nothing when the owner closes the dialog', async () => {
    const pick = createImportPicker(() => null, async () => ({ canceled: true, filePaths: ['/ignorado'] }))
    expect(await pick('model')).toBeNull()
  })
})

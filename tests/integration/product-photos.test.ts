import { mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindow, OpenDialogOptions, OpenDialogReturnValue } from 'electron'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { createPhotosFolderPicker, type ShowOpenDialog } from '../../src/main/electron/picker-dialogs'
import { phonePhoto } from '../support/photos'
import { buildTestApp, callApi as call, eventually, tempDir, type TestApp } from '../support/test-app'

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

describe('product photos', () => {
  let app: TestApp | undefined
  const dirs: { remove: () => void }[] = []
  afterEach(async () => {
    await app?.dispose()
    app = undefined
    dirs.splice(0).forEach((d) => d.remove())
  })

  const mediaFiles = (a: TestApp, folder: string) => readdirSync(join(a.dataDir, 'media', folder)).sort()

  it('stores a product photo resized without EXIF, with a thumbnail, served through the API', async () => {
    app = await buildTestApp()
    const product = await call(app, 'catalog.save', { product: { name: 'Parlante Portátil 20W', price: 180000 } })
    expect(product.photo).toBeNull()
    const changes: unknown[] = []
    app.events.subscribe((event, payload) => event === 'catalog.changed' && changes.push(payload))

    const saved = await call(app, 'catalog.setPhoto', { productId: product.id, dataBase64: b64(await phonePhoto()), mimeType: 'image/jpeg' })

    expect(saved.photo).toMatchObject({ mimeType: 'image/jpeg', updatedAt: expect.any(Number) })
    expect(changes).toHaveLength(1)
    const listed = await call(app, 'catalog.list', {})
    expect(listed.items[0]?.photo).toEqual(saved.photo)
    const files = mediaFiles(app, 'products')
    expect(files).toHaveLength(2)
    for (const file of files) if (process.platform !== 'win32') expect(statSync(join(app.dataDir, 'media', 'products', file)).mode & 0o777).toBe(0o600)

    const full = await call(app, 'media.get', { source: 'product', id: product.id, variant: 'full' })
    const fullMeta = await sharp(Buffer.from(full.dataBase64, 'base64')).metadata()
    expect([full.mimeType, fullMeta.width, fullMeta.height, fullMeta.exif]).toEqual(['image/jpeg', 1600, 1067, undefined])
    const thumb = await call(app, 'media.get', { source: 'product', id: product.id, variant: 'thumbnail' })
    expect((await sharp(Buffer.from(thumb.dataBase64, 'base64')).metadata()).width).toBe(320)

    // A new photo replaces the old files; removing it leaves none.
    const again = await call(app, 'catalog.setPhoto', { productId: product.id, dataBase64: b64(await phonePhoto({ color: '#000000' })), mimeType: 'image/jpeg' })
    expect(again.photo!.updatedAt).toBeGreaterThanOrEqual(saved.photo!.updatedAt)
    const replaced = mediaFiles(app, 'products')
    expect(replaced).toHaveLength(2)
    expect(replaced.some((f) => files.includes(f))).toBe(false)
    const removed = await call(app, 'catalog.removePhoto', { productId: product.id })
    expect(removed.photo).toBeNull()
    expect(mediaFiles(app, 'products')).toEqual([])
    const gone = await app.dispatch('media.get', { source: 'product', id: product.id })
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('refuses what is no photo with Spanish errors, and changes nothing', async () => {
    app = await buildTestApp()
    const product = await call(app, 'catalog.save', { product: { name: 'Lámpara LED' } })

    const notImage = await app.dispatch('catalog.setPhoto', { productId: product.id, dataBase64: b64(new TextEncoder().encode('hola')), mimeType: 'image/jpeg' })
    expect(notImage).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/dañado|no es una imagen/) } })
    const pdf = await app.dispatch('catalog.setPhoto', { productId: product.id, dataBase64: 'JVBERi0=', mimeType: 'application/pdf' })
    expect(pdf).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!pdf.ok && pdf.error.fields?.[0]?.message).toBe('Ese archivo no es una foto. Usa una foto JPG, PNG o WebP.')
    const garbled = await app.dispatch('catalog.setPhoto', { productId: product.id, dataBase64: '@@@not base64@@@', mimeType: 'image/png' })
    expect(garbled).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'El archivo llegó dañado. Vuelve a elegirlo.' } })
    const missing = await app.dispatch('catalog.setPhoto', { productId: 'nope', dataBase64: b64(await phonePhoto()), mimeType: 'image/jpeg' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/ya no existe/) } })
    expect((await call(app, 'catalog.list', {})).items[0]?.photo).toBeNull()
  })

  it('imports a folder of photos (from the data folder’s imports/, by name: no paths) named after SKUs or product names, and reports the rest', async () => {
    app = await buildTestApp()
    const parlante = await call(app, 'catalog.save', { product: { sku: 'PAR-20', name: 'Parlante Portátil 20W' } })
    const lampara = await call(app, 'catalog.save', { product: { name: 'Lámpara LED de escritorio' } })
    const mouse = await call(app, 'catalog.save', { product: { name: 'Mouse inalámbrico' } })
    const dir = tempDir()
    dirs.push(dir)
    const folder = join(app.dataDir, 'imports', 'fotos')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'par-20.JPG'), await phonePhoto())
    writeFileSync(join(folder, 'lampara_led_de_escritorio.jpeg'), await phonePhoto({ width: 800, height: 800 }))
    writeFileSync(join(folder, 'Mouse Inalámbrico.png'), new TextEncoder().encode('roto'))
    writeFileSync(join(folder, 'vacaciones.jpg'), await phonePhoto({ width: 50, height: 50 }))
    writeFileSync(join(folder, 'lista.txt'), 'no es foto')
    // A link out of the folder is not one of its photos.
    writeFileSync(join(dir.path, 'secreto.jpg'), await phonePhoto({ width: 64, height: 64 }))
    symlinkSync(join(dir.path, 'secreto.jpg'), join(folder, 'mouse inalambrico.jpg'))

    const report = (await call(app, 'catalog.importPhotos', { folder: 'fotos' }))!

    expect(report.matched.map((m) => [m.file, m.productId])).toEqual([
      ['lampara_led_de_escritorio.jpeg', lampara.id],
      ['par-20.JPG', parlante.id],
    ])
    expect(report.unmatched).toEqual(['vacaciones.jpg'])
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { file: 'Mouse Inalámbrico.png', message: expect.stringMatching(/dañado/) },
        { file: 'mouse inalambrico.jpg', message: 'Ese archivo está fuera de la carpeta.' },
      ]),
    )
    expect(report.failed).toHaveLength(2)
    const byId = new Map((await call(app, 'catalog.list', {})).items.map((p) => [p.id, p.photo]))
    expect(byId.get(parlante.id)).not.toBeNull()
    expect(byId.get(lampara.id)).not.toBeNull()
    expect(byId.get(mouse.id)).toBeNull()

    // Deleting a product deletes its photo files too.
    expect(mediaFiles(app, 'products')).toHaveLength(4)
    await call(app, 'catalog.delete', { id: parlante.id })
    await eventually(() => mediaFiles(app!, 'products').length === 2)

    // The API takes no paths: a path, a way up, a folder that is not there, a link out of imports/.
    symlinkSync(dir.path, join(app.dataDir, 'imports', 'afuera'))
    for (const folder of [dir.path, '../media', 'no-existe', 'afuera']) {
      const refused = await app.dispatch('catalog.importPhotos', { folder })
      expect(refused, folder).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/Copia ahí la carpeta de las fotos/) } })
    }
    // Without a folder, the desktop's dialog would ask; headless says what to do instead.
    const noPicker = await app.dispatch('catalog.importPhotos', {})
    expect(noPicker).toMatchObject({ ok: false, error: { code: 'precondition', message: expect.stringMatching(/aplicación de escritorio/) } })
  })
})

describe('photos dropped in the browser', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.dispose()
    app = undefined
  })

  it('matches each dropped file to a product by SKU or name, one call per file', async () => {
    app = await buildTestApp()
    const parlante = await call(app, 'catalog.save', { product: { sku: 'PAR-20', name: 'Parlante Portátil 20W' } })
    const matched = await call(app, 'catalog.importPhoto', { fileName: 'Parlante portatil 20w.webp', dataBase64: b64(await phonePhoto({ width: 900, height: 900 })), mimeType: 'image/webp' })
    expect(matched.product).toMatchObject({ id: parlante.id, photo: { mimeType: 'image/jpeg' } })
    const none = await call(app, 'catalog.importPhoto', { fileName: 'gato.jpg', dataBase64: b64(await phonePhoto({ width: 90, height: 90 })), mimeType: 'image/jpeg' })
    expect(none.product).toBeNull()
  })
})

describe('the «foto» column of an imported catalog', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.dispose()
    app = undefined
  })

  it('keeps each product’s photo file name, and a photo dropped later with that name becomes its photo', async () => {
    app = await buildTestApp()
    const csv = ['nombre;precio;código;foto', 'Parlante Portátil 20W;180.000;PAR-20;fotos\\parlante-negro.JPG', 'Lámpara LED;45.000;LAM-1;'].join('\n')
    const report = await call(app, 'catalog.import', { format: 'csv', content: csv, dryRun: false })
    expect(report).toMatchObject({ applied: true, created: 2, errors: [] })
    const items = (await call(app, 'catalog.list', {})).items
    const parlante = items.find((p) => p.sku === 'PAR-20')!
    expect(parlante.photoFile).toBe('fotos\\parlante-negro.JPG')
    expect(items.find((p) => p.sku === 'LAM-1')!.photoFile).toBeNull()

    // Editing the product in the form (which sends no file name) keeps it.
    await call(app, 'catalog.save', { id: parlante.id, product: { name: 'Parlante Portátil 20W', sku: 'PAR-20', price: 175000 } })
    expect((await call(app, 'catalog.list', {})).items.find((p) => p.id === parlante.id)!.photoFile).toBe('fotos\\parlante-negro.JPG')

    const dropped = await call(app, 'catalog.importPhoto', { fileName: 'parlante-negro.jpg', dataBase64: b64(await phonePhoto({ width: 600, height: 600 })), mimeType: 'image/jpeg' })
    expect(dropped.product).toMatchObject({ id: parlante.id, photo: { mimeType: 'image/jpeg' } })
  })
})

describe('the desktop’s folder dialog', () => {
  let app: TestApp | undefined
  const dirs: { remove: () => void }[] = []
  afterEach(async () => {
    await app?.dispose()
    app = undefined
    dirs.splice(0).forEach((d) => d.remove())
  })

  it('reads the folder the owner chose there (the page never names it), and nothing when the dialog is closed', async () => {
    const dir = tempDir()
    dirs.push(dir)
    writeFileSync(join(dir.path, 'PAR-20.jpg'), await phonePhoto({ width: 300, height: 300 }))
    // Electron's dialog.showOpenDialog, as the shell calls it: modal to the app window, a folder only.
    const window = {} as BrowserWindow
    const asked: { window: BrowserWindow | null; options: OpenDialogOptions }[] = []
    let answer: OpenDialogReturnValue = { canceled: false, filePaths: [dir.path] }
    const show: ShowOpenDialog = async (parent, options) => {
      asked.push({ window: parent, options })
      return answer
    }
    app = await buildTestApp({ pickPhotosFolder: createPhotosFolderPicker(() => window, show) })
    const parlante = await call(app, 'catalog.save', { product: { sku: 'PAR-20', name: 'Parlante Portátil 20W' } })
    const report = await call(app, 'catalog.importPhotos', {})
    expect(report?.matched).toEqual([{ file: 'PAR-20.jpg', productId: parlante.id, productName: 'Parlante Portátil 20W' }])
    expect(asked).toEqual([{ window, options: { title: 'Elige la carpeta con las fotos de los productos', properties: ['openDirectory'] } }])
    answer = { canceled: true, filePaths: [] }
    expect(await call(app, 'catalog.importPhotos', {})).toBeNull()
    // Closed on some desktops without "canceled" but with nothing chosen: nothing is read either.
    answer = { canceled: false, filePaths: [] }
    expect(await call(app, 'catalog.importPhotos', {})).toBeNull()
  })
})

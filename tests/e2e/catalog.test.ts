import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright'
import type { ProductDto } from '../../src/shared/catalog'
import { launchChromium, screenshotPath } from '../support/browser'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

/** A file as Excel in Spanish saves "CSV (delimitado por comas)": `;`, CRLF and a UTF-8 BOM. */
function excelCsv(lines: string[]): Buffer {
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}

const HEADER = 'nombre;precio;código;categoría;palabras clave;descripción;activo'
const PIANO = 'Curso de Piano Básico;89.000;CUR-PIANO;cursos;piano, teclado, música;12 clases en video y partituras en PDF;sí'
const CHARGER = 'Cargador Rápido USB-C 33W;45.000;GAD-CARG;gadgets;cargador, usb-c;Carga tu celular al 50% en 30 minutos;sí'
const MENTORING = 'Mentoría personalizada;;;cursos;mentoría, asesoría;Sesiones uno a uno; el precio depende del plan;sí'

const BAD_FILE = excelCsv([
  HEADER,
  PIANO,
  'Audífonos Bluetooth X2;abc;GAD-AUD;gadgets;audífonos, bluetooth;Cancelación de ruido;sí',
  ';39.000;GAD-MOUSE;gadgets;mouse;Clic silencioso;sí',
  CHARGER,
])
const GOOD_FILE = excelCsv([
  HEADER,
  PIANO,
  'Audífonos Bluetooth X2;85.000;GAD-AUD;gadgets;audífonos, bluetooth;Cancelación de ruido;sí',
  'Mouse Inalámbrico Silencioso;39.000;GAD-MOUSE;gadgets;mouse;Clic silencioso;sí',
  CHARGER,
  // A description with a `;` inside must be quoted, as Excel does.
  MENTORING.replace('Sesiones uno a uno; el precio depende del plan', '"Sesiones uno a uno; el precio depende del plan"'),
])

/** Cell text without the table's own padding. */
const squash = (text: string | null) => (text ?? '').trim()

describe('the Catálogo screen against `serve`', () => {
  let ollama: OllamaDouble
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  const dir = tempDir()

  const list = async (query?: string) => {
    const result = await post(serve.url, serve.token, 'catalog.list', query ? { query } : {})
    expect(result.status).toBe(200)
    return result.body as { items: ProductDto[]; total: number }
  }
  const totalInDb = async () => (await list()).total
  const rows = () => page.getByTestId('catalog-table').getByTestId('catalog-row')
  const row = (name: string) => rows().filter({ hasText: name })
  const form = () => page.getByTestId('product-form')
  const importPanel = () => page.getByTestId('import-panel')
  /** The report's counts, label → value. */
  const facts = async (report: ReturnType<Page['getByTestId']>) => {
    const pairs = await report.locator('dl.facts > div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')?.textContent ?? '', d.querySelector('dd')?.textContent ?? '']))
    return Object.fromEntries(pairs)
  }

  beforeAll(async () => {
    ollama = await startOllamaDouble()
    serve = await startServeProcess(dir.path, { OLLAMA_HOST: ollama.url })
    // An empty data folder opens on Primeros pasos (first-day.test.ts); these tests start at the sections.
    await post(serve.url, serve.token, 'setup.dismiss', { dismissed: true })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1360, height: 820 }, locale: 'es-CO' })
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await ollama?.close().catch(() => {})
    dir.remove()
  })

  it('starts empty and says the bot only quotes prices from the catalog', async () => {
    await page.goto(`${serve.url}/#token=${serve.token}`)
    await expect.poll(() => page.getByTestId('model-status').textContent()).toContain('Llama 3.1 8B')
    await page.getByRole('navigation').getByRole('button', { name: 'Catálogo' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Tu catálogo está vacío' }).isVisible()).toBe(true)
    const empty = page.getByTestId('catalog-empty')
    expect(await empty.textContent()).toContain('El bot solo da los precios que estén en tu catálogo')
    expect(await empty.getByRole('button', { name: 'Importar un archivo' }).isVisible()).toBe(true)
    expect(await empty.getByRole('button', { name: 'Agregar un producto' }).isVisible()).toBe(true)
    expect(await page.getByTestId('catalog-count').textContent()).toBe('0 productos')
    await page.screenshot({ path: screenshotPath('20-catalogo-vacio') })
  })

  it('checks a CSV with bad rows first: every error with its row, confirm disabled, nothing written', async () => {
    await page.getByTestId('catalog-empty').getByRole('button', { name: 'Importar un archivo' }).click()
    const panel = importPanel()
    expect(await panel.textContent()).toContain('palabras clave')
    await panel.getByLabel('Archivo (.csv o .json)').setInputFiles({ name: 'catalogo.csv', mimeType: 'text/csv', buffer: BAD_FILE })

    const report = page.getByTestId('import-report')
    await expect.poll(() => report.isVisible(), { timeout: 10_000 }).toBe(true)
    expect(await report.textContent()).toContain('catalogo.csv')
    expect(await panel.getByTestId('import-file-name').textContent()).toBe('catalogo.csv')
    expect(await report.textContent()).toContain('No se importará nada hasta que corrijas el archivo')
    expect(await facts(report)).toEqual({ Filas: '4', Nuevos: '2', 'Se actualizan': '0', Errores: '2' })
    const errorRows = report.getByTestId('import-errors').locator('tbody tr')
    expect(await errorRows.count()).toBe(2)
    const cells = async (index: number) => (await errorRows.nth(index).locator('td').allTextContents()).map((c) => c.trim())
    const [priceError, nameError] = [await cells(0), await cells(1)]
    // Rows as the spreadsheet numbers them: the titles are row 1, so the first bad product is row 3.
    expect(priceError.slice(0, 2)).toEqual(['3', 'precio'])
    expect(nameError.slice(0, 2)).toEqual(['4', 'nombre'])
    expect(priceError[2]).not.toBe('')
    expect(nameError[2]).not.toBe('')
    expect(await report.getByRole('button', { name: 'Importar', exact: true }).isDisabled()).toBe(true)
    await page.screenshot({ path: screenshotPath('21-catalogo-importacion-errores'), fullPage: true })

    expect(await totalInDb()).toBe(0)
  })

  it('imports the corrected file and lists the products with formatted prices', async () => {
    const panel = importPanel()
    await panel.getByLabel('Archivo (.csv o .json)').setInputFiles({ name: 'catalogo-corregido.csv', mimeType: 'text/csv', buffer: GOOD_FILE })
    const report = page.getByTestId('import-report')
    await expect.poll(() => report.textContent(), { timeout: 10_000 }).toContain('catalogo-corregido.csv')
    expect(await report.textContent()).toContain('el archivo no tiene errores')
    expect(await facts(report)).toEqual({ Filas: '5', Nuevos: '5', 'Se actualizan': '0', Errores: '0' })
    expect(await report.getByTestId('import-errors').count()).toBe(0)
    expect(await totalInDb()).toBe(0)
    await page.screenshot({ path: screenshotPath('22-catalogo-importacion-lista') })

    const confirm = report.getByRole('button', { name: 'Importar', exact: true })
    expect(await confirm.isEnabled()).toBe(true)
    await confirm.click()
    await expect.poll(() => page.getByTestId('import-done').textContent(), { timeout: 15_000 }).toContain('Nuevos: 5 · Actualizados: 0')
    // Said once, where the owner clicked: not again at the top of the screen.
    expect(await page.getByText('Importación lista').count()).toBe(1)
    expect(await page.getByTestId('catalog-notice').count()).toBe(0)

    await expect.poll(() => rows().count()).toBe(5)
    expect(await page.getByTestId('catalog-count').textContent()).toBe('5 productos')
    expect(squash(await row('Curso de Piano Básico').getByTestId('catalog-price').textContent())).toBe('$89.000')
    expect(squash(await row('Cargador Rápido').getByTestId('catalog-price').textContent())).toBe('$45.000')
    expect(await row('Mentoría personalizada').getByTestId('catalog-price').textContent()).toBe('Precio a convenir')
    expect(await row('Mentoría personalizada').textContent()).toContain('Sesiones uno a uno; el precio depende del plan')
    const pianoChips = await row('Curso de Piano Básico').locator('.chip').allTextContents()
    expect(pianoChips).toEqual(['piano', 'teclado', 'música'])
    expect(await row('Curso de Piano Básico').textContent()).toContain('CUR-PIANO')
    expect(await row('Curso de Piano Básico').textContent()).toContain('Activo')

    expect(await totalInDb()).toBe(5)
    await page.getByRole('button', { name: 'Cerrar importación' }).click()
    await page.screenshot({ path: screenshotPath('23-catalogo-lista') })
  })

  it('narrows the list with the search box', async () => {
    const search = page.getByLabel('Buscar en el catálogo')
    await search.fill('piano')
    await expect.poll(() => rows().count()).toBe(1)
    expect(await rows().first().textContent()).toContain('Curso de Piano Básico')
    expect(await page.getByTestId('catalog-count').textContent()).toBe('1 resultado')

    await search.fill('gadgets')
    await expect.poll(() => rows().count()).toBe(3)

    await search.fill('zzz-nada')
    await expect.poll(() => page.getByRole('heading', { name: 'Ningún producto coincide con «zzz-nada»' }).isVisible()).toBe(true)

    await search.fill('')
    await expect.poll(() => rows().count()).toBe(5)
  })

  it("edits a product's price through the form", async () => {
    await page.getByRole('button', { name: 'Editar Curso de Piano Básico' }).click()
    expect(await form().getByRole('heading', { name: 'Editar producto' }).isVisible()).toBe(true)
    const price = form().getByLabel('Precio')
    expect(await price.inputValue()).toBe('89.000')
    expect(await form().getByLabel('Nombre').inputValue()).toBe('Curso de Piano Básico')
    expect(await form().getByLabel('Palabras clave').inputValue()).toBe('piano, teclado, música')

    await price.fill('abc')
    await form().getByRole('button', { name: 'Guardar' }).click()
    expect(await form().getByTestId('field-error-price').textContent()).toContain('Escribe solo el número')
    expect(await price.getAttribute('aria-invalid')).toBe('true')

    await price.fill('95.000')
    await page.screenshot({ path: screenshotPath('24-catalogo-editar') })
    await form().getByRole('button', { name: 'Guardar' }).click()
    await expect.poll(() => form().count()).toBe(0)
    await expect.poll(async () => squash(await row('Curso de Piano Básico').getByTestId('catalog-price').textContent())).toBe('$95.000')
    expect(await page.getByTestId('catalog-notice').textContent()).toContain('Curso de Piano Básico')

    const saved = (await list('CUR-PIANO')).items[0]
    expect(saved?.price).toBe(95_000)
  })

  it('shows the server error next to the SKU field when the code is already used', async () => {
    await page.getByRole('button', { name: 'Nuevo producto' }).click()
    expect(await form().getByRole('heading', { name: 'Nuevo producto' }).isVisible()).toBe(true)
    expect(await form().getByLabel('Moneda').inputValue()).toBe('COP')

    await form().getByRole('button', { name: 'Guardar' }).click()
    expect(await form().getByTestId('field-error-name').textContent()).toContain('Escribe el nombre')

    await form().getByLabel('Nombre').fill('Curso de Piano Intermedio')
    await form().getByLabel('Código (SKU)').fill('CUR-PIANO')
    await form().getByLabel('Precio').fill('99000')
    await form().getByLabel('Categoría').fill('cursos')
    await form().getByRole('button', { name: 'Guardar' }).click()

    const skuError = form().getByTestId('field-error-sku')
    await expect.poll(() => skuError.textContent()).toContain('Ese código ya lo tiene otro producto')
    expect(await form().getByLabel('Código (SKU)').getAttribute('aria-invalid')).toBe('true')
    // The error sits right under the SKU input, inside the same field block.
    expect(await skuError.evaluate((el) => el.parentElement?.querySelector('input')?.value)).toBe('CUR-PIANO')
    expect(await form().getByTestId('product-form-notice').textContent()).toContain('CUR-PIANO')
    await page.screenshot({ path: screenshotPath('25-catalogo-sku-repetido') })

    await form().getByRole('button', { name: 'Cancelar' }).click()
    await expect.poll(() => form().count()).toBe(0)
    expect(await totalInDb()).toBe(5)
  })

  it('deletes a product after a confirmation', async () => {
    await page.getByRole('button', { name: 'Editar Mouse Inalámbrico Silencioso' }).click()
    await form().getByRole('button', { name: 'Eliminar' }).click()
    expect(await form().getByRole('alertdialog').textContent()).toContain('¿Eliminar «Mouse Inalámbrico Silencioso» del catálogo?')
    await page.screenshot({ path: screenshotPath('26-catalogo-eliminar') })
    expect(await totalInDb()).toBe(5)

    await form().getByRole('button', { name: 'Sí, eliminar' }).click()
    await expect.poll(() => form().count()).toBe(0)
    await expect.poll(() => rows().count()).toBe(4)
    expect(await row('Mouse Inalámbrico').count()).toBe(0)
    expect(await page.getByTestId('catalog-count').textContent()).toBe('4 productos')
    expect(await totalInDb()).toBe(4)
  })

  it('checks pasted JSON as a dry run: a known SKU counts as an update, nothing is written', async () => {
    await page.getByRole('button', { name: 'Importar', exact: true }).click()
    const panel = importPanel()
    const json = JSON.stringify([
      { nombre: 'Curso de Piano Básico', precio: 99_000, sku: 'CUR-PIANO' },
      { nombre: 'Curso de Canto', precio: '120.000', categoría: 'cursos' },
    ])
    await panel.getByLabel('O pega el contenido aquí').fill(json)
    await panel.getByRole('button', { name: 'Revisar lo pegado' }).click()
    const report = page.getByTestId('import-report')
    await expect.poll(() => report.textContent(), { timeout: 10_000 }).toContain('Revisión del contenido pegado')
    expect(await facts(report)).toEqual({ Filas: '2', Nuevos: '1', 'Se actualizan': '1', Errores: '0' })
    expect(await totalInDb()).toBe(4)
    expect((await list('CUR-PIANO')).items[0]?.price).toBe(95_000)
    await panel.getByRole('button', { name: 'Cancelar' }).click()
    await expect.poll(() => importPanel().count()).toBe(0)
  })

  it('reloads when the catalog changes elsewhere', async () => {
    const created = await post(serve.url, serve.token, 'catalog.save', {
      product: { name: 'Parlante Portátil 20W', price: 99_000, sku: 'GAD-PARL', keywords: ['parlante'] },
    })
    expect(created.status).toBe(200)
    await expect.poll(() => rows().count()).toBe(5)
    expect(squash(await row('Parlante Portátil 20W').getByTestId('catalog-price').textContent())).toBe('$99.000')
  })

  it('pages through a long catalog, 50 at a time', async () => {
    const lines = ['nombre;precio;sku;activo']
    for (let i = 1; i <= 56; i++) lines.push(`Accesorio ${String(i).padStart(2, '0')};${(10 + i) * 1000};ACC-${i};${i === 1 ? 'no' : 'sí'}`)
    const imported = await post(serve.url, serve.token, 'catalog.import', { format: 'csv', content: lines.join('\n'), dryRun: false })
    expect(imported.body).toMatchObject({ applied: true, created: 56 })

    await expect.poll(() => rows().count()).toBe(50)
    expect(await page.getByTestId('catalog-count').textContent()).toBe('61 productos')
    const pager = page.getByRole('navigation', { name: '1–50 de 61' })
    expect(await pager.getByRole('button', { name: 'Anteriores' }).isDisabled()).toBe(true)
    expect(await row('Accesorio 01').textContent()).toContain('Inactivo')
    await page.screenshot({ path: screenshotPath('27-catalogo-paginas') })

    await pager.getByRole('button', { name: 'Siguientes' }).click()
    await expect.poll(() => rows().count()).toBe(11)
    const second = page.getByRole('navigation', { name: '51–61 de 61' })
    expect(await second.getByRole('button', { name: 'Siguientes' }).isDisabled()).toBe(true)
    await second.getByRole('button', { name: 'Anteriores' }).click()
    await expect.poll(() => rows().count()).toBe(50)
  })
})

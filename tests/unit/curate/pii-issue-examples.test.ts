// Every example issue 12 names, one by one: what came back unchanged, what leaked in part, and
// what must stay untouched. Plus the rules around them (normalisation, names, counts).
import { describe, expect, it } from 'vitest'
import { emptyScrubCounts, knownNames, scrubInto, scrubPersonalData } from '../../../src/main/curate/pii-scrubber'

const scrub = (text: string, names?: string[]) => scrubPersonalData(text, { names: names ? knownNames(names) : null })

describe('issue 12: what came back unchanged now goes', () => {
  it.each([
    // phones, per country
    ['Mexico', 'mi cel 55 1234 5678', 'mi cel [TELEFONO]'],
    ['Mexico', '5512345678', '[TELEFONO]'],
    ['Mexico', 'llámame al 52 55 1234 5678', 'llámame al [TELEFONO]'],
    ['Spain', '612345678', '[TELEFONO]'],
    ['Spain', 'móvil 0034 612 345 678', 'móvil [TELEFONO]'],
    ['Argentina', '11 1234-5678', '[TELEFONO]'],
    ['Argentina', 'cel 011 15-1234-5678', 'cel [TELEFONO]'],
    ['Chile', 'mi número 9 8765 4321', 'mi número [TELEFONO]'],
    ['Peru', 'escríbeme al 987 654 321', 'escríbeme al [TELEFONO]'],
    ['Venezuela', '0412-1234567', '[TELEFONO]'],
    ['Ecuador', '099 123 4567', '[TELEFONO]'],
    ['Bolivia', 'whatsapp 7123 4567', 'whatsapp [TELEFONO]'],
    ['Paraguay', '0981 123 456', '[TELEFONO]'],
    ['Uruguay', '099 123 456', '[TELEFONO]'],
    ['Guatemala', '+502 5123-4567', '[TELEFONO]'],
    ['Honduras', '9876-5432', '[TELEFONO]'],
    ['El Salvador', '7123-4567', '[TELEFONO]'],
    ['Nicaragua', '8765 4321', '[TELEFONO]'],
    ['Costa Rica', '8888-7777', '[TELEFONO]'],
    ['Panama', '6123-4567', '[TELEFONO]'],
    ['Cuba', '5 123 4567', '[TELEFONO]'],
    ['Dominican Republic', '809-555-1234', '[TELEFONO]'],
    ['Puerto Rico', '(787) 555-1234', '[TELEFONO]'],
    ['US', '+1 (305) 555-0188', '[TELEFONO]'],
    ['intro', 'mi número es 612345678', 'mi número es [TELEFONO]'],
    ['intro', 'contacto 2345678', 'contacto [TELEFONO]'],
    // e-mails
    ['email', 'juan @ gmail.com', '[EMAIL]'],
    ['email', 'juan(arroba)gmail.com', '[EMAIL]'],
    ['email', 'juan [at] gmail [dot] com', '[EMAIL]'],
    ['email', 'juan＠gmail.com', '[EMAIL]'],
    ['email', 'juan punto perez arroba gmail punto com', '[EMAIL]'],
    // ids
    ['DNI', 'DNI 12345678Z', 'DNI [DOCUMENTO]'],
    ['DNI alone', '12345678Z', '[DOCUMENTO]'],
    ['NIE', 'X1234567L', '[DOCUMENTO]'],
    ['CURP', 'GOMJ850101HDFRRN09', '[DOCUMENTO]'],
    ['RFC', 'RFC GOMJ850101AB3', 'RFC [DOCUMENTO]'],
    ['INE', 'clave de elector GOMRJN85010109H400', 'clave de elector [DOCUMENTO]'],
    ['RUT', 'rut 12.345.678-K', 'rut [DOCUMENTO]'],
    ['RUT with check', '12.345.678-5', '[DOCUMENTO]'],
    ['Venezuela', 'V-12.345.678', '[DOCUMENTO]'],
    ['CUIT', '20-12345678-6', '[DOCUMENTO]'],
    // cards and addresses
    ['card', '4111.1111.1111.1111', '[TARJETA]'],
    ['address', 'Calle 45 # 12-34 apto 501', '[DIRECCION]'],
    ['address', 'Cra 7 No. 12-30', '[DIRECCION]'],
    ['address', 'Av. Insurgentes Sur 1234, col. Roma', '[DIRECCION]'],
    ['address', 'calle Mayor 5, 3º B', '[DIRECCION]'],
    ['address', 'Jr. Junín 456', '[DIRECCION]'],
    ['address', 'Av. Corrientes 1234 piso 5 depto B', '[DIRECCION]'],
    // hidden digits
    ['zero-width', 'mi cel 3\u200b0\u200b0\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7', 'mi cel [TELEFONO]'],
    ['fullwidth', '３００ １２３ ４５６７', '[TELEFONO]'],
  ])('%s: %s', (_market, input, expected) => {
    expect(scrub(input).text).toBe(expected)
  })
})

describe('issue 12: partial leaks are whole now', () => {
  it('takes the whole spoken e-mail, not just its end', () => {
    expect(scrub('escríbeme a juan punto perez arroba gmail punto com').text).toBe('escríbeme a [EMAIL]')
  })

  it('takes the RUT with its check character', () => {
    expect(scrub('rut 12.345.678-K').text).toBe('rut [DOCUMENTO]')
  })
})

describe('issue 12: what must stay untouched', () => {
  it.each([
    '$89.000', '$1.200.000', '89.900 COP', '€12,50', 'US$ 25', 'son 3 unidades', 'talla 38', '42 EU', '12/05/2024', '2024-05-12',
    'a las 15:30', 'en 2024', 'pedido #45821', 'guía 7700123456789', 'SKU AB-1234', '25% de descuento', 'iPhone 13', 'X2',
    'número de orden 10045872', 'seguimiento 1234567890', 'precio 1 250 000', 'tallas 36 37 38 39 40', '2023 2024',
    'soy de Bogotá', 'soy nuevo', 'soy cliente', 'Soy Cliente frecuente', 'Soy Colombiana', 'la calle está cerrada', 'Smart TV Samsung 55 pulgadas',
    'me llamo la atención el color', 'Envío vía Servientrega 3 días', 'color rosa',
  ])('%s', (text) => {
    const result = scrub(text, ['Rosa Pérez'])
    expect(result.text).toBe(text)
    expect(result.counts).toEqual(emptyScrubCounts())
  })
})

describe('names', () => {
  it.each([
    ['me llamo Ana', 'me llamo [NOMBRE]'],
    ['soy Ana Pérez, quiero el curso', 'soy [NOMBRE], quiero el curso'],
    ['mi nombre es juan carlos gomez', 'mi nombre es [NOMBRE]'],
    ['Soy Ana Pérez de Medellín', 'Soy [NOMBRE] de Medellín'],
    ['hola soy ana', 'hola soy [NOMBRE]'],
  ])('%s', (input, expected) => {
    expect(scrub(input).text).toBe(expected)
  })

  it("replaces the contact's own name wherever it appears, as one placeholder", () => {
    expect(scrub('Hola Ana Pérez, tu pedido #45821 sale hoy. Gracias ana!', ['Ana Pérez']).text).toBe('Hola [NOMBRE], tu pedido #45821 sale hoy. Gracias [NOMBRE]!')
    expect(scrub('Perfecto Andres, quedó por $89.000', ['Andrés 🌸']).text).toBe('Perfecto [NOMBRE], quedó por $89.000')
  })

  it('ignores display names that are phones, titles or common words', () => {
    expect(knownNames(['+57 300 123 4567', 'Sra.', null, undefined, 'Cliente'])).toBeNull()
  })
})

describe('the rules around it', () => {
  it('keeps the original text around what it replaces: accents, emojis, fullwidth words', () => {
    expect(scrub('¡Hola! 😊 mi número es ６１２３４５６７８, ¿me escribís? ½ kilo').text).toBe('¡Hola! 😊 mi número es [TELEFONO], ¿me escribís? ½ kilo')
  })

  it('counts each kind, and a second pass changes nothing', () => {
    const totals = emptyScrubCounts()
    const once = scrubInto('Soy Ana, vivo en Calle 45 # 12-34, cel 3001234567, DNI 12345678Z, ana＠gmail.com, 4111 1111 1111 1111', totals)
    expect(once).toBe('Soy [NOMBRE], vivo en [DIRECCION], cel [TELEFONO], DNI [DOCUMENTO], [EMAIL], [TARJETA]')
    expect(totals).toEqual({ phone: 1, email: 1, nationalId: 1, card: 1, address: 1, name: 1 })
    expect(scrubInto(once, totals)).toBe(once)
    expect(totals).toEqual({ phone: 1, email: 1, nationalId: 1, card: 1, address: 1, name: 1 })
  })
})

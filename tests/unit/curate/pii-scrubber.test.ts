import { describe, expect, it } from 'vitest'
import { luhnValid, scrubPersonalData, scrubInto, emptyScrubCounts } from '../../../src/main/curate/pii-scrubber'

describe('scrubPersonalData: what must go', () => {
  it.each([
    // Colombian mobiles in every shape people type them
    ['mi número es 300 123 4567', 'mi número es [TELEFONO]'],
    ['escríbeme al 3001234567 porfa', 'escríbeme al [TELEFONO] porfa'],
    ['cel: 300-123-4567', 'cel: [TELEFONO]'],
    ['300.123.4567', '[TELEFONO]'],
    ['llámame al 300 123 45 67 después', 'llámame al [TELEFONO] después'],
    ['+57 300 123 4567', '[TELEFONO]'],
    ['+573001234567', '[TELEFONO]'],
    ['573001234567', '[TELEFONO]'],
    ['57 300 123 4567', '[TELEFONO]'],
    ['(+57) 300 1234567', '[TELEFONO]'],
    ['0057 300 123 4567', '[TELEFONO]'],
    ['(300) 123 4567', '[TELEFONO]'],
    ['mi cel es 3001234567.', 'mi cel es [TELEFONO].'],
    // landlines (60x since 2021) and older ones when introduced
    ['llama al 601 234 5678', 'llama al [TELEFONO]'],
    ['(601) 2345678', '[TELEFONO]'],
    ['+57 604 444 5566', '[TELEFONO]'],
    ['fijo 2345678', 'fijo [TELEFONO]'],
    ['teléfono: 234 56 78', 'teléfono: [TELEFONO]'],
    // international E.164
    ['+52 1 55 1234 5678', '[TELEFONO]'],
    ['+1 (555) 123-4567', '[TELEFONO]'],
    ['+34 612 34 56 78', '[TELEFONO]'],
    ['mi tía en Madrid: +34612345678', 'mi tía en Madrid: [TELEFONO]'],
    // WhatsApp ids and links
    ['573001234567@s.whatsapp.net', '[TELEFONO]'],
    ['de 573001234567:12@s.whatsapp.net', 'de [TELEFONO]'],
    ['https://wa.me/573001234567', 'https://wa.me/[TELEFONO]'],
    // e-mails
    ['juan.perez@gmail.com', '[EMAIL]'],
    ['correo: Maria_Lopez+tienda@hotmail.com.co', 'correo: [EMAIL]'],
    ['escríbeme a ana@tienda-uno.co ya', 'escríbeme a [EMAIL] ya'],
    ['juan arroba gmail punto com', '[EMAIL]'],
    // national ids, introduced by a word; the word stays
    ['cc 1020345678', 'cc [DOCUMENTO]'],
    ['C.C. 1.020.345.678', 'C.C. [DOCUMENTO]'],
    ['c.c: 52123456', 'c.c: [DOCUMENTO]'],
    ['mi cédula es 1020345678', 'mi cédula es [DOCUMENTO]'],
    ['Cédula de ciudadanía No. 52.123.456', 'Cédula de ciudadanía No. [DOCUMENTO]'],
    ['cedula 79 123 456', 'cedula [DOCUMENTO]'],
    ['documento 79123456', 'documento [DOCUMENTO]'],
    ['documento de identidad número 1.098.765.432', 'documento de identidad número [DOCUMENTO]'],
    ['NIT 900.123.456-7', 'NIT [DOCUMENTO]'],
    ['nit: 900123456-7', 'nit: [DOCUMENTO]'],
    ['T.I. 1.023.456.789', 'T.I. [DOCUMENTO]'],
    ['pasaporte 123456789', 'pasaporte [DOCUMENTO]'],
    // cards: 13–19 digits passing Luhn, with or without separators
    ['tarjeta 4111 1111 1111 1111', 'tarjeta [TARJETA]'],
    ['4111-1111-1111-1111', '[TARJETA]'],
    ['5500 0055 5555 5559 vence 12/27', '[TARJETA] vence 12/27'],
    ['amex 3782 822463 10005', 'amex [TARJETA]'],
    ['4111111111111111 y 2 cuotas', '[TARJETA] y 2 cuotas'],
    ['4111 1111 1111 1111 2 cuotas', '[TARJETA] 2 cuotas'],
  ])('%s', (input, expected) => {
    expect(scrubPersonalData(input).text).toBe(expected)
  })

  it('counts each kind', () => {
    const { text, counts } = scrubPersonalData(
      'Soy Ana, cc 1020345678, cel 3001234567 o +57 311 222 3344, correo ana@gmail.com, tarjeta 4111 1111 1111 1111',
    )
    expect(text).toBe('Soy [NOMBRE], cc [DOCUMENTO], cel [TELEFONO] o [TELEFONO], correo [EMAIL], tarjeta [TARJETA]')
    expect(counts).toEqual({ phone: 2, email: 1, nationalId: 1, card: 1, address: 0, name: 1 })
  })

  it('adds into running totals and is stable when run twice', () => {
    const totals = emptyScrubCounts()
    const once = scrubInto('mi número es 300 123 4567 y mi correo luis@gmail.com', totals)
    const twice = scrubInto(once, totals)
    expect(twice).toBe(once)
    expect(totals).toEqual({ ...emptyScrubCounts(), phone: 1, email: 1 })
  })
})

describe('scrubPersonalData: what must stay', () => {
  it.each([
    // prices in COP, every way they are written
    'El curso cuesta $89.000',
    'Vale $1.200.000',
    'son 1200000 pesos',
    '1 200 000 pesos',
    '$3.200.000',
    'precio: 3.000.000',
    'precio 320.000 1.200.000',
    'Curso de Piano Básico $89.000 + $12.000 envío = $101.000',
    'te quedan 3 cuotas de $300.000',
    'Su precio es $149.000 e incluye garantía',
    'para ti 1.200.000',
    'son $12.500.000 en total por 150 unidades',
    'El total es COP 1.350.000',
    '+20.000 de envío',
    '+1.200.000',
    '+$15.000 si es contraentrega',
    'cuesta 300.000, o 3 cuotas de 100.000',
    // quantities, years, dates, times, models
    '2 cursos por favor',
    'en 2024 compré 3',
    'quiero 15 unidades',
    'pedí 3 y pagué 300.000',
    'envío $12.000, llega en 2 a 4 días',
    '12/03/2024 a las 3:30',
    'del 2023-11-05 al 2024-01-10',
    'Parlante Portátil 20W',
    'Cargador Rápido USB-C 33W',
    'Power Bank 20.000 mAh',
    'moto 150cc 2023',
    // words that introduce ids, without an id
    'cédula y RUT los pedimos al facturar',
    'el documento tiene 12 páginas',
    'mi celular se daño, 2 días sin él',
    // long numbers that are not cards (Luhn fails) or not phones
    'referencia 4111 1111 1111 1112',
    'pedido 12345',
    'guía 700012345',
  ])('%s', (input) => {
    const result = scrubPersonalData(input)
    expect(result.text).toBe(input)
    expect(result.counts).toEqual(emptyScrubCounts())
  })
})

describe('luhnValid', () => {
  it('accepts valid card numbers and rejects altered ones', () => {
    expect(luhnValid('4111111111111111')).toBe(true)
    expect(luhnValid('378282246310005')).toBe(true)
    expect(luhnValid('4111111111111112')).toBe(false)
    expect(luhnValid('41111a1111111111')).toBe(false)
  })
})

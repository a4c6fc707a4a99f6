import { describe, expect, it } from 'vitest'
import { findMoneyAmounts } from '../../../src/main/guardrails/chat-amounts'
import { formatCop } from '../../../src/shared/money'

const values = (text: string) => findMoneyAmounts(text).map((a) => a.value)
const raws = (text: string) => findMoneyAmounts(text).map((a) => a.raw)

describe('findMoneyAmounts: amounts a bot states', () => {
  it.each([
    ['El Curso de Piano Básico cuesta $89.000', 89000, '$89.000'],
    ['Te llega en 89.000 pesos', 89000, '89.000 pesos'],
    ['Valor: COP 89.000', 89000, 'COP 89.000'],
    ['Son $ 1.200.000 en total', 1200000, '$ 1.200.000'],
    ['Son 89 mil pesos', 89000, '89 mil pesos'],
    ['Te queda en 89 mil', 89000, '89 mil'],
    ['Los audífonos a $89k', 89000, '$89k'],
    ['Precio final 89.000 COP', 89000, '89.000 COP'],
    ['El diplomado vale 1,2 millones', 1200000, '1,2 millones'],
    ['En dólares son USD 25', 25, 'USD 25'],
    ['Internacional: $25.99', 25.99, '$25.99'],
    ['Internacional: US$25,99', 25.99, 'US$25,99'],
    ['cuesta 89.000', 89000, '89.000'],
    ['El total es 178.000', 178000, '178.000'],
    ['Vale 85000', 85000, '85000'],
    ['Te lo dejo a 85000', 85000, '85000'],
    ['El precio: 25', 25, '25'],
    ['$ 1 200 000', 1200000, '$ 1 200 000'],
    ['1 millón 200 mil pesos', 1200000, '1 millón 200 mil pesos'],
    ['Te sale en 89 mil 500', 89500, '89 mil 500'],
    ['Son ochenta y cinco mil pesos', 85000, 'ochenta y cinco mil pesos'],
    ['Cuesta un millón', 1000000, 'un millón'],
    ['medio millón de pesos', 500000, 'medio millón de pesos'],
    ['cuesta veinticinco dólares', 25, 'veinticinco dólares'],
    ['$89.000 COP', 89000, '$89.000 COP'],
    ['COP$89.000', 89000, 'COP$89.000'],
    ['89.000COP', 89000, '89.000COP'],
    ['Precio:89.000', 89000, '89.000'],
    ['$89.000c/u', 89000, '$89.000'],
    ['Aprox. $90 mil', 90000, '$90 mil'],
    ['El envío a Medellín vale 12 mil', 12000, '12 mil'],
    ['precio especial de 79.900 solo hoy', 79900, '79.900'],
  ])('%j → %d', (text, value, raw) => {
    const found = findMoneyAmounts(text)
    expect(found.map((a) => [a.value, a.raw])).toEqual([[value, raw]])
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(raw)
  })

  it('finds every amount of a realistic answer, in order', () => {
    const reply =
      '¡Hola! 🎹 El *Curso de Piano Básico* cuesta $89.000 y los Audífonos Bluetooth X2 $85.000. ' +
      'El Cargador Rápido USB-C 33W vale 45.000 y el envío cuesta $12.000 (llega en 2 a 4 días hábiles).'
    expect(values(reply)).toEqual([89000, 85000, 45000, 12000])
  })

  it('reads a price list, ranges and totals', () => {
    expect(values('- Curso de Piano Básico: 89.000\n- Audífonos: 85.000')).toEqual([89000, 85000])
    expect(values('cuestan $89.000, $45.000 y $12.000.')).toEqual([89000, 45000, 12000])
    expect(values('Entre $80.000-90.000 según el modelo')).toEqual([80000, 90000])
    expect(values('2 x $89.000 = $178.000')).toEqual([89000, 178000])
    expect(values('89.000 y el envío 12.000')).toEqual([89000, 12000])
    expect(values('En 3 cuotas de $29.667')).toEqual([29667])
    expect(values('¡Tenemos 3 cursos desde $89.000!')).toEqual([89000])
  })

  it('reads what customers write', () => {
    expect(values('tengo 70 mil')).toEqual([70000])
    expect(values('mi presupuesto es 80000')).toEqual([80000])
    expect(values('me lo dejas en 70?')).toEqual([])
  })

  it.each([
    'Son 2 cursos y 3 cuotas',
    'Tienes 3 cuotas sin interés',
    'Abrimos a las 8:00',
    'horario 8:00 a 17:00',
    'de lunes a sábado de 9 a 6',
    'Llega en 2 a 4 días hábiles',
    'El envío tarda 2-4 días',
    'Llámanos al 300 123 4567',
    'WhatsApp +57 300 1234567',
    'Escríbenos a 3001234567',
    'Tel: 601 234 5678',
    'Abrimos inscripciones en 2026',
    'Los cursos de 2026',
    'Tienes un 10% de descuento',
    'Descuento del 15 %',
    'Nos vemos el 15/03/2026',
    'Empieza el 15.03.2026',
    'Empieza el 15 de marzo de 2026',
    'Cargador Rápido USB-C 33W',
    'Cargador de 33 W',
    'Funciona con Samsung S8 y los Audífonos X2',
    'El 1.º de mayo cerramos',
    'Es el 1º de la lista',
    'Garantía de 12 meses',
    'Más de 1.200 estudiantes ya lo tomaron',
    'Más de 5 mil estudiantes',
    '2 millones de personas lo usan',
    'Tu cédula 1.020.345.678 quedó registrada',
    'NIT 900.123.456-7',
    'Pedido #12.345 confirmado',
    'Pedido número 12.345',
    'Televisor 4K',
    'Batería de 5000 mAh',
    'Atendemos 24/7',
    'Promo 2x1 en cursos',
    'Mil gracias por escribirnos',
    'Un curso de piano y una guía',
    'Versión 2.5 del curso',
  ])('%j states no amount', (text) => {
    expect(raws(text)).toEqual([])
  })

  it('reads amounts next to the things it must ignore', () => {
    expect(values('Llega en 2 a 4 días hábiles y el envío cuesta $12.000')).toEqual([12000])
    expect(values('Cargador Rápido USB-C 33W por $45.000')).toEqual([45000])
    expect(values('Audífonos Bluetooth X2 a $85.000, garantía de 12 meses')).toEqual([85000])
    expect(values('El curso dura 3 meses y cuesta 89.000 c/u')).toEqual([89000])
    expect(values('10% de descuento: te queda en $80.100')).toEqual([80100])
  })

  it('reads a "k" amount only with a currency mark or a price word', () => {
    expect(values('cuesta 89k')).toEqual([89000])
    expect(values('Corre la 5k del domingo')).toEqual([])
  })

  it('reads back every price formatCop writes', () => {
    for (const [value, currency] of [[89000, 'COP'], [1200000, 'COP'], [1200, 'COP'], [25.99, 'USD'], [25.99, 'EUR'], [1200.5, 'MXN']] as const) {
      expect(values(`Precio: ${formatCop(value, currency)}.`), `${value} ${currency}`).toEqual([value])
    }
  })

  it('is safe on any string', () => {
    expect(findMoneyAmounts('')).toEqual([])
    expect(findMoneyAmounts('$')).toEqual([])
    expect(findMoneyAmounts('$$$ ... ,,, 1.')).toEqual([])
    expect(() => findMoneyAmounts('9'.repeat(10_000))).not.toThrow()
  })
})

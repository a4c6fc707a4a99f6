import { describe, expect, it } from 'vitest'
import { asksForPhoto, photoProducts } from '../../../src/main/pipeline/photo-request'
import { parseDescription } from '../../../src/main/media/vision'
import { product } from '../../fixtures/catalog'

describe('a customer asking for a photo', () => {
  it('is told apart from a customer sending one, or asking something else', () => {
    for (const asks of ['¿tienes foto?', 'mándame foto de la negra', 'Hola, ¿me muestras imágenes del parlante?', 'una fotico porfa', 'me pasas fotos del mouse?']) {
      expect(asksForPhoto(asks), asks).toBe(true)
    }
    for (const other of ['te mando una foto', 'le envío la foto del comprobante', '¿cuánto cuesta el parlante?', 'hola', '¿hacen envíos a Cali?']) {
      expect(asksForPhoto(other), other).toBe(false)
    }
  })

  it('is about the product in focus and any other one named, the focus first, at most three', () => {
    const parlante = product({ name: 'Parlante Portátil 20W' })
    const lampara = product({ name: 'Lámpara LED de escritorio' })
    const mouse = product({ name: 'Mouse inalámbrico' })
    const teclado = product({ name: 'Teclado mecánico' })
    const all = [parlante, lampara, mouse, teclado]
    expect(photoProducts('mándame foto de la negra', parlante, all).map((p) => p.name)).toEqual(['Parlante Portátil 20W'])
    expect(photoProducts('fotos de la lámpara y del mouse', parlante, all).map((p) => p.name)).toEqual(['Parlante Portátil 20W', 'Lámpara LED de escritorio', 'Mouse inalámbrico'])
    expect(photoProducts('fotos de las lamparas, mouses y teclados', null, all)).toHaveLength(3)
    expect(photoProducts('¿tienes foto?', null, all)).toEqual([])
    // A one-product shop: it can only be that one.
    expect(photoProducts('¿tienes foto?', null, [mouse])).toEqual([mouse])
  })
})

describe('what a vision model answers about a photo', () => {
  const catalog = ['Parlante Portátil 20W', 'Lámpara LED de escritorio']

  it('reads its JSON, and keeps only a product name from the catalog', () => {
    expect(parseDescription('{"descripcion": "Un parlante negro", "producto": "parlante portátil 20w", "comprobante": false}', catalog)).toEqual({
      description: 'Un parlante negro',
      productName: 'Parlante Portátil 20W',
      receipt: false,
    })
    expect(parseDescription('{"descripcion": "Unos audífonos", "producto": "Audífonos X", "comprobante": false}', catalog).productName).toBeNull()
    expect(parseDescription('Claro: {"descripcion": "Comprobante Nequi", "producto": null, "comprobante": true} espero ayude', catalog)).toMatchObject({ receipt: true, productName: null })
  })

  it('still describes when the model wrote prose, and spots a receipt by its words', () => {
    expect(parseDescription('Es una captura de una transferencia bancaria por $50.000', catalog)).toEqual({
      description: 'Es una captura de una transferencia bancaria por $50.000',
      productName: null,
      receipt: true,
    })
    expect(parseDescription('Una lámpara blanca', catalog)).toMatchObject({ receipt: false, productName: null })
  })
})

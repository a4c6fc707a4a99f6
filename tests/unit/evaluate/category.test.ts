import { describe, expect, it } from 'vitest'
import { CATEGORIES as SHARED_CATEGORIES } from '../../../src/shared/types'
import { CATEGORIES, detectCategory } from '../../../src/main/evaluate/category'

describe('detectCategory', () => {
  it('uses the categories shared with the rest of the app', () => {
    expect(CATEGORIES).toBe(SHARED_CATEGORIES)
    expect([...CATEGORIES].sort()).toEqual(['consulta_envio', 'consulta_precio', 'consulta_producto', 'general', 'proceso_pago', 'solicitud_foto'])
  })

  it.each([
    ['¿Cuánto cuesta el curso de piano?', 'consulta_precio'],
    ['cuanto vale', 'consulta_precio'],
    ['q precio tiene el smartwatch', 'consulta_precio'],
    ['me regala el precio', 'consulta_precio'],
    ['tienen descuento?', 'consulta_precio'],
    ['está muy caro', 'consulta_precio'],
    ['cuanto?', 'consulta_precio'],
    ['hacen envíos a Medellín?', 'consulta_envio'],
    ['hacen envios?', 'consulta_envio'],
    ['tienen domicilio?', 'consulta_envio'],
    ['cuánto se demora en llegar?', 'consulta_envio'],
    ['me lo pueden enviar a la oficina?', 'consulta_envio'],
    ['mándame fotos', 'solicitud_foto'],
    ['tiene imágenes del producto?', 'solicitud_foto'],
    ['muéstrame cómo se ve', 'solicitud_foto'],
    ['me puedes enviar una foto del reloj?', 'solicitud_foto'],
    ['cómo pago?', 'proceso_pago'],
    ['pásame el link', 'proceso_pago'],
    ['aceptan nequi?', 'proceso_pago'],
    ['me lo llevo', 'proceso_pago'],
    ['quiero comprar el curso', 'proceso_pago'],
    ['Busco unos audífonos bluetooth', 'consulta_producto'],
    ['Hola, info del curso', 'consulta_producto'],
    ['tienen en color negro?', 'consulta_producto'],
    ['¿Cuánto tiempo dura el curso?', 'consulta_producto'],
    ['el curso tiene certificado?', 'consulta_producto'],
    ['ok gracias', 'general'],
    ['no me gusta', 'general'],
    ['hola', 'general'],
    ['👍', 'general'],
    ['', 'general'],
  ] as const)('%s → %s', (text, expected) => {
    expect(detectCategory(text)).toBe(expected)
  })

  it('files "how much is shipping" under shipping: the answer to learn is about shipping', () => {
    expect(detectCategory('¿Cuánto cuesta el envío?')).toBe('consulta_envio')
    expect(detectCategory('cuanto vale el envio a cali')).toBe('consulta_envio')
    expect(detectCategory('¿Cuánto cuesta el curso?')).toBe('consulta_precio')
  })

  it('reads a question that opens with a thing and what it is or does as a product question, named or not', () => {
    for (const text of ['la mesa es extensible?', 'las uñas de gel cuanto duran?', 'el relleno puede ser de manjar o de lucuma?', 'ese tinte maltrata mucho el cabello?', '¿Las rosas son naturales o artificiales?']) {
      expect(detectCategory(text), text).toBe('consulta_producto')
    }
    // Told, it is an opinion; the order or the shop is no product.
    expect(detectCategory('la mesa es muy fea')).toBe('general')
    expect(detectCategory('el local es en el centro?')).toBe('general')
  })

  it('checks the most specific topic first: payment, photo, shipping, price, product', () => {
    expect(detectCategory('cuánto cuesta el envío y cómo pago?')).toBe('proceso_pago')
    expect(detectCategory('mándame una foto y el precio')).toBe('solicitud_foto')
    expect(detectCategory('necesito el precio')).toBe('consulta_precio')
  })

  it('does not file a negated wish as a purchase or a product search', () => {
    expect(detectCategory('no lo quiero')).toBe('general')
    expect(detectCategory('no voy a comprar nada')).toBe('general')
    expect(detectCategory('ya no lo necesito')).toBe('general')
  })

  it('does not read topics into set phrases', () => {
    expect(detectCategory('no hay problema')).toBe('general')
    expect(detectCategory('no me sirve para nada')).toBe('general')
    expect(detectCategory('muchas gracias por la información')).toBe('general')
    expect(detectCategory('Busco unos audífonos que no sean tan caros')).toBe('consulta_producto')
  })

  it.each([
    // Shops of more trades, worded as their customers write (issue 16).
    ['envian libros a Arequipa?', 'consulta_envio'],
    ['¿me muestras las agendas 2025?', 'solicitud_foto'],
    ['¿me agendas para el viernes?', 'proceso_pago'],
    ['quedan conchas?', 'consulta_producto'],
    ['mi orden 4521 en q va', 'consulta_envio'],
    ['¿ya está lista mi torta?', 'consulta_envio'],
    ['puedo cambiar el case por otro color', 'general'],
    ['se suspendió la fiesta, cancela la torta pls', 'general'],
    // Where the shop is, to come for it, is shipping as coming for it is (sixteenth session; it had been general).
    ['por donde queda el almacen', 'consulta_envio'],
    // Interest in a thing named asks about it (sixteenth session).
    ['buenas tardes, me interesa una mecedora de madera', 'consulta_producto'],
    ['¿puedo cambiarlo si no me queda?', 'general'],
    ['en cuanto llega lo q pedi ayer', 'consulta_envio'],
    ['Dale, agendá la instalación para el martes', 'proceso_pago'],
    // Polite, shorthand and Spanglish customers (issue 16).
    ['Buenos días. Quisiera saber cuál es el costo del envío a Cuenca. Gracias.', 'consulta_envio'],
    ['¿Podrían enviarme fotografías del uniforme con la tabla de medidas?', 'solicitud_foto'],
    ['¿Tendrá usted Losartán de 50 miligramos?', 'consulta_producto'],
    ['¿Me lo podría repetir con otras palabras, por favor?', 'general'],
    ['Señores, este es el tercer mensaje que les envío sin respuesta', 'general'],
    ['t escribo xq el celu q compre no prende, kiero mi plata', 'general'],
    ['cuanto me cobran x arreglar la pantalla d un iphone 11?', 'consulta_precio'],
    ['te hago el deposit ahora mismo, pásame el account number', 'proceso_pago'],
    ['pedí un size M y me llegó un XL, quiero hacer un exchange', 'general'],
  ] as const)('files "%s" under %s', (text, expected) => {
    expect(detectCategory(text)).toBe(expected)
  })

  it('files a failed delivery under shipping even when the customer mentions paying', () => {
    expect(detectCategory('no me llegó nada y ya pagué')).toBe('consulta_envio')
  })
})

describe('detectCategory: what fits what, and a card held', () => {
  it('files "does it fit my phone?" as a product question', () => {
    for (const text of ['esa funda le sirve al s23?', 'le sirve a mi moto?']) expect(detectCategory(text), text).toBe('consulta_producto')
    expect(detectCategory('no me sirve a mi')).toBe('general')
  })
})

describe('detectCategory: an order asked after in three words', () => {
  it('files "¿y mi pedido???" under shipping, not paying', () => {
    expect(detectCategory('¿y mi pedido???')).toBe('consulta_envio')
    expect(detectCategory('y mis paquetes?')).toBe('consulta_envio')
  })
})

describe('detectCategory: photos as the service sold', () => {
  it('files a photo session asked about by what is asked, not as a request for pictures', () => {
    expect(detectCategory('hola! cuanto cobras por una sesion de fotos de 15 años?')).toBe('consulta_precio')
    expect(detectCategory('mandame fotos porfa')).toBe('solicitud_foto')
  })
})

describe('detectCategory: carriers and words spelled as the normalizer writes them', () => {
  it('files a carrier named with a doubled last letter under shipping', () => {
    expect(detectCategory('trabajan con chilexpress?')).toBe('consulta_envio')
    expect(detectCategory('es por paquetexpress?')).toBe('consulta_envio')
    expect(detectCategory('tienen servicio express?')).toBe('consulta_envio')
  })
})

describe('detectCategory: an order paid long ago and asked after', () => {
  it('files it under shipping', () => {
    expect(detectCategory('¿y el pedido que pagué hace dos semanas?')).toBe('consulta_envio')
  })
})

describe('detectCategory: a booking put as a question, an empty delivery', () => {
  it('files "¿me anotás para…?" under paying and an empty parcel under shipping', () => {
    expect(detectCategory('me anotás para corte y tintura el sábado a las 10?')).toBe('proceso_pago')
    expect(detectCategory('Me ha llegado la caja vacía, ¿esto qué es?')).toBe('consulta_envio')
    expect(detectCategory('el paquete vino vacío')).toBe('consulta_envio')
    expect(detectCategory('¿tienen la caja vacía de regalo?')).toBe('consulta_producto')
  })
})

describe('detectCategory: where the parcel is left', () => {
  it('files "déjamelo en portería" under shipping and a figure under price', () => {
    expect(detectCategory('me lo dejan en porteria si no estoy?')).toBe('consulta_envio')
    expect(detectCategory('¿me lo dejas en 40?')).toBe('consulta_precio')
  })
})

describe('detectCategory: the day or hour it comes (fourteenth session)', () => {
  it.each([
    ['que dia llega?', 'consulta_envio'],
    ['a que hora me lo traen', 'consulta_envio'],
    ['que hora es', 'general'],
  ])('%s → %s', (text, category) => {
    expect(detectCategory(text)).toBe(category)
  })
})

describe('detectCategory: wool, pickup at a branch, fit for a diet (thirteenth session)', () => {
  it.each([
    ['la chompa es de lana de alpaca?', 'consulta_producto'],
    ['cuanta lana?', 'consulta_precio'],
    ['tienen retiro en sucursal', 'consulta_envio'],
    ['es apto para veganos', 'consulta_producto'],
  ])('%s → %s', (text, category) => {
    expect(detectCategory(text)).toBe(category)
  })
})

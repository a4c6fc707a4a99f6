// Category words from shops outside Colombia and from order tracking (issue 16): each case is
// worded like a customer anywhere in Latin America or Spain, not taken from the labeled set.
import { describe, expect, it } from 'vitest'
import { detectCategory } from '../../../src/main/evaluate/category'

describe('category vocabulary beyond one country', () => {
  it.each([
    ['aceptan yape?', 'proceso_pago'],
    ['se puede con mercado pago?', 'proceso_pago'],
    ['tienen meses sin intereses?', 'proceso_pago'],
    ['pago por bizum?', 'proceso_pago'],
    ['hacen delivery a Miraflores?', 'consulta_envio'],
    ['dónde está mi pedido?', 'consulta_envio'],
    ['me pasas el número de guía', 'consulta_envio'],
    ['quiero rastrear mi paquete', 'consulta_envio'],
    ['me puedes cotizar 10 unidades', 'consulta_precio'],
    ['cuánto está la docena?', 'consulta_precio'],
    ['venden por mayor?', 'consulta_precio'],
    ['me pasas la carta?', 'consulta_producto'],
    ['qué sabores tienen?', 'consulta_producto'],
    ['que productos tienen', 'consulta_producto'],
    ['qué venden', 'consulta_producto'],
    ['cuáles son sus productos?', 'consulta_producto'],
    ['qué marcas manejan', 'consulta_producto'],
    ['cuándo llega mi pedido?', 'consulta_envio'],
    ['cuanto tarda mi pedido', 'consulta_envio'],
    ['ya lo agregué al carrito', 'proceso_pago'],
    ['quiero finalizar la compra', 'proceso_pago'],
    ['tienen tienda física?', 'general'],
    ['necesito ayuda', 'general'],
    ['cómo devuelvo un producto?', 'general'],
    ['quiero el reembolso de mi pago', 'general'],
    ['¿me pueden hacer factura?', 'proceso_pago'],
    ['quisiera hacer una reserva', 'proceso_pago'],
    ['qué tipos de pizza tienen', 'consulta_producto'],
    ['¿tienen WhatsApp?', 'general'],
    ['me llegó un producto equivocado', 'general'],
    ['quiero cancelar mi pedido', 'general'],
    ['me pasás el alias?', 'proceso_pago'],
    ['pasame la CLABE porfa', 'proceso_pago'],
    ['vale, me lo quedo', 'proceso_pago'],
    ['dónde retiro?', 'consulta_envio'],
    ['lo mandan por Andreani?', 'consulta_envio'],
    ['a cuánto el kilo?', 'consulta_precio'],
    ['cuánto mide?', 'consulta_producto'],
    ['para qué edad es', 'consulta_producto'],
    ['es nuevo o usado?', 'consulta_producto'],
    ['es de buena calidad?', 'consulta_producto'],
    ['cuántas unidades tienen', 'consulta_producto'],
    ['hacen pedidos personalizados?', 'consulta_producto'],
    ['cuándo vuelven a tener?', 'consulta_producto'],
    ['llegan a mi ciudad', 'consulta_envio'],
    ['envían por correo?', 'consulta_envio'],
    ['en cuántos días llega', 'consulta_envio'],
    ['hacen despachos?', 'consulta_envio'],
    ['ya salió mi pedido?', 'consulta_envio'],
    ['seguimiento de mi compra', 'consulta_envio'],
    ['quiero verlo', 'solicitud_foto'],
    ['¿se puede ver?', 'solicitud_foto'],
    ['ver el producto', 'solicitud_foto'],
    ['me muestras?', 'solicitud_foto'],
    ['enséñame el rojo', 'solicitud_foto'],
    ['cuánto el par?', 'consulta_precio'],
    ['quiero una cotización', 'consulta_precio'],
    ['para qué sirve', 'consulta_producto'],
    ['cómo se usa?', 'consulta_producto'],
    ['es resistente al agua?', 'consulta_producto'],
    ['recomiéndame algo', 'consulta_producto'],
    ['ando buscando unos tenis', 'consulta_producto'],
    ['les queda?', 'consulta_producto'],
    ['todavía tienen', 'consulta_producto'],
    ['quiero hacer un cambio de producto', 'general'],
    ['¿me lo envían?', 'consulta_envio'],
    ['mándamelo a la oficina', 'consulta_envio'],
    ['disculpa la demora', 'general'],
  ])('"%s" is %s', (text, category) => {
    expect(detectCategory(text)).toBe(category)
  })

  it('keeps a statement about the total or "a cómo" out of the price topic unless it asks', () => {
    expect(detectCategory('el total me parece bien')).not.toBe('consulta_precio')
    expect(detectCategory('a cómo está el parlante?')).toBe('consulta_precio')
  })
})

// "Empezar con un ejemplo": a small catalog an owner can look at, try the bot with and then
// replace, priced in the shop's own currency. The products are the demo shop's (courses and
// gadgets); the prices are its Colombian ones carried over at a rough exchange rate and rounded
// the way a shop prices, so that a Mexican shop sees "$1,600" rather than "$1.613,25".

import { DEMO_PRODUCTS } from '../demo/demo-catalog'

/** What the demo shop's products cost at home: Colombian pesos. */
const BASE_CURRENCY = 'COP'

/**
 * Units of each listed currency a dollar buys, roughly (2024–25). Only for plausible example
 * prices — the owner replaces them with their own — so a currency that moves does not matter.
 */
const UNITS_PER_DOLLAR: Readonly<Record<string, number>> = {
  ARS: 1000,
  BOB: 6.9,
  BRL: 5.5,
  CLP: 950,
  COP: 4000,
  CRC: 510,
  CUP: 120,
  DOP: 60,
  EUR: 0.92,
  GTQ: 7.7,
  HNL: 25,
  MXN: 18,
  NIO: 36.6,
  PEN: 3.75,
  PYG: 7500,
  USD: 1,
  UYU: 40,
  VES: 40,
}

const DETAILS: Readonly<Record<string, { sku: string; description: string; keywords: string[] }>> = {
  'demo-curso-piano': { sku: 'EJ-PIANO', description: 'Curso en video desde cero: postura, lectura de notas y tus primeras canciones. Acceso de por vida.', keywords: ['piano', 'música', 'teclado'] },
  'demo-curso-guitarra': { sku: 'EJ-GUITARRA', description: 'Acordes, rasgueos y canciones populares paso a paso, en video. Acceso de por vida.', keywords: ['guitarra', 'música', 'acordes'] },
  'demo-curso-ingles': { sku: 'EJ-INGLES', description: 'Clases en video para hablar inglés en situaciones del día a día, con ejercicios.', keywords: ['inglés', 'idiomas', 'conversación'] },
  'demo-curso-excel': { sku: 'EJ-EXCEL', description: 'Tablas dinámicas, fórmulas y gráficos para el trabajo, con archivos de práctica.', keywords: ['excel', 'ofimática', 'hojas de cálculo'] },
  'demo-curso-foto': { sku: 'EJ-FOTO', description: 'Aprende a tomar y editar buenas fotos con tu celular.', keywords: ['fotografía', 'celular', 'edición'] },
  'demo-audifonos': { sku: 'EJ-AUDIFONOS', description: 'Audífonos inalámbricos con estuche de carga y hasta 20 horas de batería.', keywords: ['audífonos', 'bluetooth', 'inalámbricos'] },
  'demo-smartwatch': { sku: 'EJ-RELOJ', description: 'Reloj inteligente con pulso, pasos y notificaciones del celular. Resiste el agua.', keywords: ['reloj', 'smartwatch', 'deporte'] },
  'demo-parlante': { sku: 'EJ-PARLANTE', description: 'Parlante bluetooth de 20 W, resistente al agua, con 12 horas de batería.', keywords: ['parlante', 'bocina', 'bluetooth'] },
  'demo-cargador': { sku: 'EJ-CARGADOR', description: 'Cargador de carga rápida con cable USB-C incluido.', keywords: ['cargador', 'usb-c', 'carga rápida'] },
  'demo-mouse': { sku: 'EJ-MOUSE', description: 'Mouse inalámbrico de clic silencioso, con receptor USB.', keywords: ['mouse', 'ratón', 'inalámbrico'] },
}

const CATEGORY_NAMES = { curso: 'Cursos', gadget: 'Tecnología' } as const

export interface ExampleProduct {
  sku: string
  name: string
  description: string
  price: number
  currency: string
  category: string
  keywords: string[]
  active: boolean
}

/** The example catalog in `currency` (the shop's, from its country or Ajustes). */
export function exampleCatalog(currency: string): ExampleProduct[] {
  return DEMO_PRODUCTS.map((product) => {
    const details = DETAILS[product.id]
    return {
      sku: details?.sku ?? product.id.toUpperCase(),
      name: product.name,
      description: details?.description ?? '',
      price: priceIn(product.price, currency),
      currency,
      category: CATEGORY_NAMES[product.category],
      keywords: details?.keywords ?? [],
      active: true,
    }
  })
}

/** The example as the file an owner would import (the catalog's JSON format). */
export function exampleCatalogFile(currency: string): string {
  return JSON.stringify({ products: exampleCatalog(currency) })
}

/** A Colombian price in `currency`, rounded to two significant digits (1.613,25 → 1.600; 22,25 → 22). */
export function priceIn(basePrice: number, currency: string): number {
  if (currency === BASE_CURRENCY) return basePrice
  // A currency without a rate here is priced as if it were the dollar: plausible, not exact.
  const rate = (UNITS_PER_DOLLAR[currency] ?? 1) / UNITS_PER_DOLLAR[BASE_CURRENCY]!
  return Number((basePrice * rate).toPrecision(2))
}

// Synthetic exchanges of a Colombian shop on WhatsApp, for curation tests and benchmarks: many
// slots per template so unrelated rows rarely look alike, plus a planted, known share of exact
// duplicates (same text modulo case, accents and spacing), near duplicates (one or two small
// edits) and personal data (phones, emails, ids, cards).
import { hashString, mulberry32 } from '../../src/main/kernel/hash'
import type { ChatTurn, CurationCandidate, ReviewStatus } from '../../src/main/curate/types'

export interface SyntheticOptions {
  /** Share of rows that repeat an earlier row verbatim modulo case/accents/spacing (default 0.1). */
  exactDuplicateRate?: number
  /** Share of rows that repeat an earlier row with one or two small edits (default 0.1). */
  nearDuplicateRate?: number
  /** Share of rows whose customer message or context carries personal data (default 0.15). */
  personalDataRate?: number
  /** Timestamps are spread over the 90 days before this (default 2025-06-01). */
  now?: number
}

export const SYNTHETIC_CATEGORIES = ['consulta_producto', 'proceso_pago', 'solicitud_foto', 'consulta_precio', 'consulta_envio', 'general'] as const

const PRODUCTS = [
  ['Curso de Piano Básico', 89_000, 'incluye 40 clases en video y partituras en PDF'],
  ['Curso de Guitarra Acústica', 79_000, 'trae 35 lecciones y acceso de por vida'],
  ['Curso de Inglés Conversacional', 120_000, 'tiene tutorías en vivo los sábados'],
  ['Curso de Excel Avanzado', 65_000, 'cubre tablas dinámicas, macros y Power Query'],
  ['Curso de Fotografía con Celular', 55_000, 'enseña composición, luz y edición en Lightroom'],
  ['Curso de Marketing Digital', 98_000, 'incluye plantillas para Instagram y TikTok'],
  ['Curso de Repostería Creativa', 72_000, 'trae recetario descargable de 60 postres'],
  ['Audífonos Bluetooth X2', 85_000, 'tienen 30 horas de batería y cancelación de ruido'],
  ['Smartwatch Deportivo S8', 149_000, 'mide ritmo cardíaco, oxígeno y pasos'],
  ['Parlante Portátil 20W', 99_000, 'es resistente al agua IPX7'],
  ['Cargador Rápido USB-C 33W', 45_000, 'carga el 50% en 25 minutos'],
  ['Mouse Inalámbrico Silencioso', 39_000, 'funciona con pilas AA que duran un año'],
  ['Teclado Mecánico RGB', 189_000, 'tiene switches azules y luces configurables'],
  ['Power Bank 20.000 mAh', 95_000, 'carga dos celulares al tiempo'],
  ['Cámara de Seguridad WiFi', 135_000, 'graba en 1080p con visión nocturna'],
  ['Lámpara LED de Escritorio', 58_000, 'tiene tres tonos de luz y brazo flexible'],
  ['Soporte para Portátil', 49_000, 'es de aluminio y se ajusta en seis alturas'],
  ['Memoria USB 128 GB', 42_000, 'es USB 3.1 y resiste golpes'],
  ['Aro de Luz 26 cm', 68_000, 'viene con trípode y control remoto'],
  ['Micrófono de Solapa', 52_000, 'se conecta por USB-C y Lightning'],
] as const
const NAMES = ['María Fernanda', 'Juan Camilo', 'Valentina', 'Andrés', 'Luisa', 'Santiago', 'Camila', 'Julián', 'Daniela', 'Carlos', 'Paola', 'Sebastián', 'Natalia', 'Felipe', 'Laura', 'Diego', 'Manuela', 'Jorge', 'Sofía', 'Mateo', 'Isabella', 'Alejandro', 'Mariana', 'Tomás', 'Gabriela', 'Nicolás', 'Catalina', 'David', 'Juliana', 'Esteban']
const CITIES = ['Bogotá', 'Medellín', 'Cali', 'Barranquilla', 'Cartagena', 'Bucaramanga', 'Pereira', 'Manizales', 'Cúcuta', 'Ibagué', 'Santa Marta', 'Villavicencio', 'Pasto', 'Neiva', 'Armenia', 'Montería', 'Popayán', 'Tunja', 'Sincelejo', 'Valledupar']
const COLORS = ['negro', 'blanco', 'azul', 'rojo', 'gris', 'rosado', 'verde']
const PURPOSES = ['regalo de cumpleaños', 'mi hijo de 12 años', 'la oficina', 'aprender desde cero', 'mi mamá', 'trabajar desde la casa', 'el gimnasio', 'un emprendimiento']
const PAYMENTS = ['Nequi', 'Daviplata', 'tarjeta de crédito', 'PSE', 'transferencia Bancolombia', 'contraentrega']
const DAYS = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado']
const GREETINGS = ['Hola', 'Buenas', 'Buenos días', 'Buenas tardes', 'Hola qué tal', 'Holaa', 'Buen día', '']
const OPENERS = ['¡Hola {name}!', 'Hola {name} 😊', '¡Con gusto, {name}!', 'Claro que sí, {name}.', '¡Qué más, {name}!', 'Hola, gracias por escribirnos.']
const CLOSERS = ['¿Te lo separo?', '¿Quieres que te envíe el link de pago?', '¿Te ayudo con algo más?', '¿Lo pedimos de una vez?', 'Quedo atenta a tu respuesta.', '¿Te paso más detalles?']

const QUESTIONS: Record<(typeof SYNTHETIC_CATEGORIES)[number], string[]> = {
  consulta_producto: [
    '{greeting}, ¿tienen el {product} en {color}? Es para {purpose}',
    '{greeting} estoy buscando algo para {purpose}, ¿el {product} sirve?',
    'quisiera saber qué trae el {product}, lo vi en Instagram',
    '{greeting}, ¿el {product} tiene garantía? necesito {qty} para {purpose}',
  ],
  consulta_precio: [
    '{greeting}, ¿cuánto cuesta el {product}? Quiero {qty}',
    'precio del {product} porfa, y si llevo {qty} hay descuento?',
    '{greeting} ¿qué valor tiene el {product} en {color}?',
    'cuanto vale el {product} con envío a {city}?',
  ],
  proceso_pago: [
    '{greeting}, ¿puedo pagar el {product} con {payment}?',
    'ya quiero comprar el {product}, ¿cómo pago? tengo {payment}',
    '¿me pasas el link de pago del {product}? son {qty} unidades',
    '{greeting} hice la transferencia por {payment} del {product}, ¿cómo confirmo?',
  ],
  solicitud_foto: [
    '{greeting}, ¿me mandas fotos del {product} en {color}?',
    'tienes imágenes reales del {product}? es para {purpose}',
    'quiero ver cómo se ve el {product} puesto, ¿tienes video?',
    '{greeting} muéstrame el {product} por favor, ¿viene en {color}?',
  ],
  consulta_envio: [
    '{greeting}, ¿hacen envíos a {city}? quiero el {product}',
    '¿cuánto se demora el envío del {product} a {city}?',
    'si pido hoy el {product}, ¿llega antes del {day} a {city}?',
    '{greeting} ¿el envío a {city} tiene costo? serían {qty}',
  ],
  general: [
    '{greeting}, ¿a qué hora atienden el {day}?',
    '{greeting} ¿tienen tienda física en {city} o solo venden por acá?',
    '¿hacen factura electrónica? es para {purpose}',
    '{greeting}, ¿siguen atendiendo? les escribo desde {city}',
  ],
}

const ANSWERS: Record<(typeof SYNTHETIC_CATEGORIES)[number], string[]> = {
  consulta_producto: [
    '{opener} Sí, el {product} lo tenemos en {color} y {color2}; {feature}. Para {purpose} es ideal. {closer}',
    '{opener} El {product} {feature}, y tiene garantía de {months} meses. Si llevas {qty} te hacemos precio especial. {closer}',
    '{opener} Te cuento: el {product} {feature}. Hoy quedan {stock} unidades en {color}. {closer}',
  ],
  consulta_precio: [
    '{opener} El {product} cuesta {price}. Llevando {qty} te queda en {total} en total. {closer}',
    '{opener} Su precio es {price} e incluye garantía de {months} meses; el envío a {city} vale {shipping}. {closer}',
    '{opener} El {product} en {color} está a {price} y esta semana tiene {discount}% de descuento. {closer}',
  ],
  proceso_pago: [
    '{opener} Sí, recibimos {payment}, PSE y tarjeta. Te envío el enlace de pago del {product} por {price}. {closer}',
    '{opener} Para pagar con {payment} te paso los datos y, apenas envíes el comprobante, despachamos el {product} a {city}. {closer}',
    '{opener} Ya confirmé tu pago de {price} por el {product}; sale el {day} y te llega la guía por este chat. {closer}',
  ],
  solicitud_foto: [
    '{opener} Claro, aquí tienes fotos reales del {product} en {color} 📸. {feature}. {closer}',
    '{opener} Te comparto un video corto del {product} funcionando y dos fotos en {color2}. {closer}',
    '{opener} Estas son las imágenes del {product}; el color {color} se ve un poco más oscuro en persona. {closer}',
  ],
  consulta_envio: [
    '{opener} Sí, enviamos a {city} por Servientrega; llega en {ndays} días hábiles y cuesta {shipping}. {closer}',
    '{opener} Si pagas hoy antes de las 3 p.m., el {product} llega a {city} el {day}. El envío vale {shipping}. {closer}',
    '{opener} A {city} el envío es gratis por compras desde {price}; tarda entre {ndays} y {ndays2} días. {closer}',
  ],
  general: [
    '{opener} Atendemos de lunes a sábado de 8 a.m. a 7 p.m.; el {day} hasta las 5 p.m. {closer}',
    '{opener} Por ahora vendemos solo en línea y enviamos a {city} y a todo el país. {closer}',
    '{opener} Sí, hacemos factura electrónica; solo necesitamos tus datos al momento de pagar. {closer}',
  ],
}

const REACTIONS = ['perfecto, gracias', 'dale', 'ok', 'listo 👍', 'mmm déjame pensarlo', 'y en otro color?', 'genial 😍', 'vale, y cuánto demora?', 'súper', 'bueno']
const SYNONYMS: [string, string][] = [
  ['cuesta', 'vale'],
  ['envío', 'despacho'],
  ['fotos', 'imágenes'],
  ['Claro', 'Por supuesto'],
  ['quiero', 'quisiera'],
  ['tienen', 'manejan'],
  ['llega', 'te llega'],
]
const STATUSES: [ReviewStatus, number][] = [
  ['pending', 0.85],
  ['approved', 0.07],
  ['corrected', 0.04],
  ['rejected', 0.04],
]
const SCORES: [number, number][] = [
  [5, 0.3],
  [4, 0.3],
  [3, 0.2],
  [2, 0.12],
  [1, 0.08],
]

/** Deterministic for (n, seed, options): the same call always returns the same rows. */
export function generateSyntheticCandidates(n: number, seed: number | string = 1, options: SyntheticOptions = {}): CurationCandidate[] {
  const random = mulberry32(typeof seed === 'number' ? seed : hashString(seed))
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const weighted = <T,>(items: readonly [T, number][]): T => {
    let r = random()
    for (const [value, weight] of items) {
      if ((r -= weight) < 0) return value
    }
    return items[items.length - 1]![0]
  }
  const exactRate = options.exactDuplicateRate ?? 0.1
  const nearRate = options.nearDuplicateRate ?? 0.1
  const piiRate = options.personalDataRate ?? 0.15
  const now = options.now ?? Date.UTC(2025, 5, 1)
  const out: CurationCandidate[] = []

  for (let i = 0; i < n; i++) {
    const id = `syn-${String(i).padStart(7, '0')}`
    const createdAt = now - Math.floor(random() * 90 * 86_400_000)
    const reviewStatus = weighted(STATUSES)
    const qualityScore = reviewStatus === 'corrected' && random() < 0.5 ? null : weighted(SCORES)
    const roll = random()
    const source = out.length > 0 && roll < exactRate + nearRate ? out[Math.floor(random() * out.length)]! : null
    if (source && roll < exactRate) {
      out.push({ ...source, id, createdAt, reviewStatus, qualityScore, userMessage: respell(source.userMessage, random), response: respell(source.response, random) })
      continue
    }
    if (source) {
      const editResponse = random() < 0.7
      out.push({
        ...source,
        id,
        createdAt,
        reviewStatus,
        qualityScore,
        userMessage: editResponse ? source.userMessage : smallEdit(source.userMessage, random),
        response: editResponse ? smallEdit(source.response, random) : source.response,
      })
      continue
    }

    const category = pick(SYNTHETIC_CATEGORIES)
    const [product, price, feature] = pick(PRODUCTS)
    const qty = 1 + Math.floor(random() * 4)
    const slots: Record<string, string> = {
      greeting: pick(GREETINGS),
      name: pick(NAMES),
      product,
      feature,
      price: cop(price),
      total: cop(price * qty),
      qty: String(qty),
      color: pick(COLORS),
      color2: pick(COLORS),
      purpose: pick(PURPOSES),
      payment: pick(PAYMENTS),
      city: pick(CITIES),
      day: pick(DAYS),
      months: String(pick([3, 6, 12])),
      stock: String(2 + Math.floor(random() * 15)),
      discount: String(pick([5, 10, 15, 20])),
      shipping: cop(pick([8_000, 10_000, 12_000, 15_000])),
      ndays: String(2 + Math.floor(random() * 3)),
      ndays2: String(5 + Math.floor(random() * 3)),
    }
    slots.opener = fill(pick(OPENERS), slots)
    slots.closer = pick(CLOSERS)
    let userMessage = fill(pick(QUESTIONS[category]), slots).replace(/^, /, '').replace(/^ /, '')
    let response = fill(pick(ANSWERS[category]), slots)
    if (reviewStatus === 'corrected') response = `${response} Además, esta semana el envío es gratis.`
    const context: ChatTurn[] = []
    const turns = Math.floor(random() * 7)
    for (let t = 0; t < turns; t++) {
      const other = pick(PRODUCTS)
      context.push(
        t % 2 === 0
          ? { role: 'user', content: pick([`${pick(GREETINGS) || 'Hola'}, ¿tienen ${other[0]}?`, pick(REACTIONS), `¿y el ${other[0]} cuánto vale?`]) }
          : { role: 'assistant', content: `Sí, el ${other[0]} está a ${cop(other[1])}. ${pick(CLOSERS)}` },
      )
    }
    if (random() < piiRate) {
      const pii = personalData(random, slots.name!)
      if (context.length > 0 && random() < 0.3) context[0] = { role: 'user', content: `${context[0]!.content} ${pii}` }
      else userMessage = `${userMessage}. ${pii}`
    }
    out.push({ id, userMessage, response, context, category, productName: category === 'general' ? null : product, qualityScore, reviewStatus, createdAt })
  }
  return out
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? '')
}

function cop(value: number): string {
  return `$${value.toLocaleString('es-CO')}`
}

/** Same normalized text: case, accents and spacing change, nothing else. */
function respell(text: string, random: () => number): string {
  const r = random()
  if (r < 0.33) return text.toLowerCase()
  if (r < 0.66) return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC')
  return `  ${text.replace(/ /g, '  ')} `
}

/** One or two edits a person makes when answering the same thing again. */
function smallEdit(text: string, random: () => number): string {
  let out = text
  const edits = 1 + Math.floor(random() * 2)
  for (let e = 0; e < edits; e++) {
    const kind = Math.floor(random() * 4)
    if (kind === 0) out = `${out.replace(/[.!?]$/, '')} 🙌`
    else if (kind === 1) {
      const pair = SYNONYMS.find(([a]) => out.includes(a))
      out = pair ? out.replace(pair[0], pair[1]) : `${out} Gracias.`
    } else if (kind === 2) {
      // A typo: two neighbouring letters swapped inside a longer word.
      const words = out.split(' ')
      const at = words.findIndex((w, i) => i >= Math.floor(random() * words.length) && w.length > 5)
      if (at >= 0) {
        const w = words[at]!
        words[at] = w.slice(0, 2) + w[3] + w[2] + w.slice(4)
        out = words.join(' ')
      }
    } else out = out.replace('¿', '').replace('!', '')
  }
  return out
}

function personalData(random: () => number, name: string): string {
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('')
  const mobile = `3${digits(2)} ${digits(3)} ${digits(4)}`
  const kind = Math.floor(random() * 5)
  if (kind === 0) return `mi número es ${mobile}`
  if (kind === 1) return `escríbeme al WhatsApp +57 ${mobile}`
  if (kind === 2) return `mi correo es ${name.split(' ')[0]!.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')}.${digits(3)}@gmail.com`
  if (kind === 3) return `a nombre de ${name}, cédula ${Number(`1${digits(9)}`).toLocaleString('es-CO')}`
  return `pago con la tarjeta ${luhnCard(random)}`
}

function luhnCard(random: () => number): string {
  const body = `4${Array.from({ length: 14 }, () => Math.floor(random() * 10)).join('')}`
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  const number = `${body}${(10 - (sum % 10)) % 10}`
  return number.replace(/(\d{4})(?=\d)/g, '$1 ')
}

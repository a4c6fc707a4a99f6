// Realistic material for synthetic conversations of a Colombian shop that sells courses and
// gadgets over WhatsApp (the seed's "Tecnovariedades D&S").
import type { Category } from '../../shared/types'

export interface DemoProduct {
  id: string
  name: string
  price: number
  category: 'curso' | 'gadget'
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  { id: 'demo-curso-piano', name: 'Curso de Piano Básico', price: 89_000, category: 'curso' },
  { id: 'demo-curso-guitarra', name: 'Curso de Guitarra Acústica', price: 79_000, category: 'curso' },
  { id: 'demo-curso-ingles', name: 'Curso de Inglés Conversacional', price: 120_000, category: 'curso' },
  { id: 'demo-curso-excel', name: 'Curso de Excel Avanzado', price: 65_000, category: 'curso' },
  { id: 'demo-curso-foto', name: 'Curso de Fotografía con Celular', price: 55_000, category: 'curso' },
  { id: 'demo-audifonos', name: 'Audífonos Bluetooth X2', price: 85_000, category: 'gadget' },
  { id: 'demo-smartwatch', name: 'Smartwatch Deportivo S8', price: 149_000, category: 'gadget' },
  { id: 'demo-parlante', name: 'Parlante Portátil 20W', price: 99_000, category: 'gadget' },
  { id: 'demo-cargador', name: 'Cargador Rápido USB-C 33W', price: 45_000, category: 'gadget' },
  { id: 'demo-mouse', name: 'Mouse Inalámbrico Silencioso', price: 39_000, category: 'gadget' },
]

export const DEMO_NAMES = [
  'María Fernanda', 'Juan Camilo', 'Valentina', 'Andrés', 'Luisa', 'Santiago', 'Camila', 'Julián',
  'Daniela', 'Carlos', 'Paola', 'Sebastián', 'Natalia', 'Felipe', 'Laura', 'Diego', 'Manuela', 'Jorge',
]

/** Customer openers by category; `{p}` is the product. */
export const DEMO_QUESTIONS: Record<Category, string[]> = {
  consulta_producto: ['Hola, busco el {p}', 'Buenas, quiero info del {p}', 'necesito algo como el {p}, me recomiendas?', 'Hola q tal, tienen {p}?'],
  consulta_precio: ['Cuánto cuesta el {p}?', 'cuanto vale el {p}', 'precio del {p} porfa', 'Hola, que valor tiene el {p}?'],
  proceso_pago: ['Cómo puedo pagar el {p}?', 'me pasas el link de pago del {p}?', 'aceptan nequi para el {p}?', 'quiero comprar el {p}, como pago'],
  consulta_envio: ['Hacen envíos a Medellín?', 'cuanto se demora el envio a Cali?', 'tienen entrega a domicilio en Bogotá?', 'el envío del {p} tiene costo?'],
  solicitud_foto: ['me muestras una foto del {p}?', 'tienes imágenes del {p}?', 'puedo ver el {p}? mandame foto', 'quiero ver cómo es el {p}'],
  general: ['Hola buenas tardes', 'a qué hora atienden?', 'Buen día, están atendiendo?', 'hola'],
}

/** The bot's answers by category; `{p}` product, `{$}` price. */
export const DEMO_ANSWERS: Record<Category, string[]> = {
  consulta_producto: [
    '¡Hola! Sí, tenemos el {p} por {$}. ¿Quieres que te cuente qué incluye?',
    'Claro que sí 😊 El {p} está disponible a {$}. ¿Te envío más detalles?',
  ],
  consulta_precio: ['El {p} cuesta {$}. ¿Te gustaría comprarlo?', 'Su precio es {$} e incluye garantía. ¿Lo separamos?'],
  proceso_pago: [
    'Puedes pagar por Nequi, Daviplata o tarjeta. Te envío el enlace de pago del {p} ({$}).',
    'Aceptamos transferencia y tarjeta. ¿Te paso el link para el {p}?',
  ],
  consulta_envio: [
    'Sí, enviamos a todo el país. Llega en 2 a 4 días hábiles y el envío cuesta $12.000.',
    'Hacemos envíos nacionales por Servientrega; en ciudades principales tarda 2 días.',
  ],
  solicitud_foto: ['Claro, aquí tienes las fotos del {p} 📸. ¿Qué te parece?', 'Te comparto las imágenes del {p}. ¿Alguna duda?'],
  general: ['¡Hola! Bienvenido a Tecnovariedades D&S. ¿En qué te puedo ayudar?', 'Atendemos de lunes a sábado de 8 a.m. a 7 p.m. ¿Qué necesitas?'],
}

/** What customers answer next, from delighted to annoyed. */
export const DEMO_REACTIONS: string[] = [
  'Perfecto, me lo llevo!', 'dale, pásame el link', 'Excelente, muchas gracias 🙏', 'listo, te transfiero ya', 'de una, lo quiero',
  'ok gracias', 'bueno, lo voy a pensar', 'y cuánto se demora el envío?', 'tienen otro color?', 'me explicas mejor que incluye?',
  'no entiendo, cuánto es en total?', 'mmm muy caro', 'no me sirve, gracias', 'no me gusta 👎', 'eso no fue lo que pregunté 😡',
  '👍', 'Genial 😍', 'ya no, gracias', 'y aceptan nequi?', 'ok',
]

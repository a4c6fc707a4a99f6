import { describe, expect, it } from 'vitest'
import { detectHumanRequest } from '../../../src/main/guardrails/human-request'

// Realistic WhatsApp messages, spelled the way customers write them.
const ASKS = [
  'quiero hablar con una persona',
  'me pasas con un asesor',
  'necesito un humano',
  'hay alguien ahí que me atienda?',
  'pásame con el dueño',
  'comunícame con un agente',
  'puedo hablar con alguien real',
  'no quiero hablar con un bot',
  'eres un robot? quiero una persona',
  'asesor por favor',
  'me puede llamar alguien',
  'kiero ablar con una persona',
  'xfa un asesor',
  'Páseme con alguien porfa',
  'q me atienda un humano plis',
  'necesito hablar con el encargado',
  'quisiera hablar con una asesora, gracias',
  '¿me comunicas con servicio al cliente?',
  'hay alguien??',
  'hola? alguien me atiende?',
  'UN HUMANO YA!!',
  'ya me cansé del bot, quiero hablar con alguien',
  'estoy harta de hablar con un robot',
  'no entiendes nada, pásame con una persona',
  '¿no hay nadie que me atienda?',
  'dame un asesor ya',
  '¿con quién hablo para un pedido al por mayor?',
  'me puede atender una persona por favor',
  'llámame por favor, es más fácil',
  'necesito a alguien que me explique bien',
  'quiero que me llame una persona',
  '¿no puedo hablar con una persona?',
  'prefiero que me atienda una persona',
  'me transfieres con un agente?',
  '¿me das el número del vendedor?',
  'nesecito ablar con alguien urgente',
  'no me gusta hablar con bots',
  'si no me respondes bien quiero hablar con el dueño',
  'Hola buenas tardes. Asesor?',
  'necesito ayuda de una persona de verdad',
  'ponme en contacto con la dueña',
  '¿hay un asesor disponible?',
  'Persona real por favor 🙏',
  'nadie me responde',
  '¿no hay nadie?',
  'hola, un asesor por favor',
  '¿señor?',
  'quiero hablar con el mecánico',
  'pásame con la doctora porfa',
  'quiero atención humana',
  'quiero hablar con el químico farmacéutico',
  'Quisiera que me contacte un asesor de ventas',
  'necesito que alguien me contacte',
]

const DOES_NOT_ASK = [
  'Gracias a las enfermeras de la planta 3. Trato humano, cercano y profesional.',
  'no necesito un asesor, gracias',
  'la persona que me atendió ayer fue muy amable',
  'el curso tiene asesoría personalizada?',
  '¿el asesor de ventas me da descuento?',
  'no quiero hablar con un asesor, solo dime el precio',
  'tranquilo, no necesito hablar con una persona',
  '¿cuánto cuesta el envío a Medellín?',
  'es para regalarle a una persona especial',
  '¿eres un bot?',
  '¿estoy hablando con un robot?',
  'mi hermana habló con el dueño y le dio precio especial',
  'ya hablé con un asesor por teléfono',
  'el vendedor me dijo que llegaba el martes',
  'gracias asesor, muy amable',
  '¿la persona que recibe tiene que firmar?',
  'no me llamen por favor, prefiero por aquí',
  'me llama la atención el modelo rojo',
  'dejen de llamarme, ya les dije que no',
  'deja de llamarme a cada rato',
  'paren de marcarme por favor',
  'Genial la entrevista de esta mañana. Una gozada hablar con alguien que sabe tanto de libros',
  'fue un placer conversar con la dueña, muy amable',
  'busco un regalo para una persona que le gusta cocinar',
  '¿el dueño es el mismo de la tienda de Chapinero?',
  'quiero ser asesora de ventas de ustedes',
  'el agente de la transportadora no ha llegado',
  'la persona que me atiende siempre es muy amable',
  '¿hay alguien que lo haya comprado?',
  'me llamo Andrea, quiero el vestido azul',
  '¿con quién tengo el gusto?',
  'no hace falta que me pases con nadie',
  'no hay nadie en la casa, me lo dejan en portería',
  // A person the customer speaks to (a vocative), not one they ask for.
  'Gracias, señor',
  'Muy amable, señora 🙏',
  'hola patrona, tiene la talla M?',
  'buenas tardes jefe',
  'señor, me ayuda con el precio?',
  'asesor, quiero saber si tienen la talla 40',
  // The trade wanted is the service bought, not a person instead of the bot.
  'necesito un técnico para instalar el aire',
  '¿el doctor atiende los sábados?',
]

describe('detectHumanRequest', () => {
  it.each(ASKS)('asks for a person: %s', (text) => {
    const result = detectHumanRequest(text)
    expect(result.asked).toBe(true)
    expect(result.phrase).toBeTruthy()
  })

  it.each(DOES_NOT_ASK)('does not ask for a person: %s', (text) => {
    expect(detectHumanRequest(text)).toEqual({ asked: false, phrase: null })
  })

  it('has a realistic table on both sides', () => {
    expect(ASKS.length).toBeGreaterThanOrEqual(25)
    expect(DOES_NOT_ASK.length).toBeGreaterThanOrEqual(15)
  })

  it('reports the canonical words that asked, negator included for an anti-bot request', () => {
    expect(detectHumanRequest('Kiero ablar con una PERSONA!!').phrase).toBe('ablar con una persona')
    expect(detectHumanRequest('no quiero hablar con un bot').phrase).toBe('no quiero hablar con un bot')
    expect(detectHumanRequest('xfa un asesor').phrase).toBe('por favor un asesor')
  })

  it('keeps a negation inside its clause', () => {
    expect(detectHumanRequest('no, quiero hablar con una persona').asked).toBe(true)
    expect(detectHumanRequest('no quiero hablar con una persona').asked).toBe(false)
  })

  it('is safe on empty and odd input', () => {
    expect(detectHumanRequest('')).toEqual({ asked: false, phrase: null })
    expect(detectHumanRequest('👍👍')).toEqual({ asked: false, phrase: null })
    expect(detectHumanRequest('???')).toEqual({ asked: false, phrase: null })
  })
})

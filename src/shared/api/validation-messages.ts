// Validation errors reach the owner (next to a settings field, in a notice), so they are
// written here in plain Spanish instead of zod's English or its literal Spanish locale
// ("se esperaba que número fuera >=1024" is still a developer talking).
import type { z } from 'zod'

/** The parts of a zod issue these sentences read; zod's own issue types are wider. */
interface IssueLike {
  code?: string
  input?: unknown
  expected?: string
  origin?: string
  minimum?: unknown
  maximum?: unknown
  inclusive?: boolean
  format?: string
  divisor?: unknown
  values?: readonly unknown[]
  keys?: readonly string[]
}

/** Said for a field the app does not know (an old client, a typo in a script). */
export const UNKNOWN_FIELD_MESSAGE = 'La app no conoce este dato.'

/**
 * One sentence per issue, for a zod `error` map (per parse, so nothing global changes).
 * Limits are written the way the shop writes numbers (`numberLocale`, "es-CO" → 131.072).
 */
export function spanishIssueMessage(issue: IssueLike, numberLocale = 'es-CO'): string {
  const number = (value: unknown) => formatLimit(value, numberLocale)
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Falta este dato.'
      return expectedType(issue.expected)
    case 'too_small': {
      const min = issue.minimum
      if (issue.origin === 'string') return Number(min) <= 1 ? 'No puede quedar vacío.' : `Escribe al menos ${number(min)} caracteres.`
      if (issue.origin === 'array' || issue.origin === 'set') return Number(min) <= 1 ? 'Elige al menos uno.' : `Elige al menos ${number(min)}.`
      return issue.inclusive === false ? `Debe ser mayor que ${number(min)}.` : `Debe ser ${number(min)} o más.`
    }
    case 'too_big': {
      const max = issue.maximum
      if (issue.origin === 'string') return `Es demasiado largo: como mucho ${number(max)} caracteres.`
      if (issue.origin === 'array' || issue.origin === 'set') return `Son demasiados: como mucho ${number(max)}.`
      return issue.inclusive === false ? `Debe ser menor que ${number(max)}.` : `Debe ser ${number(max)} o menos.`
    }
    case 'invalid_format':
      if (issue.format === 'url') return 'Debe ser una dirección web completa, que empiece por http:// o https://.'
      if (issue.format === 'email') return 'Debe ser un correo electrónico, como nombre@ejemplo.com.'
      return 'No tiene la forma esperada; revisa lo que escribiste.'
    case 'not_multiple_of':
      return `Debe ser múltiplo de ${number(issue.divisor)}.`
    case 'invalid_value':
      return 'Elige una de las opciones de la lista.'
    case 'unrecognized_keys':
      return UNKNOWN_FIELD_MESSAGE
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return 'Este dato no es válido; revisa lo que escribiste.'
  }
}

function expectedType(expected: string | undefined): string {
  switch (expected) {
    case 'number':
    case 'bigint':
      return 'Debe ser un número.'
    case 'int':
      return 'Debe ser un número entero, sin decimales.'
    case 'string':
      return 'Debe ser un texto.'
    case 'boolean':
      return 'Debe ser sí o no.'
    case 'array':
      return 'Debe ser una lista.'
    case 'date':
      return 'Debe ser una fecha.'
    default:
      return 'Este dato no es válido; revisa lo que escribiste.'
  }
}

function formatLimit(value: unknown, numberLocale: string): string {
  if (typeof value === 'bigint') return value.toLocaleString(numberLocale)
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value)
  try {
    return new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 10 }).format(value)
  } catch {
    // A locale this runtime does not know: the digits are still right.
    return String(value)
  }
}

/** A zod error map that writes every issue in plain Spanish; messages set on a schema still win. */
export function spanishErrorMap(numberLocale?: string): z.core.$ZodErrorMap {
  return (issue) => spanishIssueMessage(issue as IssueLike, numberLocale)
}

/**
 * What the owner calls a field, for the one-line summary above a form; the form itself shows
 * each message beside its field. Keyed by the field's last name; a path not here gets no label
 * rather than a developer's dotted name.
 */
const FIELD_LABELS: Record<string, string> = {
  host: 'Dirección de Ollama',
  baseUrl: 'Dirección del servicio en la nube',
  model: 'Modelo',
  temperature: 'Creatividad',
  contextTokens: 'Memoria de la conversación',
  maxReplyTokens: 'Largo de la respuesta',
  timeoutSeconds: 'Tiempo de espera',
  holdingReply: 'Mensaje mientras el bot no está',
  maxReplyChars: 'Largo máximo de la respuesta',
  handoffReply: 'Mensaje al pasar a una persona',
  extraAllowedAmounts: 'Montos permitidos',
  shopName: 'Nombre de la tienda',
  systemPrompt: 'Instrucciones del bot',
  country: 'País',
  currency: 'Moneda',
  numberLocale: 'Formato de números',
  timezone: 'Zona horaria',
  week: 'Horario',
  open: 'Hora de apertura',
  close: 'Hora de cierre',
  message: 'Mensaje',
  historyMessages: 'Mensajes anteriores que lee el bot',
  minScore: 'Nota mínima',
  noReplyHours: 'Horas sin respuesta',
  epochs: 'Vueltas de entrenamiento',
  learningRate: 'Velocidad de aprendizaje',
  phone: 'Número',
  text: 'Mensaje',
  from: 'Cliente',
  apiKey: 'Clave de la nube',
  name: 'Nombre',
  price: 'Precio',
  response: 'Respuesta',
  score: 'Nota',
  ids: 'Respuestas elegidas',
  importFile: 'Archivo',
  baseModel: 'Modelo de partida',
  content: 'Archivo',
  url: 'Dirección',
}

/** "Número: Escribe el número completo…" — or the bare message when the field has no name for the owner. */
export function labelledMessage(path: string, message: string): string {
  const leaf = path.split('.').filter((part) => !/^\d+$/.test(part)).at(-1)
  const label = leaf ? FIELD_LABELS[leaf] : undefined
  return label ? `${label}: ${message}` : message
}

/** The one-line summary the dispatcher writes for a validation failure, from its fields. */
export function validationSummary(fields: readonly { path: string; message: string }[]): string {
  return fields.map((f) => labelledMessage(f.path, f.message)).join(' ')
}

/**
 * Whether an error's message is only that summary (the fields say it better, beside each
 * input) rather than a sentence of its own, like "Ya existe un producto con el código…".
 */
export function isValidationSummary(error: { message: string; fields?: readonly { path: string; message: string }[] | undefined }): boolean {
  return Boolean(error.fields?.length) && error.message === validationSummary(error.fields ?? [])
}

// Random JSON values for fuzzing the API and the CLI's input files. Deterministic (a seeded
// PRNG), so a failure replays; biased towards what breaks parsers and handlers: wrong types,
// boundary numbers, huge and odd strings, deep nesting, prototype keys, paths and URLs.
import type { z } from 'zod'
import { mulberry32 } from '../../src/main/kernel/hash'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const ODD_STRINGS = [
  '',
  ' ',
  'a',
  'Hola, ¿cuánto vale?',
  '💥🙂🏽‍♀️',
  '\u0000\u0001\u001f',
  '\u202e\u200b\ufeff',
  '\ud800',
  '../../../../etc/hostname',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'file:///etc/hostname',
  'http://169.254.169.254/latest/meta-data/',
  'http://10.0.0.1:11434',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  "'; DROP TABLE messages; --",
  '__proto__',
  'constructor',
  '%E0%A4%A',
  '2026-02-30',
  '-1',
  'NaN',
  '1e309',
  '(((((((((((((((((((((((((((((((((((((((((',
  '$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$',
]

/** Ordinary shop text: most real input looks like this, and it passes trims and minimum lengths. */
const PLAIN_TEXT = ['Audífonos Bluetooth X2 ', 'Hola, ¿tienen envío a Lima? ', 'curso de piano ', 'COP', 'general', 'Precio $89.000 ']

/** Strings that fit the contract's few patterns (phones, currency codes), so those inputs can pass too. */
const PATTERN_CANDIDATES = ['573001234567', '+5215512345678', 'COP', 'USD', 'mxn', 'abc', '12', 'MX', 'CO', 'ZZ']
/** Addresses for URL fields: the pages the app may open, and ones it must refuse. */
const URL_CANDIDATES = ['https://ollama.com/download', 'https://ollama.com/download/windows', 'https://example.com/', 'http://127.0.0.1:11434', 'file:///etc/passwd']

/** A real 1×1 PNG, so photo uploads can get past decoding to the handler, beside garbage ones. */
const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='

const ODD_NUMBERS = [0, -0, 1, -1, 0.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), 1e308, -1e308, 5e-324, 1024, 131_072, 4096]

/** The part of JSON Schema that `z.toJSONSchema` writes for the API's inputs. */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: Json[]
  const?: Json
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  pattern?: string
  format?: string
}

export interface RandomJson {
  value(depth?: number): Json
  /**
   * A value that follows the schema (so most of them reach the handler), with strings from the
   * odd list cut to length, numbers at and inside their bounds, ids from `ids` when it has some,
   * and, at rate `mutate`, one field replaced by anything at all.
   */
  valid(schema: JsonSchema, ids: readonly string[], mutate?: number): Json
  /** A value shaped like the schema's keys (so validation gets past the top level), filled at random. */
  shaped(schema: z.ZodType): Json
  int(max: number): number
  pick<T>(items: readonly T[]): T
}

export function randomJson(seed: number, options: { hugeStringChars?: number } = {}): RandomJson {
  const random = mulberry32(seed)
  const huge = options.hugeStringChars ?? 100_000
  const int = (max: number) => Math.floor(random() * max)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!

  // Huge strings only near the top, and long arrays only of small atoms: one request stays a few MB at most.
  const string = (depth = 0): string => {
    const roll = int(6)
    if (roll === 1 && depth <= 1) return pick(['a', '9', ' ', '(', '.', 'ñ', '@', '\n']).repeat(1 + int(huge))
    if (roll === 2) return Array.from({ length: 1 + int(40) }, () => String.fromCharCode(int(0xffff))).join('')
    if (roll === 3) return `c${Math.floor(random() * 1e12).toString(36)}`
    if (roll === 4) return pick(ODD_STRINGS) + pick(ODD_STRINGS)
    return pick(ODD_STRINGS)
  }

  const value = (depth = 0): Json => {
    const roll = int(depth > 3 ? 6 : 9)
    switch (roll) {
      case 0:
        return null
      case 1:
        return random() < 0.5
      case 2:
        return pick(ODD_NUMBERS)
      case 3:
      case 4:
        return string(depth)
      case 5:
        return random() * 1e6 - 5e5
      case 6:
        if (random() < 0.05) return Array.from({ length: 5_000 }, () => pick(ODD_NUMBERS))
        return Array.from({ length: int(5) }, () => value(depth + 1))
      default: {
        // Null prototype: '__proto__' becomes an own key that JSON.stringify sends, as an attacker would.
        const object = Object.create(null) as { [key: string]: Json }
        for (let i = int(5); i > 0; i--) object[pick(['__proto__', 'constructor', 'prototype', 'text', 'id', string()])] = value(depth + 1)
        return object
      }
    }
  }

  const shaped = (schema: z.ZodType): Json => {
    const keys = objectKeys(schema)
    if (keys.length === 0) return random() < 0.5 ? {} : value()
    const object = Object.create(null) as { [key: string]: Json }
    for (const key of keys) {
      if (random() < 0.7) object[key] = random() < 0.3 ? shaped(nestedSchema(schema, key) ?? schema) : value(1)
    }
    if (random() < 0.2) object[pick(['__proto__', 'extra', 'constructor'])] = value(1)
    return object
  }

  const valid = (schema: JsonSchema, ids: readonly string[], mutate = 0, key = ''): Json => {
    if (mutate > 0 && random() < mutate) return value(2)
    const alternatives = schema.oneOf ?? schema.anyOf
    if (alternatives) return valid(pick(alternatives), ids, mutate, key)
    if (schema.const !== undefined) return schema.const
    if (schema.enum) return pick(schema.enum)
    const type = Array.isArray(schema.type) ? pick(schema.type) : schema.type
    switch (type) {
      case 'object': {
        const object = Object.create(null) as { [key: string]: Json }
        const required = new Set(schema.required ?? [])
        for (const [name, property] of Object.entries(schema.properties ?? {})) {
          if (required.has(name) || random() < 0.6) object[name] = valid(property, ids, mutate, name)
        }
        return object
      }
      case 'array': {
        const min = schema.minItems ?? 0
        const max = Math.min(schema.maxItems ?? 6, min + 6)
        return Array.from({ length: min + int(max - min + 1) }, () => valid(schema.items ?? {}, ids, mutate, key))
      }
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? -1e6
        const max = schema.maximum ?? 1e6
        const n = pick([min, max, min + (max - min) * random()])
        return type === 'integer' ? Math.round(Math.min(max, Math.max(min, n))) : n
      }
      case 'boolean':
        return random() < 0.5
      case 'string': {
        if (ids.length > 0 && /id$/i.test(key) && random() < 0.7) return pick(ids)
        if (key === 'dataBase64' && random() < 0.7) return TINY_PNG_BASE64
        if (key === 'mimeType' && random() < 0.7) return 'image/png'
        if (schema.format === 'uri' && random() < 0.8) return pick(URL_CANDIDATES)
        if (schema.pattern) {
          const pattern = new RegExp(schema.pattern)
          const fits = PATTERN_CANDIDATES.filter((candidate) => pattern.test(candidate))
          return fits.length > 0 && random() < 0.8 ? pick(fits) : string(1)
        }
        const min = schema.minLength ?? 0
        const max = Math.min(schema.maxLength ?? 2_000, huge)
        let text = random() < 0.5 ? pick(PLAIN_TEXT).repeat(1 + int(random() < 0.2 ? 400 : 3)) : string(1)
        while (text.length < min) text += 'x'
        return text.slice(0, Math.max(min, Math.min(max, text.length)))
      }
      default:
        return value(2)
    }
  }

  return { value, shaped, valid, int, pick }
}

/** Zod 4 keeps a schema's definition under `_zod.def`; enough of it to find object keys. */
interface Def {
  type?: string
  shape?: Record<string, z.ZodType>
  options?: z.ZodType[]
  innerType?: z.ZodType
  in?: z.ZodType
}

function defOf(schema: z.ZodType): Def {
  return ((schema as unknown as { _zod?: { def?: Def } })._zod?.def ?? {}) as Def
}

function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema)
  if (def.type === 'object') return [schema]
  if (def.options) return def.options.flatMap(unwrap)
  if (def.innerType) return unwrap(def.innerType)
  if (def.in) return unwrap(def.in)
  return []
}

export function objectKeys(schema: z.ZodType): string[] {
  return [...new Set(unwrap(schema).flatMap((s) => Object.keys(defOf(s).shape ?? {})))]
}

function nestedSchema(schema: z.ZodType, key: string): z.ZodType | undefined {
  for (const object of unwrap(schema)) {
    const inner = defOf(object).shape?.[key]
    if (inner) return inner
  }
  return undefined
}

// Every validation message the API can send reaches the owner's screen somewhere (a settings
// field, a notice), so every one must be Spanish: one bad value per field of every method,
// read back through the real dispatcher and contract.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createDispatcher } from '../../../src/main/api/dispatcher'
import type { HandlerTable } from '../../../src/main/api/handler-table'
import { silentLogger } from '../../../src/main/kernel/logger'
import { apiContract, type ApiMethod } from '../../../src/shared/api/contract'
import type { ApiResult } from '../../../src/shared/api/errors'
import { englishWords } from '../../support/english-text'
import type { JsonSchema } from '../../fuzz/random-input'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Values that break one rule of the schema each. */
function badValues(schema: JsonSchema): Json[] {
  const options = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]
  if (options.length > 0) return options.flatMap(badValues)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  const bad: Json[] = []
  if (schema.enum) bad.push('zzz', 7)
  switch (type) {
    case 'number':
    case 'integer':
      bad.push('diez', true)
      if (schema.minimum !== undefined) bad.push(schema.minimum - 1)
      if (schema.maximum !== undefined) bad.push(schema.maximum + 1)
      if (type === 'integer') bad.push(1.5)
      break
    case 'string':
      bad.push(5, '')
      if (schema.maxLength !== undefined) bad.push('x'.repeat(schema.maxLength + 1))
      if (schema.pattern) bad.push('!!')
      break
    case 'boolean':
      bad.push('sí')
      break
    case 'array':
      bad.push('lista', [{ nada: 1 }])
      if (schema.minItems) bad.push([])
      if (schema.maxItems !== undefined) bad.push(Array.from({ length: schema.maxItems + 1 }, () => 1))
      if (schema.items) bad.push(...badValues(schema.items).slice(0, 3).map((item) => [item]))
      break
    case 'object':
      bad.push(5, { campoQueNoExiste: 1 })
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        for (const value of badValues(property)) bad.push({ [key]: value })
      }
      break
  }
  return bad
}

describe('validation messages', () => {
  const fail = () => {
    throw new Error('handler not used by this test')
  }
  const handlers = new Proxy({}, { get: () => fail }) as HandlerTable

  it('are Spanish for one bad value in every field of every method', async () => {
    const dispatch = createDispatcher(handlers, silentLogger, { numberLocale: () => 'es-CO' })
    const english: string[] = []
    let checked = 0
    for (const method of Object.keys(apiContract) as ApiMethod[]) {
      const schema = z.toJSONSchema(apiContract[method].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema
      const inputs: Json[] = [null, 'texto', [], ...badValues(schema)]
      for (const input of inputs) {
        const result: ApiResult<unknown> = await dispatch(method, input)
        if (result.ok) continue
        checked++
        const texts = [result.error.message, ...(result.error.fields ?? []).map((f) => f.message)]
        for (const text of texts) if (englishWords(text).length > 0) english.push(`${method} ${JSON.stringify(input).slice(0, 80)} → ${text}`)
      }
    }
    expect(checked).toBeGreaterThan(300)
    expect(english.slice(0, 20)).toEqual([])
  })

  it('write limits as the shop writes numbers and name the field in owner words', async () => {
    const colombia = createDispatcher(handlers, silentLogger, { numberLocale: () => 'es-CO' })
    const result = await colombia('settings.update', { llm: { contextTokens: 200_000 } })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'llm.contextTokens', message: 'Debe ser 131.072 o menos.' }] } })
    expect(result.ok || result.error.message).toBe('Memoria de la conversación: Debe ser 131.072 o menos.')
    const mexico = createDispatcher(handlers, silentLogger, { numberLocale: () => 'es-MX' })
    const small = await mexico('settings.update', { llm: { contextTokens: 10 } })
    expect(small.ok || small.error.fields?.[0]?.message).toBe('Debe ser 1,024 o más.')
  })

  it('say a missing or unknown method in Spanish, and an internal failure without details', async () => {
    const dispatch = createDispatcher(handlers, silentLogger)
    for (const result of [await dispatch('conversations.drop', {}), await dispatch('app.status', {})]) {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(englishWords(result.error.message)).toEqual([])
    }
  })
})

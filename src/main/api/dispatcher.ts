import type { z } from 'zod'
import { apiContract, isApiMethod } from '../../shared/api/contract'
import { ApiError, type ApiFieldError, type ApiResult } from '../../shared/api/errors'
import type { Logger } from '../kernel/logger'
import { DISK_FULL_MESSAGE, isDiskFull } from '../store/disk-full'
import type { HandlerTable } from './handler-table'

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>

/**
 * Validates input against the contract, runs the handler, and turns every failure into a
 * serialisable error. Internal errors are logged in full and reported without details.
 */
export function createDispatcher(handlers: HandlerTable, logger: Logger): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method: ${method}` } }
    }
    const parsed = apiContract[method].input.safeParse(input ?? {})
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error)
      const message = `Invalid input for ${method}: ` + fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ')
      return { ok: false, error: { code: 'invalid_input', message, fields } }
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() }
      // Nothing was written: the owner frees space and tries again; nothing else to say.
      if (isDiskFull(error)) return { ok: false, error: { code: 'unavailable', message: DISK_FULL_MESSAGE } }
      logger.error(`Handler ${method} failed`, { error, stack: error instanceof Error ? error.stack : undefined })
      return { ok: false, error: { code: 'internal', message: `${method} failed` } }
    }
  }
}

function fieldErrors(error: z.ZodError): ApiFieldError[] {
  return error.issues.flatMap((issue): ApiFieldError[] => {
    const base = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'is not a known field' }))
    }
    return [{ path: base, message: issue.message }]
  })
}

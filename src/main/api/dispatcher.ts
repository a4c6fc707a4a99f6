import type { z } from 'zod'
import { apiContract, isApiMethod } from '../../shared/api/contract'
import { ApiError, type ApiFieldError, type ApiResult } from '../../shared/api/errors'
import { spanishErrorMap, UNKNOWN_FIELD_MESSAGE, validationSummary } from '../../shared/api/validation-messages'
import type { Logger } from '../kernel/logger'
import { DISK_FULL_MESSAGE, isDiskFull } from '../store/disk-full'
import type { HandlerTable } from './handler-table'

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>

export interface DispatcherOptions {
  /** How the shop writes numbers, for the limits in validation messages ("131.072" in Colombia). */
  numberLocale?: () => string
}

/**
 * Validates input against the contract, runs the handler, and turns every failure into a
 * serialisable error. Internal errors are logged in full and reported without details.
 */
export function createDispatcher(handlers: HandlerTable, logger: Logger, options: DispatcherOptions = {}): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) {
      // Only an old or foreign client gets here; the owner still reads it, so it is Spanish.
      return { ok: false, error: { code: 'unknown_method', message: `Esta versión de la app no sabe hacer «${method}». Actualiza la app o recarga la página.` } }
    }
    // Every message can reach the owner's screen: Spanish, per parse (no global zod config).
    const parsed = apiContract[method].input.safeParse(input ?? {}, { error: spanishErrorMap(numberLocaleOf(options, logger)) })
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error)
      const message = validationSummary(fields)
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
      // The details are in the log; the owner gets what to do.
      return { ok: false, error: { code: 'internal', message: 'Algo falló dentro de la app y no se completó. Vuelve a intentarlo; si se repite, revisa el registro.' } }
    }
  }
}

function fieldErrors(error: z.ZodError): ApiFieldError[] {
  return error.issues.flatMap((issue): ApiFieldError[] => {
    const base = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: UNKNOWN_FIELD_MESSAGE }))
    }
    return [{ path: base, message: issue.message }]
  })
}

function numberLocaleOf(options: DispatcherOptions, logger: Logger): string | undefined {
  try {
    return options.numberLocale?.()
  } catch (error) {
    // The settings could not be read: the message is still right, with default digits.
    logger.warn('Could not read the number format for a validation message', { error })
    return undefined
  }
}

import { ApiError } from '../../../shared/api/errors'
import type { Translate } from '../i18n/i18n'

/**
 * A failed call in words the owner can act on. Errors the core raises on purpose (a WhatsApp
 * action the link's state does not allow) already carry a Spanish sentence and no fields;
 * validation errors carry fields and technical text, so they get the "revisa los datos" frame.
 */
export function describeError(failure: unknown, t: Translate): string {
  if (failure instanceof ApiError) {
    if (failure.code === 'unavailable') return t('error.unavailable')
    if (failure.code === 'internal') return t('error.internal')
    if (failure.code === 'precondition') return failure.message
    if (failure.code === 'invalid_input') return failure.fields?.length ? t('error.invalid_input', { message: failure.message }) : failure.message
  }
  const message = failure instanceof Error ? failure.message : String(failure)
  return t('error.generic', { message })
}

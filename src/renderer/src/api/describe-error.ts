import { ApiError } from '../../../shared/api/errors'
import type { Translate } from '../i18n/i18n'

/**
 * A failed call in words the owner can act on. Errors the core raises on purpose (a WhatsApp
 * action the link's state does not allow, something that no longer exists) already carry a
 * Spanish sentence and no fields; validation errors carry fields, so they get the "revisa los
 * datos" frame.
 */
export function describeError(failure: unknown, t: Translate): string {
  if (failure instanceof ApiError) {
    if (failure.code === 'invalid_input' && failure.fields?.length) return t('error.invalid_input', { message: failure.message })
    // The core writes every message for the owner (what happened and what to do), in Spanish;
    // an unexpected failure already arrives as a general "algo falló" without the details.
    return failure.message
  }
  // Not from the core: a bug or the browser's own words ("Failed to fetch"), in English and
  // useless to the owner; the console keeps the details.
  console.warn('Unexpected failure', failure)
  return t('error.internal')
}

import type { ApiFieldError } from '../../shared/api/errors'
import type { Settings } from '../../shared/types'
import { validateBusinessHours } from '../guardrails/business-hours'

/** Rules over whole settings that the per-field schema cannot express. */
export function settingsProblems(settings: Settings): ApiFieldError[] {
  const problems: ApiFieldError[] = validateBusinessHours(settings.businessHours).map((message) => ({ path: 'businessHours', message }))
  if (settings.llm.maxReplyTokens >= settings.llm.contextTokens / 2) {
    problems.push({ path: 'llm.maxReplyTokens', message: 'La respuesta no puede ocupar la mitad del contexto o más' })
  }
  return problems
}

import type { Settings } from '../../../../shared/types'

export type Draft = Settings
export type SetDraft = (update: (draft: Draft) => Draft) => void

export interface SectionProps {
  draft: Draft
  setDraft: SetDraft
  /** Server-side field errors by path prefix (`llm.model`, `businessHours`…). */
  errors: Record<string, string>
}

export function FieldError({ message }: { message: string | undefined }) {
  return message ? <span className="form-error">{message}</span> : null
}

import type { LlmStatus } from '../../../shared/types'
import { useT } from '../i18n/i18n'

/** Says in plain words why the bot is silent, and that no message is lost. */
export function ModelBanner({ llm }: { llm: LlmStatus }) {
  const t = useT()
  if (llm.state === 'ready' || llm.state === 'unknown') return null
  const text =
    llm.state === 'unreachable'
      ? t('banner.unreachable', { host: llm.host })
      : llm.state === 'model_missing'
        ? t('banner.model_missing', { model: llm.model })
        : t('banner.error', { detail: llm.detail ?? '' })
  return (
    <div className="banner" role="alert" data-testid="model-banner">
      {text}
    </div>
  )
}

import type { LlmStatus } from '../../../shared/types'
import { useT } from '../i18n/i18n'

/** Says in plain words why the bot is silent (or who answers instead), and that no message is lost. */
export function ModelBanner({ llm }: { llm: LlmStatus }) {
  const t = useT()
  if (llm.state === 'ready' || llm.state === 'unknown') return null
  if (llm.canAnswer && llm.fallback) {
    return (
      <div className="banner warn" role="status" data-testid="model-banner">
        {t('banner.fallback', { host: llm.host, model: llm.fallback.model })}
      </div>
    )
  }
  const text =
    llm.state === 'unreachable'
      ? t('banner.unreachable', { host: llm.host })
      : llm.state === 'model_missing'
        ? t('banner.model_missing', { model: llm.model })
        : llm.state === 'unauthorized'
          ? t('banner.unauthorized', { detail: llm.detail ?? '' })
          : t('banner.error', { detail: llm.detail ?? '' })
  return (
    <div className="banner" role="alert" data-testid="model-banner">
      {text}
    </div>
  )
}

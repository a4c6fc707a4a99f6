import type { LlmStatus } from '../../../shared/types'
import { useT } from '../i18n/i18n'

/**
 * Says in plain words why the bot is silent (or who answers instead), and that no message is
 * lost. What to do is the Modelo step of Primeros pasos, never a command to type.
 */
export function ModelBanner({ llm, onOpenModelStep }: { llm: LlmStatus; onOpenModelStep: () => void }) {
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
  // A stopped or missing Ollama, or a model not downloaded, is fixed from the Modelo step.
  const fixable = llm.provider === 'ollama' && (llm.state === 'unreachable' || llm.state === 'model_missing')
  return (
    <div className="banner" role="alert" data-testid="model-banner">
      {text}
      {fixable && (
        <>
          {' '}
          <button type="button" className="link-button banner-action" onClick={onOpenModelStep} data-testid="banner-model-step">
            {t(llm.state === 'unreachable' ? 'banner.action.unreachable' : 'banner.action.model_missing')}
          </button>
        </>
      )}
    </div>
  )
}

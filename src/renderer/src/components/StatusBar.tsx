import type { AppStatus, WhatsappState } from '../../../shared/types'
import type { ServerConnection } from '../api/server-connection'
import { useModelVersions } from '../api/use-model-versions'
import { useT } from '../i18n/i18n'
import { useFormat } from '../number-format'

// Not linked yet (or linking) is a step, not a fault; a link that was lost is.
const WHATSAPP_TONE: Record<WhatsappState, 'ok' | 'neutral' | 'bad'> = {
  open: 'ok',
  unpaired: 'neutral',
  pairing: 'neutral',
  connecting: 'neutral',
  closed: 'bad',
  logged_out: 'bad',
  replaced: 'bad',
}

export function StatusBar({
  status,
  serverConnection,
  onCheck,
  onOpenWhatsapp,
  onOpenModelStep,
}: {
  status: AppStatus | null
  serverConnection: ServerConnection
  onCheck: () => void
  onOpenWhatsapp: () => void
  /** Where a stopped Ollama or a missing model is fixed (Primeros pasos → Modelo). */
  onOpenModelStep: () => void
}) {
  const t = useT()
  const fmt = useFormat()
  // The shop's versions, to name the live one "Versión 1 (entrenada el 3 de dic)".
  const versions = useModelVersions()
  if (!status) return <header className="statusbar" />
  const whatsapp = status.whatsapp
  const llm = status.llm
  const onFallback = llm.state !== 'ready' && llm.canAnswer && llm.fallback !== null
  const modelTone = llm.state === 'ready' ? 'ok' : llm.state === 'unknown' ? 'neutral' : onFallback ? 'warn' : 'bad'
  return (
    <header className="statusbar" data-testid="statusbar">
      <button
        type="button"
        className={`pill pill-button ${WHATSAPP_TONE[whatsapp.state]}`}
        data-testid="whatsapp-status"
        data-state={whatsapp.state}
        title={whatsapp.state === 'open' && whatsapp.phone ? t('status.whatsapp.open.title', { phone: whatsapp.phone }) : t('status.whatsapp.action')}
        onClick={onOpenWhatsapp}
      >
        <span className="dot" />
        {t('status.whatsapp')}: {t(`status.whatsapp.${whatsapp.state}`)}
      </button>
      <button
        type="button"
        className={`pill pill-button ${modelTone}`}
        data-testid="model-status"
        title={llm.state === 'ready' || llm.state === 'unknown' ? (llm.detail ?? llm.host) : t('status.model.action')}
        onClick={onOpenModelStep}
      >
        <span className="dot" />
        {llm.state === 'ready' ? (
          <>
            {/* Ready needs no model name on a phone (Ajustes and Primeros pasos show it); a fault keeps its words. */}
            <span className="wide-only">
              {t('status.model')}:{' '}
              {versions.some((v) => v.name === llm.model)
                ? t('status.model.ready.version', { model: fmt.modelName(llm.model, versions) })
                : t('status.model.ready', { model: fmt.modelName(llm.model, versions) })}
            </span>
            <span className="narrow-only">{t('status.model.ready.short')}</span>
          </>
        ) : (
          <>
            {t('status.model')}: {t(`status.model.${llm.state}`, { model: fmt.modelName(llm.model, versions) })}
          </>
        )}
        {onFallback && ` · ${t('status.model.fallback', { model: llm.fallback!.model })}`}
      </button>
      {status.waitingForModel > 0 && (
        <span className="pill warn" data-testid="waiting-count">
          {t(status.waitingForModel === 1 ? 'status.waiting.one' : 'status.waiting.other', { count: status.waitingForModel })}
        </span>
      )}
      {status.diskFull && (
        <span className="pill bad" role="alert" data-testid="disk-full" title={t('status.diskFull.title')}>
          <span className="dot" />
          {t('status.diskFull')}
        </span>
      )}
      {serverConnection === 'reconnecting' && <span className="pill neutral">{t('status.server.reconnecting')}</span>}
      <span className="spacer" />
      {llm.state !== 'ready' && (
        <button type="button" className="link-button" onClick={onCheck}>
          {t('status.checkAgain')}
        </button>
      )}
      <span className="version">v{status.version}</span>
    </header>
  )
}

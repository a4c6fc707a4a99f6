import type { AppStatus } from '../../../shared/types'
import type { MessageKey } from '../i18n/es'
import { useT } from '../i18n/i18n'
import type { ServerConnection } from '../Root'

export function StatusBar({
  status,
  serverConnection,
  onCheck,
}: {
  status: AppStatus | null
  serverConnection: ServerConnection
  onCheck: () => void
}) {
  const t = useT()
  if (!status) return <header className="statusbar" />
  const wa = status.whatsapp.state
  const llm = status.llm
  const modelTone = llm.state === 'ready' ? 'ok' : llm.state === 'unknown' ? 'neutral' : 'bad'
  // Not linked yet is a state, not a fault; a link that was lost is.
  const waTone = wa === 'open' ? 'ok' : wa === 'connecting' || wa === 'unpaired' ? 'neutral' : 'bad'
  return (
    <header className="statusbar" data-testid="statusbar">
      <span className={`pill ${waTone}`} data-testid="whatsapp-status">
        <span className="dot" />
        {t('status.whatsapp')}: {t(`status.whatsapp.${wa}` as MessageKey)}
      </span>
      <span className={`pill ${modelTone}`} data-testid="model-status" title={llm.detail ?? llm.host}>
        <span className="dot" />
        {t('status.model')}: {t(`status.model.${llm.state}` as MessageKey, { model: llm.model })}
      </span>
      {status.waitingForModel > 0 && (
        <span className="pill warn" data-testid="waiting-count">
          {t(status.waitingForModel === 1 ? 'status.waiting.one' : 'status.waiting.other', { count: status.waitingForModel })}
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

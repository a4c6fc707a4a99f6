import type { OwnerAlert } from '../../../shared/api/events'
import { useT } from '../i18n/i18n'

/** Things the owner should act on now, on whatever screen they are: a customer asking for a person. */
export function AlertToasts({ alerts, onOpen, onDismiss }: { alerts: OwnerAlert[]; onOpen: (a: OwnerAlert) => void; onDismiss: (a: OwnerAlert) => void }) {
  const t = useT()
  if (alerts.length === 0) return null
  return (
    <div className="toasts" aria-live="assertive">
      {alerts.map((alert) => (
        <div key={`${alert.conversationId}-${alert.at}`} className="toast" role="alert" data-testid="owner-alert">
          <p>
            {alert.kind === 'human_request'
              ? t('alert.human_request', { name: alert.customerName, text: alert.text.length > 120 ? `${alert.text.slice(0, 119)}…` : alert.text })
              : alert.text}
          </p>
          <div className="toast-actions">
            <button type="button" className="primary" onClick={() => onOpen(alert)}>
              {t('alert.open')}
            </button>
            <button type="button" onClick={() => onDismiss(alert)}>
              {t('alert.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </div>
  )
}

import type { TransportKind } from '../../../shared/types'
import { useT } from '../i18n/i18n'

// Material Design icons "call" and "science" (Apache 2.0): a handset for WhatsApp chats, a
// flask for the simulator's test chats.
const PATHS: Record<TransportKind, string> = {
  whatsapp:
    'M6.62 10.79a15.05 15.05 0 0 0 6.59 6.59l2.2-2.2a1 1 0 0 1 1.01-.24c1.12.37 2.33.57 3.58.57a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.46.57 3.58a1 1 0 0 1-.25 1.01l-2.2 2.2z',
  simulator:
    'M19.8 18.4 14 10.67V6.5l1.35-1.69c.26-.33.03-.81-.39-.81H9.04c-.42 0-.65.48-.39.81L10 6.5v4.17L4.2 18.4c-.49.66-.02 1.6.8 1.6h14c.82 0 1.29-.94.8-1.6z',
}

/** Which way a chat came in, as a corner mark on its avatar; the words are for screen readers and hover. */
export function TransportIcon({ transport }: { transport: TransportKind }) {
  const t = useT()
  return (
    <span className={`transport-icon transport-${transport}`} title={t(`conversations.transport.${transport}.title`)}>
      <svg viewBox="0 0 24 24" width="11" height="11" aria-hidden="true">
        <path d={PATHS[transport]} fill="currentColor" />
      </svg>
      <span className="sr-only">{t(`conversations.transport.${transport}`)}</span>
    </span>
  )
}

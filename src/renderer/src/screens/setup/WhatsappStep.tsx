import { useT } from '../../i18n/i18n'
import { PairingPanel } from '../pairing/PairingScreen'

/** Step "WhatsApp": the pairing screen's content; "Más tarde" leaves the bot answering only in the simulator. */
export function WhatsappStep({ openSince }: { openSince: number | null }) {
  const t = useT()
  return (
    <div className="setup-whatsapp pairing">
      <p className="card-lead">{t('setup.whatsapp.lead')}</p>
      <PairingPanel openSince={openSince} />
    </div>
  )
}

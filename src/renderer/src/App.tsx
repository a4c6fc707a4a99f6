import { useCallback, useEffect, useRef, useState } from 'react'
import type { OwnerAlert } from '../../shared/api/events'
import type { AppStatus, Settings, WhatsappState, WhatsappStatus } from '../../shared/types'
import { useApi, useApiEvent } from './api/api-context'
import type { ServerConnection } from './api/server-connection'
import { AlertToasts } from './components/AlertToasts'
import { ModelBanner } from './components/ModelBanner'
import { Sidebar, type ScreenId } from './components/Sidebar'
import { StatusBar } from './components/StatusBar'
import { I18nProvider } from './i18n/i18n'
import { CatalogScreen } from './screens/catalog/CatalogScreen'
import { ConversationsScreen } from './screens/conversations/ConversationsScreen'
import { PairingScreen } from './screens/pairing/PairingScreen'
import { ReviewScreen } from './screens/review/ReviewScreen'
import { SettingsScreen } from './screens/settings/SettingsScreen'
import { StatsScreen } from './screens/stats/StatsScreen'
import { TrainingScreen } from './screens/training/TrainingScreen'

export function App({ serverConnection }: { serverConnection: ServerConnection }) {
  const api = useApi()
  const [screen, setScreen] = useState<ScreenId>('conversations')
  const [status, setStatus] = useState<AppStatus | null>(null)
  const [settings, setSettings] = useState<Settings | null>(null)
  const [whatsappOpenSince, setWhatsappOpenSince] = useState<number | null>(null)
  const [alerts, setAlerts] = useState<OwnerAlert[]>([])
  // Bumped with each "Abrir chat" so the conversations screen remounts on that chat.
  const [openChat, setOpenChat] = useState<{ id: string; nonce: number } | null>(null)
  const lastWhatsappState = useRef<WhatsappState | null>(null)

  // The core does not say since when the link is open; a transition seen here is the best
  // there is. A link already open when this window loaded has no known start.
  const noteWhatsapp = useCallback((whatsapp: WhatsappStatus) => {
    const before = lastWhatsappState.current
    lastWhatsappState.current = whatsapp.state
    if (whatsapp.state !== 'open') setWhatsappOpenSince(null)
    else if (before !== null && before !== 'open') setWhatsappOpenSince(Date.now())
  }, [])

  const applyStatus = useCallback(
    (next: AppStatus) => {
      noteWhatsapp(next.whatsapp)
      setStatus(next)
    },
    [noteWhatsapp],
  )

  const refreshStatus = useCallback(() => {
    api.call('app.status', {}).then(applyStatus, () => {})
  }, [api, applyStatus])

  useEffect(() => {
    refreshStatus()
    api.call('settings.get', {}).then(setSettings, () => {})
  }, [api, refreshStatus])
  useApiEvent('status.changed', applyStatus)
  // Pairing moves fast (a new QR every ~20 s); the pill follows the link's own event too.
  useApiEvent('whatsapp.status', (whatsapp) => {
    noteWhatsapp(whatsapp)
    setStatus((current) => (current ? { ...current, whatsapp } : current))
  })

  useApiEvent(
    'owner.alert',
    useCallback((alert: OwnerAlert) => setAlerts((current) => [...current.filter((a) => a.conversationId !== alert.conversationId), alert].slice(-4)), []),
  )

  const locale = settings?.locale ?? 'es'
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  return (
    <I18nProvider locale={locale}>
      <div className="shell">
        <Sidebar current={screen} onSelect={setScreen} />
        <div className="main">
          <StatusBar
            status={status}
            serverConnection={serverConnection}
            onOpenWhatsapp={() => setScreen('pairing')}
            onCheck={() => {
              api.call('llm.check', {}).then(refreshStatus, refreshStatus)
            }}
          />
          {status && <ModelBanner llm={status.llm} />}
          <main className="content">
            {screen === 'conversations' && (
              <ConversationsScreen
                key={openChat?.nonce ?? 0}
                initialConversationId={openChat?.id ?? null}
                takeoverPauseMinutes={settings?.whatsapp.takeoverPauseMinutes ?? null}
                whatsappState={status?.whatsapp.state ?? null}
              />
            )}
            {screen === 'settings' && settings && <SettingsScreen settings={settings} onSaved={setSettings} />}
            {screen === 'review' && <ReviewScreen />}
            {screen === 'training' && <TrainingScreen />}
            {screen === 'pairing' && <PairingScreen openSince={whatsappOpenSince} />}
            {screen === 'catalog' && <CatalogScreen locale={locale} />}
            {screen === 'stats' && <StatsScreen onReview={() => setScreen('review')} />}
          </main>
          <AlertToasts
            alerts={alerts}
            onOpen={(alert) => {
              setAlerts((current) => current.filter((a) => a !== alert))
              setOpenChat({ id: alert.conversationId, nonce: Date.now() })
              setScreen('conversations')
            }}
            onDismiss={(alert) => setAlerts((current) => current.filter((a) => a !== alert))}
          />
        </div>
      </div>
    </I18nProvider>
  )
}

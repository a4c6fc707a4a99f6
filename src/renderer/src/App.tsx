import { useCallback, useEffect, useRef, useState } from 'react'
import type { OwnerAlert } from '../../shared/api/events'
import type { SetupDto, SetupStepId } from '../../shared/setup'
import type { AppStatus, ConversationDto, Settings, WhatsappState, WhatsappStatus } from '../../shared/types'
import { useApi, useApiEvent, useApiResync } from './api/api-context'
import type { ServerConnection } from './api/server-connection'
import { AlertToasts } from './components/AlertToasts'
import { DemoModeBanner } from './components/DemoModeBanner'
import { CycleSummaryCard } from './components/CycleSummaryCard'
import { ModelBanner } from './components/ModelBanner'
import { Sidebar, type ScreenId } from './components/Sidebar'
import { StatusBar } from './components/StatusBar'
import { I18nProvider } from './i18n/i18n'
import { CatalogScreen } from './screens/catalog/CatalogScreen'
import { ConversationsScreen } from './screens/conversations/ConversationsScreen'
import { PairingScreen } from './screens/pairing/PairingScreen'
import { ReviewScreen } from './screens/review/ReviewScreen'
import { SetupScreen } from './screens/setup/SetupScreen'
import { opensAtStart, startStep } from './screens/setup/setup-model'
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
  const [setup, setSetup] = useState<SetupDto | null>(null)
  const [setupStep, setSetupStep] = useState<SetupStepId>('shop')
  // The owner may click elsewhere before the first answer lands: the assistant then does not pull them back.
  const movedBeforeSetup = useRef(false)

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

  const refreshSettings = useCallback(() => {
    api.call('settings.get', {}).then(setSettings, () => {})
  }, [api])

  useEffect(() => {
    refreshStatus()
    refreshSettings()
  }, [refreshStatus, refreshSettings])

  // First start: "Primeros pasos" opens by itself, on the step where the owner left off.
  useEffect(() => {
    api.call('setup.get', {}).then(
      (current) => {
        setSetup(current)
        setSetupStep(startStep(current))
        if (opensAtStart(current) && !movedBeforeSetup.current) setScreen('setup')
      },
      () => {},
    )
  }, [api])
  useApiEvent('setup.changed', setSetup)
  // Back from a dropped connection: the link, the checklist and the settings may have moved meanwhile.
  useApiResync(() => {
    refreshStatus()
    refreshSettings()
    api.call('setup.get', {}).then(setSetup, () => {})
  })

  const select = useCallback((next: ScreenId) => {
    movedBeforeSetup.current = true
    setScreen(next)
  }, [])

  const openStep = useCallback(
    (step: SetupStepId) => {
      movedBeforeSetup.current = true
      setSetupStep(step)
      setScreen('setup')
      // Remembered in the core, so a reload (or the next start) reopens this step.
      api.call('setup.open', { step }).then(setSetup, () => {})
      if (setup?.dismissed) api.call('setup.dismiss', { dismissed: false }).then(setSetup, () => {})
    },
    [api, setup?.dismissed],
  )

  const closeSetup = useCallback(() => {
    setScreen('conversations')
    api.call('setup.dismiss', { dismissed: true }).then(setSetup, () => {})
  }, [api])
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
  // The alert closes itself once the owner attends the chat (answers, or picks who answers in
  // «Quién responde»), wherever they did it: left open, it covered the very selector it points to.
  useApiEvent(
    'conversation.updated',
    useCallback((conversation: ConversationDto) => {
      if (conversation.attention !== null && conversation.botMode === 'paused') return
      setAlerts((current) => (current.some((a) => a.conversationId === conversation.id) ? current.filter((a) => a.conversationId !== conversation.id) : current))
    }, []),
  )

  const locale = settings?.locale ?? 'es'
  const numberLocale = settings?.shop.numberLocale ?? null
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  return (
    <I18nProvider locale={locale} numberLocale={numberLocale}>
      <div className="shell">
        <Sidebar current={screen} onSelect={select} setup={setup} setupStep={setupStep} onOpenStep={openStep} />
        <div className="main">
          <StatusBar
            status={status}
            serverConnection={serverConnection}
            onOpenWhatsapp={() => select('pairing')}
            onOpenModelStep={() => openStep('model')}
            onCheck={() => {
              api.call('llm.check', {}).then(refreshStatus, refreshStatus)
            }}
          />
          {status && screen !== 'setup' && <ModelBanner llm={status.llm} onOpenModelStep={() => openStep('model')} />}
          {settings?.demoMode && <DemoModeBanner onChanged={setSettings} />}
          {screen !== 'setup' && <CycleSummaryCard onOpenTraining={() => select('training')} />}
          <main className="content">
            {screen === 'setup' && setup && settings && (
              <SetupScreen
                setup={setup}
                step={setupStep}
                settings={settings}
                whatsappOpenSince={whatsappOpenSince}
                onStep={openStep}
                onSetup={setSetup}
                onClose={closeSetup}
                onSettingsChanged={refreshSettings}
              />
            )}
            {screen === 'conversations' && (
              <ConversationsScreen
                key={`${openChat?.nonce ?? 0}-${settings?.demoMode ? 'demo' : 'real'}`}
                demoMode={settings?.demoMode ?? false}
                initialConversationId={openChat?.id ?? null}
                takeoverPauseMinutes={settings?.whatsapp.takeoverPauseMinutes ?? null}
                whatsappState={status?.whatsapp.state ?? null}
              />
            )}
            {screen === 'settings' && settings && <SettingsScreen settings={settings} onSaved={setSettings} />}
            {screen === 'review' && (
              <ReviewScreen onOpenSettings={() => select('settings')} demoMode={settings?.demoMode ?? false} onGenerateDataset={() => select('training')} />
            )}
            {screen === 'training' && <TrainingScreen demoMode={settings?.demoMode ?? false} onOpenStats={() => select('stats')} onOpenSettings={() => select('settings')} />}
            {screen === 'pairing' && <PairingScreen openSince={whatsappOpenSince} />}
            {screen === 'catalog' && <CatalogScreen locale={locale} shopCurrency={settings?.shop.currency ?? null} />}
            {screen === 'stats' && <StatsScreen onReview={() => select('review')} demoMode={settings?.demoMode ?? false} />}
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

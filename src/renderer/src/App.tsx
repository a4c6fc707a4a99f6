import { useCallback, useEffect, useState } from 'react'
import type { AppStatus, Settings } from '../../shared/types'
import { useApi, useApiEvent } from './api/api-context'
import { ModelBanner } from './components/ModelBanner'
import { Sidebar, type ScreenId } from './components/Sidebar'
import { StatusBar } from './components/StatusBar'
import { I18nProvider } from './i18n/i18n'
import type { ServerConnection } from './Root'
import { ConversationsScreen } from './screens/ConversationsScreen'
import { PlaceholderScreen } from './screens/PlaceholderScreen'
import { ReviewScreen } from './screens/review/ReviewScreen'
import { SettingsScreen } from './screens/SettingsScreen'
import { TrainingScreen } from './screens/training/TrainingScreen'

export function App({ serverConnection }: { serverConnection: ServerConnection }) {
  const api = useApi()
  const [screen, setScreen] = useState<ScreenId>('conversations')
  const [status, setStatus] = useState<AppStatus | null>(null)
  const [settings, setSettings] = useState<Settings | null>(null)

  const refreshStatus = useCallback(() => {
    api.call('app.status', {}).then(setStatus, () => {})
  }, [api])

  useEffect(() => {
    refreshStatus()
    api.call('settings.get', {}).then(setSettings, () => {})
  }, [api, refreshStatus])
  useApiEvent('status.changed', setStatus)

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
            onCheck={() => {
              api.call('llm.check', {}).then(refreshStatus, refreshStatus)
            }}
          />
          {status && <ModelBanner llm={status.llm} />}
          <main className="content">
            {screen === 'conversations' && <ConversationsScreen />}
            {screen === 'settings' && settings && <SettingsScreen settings={settings} onSaved={setSettings} />}
            {screen === 'review' && <ReviewScreen />}
            {screen === 'training' && <TrainingScreen />}
            {(screen === 'stats' || screen === 'catalog' || screen === 'pairing') && <PlaceholderScreen screen={screen} />}
          </main>
        </div>
      </div>
    </I18nProvider>
  )
}

import { useMemo, useState } from 'react'
import type { PreloadBridge } from '../../shared/api/client'
import { ApiContext } from './api/api-context'
import { createHttpClient } from './api/http-client'
import { createIpcClient } from './api/ipc-client'
import type { ServerConnection } from './api/server-connection'
import { forgetServerToken, takeServerToken } from './api/server-token'
import { App } from './App'
import { LoginScreen } from './screens/LoginScreen'

/** Picks the API binding: Electron's bridge when present, else the headless server. */
export function Root({ bridge }: { bridge: PreloadBridge | null }) {
  const [token, setToken] = useState<string | null>(() => (bridge ? null : takeServerToken()))
  const [connection, setConnection] = useState<ServerConnection>('connected')

  const client = useMemo(() => {
    if (bridge) return createIpcClient(bridge)
    if (!token) return null
    return createHttpClient(window.location.origin, token, setConnection)
  }, [bridge, token])

  if (!client || connection === 'unauthorized') {
    return (
      <LoginScreen
        onToken={(value) => {
          forgetServerToken()
          sessionStorage.setItem('autodidacta.token', value)
          setConnection('connected')
          setToken(value)
        }}
      />
    )
  }
  return (
    <ApiContext.Provider value={client}>
      <App serverConnection={connection} />
    </ApiContext.Provider>
  )
}

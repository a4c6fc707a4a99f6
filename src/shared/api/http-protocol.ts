// Conventions of the HTTP + WebSocket binding, shared by the server and the browser client.

export const API_PREFIX = '/api/'
export const HEALTH_PATH = '/api/health'
export const EVENTS_PATH = '/api/events'
/** Browsers cannot set headers on a WebSocket, so the token rides as a second subprotocol. */
export const WS_PROTOCOL = 'autodidacta.v1'
export const WS_TOKEN_PREFIX = 'token.'

export interface HealthBody {
  ok: true
  version: string
}

export interface ServerInfo {
  url: string
  token: string
}

import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type { ApiErrorBody } from '../../shared/api/errors'
import type { ApiEventEnvelope } from '../../shared/api/events'
import {
  API_PREFIX,
  EVENTS_PATH,
  HEALTH_PATH,
  WS_PROTOCOL,
  WS_TOKEN_PREFIX,
  type HealthBody,
} from '../../shared/api/http-protocol'
import type { Dispatch } from '../api/dispatcher'
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import { decodeRequestPath, serveStatic } from './static-files'

export interface HttpServerOptions {
  dispatch: Dispatch
  events: EventBus
  logger: Logger
  version: string
  rendererDir: string
  host?: string
  port?: number
  /** Defaults to 32 random bytes, hex. */
  token?: string
  /** Bytes an event client may leave unread before it is cut off (default 4 MiB). */
  maxBufferedBytes?: number
}

export interface RunningServer {
  url: string
  token: string
  close(): Promise<void>
}

// A catalog import (10 MB of CSV, JSON-escaped) is the largest body the API takes.
const MAX_BODY_BYTES = 16 * 1024 * 1024
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])
// A client that stops reading (a laptop asleep, a stuck tab) would otherwise make the server
// hold every event since in memory; a few MiB is thousands of events, far past any catching up.
const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024

const STATUS_BY_CODE: Record<ApiErrorBody['code'], number> = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  unknown_method: 404,
  unavailable: 503,
  precondition: 409,
  internal: 500,
}

/**
 * The headless binding of the API: the renderer at `/`, `POST /api/<method>` with a bearer
 * token, events on a WebSocket at /api/events. Bound to loopback unless told otherwise; on
 * loopback the Host header must name loopback too, which defeats DNS-rebinding pages.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? randomBytes(32).toString('hex')
  const expected = Buffer.from(`Bearer ${token}`)
  const loopbackOnly = LOOPBACK.has(host)
  const { logger } = options

  const hasToken = (header: string | undefined): boolean => {
    if (!header) return false
    const given = Buffer.from(header)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }
  const hostAllowed = (req: IncomingMessage): boolean => {
    if (!loopbackOnly) return true
    const hostHeader = req.headers.host ?? ''
    const name = hostHeader.replace(/:\d+$/, '')
    return LOOPBACK.has(name)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('HTTP request failed', { url: req.url, error })
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: 'Algo falló dentro de la app. Vuelve a intentarlo; si se repite, revisa el registro.' } })
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res, req.headers.host)
    if (!hostAllowed(req)) {
      sendJson(res, 403, { error: { code: 'unauthorized', message: 'Esta dirección no tiene permiso para abrir la app. Ábrela con la dirección que muestra el servidor.' } })
      return
    }
    const path = decodeRequestPath(req.url)
    if (path === null) {
      sendJson(res, 400, { error: { code: 'invalid_input', message: 'La dirección de la página está dañada. Vuelve a abrir la app con la dirección que muestra el servidor.' } })
      return
    }
    if (path === HEALTH_PATH) {
      const body: HealthBody = { ok: true, version: options.version }
      sendJson(res, 200, body)
      return
    }
    if (path === API_PREFIX.slice(0, -1) || path.startsWith(API_PREFIX)) {
      if (!hasToken(req.headers.authorization)) {
        res.setHeader('WWW-Authenticate', 'Bearer')
        sendJson(res, 401, { error: { code: 'unauthorized', message: 'Falta la clave de acceso o no es la correcta. Vuelve a abrir la app con la dirección que muestra el servidor.' } })
        return
      }
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST')
        sendJson(res, 405, { error: { code: 'unknown_method', message: 'Esta versión de la app no entiende ese pedido. Recarga la página.' } })
        return
      }
      const method = path.slice(API_PREFIX.length)
      const input = await readJson(req)
      if (!input.ok) {
        sendJson(res, input.status, { error: { code: 'invalid_input', message: input.message } })
        return
      }
      const result = await options.dispatch(method, input.value)
      if (result.ok) sendJson(res, 200, result.value ?? null)
      else sendJson(res, STATUS_BY_CODE[result.error.code], { error: result.error })
      return
    }
    await serveStatic(options.rendererDir, req, res, { onError: (error) => logger.error('Static file read failed', { url: req.url, error }) })
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  })
  server.on('upgrade', (req, socket, head) => {
    const path = decodeRequestPath(req.url)
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim())
    const tokenProtocol = offered.find((p) => p.startsWith(WS_TOKEN_PREFIX))
    const authorized =
      hasToken(req.headers.authorization) ||
      (tokenProtocol !== undefined && hasToken(`Bearer ${tokenProtocol.slice(WS_TOKEN_PREFIX.length)}`))
    if (path !== EVENTS_PATH || !hostAllowed(req) || !authorized || !offered.includes(WS_PROTOCOL)) {
      socket.end(`HTTP/1.1 ${authorized ? 404 : 401} ${authorized ? 'Not Found' : 'Unauthorized'}\r\nConnection: close\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  const clients = new Set<WebSocket>()
  wss.on('connection', (ws) => {
    clients.add(ws)
    ws.on('close', () => clients.delete(ws))
    ws.on('error', () => clients.delete(ws))
    // The server only pushes; anything a client sends is ignored.
  })
  const maxBuffered = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES
  const unsubscribe = options.events.subscribe((event, payload) => {
    if (clients.size === 0) return
    const envelope: ApiEventEnvelope = { event, payload }
    const data = JSON.stringify(envelope)
    for (const ws of clients) {
      if (ws.readyState !== ws.OPEN) continue
      if (ws.bufferedAmount > maxBuffered) {
        // terminate, not close: a close frame would wait behind the data it is not reading.
        // The renderer reconnects and reloads what it shows, so it misses nothing for good.
        logger.warn('Event client too slow, disconnecting it', { bufferedBytes: ws.bufferedAmount })
        clients.delete(ws)
        ws.terminate()
        continue
      }
      ws.send(data)
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${urlHost}:${address.port}`

  return {
    url,
    token,
    close: async () => {
      unsubscribe()
      for (const ws of clients) ws.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function setSecurityHeaders(res: ServerResponse, hostHeader: string | undefined): void {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(hostHeader))
}

const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/**
 * The page may talk to its own origin only: HTTP through 'self', and the event WebSocket at
 * the same host and port (named, because older browsers do not let 'self' cover ws:).
 * The Host header is what the browser used to reach us, so it is the page's own origin;
 * anything that does not look like a host name gets 'self' alone.
 */
function contentSecurityPolicy(hostHeader: string | undefined): string {
  const host = hostHeader && HOST_HEADER.test(hostHeader) ? hostHeader.toLowerCase() : null
  const connect = host ? `'self' ws://${host} wss://${host}` : "'self'"
  return [
    "default-src 'self'",
    `connect-src ${connect}`,
    "img-src 'self' data: blob:",
    // Voice notes play from blob: URLs made of what `media.get` returned.
    "media-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(data)
}

type JsonRead = { ok: true; value: unknown } | { ok: false; status: number; message: string }

async function readJson(req: IncomingMessage): Promise<JsonRead> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'Lo que enviaste pesa más de 16 MB. Usa un archivo más pequeño.' }
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8').trim()
  if (text === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, status: 400, message: 'Lo que llegó a la app está incompleto o dañado. Vuelve a intentarlo.' }
  }
}

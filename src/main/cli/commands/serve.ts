import { resolve } from 'node:path'
import { findRendererDir } from '../../kernel/project-paths'
import { keepServingOnUnhandledRejection } from '../../kernel/unhandled-rejections'
import { startHttpServer } from '../../server/http-server'
import { writeServerInfo } from '../../server/server-info-file'
import type { Command } from '../command'
import { openCliApp } from '../open-app'

export const serveCommand: Command = {
  name: 'serve',
  summary:
    'Run the app headless: the same UI and API over HTTP on 127.0.0.1, protected by a token.\n' +
    'Prints "URL http://127.0.0.1:PORT" on stdout and writes DIR/server.json ({url, token}, mode 0600).\n' +
    'The link with the token is printed on stderr only when stderr is a terminal (logs that are kept never hold it).',
  options: {
    port: { type: 'string', valueName: 'N', description: 'Port to listen on (0 = any free port; default 0)' },
    host: { type: 'string', valueName: 'ADDR', description: 'Address to bind (default 127.0.0.1; others need --allow-remote)' },
    'allow-remote': { type: 'boolean', description: 'Allow binding an address other machines can reach' },
    'renderer-dir': { type: 'string', valueName: 'DIR', description: 'Built UI to serve (default: out/renderer)' },
  },
  async run(values, io) {
    const host = (values.host as string | undefined) ?? '127.0.0.1'
    const loopback = ['127.0.0.1', 'localhost', '::1'].includes(host)
    if (!loopback && !values['allow-remote']) {
      io.stderr.write(`Refusing to bind ${host}: that exposes your customers' chats to the network. Add --allow-remote if you mean it.\n`)
      return 2
    }
    const port = Number.parseInt((values.port as string | undefined) ?? '0', 10)
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.stderr.write(`--port must be a number from 0 to 65535\n`)
      return 2
    }
    const rendererDir = values['renderer-dir'] ? resolve(values['renderer-dir'] as string) : findRendererDir()
    const app = await openCliApp(values, io)
    const stopLoggingRejections = keepServingOnUnhandledRejection(app.logger)
    if (!rendererDir) app.logger.warn('No built UI found (run `npm run build`); serving the API only')
    if (!loopback) {
      app.logger.warn(`WARNING: listening on ${host}. Anyone who can reach this address and has the token can read and answer your customers.`)
    }
    const server = await startHttpServer({
      dispatch: app.dispatch,
      events: app.events,
      logger: app.logger,
      version: app.config.version,
      rendererDir: rendererDir ?? '/nonexistent',
      host,
      port,
    })
    const removeInfo = writeServerInfo(app.dataDir, { url: server.url, token: server.token })
    io.stdout.write(`URL ${server.url}\n`)
    if ((io.stderr as { isTTY?: boolean }).isTTY === true) {
      // A person at a terminal: the link is the quickest way in, and nothing keeps it.
      io.stderr.write(`Open ${server.url}/#token=${server.token} in a browser (token also in ${app.dataDir}/server.json)\n`)
    } else {
      // Redirected stderr ends up in log files and journals, which outlive and outspread the token.
      app.logger.info(`Open ${server.url} in a browser; the token to enter is in ${app.dataDir}/server.json`)
    }

    await new Promise<void>((done) => {
      const stop = (signal: string) => {
        app.logger.info(`${signal} received, stopping`)
        done()
      }
      process.once('SIGINT', () => stop('SIGINT'))
      process.once('SIGTERM', () => stop('SIGTERM'))
    })
    await server.close()
    removeInfo()
    await app.close()
    stopLoggingRejections()
    return 0
  },
}

import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ServerInfo } from '../../shared/api/http-protocol'

/** Writes DIR/server.json (url + token) readable only by its owner; returns a remover. */
export function writeServerInfo(dataDir: string, info: ServerInfo): () => void {
  const file = join(dataDir, 'server.json')
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(info, null, 2) + '\n', { mode: 0o600 })
  renameSync(temp, file)
  return () => rmSync(file, { force: true })
}

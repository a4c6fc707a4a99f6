import { chmodSync, existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILES } from '../../src/main/security/data-dir-permissions'
import { buildTestApp, callApi, tempDir } from '../support/test-app'

const modeOf = (file: string) => statSync(file).mode & 0o777

describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  const dirs: ReturnType<typeof tempDir>[] = []
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()))

  it('keeps the database, its -wal and -shm at 0600 and the folder at 0700, even ones made before', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const first = await buildTestApp({ dataDir: dir.path })
    await callApi(first, 'simulator.send', { from: 'Ana', text: 'Hola, ¿tienen camisetas?' })
    await first.idle()
    for (const name of DATABASE_FILES) expect(existsSync(join(dir.path, name)), name).toBe(true)
    for (const name of DATABASE_FILES) expect(modeOf(join(dir.path, name)), name).toBe(0o600)
    expect(modeOf(dir.path)).toBe(0o700)
    await first.close()

    // A data folder from an older version, readable by everyone.
    chmodSync(dir.path, 0o755)
    for (const name of DATABASE_FILES) if (existsSync(join(dir.path, name))) chmodSync(join(dir.path, name), 0o644)
    const second = await buildTestApp({ dataDir: dir.path })
    await callApi(second, 'simulator.send', { from: 'Bea', text: 'Buenas' })
    await second.idle()
    for (const name of DATABASE_FILES) expect(modeOf(join(dir.path, name)), name).toBe(0o600)
    expect(modeOf(dir.path)).toBe(0o700)
    await second.close()
  })
})

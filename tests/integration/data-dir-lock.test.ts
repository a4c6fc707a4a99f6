import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, tempDir } from '../support/test-app'

describe('one app per data directory', () => {
  const dirs: ReturnType<typeof tempDir>[] = []
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()))

  it('refuses a second app on the same data dir while the first runs, and allows it after', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const first = await buildTestApp({ dataDir: dir.path })
    await expect(buildTestApp({ dataDir: dir.path })).rejects.toThrow(/already using/)
    await first.close()
    const second = await buildTestApp({ dataDir: dir.path })
    await second.close()
  })

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir()
    dirs.push(dir)
    // PIDs are below 2^22 on Linux; this one cannot be running.
    writeFileSync(join(dir.path, 'app.lock'), '99999999')
    const app = await buildTestApp({ dataDir: dir.path })
    await app.close()
  })
})

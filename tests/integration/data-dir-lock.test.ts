import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { lockDataDir } from '../../src/main/app/data-dir-lock'
import { buildTestApp, tempDir } from '../support/test-app'

const LOCK_MODULE = resolve('src/main/app/data-dir-lock.ts')

/**
 * A separate process that tries to lock `dir`, prints "locked" or "busy", and (when it won)
 * holds the lock until killed. tsx lets the child load the TypeScript module itself.
 */
function locker(dir: string): { child: ChildProcess; outcome: Promise<'locked' | 'busy'> } {
  const script = `
    import { lockDataDir } from ${JSON.stringify(LOCK_MODULE)}
    try { lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000) }
    catch (error) { console.log(/already using/.test(String(error)) ? 'busy' : 'error ' + String(error)); process.exit(0) }
  `
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const outcome = new Promise<'locked' | 'busy'>((done, fail) => {
    createInterface({ input: child.stdout! }).once('line', (line) => (line === 'locked' || line === 'busy' ? done(line) : fail(new Error(line))))
    child.once('exit', (code) => fail(new Error(`locker exited with ${code} before answering`)))
  })
  return { child, outcome }
}

async function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((done) => child.once('exit', done))
  child.kill(signal)
  await exited
}

describe('one app per data directory', () => {
  const dirs: ReturnType<typeof tempDir>[] = []
  const children: ChildProcess[] = []
  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => kill(child)))
    dirs.splice(0).forEach((d) => d.remove())
  })
  const newDir = () => {
    const dir = tempDir()
    dirs.push(dir)
    return dir.path
  }

  it('refuses a second app on the same data dir while the first runs, and allows it after', async () => {
    const dir = newDir()
    const first = await buildTestApp({ dataDir: dir })
    await expect(buildTestApp({ dataDir: dir })).rejects.toThrow(/already using/)
    await first.close()
    const second = await buildTestApp({ dataDir: dir })
    await second.close()
  })

  it('takes over a lock file left by a process that died', async () => {
    const dir = newDir()
    // PIDs are below 2^22 on Linux; this one cannot be running.
    writeFileSync(join(dir, 'app.lock'), '99999999')
    const app = await buildTestApp({ dataDir: dir })
    // The app holds the lock now: the dead PID is gone and a second starter is refused.
    expect(readFileSync(join(dir, 'app.lock'), 'latin1')).not.toContain('99999999')
    expect(() => lockDataDir(dir)).toThrow(/already using/)
    await app.close()
  })

  it('starts when the lock file names its own PID (a container restarted after kill -9)', () => {
    const dir = newDir()
    writeFileSync(join(dir, 'app.lock'), String(process.pid))
    const unlock = lockDataDir(dir)
    expect(() => lockDataDir(dir)).toThrow(/already using/)
    unlock()
  })

  it('lets exactly one of several processes racing for the same data dir win', async () => {
    const dir = newDir()
    const racers = Array.from({ length: 4 }, () => locker(dir))
    children.push(...racers.map((r) => r.child))
    const outcomes = await Promise.all(racers.map((r) => r.outcome))
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'busy')).toHaveLength(3)
    // The winner still holds it against this process too.
    expect(() => lockDataDir(dir)).toThrow(/already using/)
  })

  it('is released by the OS when the holder is killed with SIGKILL', async () => {
    const dir = newDir()
    const holder = locker(dir)
    children.push(holder.child)
    expect(await holder.outcome).toBe('locked')
    expect(() => lockDataDir(dir)).toThrow(/already using/)
    await kill(holder.child, 'SIGKILL')
    const unlock = lockDataDir(dir)
    unlock()
  })
})

import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CLI, post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

describe('autodidacta serve (child process)', () => {
  let serve: ServeProcess | undefined
  let dir: ReturnType<typeof tempDir> | undefined
  afterEach(async () => {
    await serve?.stop()
    dir?.remove()
    serve = undefined
  })

  it('starts on an empty data dir, prints its URL, writes server.json at 0600, and cleans up on SIGTERM', async () => {
    dir = tempDir()
    const dataDir = join(dir.path, 'fresh')
    serve = await startServeProcess(dataDir)
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const info = statSync(join(dataDir, 'server.json'))
    if (process.platform !== 'win32') expect(info.mode & 0o777).toBe(0o600)
    expect((await fetch(`${serve.url}/api/health`)).status).toBe(200)
    expect((await post(serve.url, null, 'app.status', {})).status).toBe(401)
    expect((await post(serve.url, serve.token, 'app.status', {})).status).toBe(200)
    // The built UI is served too.
    expect(await (await fetch(`${serve.url}/`)).text()).toContain('<div id="root">')
    // stderr is a pipe here, as when it goes to a log file: the token stays out of it.
    expect(serve.stderr()).not.toContain(serve.token)
    expect(serve.stderr()).toContain(join(dataDir, 'server.json'))

    expect(await serve.stop('SIGTERM')).toBe(0)
    expect(() => statSync(join(dataDir, 'server.json'))).toThrow()
  })

  it('refuses a non-loopback address unless told, and warns when told', async () => {
    dir = tempDir()
    const refused = spawnSync(process.execPath, [CLI, 'serve', '--data-dir', dir.path, '--host', '0.0.0.0'], { encoding: 'utf8' })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('--allow-remote')

    serve = await startServeProcess(dir.path, {}, ['--host', '0.0.0.0', '--allow-remote'])
    expect(serve.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/)
    expect(serve.stderr()).toContain('WARNING: listening on 0.0.0.0')
  })

  it('answers --help for every command, and every command takes --data-dir', () => {
    const main = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' })
    expect(main.status).toBe(0)
    const names = [...main.stdout.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1])
    expect(names).toEqual(expect.arrayContaining(['serve', 'status', 'simulate', 'conversations']))
    for (const name of names) {
      const help = spawnSync(process.execPath, [CLI, name!, '--help'], { encoding: 'utf8' })
      expect(help.status, name).toBe(0)
      expect(help.stdout).toContain('--data-dir DIR')
    }
    const unknown = spawnSync(process.execPath, [CLI, 'serve', '--bogus'], { encoding: 'utf8' })
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('--bogus')
  })

  it('keeps stdout machine-readable: simulate prints JSON lines, logs go to stderr', () => {
    dir = tempDir()
    const run = spawnSync(process.execPath, [CLI, 'simulate', '--data-dir', dir.path, '--from', 'Ana', '--text', 'Hola'], {
      encoding: 'utf8',
      env: { ...process.env, OLLAMA_HOST: 'http://127.0.0.1:9' },
    })
    expect(run.status).toBe(0)
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { text: string; replyState: string })
    // The customer's message waits for the model; the customer is told once that an answer is coming.
    expect(lines).toEqual([
      expect.objectContaining({ text: 'Hola', replyState: 'waiting_model' }),
      expect.objectContaining({ author: 'bot', template: 'holding' }),
    ])
    expect(run.stderr).toContain('LLM not available')
  })
})

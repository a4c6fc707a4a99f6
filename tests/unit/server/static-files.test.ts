import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeRequestPath, serveStatic, type StaticFileOptions } from '../../../src/main/server/static-files'
import { tempDir } from '../../support/test-app'

describe('static files', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function serve(options: StaticFileOptions): Promise<string> {
    const dir = tempDir()
    cleanups.push(() => dir.remove())
    mkdirSync(join(dir.path, 'assets'))
    writeFileSync(join(dir.path, 'index.html'), '<!doctype html><title>ok</title>')
    writeFileSync(join(dir.path, 'assets', 'big.js'), 'x'.repeat(256 * 1024))
    const server: Server = createServer((req, res) => {
      void serveStatic(dir.path, req, res, options)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    })
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  it('survives a read error midway (EIO): the response is cut, the error reported, the server keeps serving', async () => {
    const errors: unknown[] = []
    let failNext = true
    const url = await serve({
      onError: (error) => errors.push(error),
      readStream: (file) => {
        if (!failNext) return file.createReadStream({ autoClose: false })
        failNext = false
        let sent = false
        return new Readable({
          read() {
            if (sent) {
              this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }))
              return
            }
            sent = true
            this.push(Buffer.alloc(1024, 'x'))
          },
        })
      },
    })
    // Without an error path the stream's 'error' is unhandled and takes the process down,
    // so this test process would not reach the assertions below.
    await expect(fetch(`${url}/assets/big.js`).then((r) => r.text())).rejects.toThrow()
    expect(errors).toHaveLength(1)
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('EIO')
    const again = await fetch(`${url}/assets/big.js`)
    expect(again.status).toBe(200)
    expect((await again.text()).length).toBe(256 * 1024)
  })

  it('answers 400, not 500, to malformed percent-encoding', async () => {
    const url = await serve({})
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%C0%AF']) {
      expect((await fetch(`${url}${path}`)).status, path).toBe(400)
    }
    expect((await fetch(`${url}/assets/big.js`)).status).toBe(200)
  })

  it('decodes well-formed paths and gives null for malformed ones', () => {
    expect(decodeRequestPath('/a%20b?x=1')).toBe('/a b')
    expect(decodeRequestPath('/api/%E0%A4%A')).toBeNull()
    expect(decodeRequestPath('/%')).toBeNull()
  })
})

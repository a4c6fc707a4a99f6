import type { FileHandle } from 'node:fs/promises'
import { open } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

export interface StaticFileOptions {
  /** Reads an opened file; tests pass a stream that fails midway (EIO). */
  readStream?: (file: FileHandle) => Readable
  /** A read that failed after the headers went out: the response is cut, the server goes on. */
  onError?: (error: unknown) => void
}

/**
 * The decoded path of a request URL, or null when its percent-encoding is malformed
 * (`/%`, `/%E0%A4%A`): that is the client's mistake, a 400, never a 500.
 */
export function decodeRequestPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname)
  } catch {
    return null
  }
}

/**
 * Serves the built renderer. Unknown paths fall back to index.html (client-side routes);
 * paths that climb out of the folder are refused.
 */
export async function serveStatic(rootDir: string, req: IncomingMessage, res: ServerResponse, options: StaticFileOptions = {}): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  const pathname = decodeRequestPath(req.url)
  if (pathname === null || pathname.includes('\0')) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request')
    return
  }
  const root = normalize(rootDir + sep)
  const wanted = normalize(join(root, pathname))
  if (!wanted.startsWith(root)) {
    res.writeHead(403).end()
    return
  }
  let opened = await openFile(wanted)
  if (!opened) {
    if (extname(pathname)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    opened = await openFile(join(root, 'index.html'))
    if (!opened) {
      res
        .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('La interfaz no está compilada: ejecuta `npm run build`.')
      return
    }
  }
  const { handle, size, file } = opened
  try {
    const immutable = pathname.startsWith('/assets/')
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    const stream = options.readStream ? options.readStream(handle) : handle.createReadStream({ autoClose: false })
    // pipeline, not pipe: an error on either side (a disk's EIO, a client gone) ends both
    // streams and lands here, instead of an unhandled 'error' event that kills the server.
    await pipeline(stream, res)
  } catch (error) {
    // A client that leaves mid-download is routine, not an error worth logging.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') options.onError?.(error)
    if (!res.destroyed) res.destroy()
  } finally {
    await handle.close().catch(() => {})
  }
}

/** Opens a regular file, or null when there is none (or it cannot be opened) at that path. */
async function openFile(file: string): Promise<{ handle: FileHandle; size: number; file: string } | null> {
  const handle = await open(file, 'r').catch(() => null)
  if (!handle) return null
  // The size comes from the opened file, so it matches the bytes the stream will send.
  const info = await handle.stat().catch(() => null)
  if (!info?.isFile()) {
    await handle.close().catch(() => {})
    return null
  }
  return { handle, size: info.size, file }
}

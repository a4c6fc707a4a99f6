// Issue 12 §2: a catalog import must not stall the server. `npx tsx bench/catalog-import.bench.ts`
// (part of `npm run bench`). A whole app and its HTTP server run in this process, as `serve`
// does; the import goes through HTTP like the Catálogo screen's.
// 1. Peak RSS of a ~10 MB file (20,000 rows with long descriptions), measured first, in a fresh process.
// 2. `GET /api/health` round trips, one after another, while a 20,000-row file is imported:
//    target p99 < 100 ms (before the slices: the server did not answer for ~18 s).
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../src/main/app/create-app'
import { silentLogger } from '../src/main/kernel/logger'
import { startHttpServer } from '../src/main/server/http-server'

const ROWS = 20_000

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MiB`

/** A catalog of `rows` rows whose descriptions hold `words` words, varied like a real one. */
function catalog(rows: number, words: number): string {
  const vocabulary = ['curso', 'piano', 'guitarra', 'audífonos', 'bluetooth', 'cargador', 'rápido', 'envío', 'garantía', 'color', 'negro', 'blanco', 'talla', 'material', 'algodón', 'cuero', 'batería', 'pantalla', 'memoria', 'clases', 'video', 'nivel', 'básico', 'avanzado', 'incluye', 'estuche', 'cable', 'inalámbrico', 'resistente', 'agua']
  let seed = 7
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  const lines = ['codigo;nombre;descripcion;precio;categoria;palabras clave;activo']
  for (let i = 0; i < rows; i++) {
    const description: string[] = []
    for (let j = 0; j < words; j++) description.push(random() < 0.15 ? `ref${Math.floor(random() * 1e6)}` : vocabulary[Math.floor(random() * vocabulary.length)]!)
    lines.push(`SKU-${i};${vocabulary[i % 30]} ${vocabulary[(i * 7) % 30]} modelo ${i};${description.join(' ')};${(i % 90) + 10}.000;Categoría ${i % 30};${vocabulary[i % 30]}, ${vocabulary[(i + 3) % 30]};sí`)
  }
  return lines.join('\n')
}

function get(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET' }, (res) => {
      res.resume()
      res.on('end', resolve)
    })
    req.on('error', reject)
    req.end()
  })
}

async function importOverHttp(url: string, token: string, content: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${url}/api/catalog.import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ format: 'csv', content, dryRun: false }),
  })
  return { status: response.status, body: await response.text() }
}

const dir = mkdtempSync(join(tmpdir(), 'autodidacta-bench-catalog-'))
const app = await createApp({ dataDir: dir, version: 'bench', logger: silentLogger, env: { OLLAMA_HOST: 'http://127.0.0.1:9' } })
const server = await startHttpServer({ dispatch: app.dispatch, events: app.events, logger: silentLogger, version: 'bench', rendererDir: join(dir, 'no-ui') })
try {
  // 1. Memory: the largest file the import takes.
  const big = catalog(ROWS, 50)
  const rssBefore = process.memoryUsage().rss
  let peak = rssBefore
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  let started = performance.now()
  const first = await importOverHttp(server.url, server.token, big)
  const bigMs = performance.now() - started
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  if (first.status !== 200) throw new Error(`10 MB import failed: ${first.status} ${first.body.slice(0, 300)}`)

  // 2. Responsiveness during a 20,000-row import (updates in place: every SKU exists now).
  const content = catalog(ROWS, 8)
  const latencies: number[] = []
  let importing = true
  const prober = (async () => {
    while (importing) {
      const t = performance.now()
      await get(`${server.url}/api/health`)
      if (importing) latencies.push(performance.now() - t)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  started = performance.now()
  const second = await importOverHttp(server.url, server.token, content)
  const importMs = performance.now() - started
  importing = false
  await prober
  if (second.status !== 200) throw new Error(`import failed: ${second.status} ${second.body.slice(0, 300)}`)
  latencies.sort((a, b) => a - b)

  const lines = [
    `catalog import, ${ROWS.toLocaleString('en')} rows through HTTP (Node ${process.version}, ${process.platform})`,
    `  ~${(Buffer.byteLength(big) / 1e6).toFixed(1)} MB file: import ${(bigMs / 1000).toFixed(1)} s, RSS ${mb(rssBefore)} before, peak ${mb(peak)} (+${mb(peak - rssBefore)})`,
    `  ${(Buffer.byteLength(content) / 1e6).toFixed(1)} MB file (updates): import ${(importMs / 1000).toFixed(1)} s; GET /api/health during it: ` +
      `${latencies.length} requests, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (target p99 < 100 ms)`,
  ]
  console.log(lines.join('\n'))
  if (percentile(latencies, 99) >= 100) process.exitCode = 1
} finally {
  await server.close()
  await app.close()
  rmSync(dir, { recursive: true, force: true })
}

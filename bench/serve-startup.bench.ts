// `npm run bench`: speed targets measured here, never asserted in tests (these machines are noisy).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { post, startServeProcess } from '../tests/support/serve-process'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function summary(name: string, samples: number[], unit = 'ms'): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const f = (n: number) => n.toFixed(1)
  return `| ${name} | ${samples.length} | ${f(percentile(sorted, 50))} ${unit} | ${f(percentile(sorted, 99))} ${unit} | ${f(sorted.at(-1)!)} ${unit} |`
}

async function serveStartup(runs: number): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'autodidacta-bench-'))
    const serve = await startServeProcess(join(dir, 'empty'))
    samples.push(serve.startupMs)
    await serve.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  return samples
}

async function storeLatency(messages: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'autodidacta-bench-'))
  const serve = await startServeProcess(dir)
  const samples: number[] = []
  try {
    for (let i = 0; i < messages; i++) {
      const started = performance.now()
      const { status } = await post(serve.url, serve.token, 'simulator.send', { from: `cliente-${i % 50}`, text: `¿Precio del producto ${i}?` })
      if (status !== 200) throw new Error(`simulator.send answered ${status}`)
      samples.push(performance.now() - started)
    }
  } finally {
    await serve.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  return samples
}

const startup = await serveStartup(10)
const store = await storeLatency(500)
console.log('| measure | n | p50 | p99 | max |')
console.log('|---|---|---|---|---|')
console.log(summary('`serve` start, empty data dir (spawn → URL line)', startup))
console.log(summary('customer message stored (HTTP simulator.send round trip, fsync on)', store))

// Issue 6's targets: training throughput of a run started from the app (our trainer, as the app
// runs it) against stock `llama-finetune` on the same chats, peak memory, and the time per epoch
// of packing whole examples without overlap against the stock tool's half-overlapping windows.
// `npx tsx bench/training.bench.ts` (after `npm run build:llama`).
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../src/main/app/create-app'
import { generateDemoData } from '../src/main/demo/demo-data'
import { silentLogger } from '../src/main/kernel/logger'
import { findLlamaTools, type LlamaTools } from '../src/main/training/llama-tools'
import { fineTuneWithLlamaCpp } from '../src/main/training/llamacpp-finetune'
import { createTinyLlamaModel, tinyCorpusFromDataset } from '../tests/support/tiny-model'
import type { DatasetDto } from '../src/shared/types'

const EPOCHS = 2
const CTX = 256
const LR = 1e-3
/** Each measurement is repeated and the median kept: the machine is shared and drifts ±10 %. */
const REPEATS = Number(process.env.TRAIN_BENCH_REPEATS ?? 3)

interface Measured {
  seconds: number
  peakMb: number
  stdout: string
  stderr: string
  /** When each `data=i/n` progress mark of the stock tool arrived (ms), in order. */
  marks: { i: number; n: number; at: number }[]
}

/** Runs a command under GNU time for its peak RSS (the last stderr line is `TIME <s> <KB>`). */
function timed(command: string, args: string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M', command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    const marks: Measured['marks'] = []
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => {
      // stderr is unbuffered: a mark's arrival time is when the batch finished, to the millisecond
      // (the tool's own clock prints whole seconds).
      const at = performance.now()
      const text = c.toString()
      stderr += text
      for (const m of text.matchAll(/data=(\d+)\/(\d+)/g)) marks.push({ i: Number(m[1]), n: Number(m[2]), at })
    })
    child.once('error', reject)
    child.once('close', (code) => {
      const match = /TIME ([\d.]+) (\d+)\s*$/.exec(stderr)
      if (code !== 0 || !match) return reject(new Error(`${command} exited ${code}: ${stderr.slice(-800)}`))
      resolve({ seconds: Number(match[1]), peakMb: Number(match[2]) / 1024, stdout, stderr, marks })
    })
  })
}

/** The chats as the stock tool trains on them: one text, ChatML markers written out as text. */
function chatmlText(jsonl: string): string {
  return jsonl
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { messages } = JSON.parse(line) as { messages: { role: string; content: string }[] }
      return messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('')
    })
    .join('')
}

interface Run {
  examples: number
  sequences: number
  appTokensPerSecond: number
  appSeconds: number
  ourTokensPerSecond: number
  ourEpochSeconds: number
  ourPeakMb: number
  stockTokensPerSecond: number
  stockEpochSeconds: number
  stockWindows: number
  stockPeakMb: number
  lossFirst: number | null
  lossLast: number | null
}

async function measure(tools: LlamaTools, work: string, dataset: DatasetDto, layers: number): Promise<Run> {
  const base = join(work, `tiny-${layers}l.gguf`)
  const lines = ['train.jsonl', 'valid.jsonl'].flatMap((f) => readFileSync(join(dataset.path!, f), 'utf8').split('\n').filter(Boolean))
  await createTinyLlamaModel(base, { corpus: tinyCorpusFromDataset(lines), layers, seed: 7 })
  const train = join(dataset.path!, 'train.jsonl')

  // 1. From the app: the pipeline the Entrenamiento button runs (training only, no evaluation).
  let appTokensPerSecond = 0
  const appStarted = performance.now()
  const viaApp = await fineTuneWithLlamaCpp({
    tools,
    basePath: base,
    datasetDir: dataset.path!,
    workDir: work,
    outPath: join(work, `app-${layers}.gguf`),
    params: { epochs: EPOCHS, contextTokens: CTX, learningRate: LR, freezeLayers: 0, seed: 1, threads: 2 },
    onProgress: (p) => {
      if (p.tokensPerSecond) appTokensPerSecond = p.tokensPerSecond
    },
  })
  const appSeconds = (performance.now() - appStarted) / 1000

  // 2. Our trainer directly, for its peak memory and its own epoch timings.
  const direct = await timed(tools.trainer, ['train', '--base', base, '--train', train, '--out', join(work, `direct-${layers}.gguf`), '--epochs', String(EPOCHS), '--ctx', String(CTX), '--batch', String(CTX), '--lr', String(LR), '--threads', '2'])
  const events = direct.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, number | string>)
  const start = events.find((e) => e.event === 'start')!
  const epochs = events.filter((e) => e.event === 'epoch')
  const ourEpochSeconds = epochs.reduce((s, e) => s + Number(e.seconds), 0) / epochs.length
  const ourTokensPerSecond = (Number(start.sequences) * CTX * EPOCHS) / epochs.reduce((s, e) => s + Number(e.seconds), 0)

  // 3. Stock llama-finetune on the same chats as one text (its windows overlap by half).
  const text = join(work, `train-${layers}.txt`)
  writeFileSync(text, chatmlText(readFileSync(train, 'utf8')))
  const stock = await timed(tools.finetune, ['-m', base, '-f', text, '-c', String(CTX), '-b', String(CTX), '-ub', String(CTX), '--epochs', String(EPOCHS), '-lr', String(LR), '-t', '2', '-val-split', '0', '-o', join(work, `stock-${layers}.gguf`)])
  const windows = Math.max(...stock.marks.map((m) => m.n))
  // Per epoch: from its first batch mark to its last, (batches − 1) windows were trained.
  let stockSeconds = 0
  let stockWindows = 0
  let first: Measured['marks'][number] | null = null
  let previous: Measured['marks'][number] | null = null
  for (const mark of [...stock.marks, null]) {
    if (mark === null || (previous && mark.i < previous.i)) {
      if (first && previous && previous.i > first.i) {
        stockSeconds += (previous.at - first.at) / 1000
        stockWindows += previous.i - first.i
      }
      first = mark
    }
    first ??= mark
    previous = mark
  }
  const stockEpochSeconds = (stockSeconds / stockWindows) * windows
  const stockTokensPerSecond = (stockWindows * CTX) / stockSeconds

  return {
    examples: Number(start.examples),
    sequences: Number(start.sequences),
    appTokensPerSecond,
    appSeconds,
    ourTokensPerSecond,
    ourEpochSeconds,
    ourPeakMb: direct.peakMb,
    stockTokensPerSecond,
    stockEpochSeconds,
    stockWindows: windows,
    stockPeakMb: stock.peakMb,
    lossFirst: viaApp.lossFirst,
    lossLast: viaApp.lossLast,
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Median of each figure over the repeats, and the spread of the ratio the target is about. */
function report(layers: number, runs: Run[]): string[] {
  const m = (pick: (r: Run) => number) => median(runs.map(pick))
  const ratios = runs.map((r) => r.appTokensPerSecond / r.stockTokensPerSecond)
  const r0 = runs[0]!
  return [
    `| ${layers} layers, ${r0.examples} chats | ours from the app | ${m((r) => r.appTokensPerSecond).toFixed(0)} positions/s (${m((r) => r.appSeconds).toFixed(1)} s for ${EPOCHS} epochs incl. load and Q8_0) | ${r0.sequences} sequences/epoch | ${m((r) => r.ourEpochSeconds).toFixed(2)} s/epoch | ${m((r) => r.ourPeakMb).toFixed(0)} MB |`,
    `| | stock llama-finetune | ${m((r) => r.stockTokensPerSecond).toFixed(0)} positions/s | ${r0.stockWindows} windows/epoch | ${m((r) => r.stockEpochSeconds).toFixed(2)} s/epoch | ${m((r) => r.stockPeakMb).toFixed(0)} MB |`,
    `| | ratio (median of ${runs.length}) | app/stock throughput ${median(ratios).toFixed(2)} (runs: ${ratios.map((x) => x.toFixed(2)).join(', ')}) · direct/stock ${m((r) => r.ourTokensPerSecond / r.stockTokensPerSecond).toFixed(2)} | | stock/ours time per epoch ${m((r) => r.stockEpochSeconds / r.ourEpochSeconds).toFixed(2)}× | |`,
    `  (loss ${r0.lossFirst?.toFixed(2)} → ${r0.lossLast?.toFixed(2)})`,
  ]
}

async function main(): Promise<void> {
  const tools = findLlamaTools({ env: process.env })
  if (!tools) throw new Error('Build the tools first: npm run build:llama')
  const work = join(tmpdir(), `autodidacta-train-bench-${process.pid}`)
  mkdirSync(work, { recursive: true })
  const app = await createApp({ dataDir: join(work, 'app'), version: 'bench', logger: silentLogger, env: {} })
  try {
    for (let seed = 1; seed <= 4; seed++) generateDemoData(app.repos, app.accountId, { count: 300, seed })
    const dataset = await app.datasets.create({ includeDemo: true, validationRatio: 0.1 })
    console.log(`dataset: ${dataset.trainCount} train / ${dataset.validationCount} validation chats; ctx ${CTX}, ${EPOCHS} epochs, 2 threads`)
    console.log('| model | run | throughput | data per epoch | time per epoch | peak RSS |')
    console.log('|---|---|---|---|---|---|')
    for (const layers of [4, 8]) {
      const runs: Run[] = []
      // Interleaved repeats (app, direct, stock; again…) so a slow minute hits both sides.
      for (let i = 0; i < REPEATS; i++) runs.push(await measure(tools, work, dataset, layers))
      for (const line of report(layers, runs)) console.log(line)
    }
  } finally {
    await app.close()
    rmSync(work, { recursive: true, force: true })
  }
}

await main()

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
import { silentLogger } from '../src/main/logging/logger'
import { findLlamaTools, type LlamaTools } from '../src/main/training/llama-tools'
import { fineTuneWithLlamaCpp } from '../src/main/training/llamacpp-finetune'
import { createTinyLlamaModel, tinyCorpusFromDataset } from '../src/main/training/tiny-model'
import type { DatasetDto } from '../src/shared/types'

const EPOCHS = 2
const CTX = 256
const LR = 1e-3

interface Measured {
  seconds: number
  peakMb: number
  stdout: string
  stderr: string
}

/** Runs a command under GNU time for its peak RSS (the last stderr line is `TIME <s> <KB>`). */
function timed(command: string, args: string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M', command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.once('error', reject)
    child.once('close', (code) => {
      const match = /TIME ([\d.]+) (\d+)\s*$/.exec(stderr)
      if (code !== 0 || !match) return reject(new Error(`${command} exited ${code}: ${stderr.slice(-800)}`))
      resolve({ seconds: Number(match[1]), peakMb: Number(match[2]) / 1024, stdout, stderr })
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

async function measure(tools: LlamaTools, work: string, dataset: DatasetDto, layers: number): Promise<string[]> {
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
  const windows = Math.max(...[...stock.stderr.matchAll(/data=(\d+)\/(\d+)/g)].map((m) => Number(m[2])))
  const trainTimes = [...stock.stderr.matchAll(/train: .*?t=(\d+):(\d+):(\d+)/g)].map((m) => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]))
  // The progress line's clock restarts each epoch: the largest value is one epoch's training time.
  const stockEpochSeconds = Math.max(...trainTimes)
  const stockTokensPerSecond = (windows * CTX) / stockEpochSeconds

  return [
    `| ${layers} layers, ${Number(start.examples)} chats | ours from the app | ${appTokensPerSecond.toFixed(0)} tok/s (${appSeconds.toFixed(1)} s for ${EPOCHS} epochs incl. load and Q8_0) | ${Number(start.sequences)} sequences/epoch | ${ourEpochSeconds.toFixed(2)} s/epoch | ${direct.peakMb.toFixed(0)} MB |`,
    `| | stock llama-finetune | ${stockTokensPerSecond.toFixed(0)} tok/s | ${windows} windows/epoch | ${stockEpochSeconds.toFixed(2)} s/epoch (whole seconds) | ${stock.peakMb.toFixed(0)} MB |`,
    `| | ratio | app/stock throughput ${(appTokensPerSecond / stockTokensPerSecond).toFixed(2)} · direct/stock ${(ourTokensPerSecond / stockTokensPerSecond).toFixed(2)} | | stock/ours time per epoch ${(stockEpochSeconds / ourEpochSeconds).toFixed(2)}× | |`,
    `  (loss ${viaApp.lossFirst?.toFixed(2)} → ${viaApp.lossLast?.toFixed(2)})`,
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
    for (const layers of [4, 8]) for (const line of await measure(tools, work, dataset, layers)) console.log(line)
  } finally {
    await app.close()
    rmSync(work, { recursive: true, force: true })
  }
}

await main()

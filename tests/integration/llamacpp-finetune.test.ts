import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeModel, readGgufHeader } from '../../src/main/training/gguf'
import { findLlamaTools } from '../../src/main/training/llama-tools'
import { fineTuneWithLlamaCpp, generateLocally, type FineTuneProgress } from '../../src/main/training/llamacpp-finetune'
import { datasetAndTinyModel } from '../support/training-fixtures'
import { buildTestApp, tempDir } from '../support/test-app'

// `npm test` builds the tools first (scripts/build-llama.mjs --if-needed); without them this
// suite fails instead of skipping: training is a feature, not an optional extra.
const tools = findLlamaTools({ env: process.env })
/** How much of each answer the quantized copy must share with the full model (a few words). */
const START_CHARS = 24

describe('real fine-tuning with llama.cpp on a tiny model (CPU)', () => {
  const dir = tempDir('autodidacta-train-')
  let app: Awaited<ReturnType<typeof buildTestApp>>
  beforeAll(async () => {
    if (!tools) throw new Error('llama.cpp tools not built: run `npm run build:llama`')
    app = await buildTestApp()
  })
  afterAll(async () => {
    await app?.dispose()
    dir.remove()
  })

  for (const layers of [4, 8]) {
    it(
      `${layers} layers: loss falls, validation perplexity drops far below the base's, the chat template survives, the Q8_0 copy answers as the full model does`,
      async () => {
        const work = join(dir.path, `run-${layers}`)
        mkdirSync(work, { recursive: true })
        const { dataset, basePath } = await datasetAndTinyModel(app, work, { layers, seed: layers })
        const progress: FineTuneProgress[] = []
        const result = await fineTuneWithLlamaCpp({
          tools: tools!,
          basePath,
          datasetDir: dataset.path!,
          workDir: work,
          outPath: join(work, 'trained.gguf'),
          params: { epochs: 8, contextTokens: 256, learningRate: 2e-4, freezeLayers: 0, seed: 1 },
          evaluate: true,
          onProgress: (p) => progress.push(p),
        })
        // Training happened, with live progress.
        expect(progress.some((p) => p.stage === 'training' && p.loss !== null && p.etaSeconds !== null)).toBe(true)
        expect(new Set(progress.map((p) => p.stage))).toEqual(new Set(['preparing', 'training', 'quantizing', 'evaluating']))
        expect(result.lossCurve.length).toBeGreaterThan(4)
        expect(result.lossLast!).toBeLessThan(result.lossFirst! * 0.75)
        // Perplexity on the held-out answers: random weights are near the vocabulary size.
        expect(result.evaluatedOn).toBe('validation')
        expect(result.basePerplexity!).toBeGreaterThan(100)
        expect(result.candidatePerplexity!).toBeLessThan(result.basePerplexity! / 5)
        // The base's metadata came through, chat template included.
        const base = describeModel(await readGgufHeader(basePath))
        const trained = describeModel(await readGgufHeader(result.trainedPath))
        expect(trained.chatTemplate).toBe(base.chatTemplate)
        expect(trained.chatTemplate).toContain('<|im_start|>')
        expect(trained).toMatchObject({ architecture: 'llama', layers, fileType: 'F32' })
        // The quantized copy loads and answers.
        expect(result.quantizedPath && existsSync(result.quantizedPath)).toBe(true)
        expect(describeModel(await readGgufHeader(result.quantizedPath!)).fileType).toBe('Q8_0')
        const samples: { tokens: number; text: string }[] = []
        const answers = await generateLocally(tools!, result.quantizedPath!, join(dataset.path!, 'valid.jsonl'), 8, 256, { onSample: (s) => samples.push(s) })
        // One sample per prompt. A tiny model may close a turn at once, even on every prompt (a CI
        // run saw 0 tokens on all 8), or spend its tokens on special ones that write no text, so
        // what is checked is that the Q8_0 copy answers as the model it was made from: greedy
        // decoding of both, the same start of the answer on most prompts. Not the whole answer: in
        // a tiny model's repetition loops one near tie late in 96 tokens sends the copies apart
        // (a CI run: 5 of 8 whole answers alike, every one of them alike for its first words).
        expect(answers).toHaveLength(8)
        expect(samples).toHaveLength(8)
        expect(answers.every((a) => typeof a === 'string')).toBe(true)
        const full: { tokens: number; text: string }[] = []
        await generateLocally(tools!, result.trainedPath, join(dataset.path!, 'valid.jsonl'), 8, 256, { onSample: (s) => full.push(s) })
        expect(full).toHaveLength(8)
        const start = (text: string) => text.slice(0, START_CHARS)
        const same = samples.filter((s, i) => start(s.text) === start(full[i]!.text)).length
        expect(same, JSON.stringify({ q8: samples, f32: full })).toBeGreaterThanOrEqual(6)
      },
      600_000,
    )
  }

  it('refuses a quantized base with a message that says what to pick instead', async () => {
    const work = join(dir.path, 'quantized')
    mkdirSync(work, { recursive: true })
    const { dataset, basePath } = await datasetAndTinyModel(app, work, { layers: 2, exchanges: 60, seed: 9 })
    const { runTool } = await import('../../src/main/training/tool-process')
    const q8 = join(work, 'base-q8.gguf')
    await runTool(tools!.quantize, [basePath, q8, 'Q8_0'])
    await expect(
      fineTuneWithLlamaCpp({ tools: tools!, basePath: q8, datasetDir: dataset.path!, workDir: work, outPath: join(work, 'x.gguf'), params: { epochs: 1, contextTokens: 128, learningRate: 1e-3, freezeLayers: 0, seed: 1 } }),
    ).rejects.toThrow(/cuantizado \(Q8_0\).*F16 o F32/)
  }, 300_000)
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { App } from '../../src/main/app/create-app'
import { generateDemoData } from '../../src/main/demo/demo-data'
import { createTinyLlamaModel, tinyCorpusFromDataset } from './tiny-model'
import type { DatasetDto } from '../../src/shared/types'
import { callApi } from './test-app'

/**
 * A dataset exported from a simulated conversation history (demo conversations, scored by the
 * real scorer, curated by the real curator), and a tiny llama-architecture base model whose
 * vocabulary is learned from that text — random weights, so any fall in loss is learning.
 */
export async function datasetAndTinyModel(
  app: App,
  dir: string,
  options: { layers: number; exchanges?: number; seed?: number },
): Promise<{ dataset: DatasetDto; basePath: string }> {
  generateDemoData(app.repos, app.accountId, { count: options.exchanges ?? 240, seed: options.seed ?? 3 })
  const dataset = await callApi(app, 'datasets.create', { includeDemo: true, validationRatio: 0.15 })
  const lines = ['train.jsonl', 'valid.jsonl'].flatMap((f) => readFileSync(join(dataset.path!, f), 'utf8').split('\n').filter(Boolean))
  const basePath = join(dir, `tiny-${options.layers}l.gguf`)
  await createTinyLlamaModel(basePath, { corpus: tinyCorpusFromDataset(lines), layers: options.layers, seed: options.seed ?? 3 })
  return { dataset, basePath }
}

import { readFileSync } from 'node:fs'
import { catalogTerms, scoreMessage, type CatalogTerms, type MessageInput } from '../../evaluate/message-scorer'
import { SentimentModel } from '../../evaluate/sentiment-model'
import { SENTIMENT_WEIGHTS } from '../../evaluate/sentiment-weights'
import type { Command } from '../command'
import { runJsonlFilter } from '../jsonl-filter'

function readCatalog(path: string): CatalogTerms {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
  const list = Array.isArray(parsed) ? parsed : (parsed as { products?: unknown }).products
  if (!Array.isArray(list)) throw new Error(`${path}: expected a JSON array of products ({"name", "keywords"?})`)
  return catalogTerms(
    list
      .filter((p): p is { name: string; keywords?: unknown } => typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string')
      .map((p) => ({ name: p.name, keywords: Array.isArray(p.keywords) ? p.keywords.filter((k): k is string => typeof k === 'string') : [] })),
  )
}

function inputOf(record: Record<string, unknown>): MessageInput {
  const { text, answer, previous } = record
  if (typeof text !== 'string') throw new Error('expected {"text": "<string>", "answer"?: "<string>", "previous"?: ["<string>", …]}')
  if (answer !== undefined && answer !== null && typeof answer !== 'string') throw new Error('"answer" must be a string')
  const earlier = typeof previous === 'string' ? [previous] : Array.isArray(previous) ? previous.filter((p): p is string => typeof p === 'string') : []
  return { text, ...(typeof answer === 'string' ? { answer } : {}), previous: earlier }
}

export const scoreCommand: Command = {
  name: 'score',
  summary:
    'Score customer replies: reads JSONL {"text": "...", "answer"?: "...", "previous"?: [...]} (stdin without --input)\n' +
    'and writes one JSONL {"score":1-5,"wasSuccessful":bool,"category":"...","confidence":0-1} per input line, in order.\n' +
    '"answer" is the bot\'s message the customer reacts to and "previous" their earlier messages; both optional.',
  options: {
    input: { type: 'string', valueName: 'FILE', description: 'JSONL file to read (default: stdin)' },
    catalog: { type: 'string', valueName: 'FILE', description: 'JSON array of products {"name","keywords"?}: product names count as orders and product questions' },
    'rules-only': { type: 'boolean', description: 'Only the hand-written rules, without the learned model (for comparisons)' },
    explain: { type: 'boolean', description: 'Add the signals behind each score' },
  },
  run: (values, io) => {
    let catalog: CatalogTerms | null
    try {
      catalog = typeof values.catalog === 'string' ? readCatalog(values.catalog) : null
    } catch (error) {
      io.stderr.write(`Could not read the catalog: ${(error as Error).message}\n`)
      return Promise.resolve(1)
    }
    const parts = { sentiment: values['rules-only'] ? null : SentimentModel.decode(SENTIMENT_WEIGHTS), catalog }
    return runJsonlFilter(values.input as string | undefined, io, (record) => {
      const scored = scoreMessage(inputOf(record), parts)
      const out = { score: scored.score, wasSuccessful: scored.wasSuccessful, category: scored.category, confidence: scored.confidence }
      return values.explain ? { ...out, rulesScore: scored.rulesScore, signals: scored.signals } : out
    })
  },
}

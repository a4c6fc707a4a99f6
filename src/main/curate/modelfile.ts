import { DATASET_FILES } from './dataset-format'
import type { DatasetExample } from './types'

const STATUS_RANK: Record<string, number> = { corrected: 3, approved: 2, pending: 1 }

export interface ModelfileInput {
  from: string
  systemPrompt: string
  /** Only training examples: few-shot drawn from validation would leak the held-out set into the prompt. */
  examples: readonly DatasetExample[]
  perCategory: number
  /** Shown in the header comment. */
  datasetName: string
  createdAt: Date
}

/**
 * An Ollama Modelfile whose MESSAGE lines are few-shot examples. It is a prompt, not a
 * fine-tune: the seed's `ADAPTER ./dataset.jsonl` trains nothing, because ADAPTER takes an
 * already trained LoRA adapter (safetensors or GGUF).
 */
export function buildModelfile(input: ModelfileInput): { text: string; fewShot: DatasetExample[] } {
  const from = input.from.trim()
  if (from.length === 0 || /[\r\n]/.test(from)) throw new RangeError(`invalid model for FROM: ${JSON.stringify(input.from)}`)
  const fewShot = selectFewShot(input.examples, input.perCategory)
  const lines = [
    `# Modelfile generado por autodidacta para el dataset "${oneLine(input.datasetName)}" (${input.createdAt.toISOString()}).`,
    '#',
    '# Los MESSAGE de abajo son ejemplos few-shot: Ollama los antepone a cada conversación como',
    '# parte del prompt. Esto NO es un fine-tune: `ollama create` no entrena nada, y ADAPTER solo',
    '# acepta un adaptador LoRA ya entrenado (safetensors o GGUF), nunca un archivo JSONL.',
    `# Los pesos se entrenan con ${DATASET_FILES.train} y ${DATASET_FILES.validation} (Entrenamiento, en la app).`,
    `FROM ${from}`,
    '',
    `SYSTEM ${quoteModelfileValue(input.systemPrompt)}`,
  ]
  let category: string | null = null
  for (const example of fewShot) {
    if (example.metadata.category !== category) {
      category = example.metadata.category
      lines.push('', `# ${oneLine(category)}`)
    }
    const { user, assistant } = finalPair(example)
    lines.push(`MESSAGE user ${quoteModelfileValue(user)}`, `MESSAGE assistant ${quoteModelfileValue(assistant)}`)
  }
  return { text: `${lines.join('\n')}\n`, fewShot }
}

/**
 * The best examples per category: the owner's corrections first, then approvals, then score,
 * then the shortest (every few-shot message is paid for in context on every reply).
 */
export function selectFewShot(examples: readonly DatasetExample[], perCategory: number): DatasetExample[] {
  if (!Number.isInteger(perCategory) || perCategory < 0) throw new RangeError(`fewShotPerCategory must be a non-negative integer, got ${perCategory}`)
  if (perCategory === 0) return []
  const byCategory = new Map<string, { example: DatasetExample; length: number }[]>()
  for (const example of examples) {
    const { user, assistant } = finalPair(example)
    const entry = { example, length: user.length + assistant.length }
    const list = byCategory.get(example.metadata.category)
    if (list) list.push(entry)
    else byCategory.set(example.metadata.category, [entry])
  }
  const out: DatasetExample[] = []
  for (const category of [...byCategory.keys()].sort()) {
    const best = byCategory
      .get(category)!
      .sort(
        (a, b) =>
          (STATUS_RANK[b.example.metadata.reviewStatus] ?? 0) - (STATUS_RANK[a.example.metadata.reviewStatus] ?? 0) ||
          (b.example.metadata.qualityScore ?? -1) - (a.example.metadata.qualityScore ?? -1) ||
          a.length - b.length ||
          (a.example.metadata.id < b.example.metadata.id ? -1 : a.example.metadata.id > b.example.metadata.id ? 1 : 0),
      )
      .slice(0, perCategory)
    for (const entry of best) out.push(entry.example)
  }
  return out
}

/**
 * A Modelfile value that Ollama's parser reads back verbatim. Its parser has no escapes: a
 * triple-quoted value ends at the first line break where the text so far ends in `"""`. So the
 * value is always triple-quoted and any run of three or more `"` inside it is broken up with a
 * typographic quote; line endings are normalized to \n.
 */
export function quoteModelfileValue(value: string): string {
  const safe = value.replace(/\r\n?/g, '\n').replace(/"{3,}/g, (run) => [...run].map((_, i) => (i % 3 === 2 ? '\u201d' : '"')).join(''))
  return `"""${safe}"""`
}

function finalPair(example: DatasetExample): { user: string; assistant: string } {
  const messages = example.messages
  const assistant = messages.at(-1)
  const user = messages.at(-2)
  return { user: user?.role === 'user' ? user.content : '', assistant: assistant?.role === 'assistant' ? assistant.content : '' }
}

/** Names go into `#` comment lines; a line break inside one would end the comment early. */
function oneLine(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.charCodeAt(0)
    out += code < 0x20 || code === 0x7f ? ' ' : char
  }
  return out
}

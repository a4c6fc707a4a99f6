// Pieces the API doubles (Ollama, OpenAI-compatible) share.
import type { IncomingMessage } from 'node:http'

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? JSON.parse(text) : {}
}

/** A deterministic toy embedding: letter frequencies, normalised. */
export function toyEmbedding(text: string): number[] {
  const vector = new Array<number>(26).fill(0)
  for (const ch of text.toLowerCase()) {
    const i = ch.charCodeAt(0) - 97
    if (i >= 0 && i < 26) vector[i]! += 1
  }
  const norm = Math.hypot(...vector) || 1
  return vector.map((v) => v / norm)
}

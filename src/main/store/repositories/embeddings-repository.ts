import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../database'
import { embeddings } from '../schema'

export type EmbeddingKind = 'product' | 'example'

export interface StoredEmbedding {
  refId: string
  textHash: string
  vector: Float32Array
}

export class EmbeddingsRepository {
  constructor(private readonly db: Db) {}

  /** Every stored vector of one kind for one embedding model. */
  all(kind: EmbeddingKind, model: string): StoredEmbedding[] {
    return this.db
      .select({ refId: embeddings.refId, textHash: embeddings.textHash, vector: embeddings.vector })
      .from(embeddings)
      .where(and(eq(embeddings.kind, kind), eq(embeddings.model, model)))
      .all()
      .map((row) => ({ refId: row.refId, textHash: row.textHash, vector: toFloat32(row.vector) }))
  }

  upsertMany(kind: EmbeddingKind, model: string, rows: StoredEmbedding[]): void {
    if (rows.length === 0) return
    this.db.transaction((tx) => {
      for (const row of rows) {
        const vector = Buffer.from(row.vector.buffer, row.vector.byteOffset, row.vector.byteLength)
        tx.insert(embeddings)
          .values({ kind, refId: row.refId, model, textHash: row.textHash, vector })
          .onConflictDoUpdate({ target: [embeddings.kind, embeddings.refId, embeddings.model], set: { textHash: row.textHash, vector } })
          .run()
      }
    })
  }

  delete(kind: EmbeddingKind, refIds: string[]): void {
    if (refIds.length === 0) return
    this.db.delete(embeddings).where(and(eq(embeddings.kind, kind), inArray(embeddings.refId, refIds))).run()
  }
}

/** Copies: a Buffer from SQLite may share a pooled ArrayBuffer and be misaligned for Float32. */
function toFloat32(buffer: Buffer): Float32Array {
  const out = new Float32Array(buffer.byteLength / 4)
  new Uint8Array(out.buffer).set(buffer)
  return out
}

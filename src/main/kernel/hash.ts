// Small, fast, seedable 32-bit hashing over UTF-16 code units. Curation runs on 100k+ texts in
// the main process, so these avoid allocations and crypto-grade work where 32 bits suffice.

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** FNV-1a over UTF-16 code units, finished with murmur3's avalanche so low bits are usable too. */
export function hashString(text: string, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, FNV_PRIME)
  }
  return fmix32(h)
}

/** hashString over the first `length` code units of a buffer (same value as for the string). */
export function hashCodes(codes: Uint16Array, length: number, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0
  for (let i = 0; i < length; i++) {
    h ^= codes[i]!
    h = Math.imul(h, FNV_PRIME)
  }
  return fmix32(h)
}

/** murmur3's finalizer: every input bit flips about half of the output bits. */
export function fmix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * A 53-bit key (two independently seeded 32-bit hashes) that fits a JS number exactly, for
 * ordering by hash: at 200k ids a collision happens in about 2 runs out of a million, and
 * callers break such ties by id.
 */
export function hash53(text: string, seed = 0): number {
  const high = hashString(text, seed ^ 0x5bd1e995) & 0x1fffff
  const low = hashString(text, seed)
  return high * 0x100000000 + low
}

/** Deterministic PRNG (mulberry32): the same seed replays the same synthetic data and test inputs. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

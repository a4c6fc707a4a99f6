import { randomUUID } from 'node:crypto'

/**
 * Collision-resistant ids in the spirit of the seed's `@default(cuid())`: a letter, the time in
 * base 36 (ids sort roughly by creation, which keeps index pages warm) and 20 random hex digits
 * (76 random bits; Node pools the randomness behind randomUUID). cuid2 hashed every id with
 * SHA-3 and big numbers, which was most of the CPU time of a capture.
 */
export function newId(): string {
  return 'c' + Date.now().toString(36) + randomUUID().replaceAll('-', '').slice(12, 32)
}

/** The contract's rule for `whatsapp.pair` by code (src/shared/api/contract.ts). */
const PHONE = /^\+?[0-9]{8,15}$/

/**
 * The number as the API wants it, or null if it cannot be one. People type numbers the way
 * they read them ("+57 300 123-4567", "(300) …"): separators go, digits and a leading + stay.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s\-().]/g, '')
  return PHONE.test(compact) ? compact : null
}

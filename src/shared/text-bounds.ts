// Bounds on free text, so that no input stalls the event loop (issue 12).
//
// Two rules live here, next to the Spanish folding both processes use:
// - What the pipeline processes of one customer message (scorer, router, guardrails, prompt,
//   retrieval, handoff detection) is a bounded prefix. The message itself is stored whole:
//   the owner reads it all; only the machinery looks at the first MAX_PROCESSED_CHARS.
// - Trailing marks are trimmed with a loop, never with an end-anchored regex such as
//   /[.!]+$/: without a fixed start the engine retries the run from every position, which is
//   quadratic (a 60 KB price cell froze the server for 5 s).

/**
 * How much of one free text the pipeline reads. 4,000 characters is about ten WhatsApp
 * screens: far longer than any real question to a shop (the longest in the seed's data is
 * under 600), and short enough that every step after it stays in the milliseconds.
 */
export const MAX_PROCESSED_CHARS = 4_000

/**
 * The first `max` characters of `text` (UTF-16 units, never cutting an emoji's surrogate pair
 * in half). Text within the limit comes back as it is.
 */
export function processedPrefix(text: string, max = MAX_PROCESSED_CHARS): string {
  if (text.length <= max) return text
  let end = max
  const last = text.charCodeAt(end - 1)
  // A high surrogate at the cut would leave half a character ("�").
  if (last >= 0xd800 && last <= 0xdbff) end--
  return text.slice(0, end)
}

/** `text` without any of `chars` at its end: trimTrailing("sí!!.", ".!") → "sí". Linear time. */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length
  while (end > 0 && chars.includes(text[end - 1]!)) end--
  return end === text.length ? text : text.slice(0, end)
}

/** Like trimTrailing, for a test on each character (whitespace classes, Unicode properties). */
export function trimTrailingWhere(text: string, drop: (char: string) => boolean): string {
  let end = text.length
  while (end > 0 && drop(text[end - 1]!)) end--
  return end === text.length ? text : text.slice(0, end)
}

/**
 * How much an exchange needs the owner's eyes. Higher first. Uncertain scores teach the
 * learned scorer the most, conflicts between the rules and what it learned show where it is
 * wrong, and bad outcomes are where the bot needs a better answer.
 */
export function reviewPriority(input: { score: number | null; confidence: number | null; conflict: boolean }): number {
  if (input.score === null) return 1 // still waiting for the customer's reaction
  let priority = (1 - (input.confidence ?? 0.5)) * 3
  if (input.conflict) priority += 2
  if (input.score <= 2) priority += 2
  else if (input.score === 3) priority += 0.5
  return Math.round(priority * 1000) / 1000
}

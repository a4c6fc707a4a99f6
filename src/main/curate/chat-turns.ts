import type { ChatTurn } from './types'

/**
 * Turns stored context into a chat a trainer accepts: it starts with a user turn, roles
 * alternate, and it ends with an assistant turn so the example's own user message comes next.
 *
 * Consecutive turns of one side are merged (WhatsApp customers send several short messages).
 * A trailing customer turn — older captures and the demo data store the customer's reaction
 * there — is something the customer said right before the message the bot answered, so it is
 * returned as `pendingUser` for the caller to put in front of the user message rather than lost.
 */
export function trimContext(context: readonly ChatTurn[], maxTurns: number): { turns: ChatTurn[]; pendingUser: string | null } {
  if (maxTurns <= 0 || context.length === 0) return { turns: [], pendingUser: null }
  const merged: ChatTurn[] = []
  // Only the tail matters; walking from the end keeps the work bounded by maxTurns on long histories.
  for (let i = context.length - 1; i >= 0 && merged.length <= maxTurns + 1; i--) {
    const turn = context[i]!
    if (turn.role !== 'user' && turn.role !== 'assistant') continue
    const content = typeof turn.content === 'string' ? turn.content.trim() : ''
    if (content.length === 0) continue
    const first = merged[0]
    if (first && first.role === turn.role) first.content = `${content}\n${first.content}`
    else merged.unshift({ role: turn.role, content })
  }
  let pendingUser: string | null = null
  if (merged.at(-1)?.role === 'user') pendingUser = merged.pop()!.content
  let turns = merged.slice(-maxTurns)
  if (turns[0]?.role === 'assistant') turns = turns.slice(1)
  return { turns, pendingUser }
}

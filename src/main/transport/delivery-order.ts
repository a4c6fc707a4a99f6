/** Delivery states a receipt can report for a message the app sent. */
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed'

const RANK: Record<DeliveryStatus, number> = { failed: 0, sent: 1, delivered: 2, read: 3 }

/**
 * Whether a receipt moves a message forward. Receipts arrive out of order (a read receipt
 * can beat the delivery one), so a message never goes back from read to delivered. A
 * failure only counts while the message is at most on the server: once a phone has it,
 * a late error ack does not undo that. A message marked failed can still be delivered (the
 * retry went through), which wins. `from` null/undefined/'queued' is a message with no
 * receipt yet; a 'received' (inbound) message has no delivery status to move.
 */
export function isStatusUpgrade(from: DeliveryStatus | 'queued' | 'received' | null | undefined, to: DeliveryStatus): boolean {
  if (from === 'received') return false
  if (from === null || from === undefined || from === 'queued') return true
  if (to === 'failed') return from === 'sent'
  return RANK[to] > RANK[from]
}

import { proto } from '@whiskeysockets/baileys'

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed'

/** WhatsApp's receipt levels as the app shows them; PENDING is "not on the server yet": nothing new. */
export function toDeliveryStatus(status: number | null | undefined): DeliveryStatus | null {
  switch (status) {
    case proto.WebMessageInfo.Status.ERROR:
      return 'failed'
    case proto.WebMessageInfo.Status.SERVER_ACK:
      return 'sent'
    case proto.WebMessageInfo.Status.DELIVERY_ACK:
      return 'delivered'
    case proto.WebMessageInfo.Status.READ:
    case proto.WebMessageInfo.Status.PLAYED:
      return 'read'
    default:
      return null
  }
}

const RANK: Record<DeliveryStatus, number> = { failed: 0, sent: 1, delivered: 2, read: 3 }

/** Receipts arrive out of order; a message that was read never goes back to delivered. */
export function isStatusUpgrade(from: DeliveryStatus | 'queued', to: DeliveryStatus): boolean {
  if (from === 'queued') return true
  if (to === 'failed') return from === 'sent'
  return RANK[to] > RANK[from]
}

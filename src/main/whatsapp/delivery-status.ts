import { WAMessageStatus } from '@whiskeysockets/baileys'

import type { DeliveryStatus } from '../transport/delivery-order'

/**
 * WhatsApp's receipt levels (proto.WebMessageInfo.Status) as the app shows them. PENDING
 * means "not on the server yet", which the outbox already knows: nothing new. PLAYED is a
 * voice note listened to, read for our purposes. ERROR comes from a negative server ack
 * (Socket/messages-recv.js), e.g. a number restricted from starting chats.
 */
export function toDeliveryStatus(status: number | null | undefined): DeliveryStatus | null {
  switch (status) {
    case WAMessageStatus.ERROR:
      return 'failed'
    case WAMessageStatus.SERVER_ACK:
      return 'sent'
    case WAMessageStatus.DELIVERY_ACK:
      return 'delivered'
    case WAMessageStatus.READ:
    case WAMessageStatus.PLAYED:
      return 'read'
    default:
      return null
  }
}

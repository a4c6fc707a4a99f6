import { proto, WAMessageStatus } from '@whiskeysockets/baileys'
import { describe, expect, it } from 'vitest'
import { isStatusUpgrade, type DeliveryStatus } from '../../../src/main/transport/delivery-order'
import { toDeliveryStatus } from '../../../src/main/whatsapp/delivery-status'

describe('toDeliveryStatus', () => {
  it.each([
    [proto.WebMessageInfo.Status.ERROR, 'failed'],
    [proto.WebMessageInfo.Status.PENDING, null],
    [proto.WebMessageInfo.Status.SERVER_ACK, 'sent'],
    [proto.WebMessageInfo.Status.DELIVERY_ACK, 'delivered'],
    [proto.WebMessageInfo.Status.READ, 'read'],
    [proto.WebMessageInfo.Status.PLAYED, 'read'],
    [null, null],
    [undefined, null],
    [99, null],
    [-1, null],
  ])('%s → %s', (status, expected) => {
    expect(toDeliveryStatus(status)).toBe(expected)
  })

  it('follows the numbers Baileys uses', () => {
    expect([WAMessageStatus.ERROR, WAMessageStatus.PENDING, WAMessageStatus.SERVER_ACK, WAMessageStatus.DELIVERY_ACK, WAMessageStatus.READ, WAMessageStatus.PLAYED]).toEqual([0, 1, 2, 3, 4, 5])
  })
})

describe('isStatusUpgrade', () => {
  const all: DeliveryStatus[] = ['sent', 'delivered', 'read', 'failed']
  it('only moves forward: sent → delivered → read', () => {
    expect(isStatusUpgrade('sent', 'delivered')).toBe(true)
    expect(isStatusUpgrade('delivered', 'read')).toBe(true)
    expect(isStatusUpgrade('sent', 'read')).toBe(true)
    expect(isStatusUpgrade('read', 'delivered')).toBe(false)
    expect(isStatusUpgrade('read', 'sent')).toBe(false)
    expect(isStatusUpgrade('delivered', 'sent')).toBe(false)
    for (const status of all) expect(isStatusUpgrade(status, status)).toBe(false)
  })

  it('applies any first receipt to a message that has none', () => {
    for (const status of all) {
      expect(isStatusUpgrade('queued', status)).toBe(true)
      expect(isStatusUpgrade(null, status)).toBe(true)
      expect(isStatusUpgrade(undefined, status)).toBe(true)
    }
  })

  it('lets a failure count only before a phone has the message, and a later delivery override it', () => {
    expect(isStatusUpgrade('sent', 'failed')).toBe(true)
    expect(isStatusUpgrade('delivered', 'failed')).toBe(false)
    expect(isStatusUpgrade('read', 'failed')).toBe(false)
    expect(isStatusUpgrade('failed', 'delivered')).toBe(true)
    expect(isStatusUpgrade('failed', 'read')).toBe(true)
  })

  it('never moves an inbound message', () => {
    for (const status of all) expect(isStatusUpgrade('received', status)).toBe(false)
  })

  it('settles on the furthest status whatever order the receipts arrive in', () => {
    const orders: DeliveryStatus[][] = [
      ['sent', 'delivered', 'read'],
      ['read', 'delivered', 'sent'],
      ['delivered', 'read', 'sent'],
      ['sent', 'read', 'delivered'],
    ]
    for (const order of orders) {
      let current: DeliveryStatus | 'queued' = 'queued'
      for (const next of order) if (isStatusUpgrade(current, next)) current = next
      expect(current).toBe('read')
    }
  })
})

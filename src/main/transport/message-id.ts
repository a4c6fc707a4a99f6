import type { TransportKind } from '../../shared/types'

// A stored message's `externalId` is `<transport>:<the transport's own id>`: WhatsApp and the
// simulator may hand out the same id, and a redelivery must match only its own transport's
// message. This module is the one place that form is built and read.

/** The id a message of `transport` is stored under. */
export function storedMessageId(transport: TransportKind, transportId: string): string {
  return `${transport}:${transportId}`
}

/** The transport's own id inside a stored id, or null when it belongs to another transport (or none). */
export function transportMessageId(transport: TransportKind, storedId: string | null | undefined): string | null {
  const prefix = `${transport}:`
  return storedId?.startsWith(prefix) ? storedId.slice(prefix.length) : null
}

// Real Baileys message objects, built with Baileys' own protobuf classes.
import { createRequire } from 'node:module'
import { proto, type WAMessage } from '@whiskeysockets/baileys'
import { mulberry32 } from '../../../src/main/kernel/hash'

export const CUSTOMER_PN = '573001234567@s.whatsapp.net'
export const CUSTOMER_LID = '104857600123456@lid'
export const OWN = { pn: '573009999999:12@s.whatsapp.net', lid: '98765432101234:12@lid' }
/** 2026-05-28T… in seconds, as WhatsApp stamps messages. */
export const SENT_AT = 1_780_000_000

interface Build {
  key?: Partial<proto.IMessageKey>
  /** Baileys 7 key fields that are not in the proto (set after `fromObject`, as Baileys does). */
  keyExtra?: { remoteJidAlt?: string; participantAlt?: string; isViewOnce?: boolean; addressingMode?: string }
  extra?: Partial<proto.IWebMessageInfo>
}

/** A message as `messages.upsert` delivers it: `fromObject` turns the timestamp into a protobuf Long, like decoding does. */
export function waMessage(message: Record<string, unknown> | null, { key = {}, keyExtra, extra = {} }: Build = {}): WAMessage {
  const built = proto.WebMessageInfo.fromObject({
    key: { remoteJid: CUSTOMER_PN, fromMe: false, id: '3EB0C0FFEE000001', ...key },
    message,
    messageTimestamp: SENT_AT,
    pushName: 'Laura',
    ...extra,
  }) as WAMessage
  if (keyExtra) Object.assign(built.key, keyExtra)
  return built
}

/** A protobuf Long, as Baileys' decoder hands out 64-bit numbers. */
export function long(value: number): unknown {
  return proto.WebMessageInfo.fromObject({ messageTimestamp: value }).messageTimestamp
}

/** Through the wire format and back, as Baileys decodes a real stanza. */
export function roundTrip(message: WAMessage): WAMessage {
  const decoded = proto.WebMessageInfo.decode(proto.WebMessageInfo.encode(message).finish()) as WAMessage
  return decoded
}

/** Baileys' own error class, resolved from Baileys' location so the test sees the shape it really throws. */
export function boom(message: string, statusCode: number): Error {
  const require = createRequire(import.meta.resolve('@whiskeysockets/baileys'))
  const { Boom } = require('@hapi/boom') as { Boom: new (message: string, options: { statusCode: number }) => Error }
  return new Boom(message, { statusCode })
}

export function fakeClock(start = 0): { now(): number; advance(ms: number): void; set(ms: number): void } {
  let now = start
  return {
    now: () => now,
    advance: (ms) => {
      now += ms
    },
    set: (ms) => {
      now = ms
    },
  }
}

/** Deterministic pseudo-random numbers in [0, 1): the app's own mulberry32. */
export const seeded = mulberry32

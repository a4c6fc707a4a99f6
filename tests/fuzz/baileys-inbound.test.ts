// Random WhatsApp messages, built from WhatsApp's own schema (Baileys' WAProto.proto, read with
// protobufjs reflection), sent through the wire format and decoded by Baileys' generated classes
// — the objects `messages.upsert` really hands over. The classifier must read every one of them
// (never its internal failure path), and a whole app fed thousands of them keeps running,
// stores what is a customer's and loses nothing that arrives after them.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { proto, type WAMessage } from '@whiskeysockets/baileys'
import protobuf from 'protobufjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../src/main/kernel/hash'
import { classifyMessage } from '../../src/main/whatsapp/inbound-message'
import { buildTestApp, eventually, type TestApp } from '../support/test-app'
import { customerText, socketDoubleFactory, type SocketDouble } from '../support/whatsapp-socket-double'

const require = createRequire(import.meta.url)
const PROTO_FILE = join(dirname(require.resolve('@whiskeysockets/baileys/package.json')), 'WAProto', 'WAProto.proto')

const JIDS = [
  '573001234567@s.whatsapp.net',
  '5215512345678@s.whatsapp.net',
  '104857600123456@lid',
  '573001234567:7@s.whatsapp.net',
  '120363025246125486@g.us',
  'status@broadcast',
  '1234567890@broadcast',
  '120363144038483540@newsletter',
  '0@s.whatsapp.net',
  '573009999999@s.whatsapp.net',
  '573001234567@c.us',
  '573001234567@hosted',
  '@s.whatsapp.net',
  'garbage',
  '',
]

interface Generator {
  message(): Record<string, unknown>
  envelope(): Uint8Array
}

function generator(root: protobuf.Root, seed: number): Generator {
  const random = mulberry32(seed)
  const int = (max: number) => Math.floor(random() * max)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  const messageType = root.lookupType('proto.Message')
  const envelopeType = root.lookupType('proto.WebMessageInfo')

  const scalar = (type: string): unknown => {
    switch (type) {
      case 'string':
        return pick(['', 'Hola', '¿Cuánto vale?', '💥'.repeat(int(3000)), 'x'.repeat(int(70_000)), '\u0000\ud800', 'https://x.y/z'])
      case 'bool':
        return random() < 0.5
      case 'bytes':
        return Uint8Array.from({ length: int(64) }, () => int(256))
      case 'double':
      case 'float':
        return pick([0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER])
      case 'int64':
      case 'uint64':
      case 'sint64':
      case 'fixed64':
      case 'sfixed64':
        return pick([0, 1, 1_780_000_000, 2 ** 52, -1])
      default:
        return pick([0, 1, -1, 2 ** 31 - 1, 7, 255])
    }
  }

  // Random fields of a type, nested messages to a few levels: content, wrappers, context info.
  const fill = (type: protobuf.Type, depth: number): Record<string, unknown> => {
    const object: Record<string, unknown> = {}
    const fields = type.fieldsArray
    const count = depth === 0 ? 1 + int(3) : int(depth > 3 ? 2 : 4)
    for (let i = 0; i < count && fields.length > 0; i++) {
      const field = pick(fields)
      field.resolve()
      const one = (): unknown => {
        if (field.resolvedType instanceof protobuf.Type) return depth > 4 ? {} : fill(field.resolvedType, depth + 1)
        if (field.resolvedType instanceof protobuf.Enum) return pick(Object.values(field.resolvedType.values).concat([99]))
        return scalar(field.type)
      }
      object[field.name] = field.repeated ? Array.from({ length: int(3) }, one) : one()
    }
    return object
  }

  return {
    message: () => fill(messageType, 0),
    envelope() {
      const body = {
        key: { remoteJid: pick(JIDS), fromMe: random() < 0.2, id: `FUZZ${int(1e9).toString(16).toUpperCase()}`, participant: random() < 0.2 ? pick(JIDS) : undefined },
        message: random() < 0.05 ? undefined : fill(messageType, 0),
        messageTimestamp: pick([0, 1, 1_780_000_000, Math.floor(Date.now() / 1000), 2 ** 40]),
        pushName: random() < 0.7 ? pick(['Laura', '', '💥', 'x'.repeat(500)]) : undefined,
        messageStubType: random() < 0.1 ? int(200) : undefined,
        broadcast: random() < 0.05,
      }
      return envelopeType.encode(envelopeType.fromObject(body)).finish()
    },
  }
}

describe('random WhatsApp messages from the real schema', () => {
  let root: protobuf.Root
  beforeAll(() => {
    root = protobuf.loadSync(PROTO_FILE)
  })

  it('are all read by the classifier, none through its failure path', () => {
    const gen = generator(root, 20261205)
    const failures: string[] = []
    const seen = { customer: 0, owner: 0, ignore: 0 }
    for (let i = 0; i < 4_000; i++) {
      const wire = gen.envelope()
      const message = proto.WebMessageInfo.decode(wire) as WAMessage
      const decision = classifyMessage(message, { pn: '573009999999:12@s.whatsapp.net', lid: '98765432101234:12@lid' })
      seen[decision.action]++
      if (decision.action === 'ignore' && decision.reason === 'unreadable') {
        failures.push(JSON.stringify(proto.WebMessageInfo.toObject(message as proto.WebMessageInfo, { longs: Number, bytes: String })).slice(0, 400))
      }
      if (decision.action !== 'ignore') {
        expect(decision.timestamp).toBeInstanceOf(Date)
        expect(Number.isNaN(decision.timestamp.getTime())).toBe(false)
        expect(typeof decision.externalId).toBe('string')
      }
    }
    expect(failures).toEqual([])
    // The generator reaches every branch: customers, the owner, and what is ignored.
    expect(seen.customer).toBeGreaterThan(200)
    expect(seen.owner).toBeGreaterThan(20)
    expect(seen.ignore).toBeGreaterThan(200)
  })

  it('keep a whole app running, and the message after them is stored', async () => {
    const factory = socketDoubleFactory()
    const app: TestApp = await buildTestApp({ whatsappSocketFactory: factory })
    try {
      const next = factory.next()
      await app.dispatch('whatsapp.pair', { method: 'qr' })
      const socket: SocketDouble = await next
      socket.open()
      const gen = generator(root, 7)
      for (let batch = 0; batch < 20; batch++) {
        const messages = Array.from({ length: 50 }, () => proto.WebMessageInfo.decode(gen.envelope()) as WAMessage)
        socket.emit('messages.upsert', { messages, type: 'notify' })
      }
      socket.emit('messages.upsert', { messages: [customerText('573001112299', 'Hola, ¿tienen audífonos?', { id: 'AFTER-FUZZ' })], type: 'notify' })
      const stored = await eventually(() => app.repos.db.$client.prepare("SELECT id FROM messages WHERE externalId LIKE '%AFTER-FUZZ'").get(), 30_000)
      expect(stored).toBeTruthy()
      const status = await app.dispatch('app.status', {})
      expect(status.ok).toBe(true)
    } finally {
      await app.dispose()
    }
  }, 120_000)
})


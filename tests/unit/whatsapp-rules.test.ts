// The WhatsApp transport's pure rules, on real Baileys message objects built with `proto`.
import { DisconnectReason, proto, type WAMessage } from '@whiskeysockets/baileys'
import { describe, expect, it } from 'vitest'
import { DecryptFailureTracker, isDecryptionFailure } from '../../src/main/whatsapp/decrypt-failures'
import { isStatusUpgrade, toDeliveryStatus } from '../../src/main/whatsapp/delivery-status'
import { classifyMessage } from '../../src/main/whatsapp/inbound-message'
import { decideOnClose } from '../../src/main/whatsapp/reconnect-policy'
import { SendThrottle } from '../../src/main/whatsapp/send-throttle'
import { boom } from '../support/whatsapp-socket-double'

const JID = '573001234567@s.whatsapp.net'
const msg = (message: object | null, key: object = {}, extra: object = {}): WAMessage =>
  proto.WebMessageInfo.fromObject({
    key: { remoteJid: JID, fromMe: false, id: 'ABC123', ...key },
    message,
    messageTimestamp: 1_780_000_000,
    pushName: 'Laura',
    ...extra,
  }) as WAMessage

describe('classifyMessage', () => {
  it('reads text, extended text, captions and button, list and template replies as answerable customer messages', () => {
    const cases: [object, string, string][] = [
      [{ conversation: 'hola' }, 'text', 'hola'],
      [{ extendedTextMessage: { text: 'mira https://x.co' } }, 'text', 'mira https://x.co'],
      [{ imageMessage: { caption: '¿tienen este?' } }, 'image', '¿tienen este?'],
      [{ videoMessage: { caption: 'así se ve' } }, 'video', 'así se ve'],
      [{ documentWithCaptionMessage: { message: { documentMessage: { caption: 'mi pedido' } } } }, 'document', 'mi pedido'],
      [{ buttonsResponseMessage: { selectedButtonId: 'b1', selectedDisplayText: 'Sí, lo quiero' } }, 'button_reply', 'Sí, lo quiero'],
      [{ listResponseMessage: { title: 'Curso de piano' } }, 'list_reply', 'Curso de piano'],
      [{ templateButtonReplyMessage: { selectedDisplayText: 'Ver precios' } }, 'template_reply', 'Ver precios'],
      [{ ephemeralMessage: { message: { conversation: 'mensaje temporal' } } }, 'text', 'mensaje temporal'],
    ]
    for (const [content, kind, text] of cases) {
      const decision = classifyMessage(msg(content))
      expect(decision, kind).toMatchObject({ action: 'customer', kind, text, supported: true, chatJid: JID, externalId: 'ABC123', pushName: 'Laura', phone: '+573001234567' })
    }
    const decision = classifyMessage(msg({ conversation: 'x' }))
    expect(decision.action === 'customer' && decision.timestamp.getTime()).toBe(1_780_000_000_000)
  })

  it('keeps odd types as customer messages the bot does not answer', () => {
    const cases: [object, string][] = [
      [{ stickerMessage: { mimetype: 'image/webp' } }, 'sticker'],
      [{ audioMessage: { ptt: true } }, 'audio'],
      [{ locationMessage: { degreesLatitude: 4.6, degreesLongitude: -74 } }, 'location'],
      [{ contactMessage: { displayName: 'Pedro' } }, 'contact'],
      [{ pollCreationMessageV3: { name: '¿Qué color?' } }, 'poll'],
      [{ viewOnceMessageV2: { message: { imageMessage: {} } } }, 'view_once'],
      [{ somethingFromTheFuture: { x: 1 } }, 'unknown'],
    ]
    for (const [content, kind] of cases) expect(classifyMessage(msg(content)), kind).toMatchObject({ action: 'customer', kind, supported: false })
    expect(classifyMessage(msg({ reactionMessage: { key: { id: 'OUT1' }, text: '👍' } }))).toMatchObject({ kind: 'reaction', text: '👍', reactedTo: 'OUT1' })
    const revoke = { protocolMessage: { type: proto.Message.ProtocolMessage.Type.REVOKE, key: { id: 'OLD' } } }
    expect(classifyMessage(msg(revoke))).toMatchObject({ kind: 'delete', deletedId: 'OLD' })
    const edit = { protocolMessage: { type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT, key: { id: 'OLD' }, editedMessage: { conversation: 'corregido' } } }
    expect(classifyMessage(msg(edit))).toMatchObject({ kind: 'edit', text: 'corregido', editedId: 'OLD' })
  })

  it('ignores groups, status updates, broadcast lists, channels, protocol noise and the own chat', () => {
    expect(classifyMessage(msg({ conversation: 'x' }, { remoteJid: '120363@g.us', participant: JID }))).toEqual({ action: 'ignore', reason: 'group' })
    expect(classifyMessage(msg({ conversation: 'x' }, { remoteJid: 'status@broadcast' }))).toEqual({ action: 'ignore', reason: 'status' })
    expect(classifyMessage(msg({ conversation: 'x' }, { remoteJid: '12345@broadcast' }))).toEqual({ action: 'ignore', reason: 'broadcast' })
    expect(classifyMessage(msg({ conversation: 'x' }, { remoteJid: '120363@newsletter' }))).toEqual({ action: 'ignore', reason: 'newsletter' })
    const sync = { protocolMessage: { type: proto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION } }
    expect(classifyMessage(msg(sync))).toEqual({ action: 'ignore', reason: 'protocol' })
    expect(classifyMessage(msg(null, {}, { messageStubType: proto.WebMessageInfo.StubType.E2E_ENCRYPTED }))).toEqual({ action: 'ignore', reason: 'protocol' })
    expect(classifyMessage(msg({ conversation: 'nota' }, { fromMe: true }), { pn: '573001234567:4@s.whatsapp.net' })).toEqual({ action: 'ignore', reason: 'self_chat' })
  })

  it('sees the owner writing from the phone, and LID chats with their phone when WhatsApp gives it', () => {
    expect(classifyMessage(msg({ conversation: 'yo te atiendo' }, { fromMe: true }))).toMatchObject({ action: 'owner', kind: 'text', text: 'yo te atiendo', chatJid: JID })
    const fromLid = msg({ conversation: 'hola' }, { remoteJid: '123456789@lid' })
    // Baileys 7 adds the phone-number address next to the LID after decoding (not a proto field).
    expect(classifyMessage(fromLid)).toMatchObject({ chatJid: '123456789@lid', phone: null })
    Object.assign(fromLid.key, { remoteJidAlt: JID })
    const lid = classifyMessage(fromLid)
    expect(lid).toMatchObject({ action: 'customer', chatJid: '123456789@lid', phone: '+573001234567' })
  })

  it('never throws, whatever arrives', () => {
    for (const bogus of [{}, { key: null }, { key: { remoteJid: JID } }, { key: { remoteJid: JID, id: 'x' }, message: 42 }, null]) {
      expect(() => classifyMessage(bogus as unknown as WAMessage)).not.toThrow()
    }
    expect(classifyMessage({ key: { remoteJid: JID, id: 'x' } } as WAMessage)).toEqual({ action: 'ignore', reason: 'no_content' })
  })
})

describe('decideOnClose', () => {
  const config = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5 }
  it('reconnects at once on restart-required, and gives the link up on logout, replacement and a ban', () => {
    expect(decideOnClose(boom('restart', DisconnectReason.restartRequired), 3, config)).toMatchObject({ action: 'reconnect', delayMs: 0, resetAttempts: true })
    expect(decideOnClose(boom('out', DisconnectReason.loggedOut), 0, config)).toEqual({ action: 'logged_out' })
    expect(decideOnClose(boom('mismatch', DisconnectReason.multideviceMismatch), 0, config)).toEqual({ action: 'logged_out' })
    expect(decideOnClose(boom('replaced', DisconnectReason.connectionReplaced), 0, config)).toEqual({ action: 'replaced' })
    expect(decideOnClose(boom('forbidden', DisconnectReason.forbidden), 0, config)).toMatchObject({ action: 'give_up' })
  })

  it('backs off exponentially with jitter up to the cap, then gives up', () => {
    const delays = [0, 1, 2, 3, 4].map((attempt) => decideOnClose(boom('lost', DisconnectReason.connectionLost), attempt, config, () => 1))
    expect(delays.map((d) => (d.action === 'reconnect' ? d.delayMs : -1))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000])
    expect(decideOnClose(boom('lost', 408), 10, { ...config, maxAttempts: 20 }, () => 1)).toMatchObject({ delayMs: 60_000 })
    expect(decideOnClose(boom('lost', 408), 3, config, () => 0)).toMatchObject({ delayMs: 1_000 })
    expect(decideOnClose(boom('lost', 408), 5, config)).toMatchObject({ action: 'give_up' })
    expect(decideOnClose(new Error('socket hang up'), 0, config, () => 0.5)).toMatchObject({ action: 'reconnect', reason: expect.stringContaining('reintentando') })
    expect(decideOnClose(boom('bad', DisconnectReason.badSession), 0, config)).toMatchObject({ action: 'reconnect', resetSignalSessions: true })
  })
})

describe('SendThrottle', () => {
  it('spaces messages to one chat and caps the global rate, with bounded jitter', () => {
    let now = 0
    const clock = { now: () => now }
    const throttle = new SendThrottle({ perChatMinIntervalMs: 1_500, globalPerMinute: 20, globalBurst: 5, jitterMs: 0 }, clock)
    expect(throttle.reserve('a')).toBe(0)
    expect(throttle.reserve('a')).toBe(1_500)
    expect(throttle.reserve('a')).toBe(3_000)
    // Other chats are not held by chat a, only by the global bucket: 5 in any 15 s.
    expect([throttle.reserve('b'), throttle.reserve('c')]).toEqual([0, 0])
    const sixth = throttle.reserve('d')
    expect(sixth).toBe(15_000)
    now = 60_000
    expect(throttle.reserve('e')).toBe(0)
    const jittered = new SendThrottle({ perChatMinIntervalMs: 1_500, globalPerMinute: 20, globalBurst: 5, jitterMs: 700 }, clock, () => 0.999)
    jittered.reserve('a')
    const wait = jittered.reserve('a')
    expect(wait).toBeGreaterThanOrEqual(1_500)
    expect(wait).toBeLessThan(2_200)
  })
})

describe('decryption failures', () => {
  const stub = (reason: string) => msg(null, {}, { messageStubType: proto.WebMessageInfo.StubType.CIPHERTEXT, messageStubParameters: [reason] })
  it('recognises Baileys’ undecryptable stubs', () => {
    expect(isDecryptionFailure(stub('Bad MAC'))).toBe(true)
    expect(isDecryptionFailure(msg({ conversation: 'hola' }))).toBe(false)
  })

  it('asks for one reset when a contact keeps failing within the window, and stays bounded', () => {
    let now = 0
    const tracker = new DecryptFailureTracker({ threshold: 3, windowMs: 10_000, maxTracked: 100 }, { now: () => now })
    expect([tracker.record('a'), tracker.record('a')]).toEqual(['ok', 'ok'])
    now = 20_000 // the first two are out of the window
    expect(tracker.record('a')).toBe('ok')
    expect([tracker.record('a'), tracker.record('a')]).toEqual(['ok', 'reset'])
    expect(tracker.record('a')).toBe('ok') // counting starts over after a reset
    for (let i = 0; i < 1_000; i++) tracker.record(`flood-${i}`)
    expect(tracker.tracked).toBe(100)
  })
})

describe('delivery status', () => {
  it('maps WhatsApp receipts and never moves backwards', () => {
    const S = proto.WebMessageInfo.Status
    expect([S.ERROR, S.PENDING, S.SERVER_ACK, S.DELIVERY_ACK, S.READ, S.PLAYED, null].map(toDeliveryStatus)).toEqual(['failed', null, 'sent', 'delivered', 'read', 'read', null])
    expect(isStatusUpgrade('sent', 'delivered')).toBe(true)
    expect(isStatusUpgrade('read', 'delivered')).toBe(false)
    expect(isStatusUpgrade('queued', 'sent')).toBe(true)
    expect(isStatusUpgrade('delivered', 'failed')).toBe(false)
  })
})

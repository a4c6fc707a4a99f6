import { proto, type WAMessage } from '@whiskeysockets/baileys'
import { describe, expect, it } from 'vitest'
import { classifyMessage, toDate, type InboundDecision } from '../../../src/main/whatsapp/inbound-message'
import { CUSTOMER_LID, CUSTOMER_PN, OWN, SENT_AT, long, roundTrip, seeded, waMessage } from './fixtures'

const Type = proto.Message.ProtocolMessage.Type
const classify = (message: WAMessage, own = OWN): InboundDecision => classifyMessage(message, own, () => 42_000)

describe('classifyMessage: what the bot can answer', () => {
  it.each([
    ['conversation', { conversation: 'hola, ¿tienen el curso de piano?' }, 'text', 'hola, ¿tienen el curso de piano?'],
    ['extended text', { extendedTextMessage: { text: 'mira https://tienda.co/p/1', matchedText: 'https://tienda.co/p/1' } }, 'text', 'mira https://tienda.co/p/1'],
    ['image caption', { imageMessage: { caption: '¿tienen este en rojo?', mimetype: 'image/jpeg' } }, 'image', '¿tienen este en rojo?'],
    ['video caption', { videoMessage: { caption: 'así llegó', seconds: 8 } }, 'video', 'así llegó'],
    ['document caption', { documentMessage: { caption: 'mi comprobante', fileName: 'pago.pdf' } }, 'document', 'mi comprobante'],
    ['document with caption wrapper', { documentWithCaptionMessage: { message: { documentMessage: { caption: 'la factura', fileName: 'f.pdf' } } } }, 'document', 'la factura'],
    ['button reply', { buttonsResponseMessage: { selectedButtonId: 'buy-1', selectedDisplayText: 'Sí, lo quiero', type: 1 } }, 'button_reply', 'Sí, lo quiero'],
    ['list reply', { listResponseMessage: { title: 'Curso de piano', listType: 1, singleSelectReply: { selectedRowId: 'row-7' } } }, 'list_reply', 'Curso de piano'],
    ['list reply with description', { listResponseMessage: { title: 'Audífonos X', description: '$120.000' } }, 'list_reply', 'Audífonos X\n$120.000'],
    ['template reply', { templateButtonReplyMessage: { selectedId: 't1', selectedDisplayText: 'Ver precios', selectedIndex: 0 } }, 'template_reply', 'Ver precios'],
    [
      'interactive (native flow) reply',
      { interactiveResponseMessage: { body: { text: 'Quiero pagar contra entrega' }, nativeFlowResponseMessage: { name: 'menu', paramsJson: '{"id":"cod"}' } } },
      'interactive_reply',
      'Quiero pagar contra entrega',
    ],
    ['ephemeral (disappearing) text', { ephemeralMessage: { message: { extendedTextMessage: { text: 'mensaje temporal' } } } }, 'text', 'mensaje temporal'],
    ['view once v2 image with caption', { viewOnceMessageV2: { message: { imageMessage: { caption: 'solo una vez: ¿este?', viewOnce: true } } } }, 'view_once', 'solo una vez: ¿este?'],
    ['view once inside ephemeral', { ephemeralMessage: { message: { viewOnceMessage: { message: { videoMessage: { caption: 'mira' } } } } } }, 'view_once', 'mira'],
    ['forwarded business template', { templateMessage: { hydratedTemplate: { hydratedContentText: 'Pedido #12 confirmado' } } }, 'text', 'Pedido #12 confirmado'],
  ])('%s', (_name, content, kind, text) => {
    const decision = classify(waMessage(content))
    expect(decision).toEqual({
      action: 'customer',
      chatJid: CUSTOMER_PN,
      altJid: null,
      phone: '+573001234567',
      externalId: '3EB0C0FFEE000001',
      kind,
      text,
      timestamp: new Date(SENT_AT * 1000),
      pushName: 'Laura',
      supported: true,
    })
  })

  it('links a reply to the message it quotes', () => {
    const reply = waMessage({ extendedTextMessage: { text: 'ese mismo', contextInfo: { stanzaId: '3EB0QUOTED', participant: OWN.pn, quotedMessage: { conversation: 'Tenemos dos colores' } } } })
    expect(classify(reply)).toMatchObject({ kind: 'text', text: 'ese mismo', quotedId: '3EB0QUOTED' })
    const captioned = waMessage({ imageMessage: { caption: '¿y este?', contextInfo: { stanzaId: '3EB0OTHER' } } })
    expect(classify(captioned)).toMatchObject({ kind: 'image', quotedId: '3EB0OTHER' })
    expect(classify(waMessage({ conversation: 'sin cita' }))).not.toHaveProperty('quotedId')
  })

  it('reads messages decoded from the wire format the same way', () => {
    const decoded = roundTrip(waMessage({ ephemeralMessage: { message: { extendedTextMessage: { text: '¿hacen envíos a Cali?' } } }, messageContextInfo: { deviceListMetadataVersion: 2 } }))
    expect(classify(decoded)).toMatchObject({ action: 'customer', kind: 'text', text: '¿hacen envíos a Cali?', supported: true, timestamp: new Date(SENT_AT * 1000) })
  })
})

describe('classifyMessage: odd types are kept, not answered', () => {
  it.each([
    ['image without caption', { imageMessage: { mimetype: 'image/jpeg' } }, 'image', null],
    ['blank caption', { imageMessage: { caption: '   ' } }, 'image', '   '],
    ['sticker', { stickerMessage: { mimetype: 'image/webp', isAnimated: false } }, 'sticker', null],
    ['voice note', { audioMessage: { ptt: true, seconds: 12, mimetype: 'audio/ogg; codecs=opus' } }, 'audio', null],
    ['location', { locationMessage: { degreesLatitude: 4.6097, degreesLongitude: -74.0817, name: 'Mi casa' } }, 'location', 'Mi casa'],
    ['location without name', { locationMessage: { degreesLatitude: 4.6, degreesLongitude: -74 } }, 'location', null],
    ['live location', { liveLocationMessage: { degreesLatitude: 4.6, degreesLongitude: -74, caption: 'voy en camino' } }, 'live_location', 'voy en camino'],
    ['contact card', { contactMessage: { displayName: 'Pedro Pérez', vcard: 'BEGIN:VCARD\nVERSION:3.0\nFN:Pedro Pérez\nEND:VCARD' } }, 'contact', 'Pedro Pérez'],
    ['several contacts', { contactsArrayMessage: { contacts: [{ displayName: 'Ana' }, { displayName: 'Luis' }] } }, 'contact', 'Ana, Luis'],
    ['poll', { pollCreationMessageV3: { name: '¿Qué color prefieres?', options: [{ optionName: 'Rojo' }, { optionName: 'Azul' }], selectableOptionsCount: 1 } }, 'poll', '¿Qué color prefieres?'],
    ['poll v1', { pollCreationMessage: { name: '¿Envío o recogida?', options: [{ optionName: 'Envío' }] } }, 'poll', '¿Envío o recogida?'],
    ['poll v4 wrapper', { pollCreationMessageV4: { message: { pollCreationMessage: { name: '¿Cuándo?' } } } }, 'poll', '¿Cuándo?'],
    ['poll vote', { pollUpdateMessage: { pollCreationMessageKey: { id: 'POLL1', remoteJid: CUSTOMER_PN }, vote: { encPayload: Buffer.from([1, 2]), encIv: Buffer.from([3]) } } }, 'poll_vote', null],
    ['view once v1 video without caption', { viewOnceMessage: { message: { videoMessage: { seconds: 3 } } } }, 'view_once', null],
    ['view once v2 extension voice note', { viewOnceMessageV2Extension: { message: { audioMessage: { ptt: true } } } }, 'view_once', null],
    ['video note', { ptvMessage: { seconds: 5 } }, 'video', null],
    ['catalog order', { orderMessage: { orderId: 'O1', itemCount: 2, message: 'Quiero estos dos', orderTitle: 'Pedido' } }, 'unknown', 'Quiero estos dos'],
    ['a type this code does not handle', { groupInviteMessage: { groupJid: '120363000000000000@g.us', inviteCode: 'abc' } }, 'unknown', null],
    ['a type newer than Baileys (dropped while decoding)', { somethingFromTheFuture: { x: 1 } }, 'unknown', null],
    ['only context info (what a newer type decodes to)', { messageContextInfo: { deviceListMetadataVersion: 2 } }, 'unknown', null],
  ])('%s', (_name, content, kind, text) => {
    expect(classify(waMessage(content))).toMatchObject({ action: 'customer', kind, text, supported: false, chatJid: CUSTOMER_PN, pushName: 'Laura' })
  })

  it('keeps reactions with their emoji and the message they are about', () => {
    const reaction = waMessage({ reactionMessage: { key: { id: '3EB0BOTREPLY', remoteJid: CUSTOMER_PN, fromMe: true }, text: '👍', senderTimestampMs: SENT_AT * 1000 } })
    expect(classify(reaction)).toMatchObject({ action: 'customer', kind: 'reaction', text: '👍', reactedTo: '3EB0BOTREPLY', supported: false })
    const removed = waMessage({ reactionMessage: { key: { id: '3EB0BOTREPLY' }, text: '' } })
    expect(classify(removed)).toMatchObject({ kind: 'reaction', text: null, reactedTo: '3EB0BOTREPLY' })
  })

  it('reads edits (as they arrive live, wrapped) with the new text and the edited message', () => {
    const live = waMessage({ editedMessage: { message: { protocolMessage: { key: { id: '3EB0ORIGINAL', remoteJid: CUSTOMER_PN }, type: Type.MESSAGE_EDIT, editedMessage: { conversation: 'quería decir 3 unidades' }, timestampMs: SENT_AT * 1000 } } } })
    expect(classify(live)).toMatchObject({ action: 'customer', kind: 'edit', text: 'quería decir 3 unidades', editedId: '3EB0ORIGINAL', supported: false })
    const bare = waMessage({ protocolMessage: { key: { id: '3EB0ORIGINAL' }, type: Type.MESSAGE_EDIT, editedMessage: { extendedTextMessage: { text: 'corregido' } } } })
    expect(classify(bare)).toMatchObject({ kind: 'edit', text: 'corregido', editedId: '3EB0ORIGINAL' })
    const caption = waMessage({ protocolMessage: { key: { id: 'IMG1' }, type: Type.MESSAGE_EDIT, editedMessage: { imageMessage: { caption: 'este sí' } } } })
    expect(classify(caption)).toMatchObject({ kind: 'edit', text: 'este sí', editedId: 'IMG1' })
    // Baileys' own messages.update form: the wrapper around the new content, under the edited id.
    const update = waMessage({ editedMessage: { message: { conversation: 'nuevo texto' } } }, { key: { id: 'EDITED' } })
    expect(classify(update)).toMatchObject({ kind: 'edit', text: 'nuevo texto', editedId: 'EDITED' })
  })

  it('reads "delete for everyone" with the deleted message', () => {
    const revoke = waMessage({ protocolMessage: { key: { id: '3EB0GONE', remoteJid: CUSTOMER_PN, fromMe: false }, type: Type.REVOKE } })
    expect(classify(revoke)).toMatchObject({ action: 'customer', kind: 'delete', text: null, deletedId: '3EB0GONE', supported: false })
    expect(classify(roundTrip(revoke))).toMatchObject({ kind: 'delete', deletedId: '3EB0GONE' })
  })

  it('sees view-once media Baileys could not receive (phones do not forward it to linked devices)', () => {
    const unavailable = waMessage(null, { keyExtra: { isViewOnce: true } })
    expect(classify(unavailable)).toMatchObject({ action: 'customer', kind: 'view_once', text: null, supported: false })
  })
})

describe('classifyMessage: what is not for the shop', () => {
  const text = { conversation: 'hola' }
  it.each([
    ['a group', waMessage(text, { key: { remoteJid: '120363041234567890@g.us', participant: CUSTOMER_PN } }), 'group'],
    ['a status update', waMessage({ imageMessage: { caption: 'mi día' } }, { key: { remoteJid: 'status@broadcast', participant: CUSTOMER_PN } }), 'status'],
    ['a broadcast list', waMessage(text, { key: { remoteJid: '1712345678@broadcast', participant: CUSTOMER_PN } }), 'broadcast'],
    ['a channel', waMessage(text, { key: { remoteJid: '120363123456789012@newsletter' } }), 'newsletter'],
    ['Meta AI', waMessage(text, { key: { remoteJid: '867051314767696@bot' } }), 'other_chat'],
    ['Meta AI by number', waMessage(text, { key: { remoteJid: '13135550002@s.whatsapp.net' } }), 'other_chat'],
    ['WhatsApp service notices', waMessage(text, { key: { remoteJid: '0@s.whatsapp.net' } }), 'other_chat'],
    ['an unknown server', waMessage(text, { key: { remoteJid: 'someone@call' } }), 'other_chat'],
    ['a history sync notification', waMessage({ protocolMessage: { type: Type.HISTORY_SYNC_NOTIFICATION, historySyncNotification: { syncType: 2, chunkOrder: 1 } } }, { key: { remoteJid: OWN.pn, fromMe: true } }), 'protocol'],
    ['an app state key share', waMessage({ protocolMessage: { type: Type.APP_STATE_SYNC_KEY_SHARE, appStateSyncKeyShare: { keys: [] } } }, { key: { fromMe: true } }), 'protocol'],
    ['a disappearing-messages setting', waMessage({ protocolMessage: { type: Type.EPHEMERAL_SETTING, ephemeralExpiration: 604_800 } }), 'protocol'],
    ['a protocol message without a type', waMessage({ protocolMessage: { key: { id: 'X' } } }), 'protocol'],
    ['a sender key distribution', waMessage({ senderKeyDistributionMessage: { groupId: '120363@g.us', axolotlSenderKeyDistributionMessage: Buffer.from([1]) }, messageContextInfo: {} }), 'protocol'],
    ['a history notice', waMessage({ messageHistoryNotice: {} }), 'protocol'],
    ['a pin', waMessage({ pinInChatMessage: { key: { id: 'P' }, type: 1 } }), 'protocol'],
    ['an encryption notice stub', waMessage(null, { extra: { messageStubType: proto.WebMessageInfo.StubType.E2E_ENCRYPTED } }), 'protocol'],
    ['an undecryptable message', waMessage(null, { extra: { messageStubType: proto.WebMessageInfo.StubType.CIPHERTEXT, messageStubParameters: ['Bad MAC'] } }), 'no_content'],
    ['no message at all', waMessage(null), 'no_content'],
    ['the owner’s own chat, by phone number', waMessage({ conversation: 'nota para mí' }, { key: { remoteJid: '573009999999@s.whatsapp.net', fromMe: true } }), 'self_chat'],
    ['the owner’s own chat, by LID', waMessage({ conversation: 'nota' }, { key: { remoteJid: '98765432101234@lid', fromMe: true } }), 'self_chat'],
    ['an empty peer message from the owner’s devices', waMessage({ messageContextInfo: {} }, { key: { fromMe: true } }), 'no_content'],
  ])('%s', (_name, message, reason) => {
    expect(classify(message)).toEqual({ action: 'ignore', reason })
  })

  it('is not confused by the owner’s JIDs being unknown', () => {
    expect(classifyMessage(waMessage({ conversation: 'hola' }), {})).toMatchObject({ action: 'customer' })
    expect(classifyMessage(waMessage({ conversation: 'hola' }), { pn: null, lid: '' })).toMatchObject({ action: 'customer' })
  })
})

describe('classifyMessage: the owner writing from the phone', () => {
  it('is an owner message, with the same reading of content', () => {
    const typed = waMessage({ extendedTextMessage: { text: 'Hola Laura, ya te atiendo yo' } }, { key: { fromMe: true }, extra: { pushName: 'Tienda' } })
    const decision = classify(typed)
    expect(decision).toEqual({
      action: 'owner',
      chatJid: CUSTOMER_PN,
      altJid: null,
      phone: '+573001234567',
      externalId: '3EB0C0FFEE000001',
      kind: 'text',
      text: 'Hola Laura, ya te atiendo yo',
      timestamp: new Date(SENT_AT * 1000),
    })
    const sentFromPhone = waMessage({ deviceSentMessage: { destinationJid: CUSTOMER_PN, message: { conversation: 'enviado desde el teléfono' } } }, { key: { fromMe: true } })
    expect(classify(sentFromPhone)).toMatchObject({ action: 'owner', kind: 'text', text: 'enviado desde el teléfono' })
    expect(classify(waMessage({ audioMessage: { ptt: true } }, { key: { fromMe: true } }))).toMatchObject({ action: 'owner', kind: 'audio', text: null })
    const deleted = waMessage({ protocolMessage: { key: { id: 'OOPS', fromMe: true }, type: Type.REVOKE } }, { key: { fromMe: true } })
    expect(classify(deleted)).toMatchObject({ action: 'owner', kind: 'delete', deletedId: 'OOPS' })
  })
})

describe('classifyMessage: addressing', () => {
  it('keeps a LID chat as WhatsApp addressed it, with the phone when Baileys has it', () => {
    const hidden = waMessage({ conversation: 'hola' }, { key: { remoteJid: CUSTOMER_LID }, keyExtra: { addressingMode: 'lid' } })
    expect(classify(hidden)).toMatchObject({ action: 'customer', chatJid: CUSTOMER_LID, altJid: null, phone: null })
    const known = waMessage({ conversation: 'hola' }, { key: { remoteJid: CUSTOMER_LID }, keyExtra: { remoteJidAlt: CUSTOMER_PN, addressingMode: 'lid' } })
    expect(classify(known)).toMatchObject({ action: 'customer', chatJid: CUSTOMER_LID, altJid: CUSTOMER_PN, phone: '+573001234567' })
  })

  it('reports the LID of a phone-number chat, and strips device suffixes', () => {
    const pn = waMessage({ conversation: 'hola' }, { key: { remoteJid: '573001234567:3@s.whatsapp.net' }, keyExtra: { remoteJidAlt: '104857600123456:3@lid', addressingMode: 'pn' } })
    expect(classify(pn)).toMatchObject({ chatJid: CUSTOMER_PN, altJid: CUSTOMER_LID, phone: '+573001234567' })
    expect(classify(waMessage({ conversation: 'x' }, { key: { remoteJid: '573001234567@c.us' } }))).toMatchObject({ chatJid: CUSTOMER_PN })
    expect(classify(waMessage({ conversation: 'x' }, { key: { remoteJid: '573001234567@hosted' } }))).toMatchObject({ chatJid: CUSTOMER_PN, phone: '+573001234567' })
    expect(classify(waMessage({ conversation: 'x' }, { key: { remoteJid: '104857600123456@hosted.lid' } }))).toMatchObject({ chatJid: CUSTOMER_LID, phone: null })
  })

  it('never reports the owner’s own number as the customer’s', () => {
    const ownerInLidChat = waMessage({ conversation: 'ya va' }, { key: { remoteJid: CUSTOMER_LID, fromMe: true }, keyExtra: { remoteJidAlt: '573009999999@s.whatsapp.net' } })
    expect(classify(ownerInLidChat)).toMatchObject({ action: 'owner', chatJid: CUSTOMER_LID, altJid: null, phone: null })
  })


  it('keeps the push name only when there is one', () => {
    expect(classify(waMessage({ conversation: 'x' }, { extra: { pushName: null } }))).toMatchObject({ pushName: null })
    expect(classify(waMessage({ conversation: 'x' }, { extra: { pushName: '  ' } }))).toMatchObject({ pushName: null })
  })
})

describe('timestamps', () => {
  const now = () => 1_700_000_000_123
  it.each([
    ['a number of seconds', SENT_AT, SENT_AT * 1000],
    ['a protobuf Long', long(SENT_AT), SENT_AT * 1000],
    ['a Long serialized to JSON', JSON.parse(JSON.stringify(long(SENT_AT))) as unknown, SENT_AT * 1000],
    ['a bigint', BigInt(SENT_AT), SENT_AT * 1000],
    ['a numeric string', String(SENT_AT), SENT_AT * 1000],
    ['milliseconds', SENT_AT * 1000, SENT_AT * 1000],
    ['null', null, now()],
    ['undefined', undefined, now()],
    ['zero', 0, now()],
    ['negative', -5, now()],
    ['NaN', Number.NaN, now()],
    ['garbage', { hello: 'world' }, now()],
    [
      'a Long whose toNumber throws',
      {
        toNumber: () => {
          throw new Error('boom')
        },
      },
      now(),
    ],
  ])('%s', (_name, value, expected) => {
    expect(toDate(value, now).getTime()).toBe(expected)
  })

  it('takes the Long Baileys decodes from the wire', () => {
    const decoded = roundTrip(waMessage({ conversation: 'x' }))
    expect(typeof decoded.messageTimestamp).toBe('object')
    expect(classify(decoded)).toMatchObject({ timestamp: new Date(SENT_AT * 1000) })
  })

  it('falls back to the arrival time when a message is not stamped', () => {
    const unstamped = waMessage({ conversation: 'x' }, { extra: { messageTimestamp: null } })
    expect(classify(unstamped)).toMatchObject({ action: 'customer', timestamp: new Date(42_000) })
  })
})

describe('classifyMessage never throws', () => {
  const throwing = new Proxy({}, {
    get() {
      throw new Error('hostile getter')
    },
  })
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'mensaje'],
    ['an empty object', {}],
    ['a null key', { key: null, message: { conversation: 'x' } }],
    ['a key without id', { key: { remoteJid: CUSTOMER_PN }, message: { conversation: 'x' } }],
    ['a numeric jid', { key: { remoteJid: 5730012, id: 'x' }, message: { conversation: 'x' } }],
    ['a message that is a number', { key: { remoteJid: CUSTOMER_PN, id: 'x' }, message: 42 }],
    ['a message that is an array', { key: { remoteJid: CUSTOMER_PN, id: 'x' }, message: [1, 2] }],
    ['null parts everywhere', { key: { remoteJid: CUSTOMER_PN, id: 'x' }, message: { imageMessage: null, extendedTextMessage: null, reactionMessage: { key: null, text: null } } }],
    ['a protocol message full of nulls', { key: { remoteJid: CUSTOMER_PN, id: 'x' }, message: { protocolMessage: { type: 14, key: null, editedMessage: null } } }],
    ['deep wrappers', { key: { remoteJid: CUSTOMER_PN, id: 'x' }, message: { ephemeralMessage: { message: { ephemeralMessage: { message: { ephemeralMessage: { message: { ephemeralMessage: { message: { ephemeralMessage: { message: { ephemeralMessage: { message: { conversation: 'hondo' } } } } } } } } } } } } } }],
    ['a hostile proxy', throwing],
    ['a hostile message', { key: { remoteJid: CUSTOMER_PN, id: 'x' }, message: throwing }],
  ])('%s', (_name, bogus) => {
    let decision: InboundDecision | undefined
    expect(() => {
      decision = classifyMessage(bogus as unknown as WAMessage, OWN)
    }).not.toThrow()
    expect(['ignore', 'customer', 'owner']).toContain(decision?.action)
  })

  it('answers something sensible for a thousand random shapes', () => {
    const random = seeded(7)
    const pick = <T,>(items: T[]): T => items[Math.floor(random() * items.length)]!
    const leaves = [null, undefined, 0, 1, '', 'hola', true, [], {}, long(5)]
    const fields = ['conversation', 'extendedTextMessage', 'imageMessage', 'protocolMessage', 'reactionMessage', 'ephemeralMessage', 'viewOnceMessageV2', 'editedMessage', 'message', 'text', 'caption', 'key', 'id', 'type', 'deviceSentMessage', 'pollCreationMessageV4']
    const shape = (depth: number): unknown => {
      if (depth > 4 || random() < 0.3) return pick(leaves)
      const object: Record<string, unknown> = {}
      for (let i = 0; i < 1 + Math.floor(random() * 3); i++) object[pick(fields)] = shape(depth + 1)
      return object
    }
    for (let i = 0; i < 1_000; i++) {
      const message = { key: { remoteJid: pick([CUSTOMER_PN, CUSTOMER_LID, '1@g.us', null, 7]), id: pick(['A', null, '']), fromMe: pick([true, false, null]) }, message: shape(0), messageTimestamp: pick([SENT_AT, null, 'x', long(SENT_AT)]) }
      const decision = classifyMessage(message as unknown as WAMessage, OWN)
      expect(['ignore', 'customer', 'owner']).toContain(decision.action)
      if (decision.action !== 'ignore') {
        expect(decision.timestamp.getTime()).not.toBeNaN()
        expect(decision.text === null || typeof decision.text === 'string').toBe(true)
      }
    }
  })
})

import { proto, type WAMessage } from '@whiskeysockets/baileys'
import { describe, expect, it } from 'vitest'
import { mediaOf } from '../../../src/main/whatsapp/inbound-message'

const message = (content: proto.IMessage): WAMessage =>
  proto.WebMessageInfo.fromObject({ key: { remoteJid: '573001234567@s.whatsapp.net', fromMe: false, id: 'X1' }, message: content, messageTimestamp: 1_790_000_000 }) as WAMessage

describe('the photo or voice note in a Baileys message', () => {
  it('finds photos and voice notes, also inside ephemeral and view-once wrappers', () => {
    expect(mediaOf(message({ imageMessage: { mimetype: 'image/jpeg', fileLength: 52_000, caption: 'este' } }))).toEqual({
      kind: 'image',
      mimeType: 'image/jpeg',
      declaredBytes: 52_000,
      seconds: null,
      voiceNote: false,
    })
    expect(mediaOf(message({ audioMessage: { mimetype: 'audio/ogg; codecs=opus', seconds: 12, ptt: true, fileLength: 20_000 } }))).toEqual({
      kind: 'audio',
      mimeType: 'audio/ogg; codecs=opus',
      declaredBytes: 20_000,
      seconds: 12,
      voiceNote: true,
    })
    expect(mediaOf(message({ ephemeralMessage: { message: { imageMessage: { mimetype: 'image/png' } } } }))?.mimeType).toBe('image/png')
    expect(mediaOf(message({ audioMessage: {} }))).toMatchObject({ kind: 'audio', mimeType: 'audio/ogg; codecs=opus', declaredBytes: null, seconds: null })
  })

  it('is nothing for text, stickers, videos or documents', () => {
    expect(mediaOf(message({ conversation: 'hola' }))).toBeUndefined()
    expect(mediaOf(message({ stickerMessage: {} }))).toBeUndefined()
    expect(mediaOf(message({ videoMessage: { caption: 'x' } }))).toBeUndefined()
    expect(mediaOf(message({ documentMessage: { fileName: 'a.pdf' } }))).toBeUndefined()
    expect(mediaOf({ key: {} } as WAMessage)).toBeUndefined()
  })
})

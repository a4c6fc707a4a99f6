// What the pretend customer may send in "Probar el bot": every bad photo or voice note is refused
// in plain Spanish, through the real contract, dispatcher and simulator handler, before anything
// is stored; good ones reach the transport's sink shaped as WhatsApp's media are.
import { afterAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/api/dispatcher'
import type { HandlerTable } from '../../../src/main/api/handler-table'
import { silentLogger } from '../../../src/main/kernel/logger'
import { simulatorHandlers } from '../../../src/main/simulator/simulator-handlers'
import { SimulatorTransport } from '../../../src/main/simulator/simulator-transport'
import type { InboundMessage } from '../../../src/main/transport/transport'
import type { ApiInput } from '../../../src/shared/api/contract'
import { englishWords } from '../../support/english-text'
import { phonePhoto, transparentPng } from '../../support/photos'
import { tempDir } from '../../support/test-app'
import { makeVoiceNote, voiceToolsMissing } from '../../support/voice-notes'

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64')

async function simulator() {
  const received: InboundMessage[] = []
  const transport = new SimulatorTransport()
  await transport.start({
    receive: async (message) => {
      received.push(message)
      return { conversationId: 'c1', messageId: `m${received.length}` }
    },
  })
  const fail = () => {
    throw new Error('not used here')
  }
  const slice = simulatorHandlers(transport)
  const handlers = new Proxy(slice, { get: (target, key: string) => (target as Record<string, unknown>)[key] ?? fail }) as HandlerTable
  const dispatch = createDispatcher(handlers, silentLogger)
  return { received, send: (input: ApiInput<'simulator.send'> | Record<string, unknown>) => dispatch('simulator.send', input) }
}

describe('simulator.send with a photo or a voice note', () => {
  const dir = tempDir()
  afterAll(() => dir.remove())

  it('refuses bad media with a Spanish message naming what to do, and stores nothing', async () => {
    const { received, send } = await simulator()
    const jpeg = b64(await phonePhoto({ width: 40, height: 30 }))
    const cases: [Record<string, unknown>, string][] = [
      [{ from: 'Ana', text: '' }, 'Mensaje: No puede quedar vacío.'],
      [{ from: 'Ana', media: { kind: 'image', mimeType: 'image/gif', dataBase64: jpeg } }, 'Ese archivo no es una foto. Usa una foto JPG, PNG o WebP.'],
      [{ from: 'Ana', media: { kind: 'audio', mimeType: 'audio/mpeg', dataBase64: b64('ID3') } }, 'Ese audio no es una nota de voz de WhatsApp. Usa un audio .ogg u .opus.'],
      [{ from: 'Ana', media: { kind: 'video', mimeType: 'video/mp4', dataBase64: jpeg } }, 'Elige una de las opciones de la lista.'],
      [{ from: 'Ana', media: { kind: 'image', mimeType: 'image/jpeg', dataBase64: '' } }, 'Elige un archivo.'],
      [{ from: 'Ana', text: 'escucha', media: { kind: 'audio', mimeType: 'audio/ogg', dataBase64: b64('OggS') } }, 'Mensaje: Una nota de voz va sin texto: envía el mensaje aparte.'],
      // The declared type is not trusted: the bytes must be what it says.
      [{ from: 'Ana', media: { kind: 'image', mimeType: 'image/jpeg', dataBase64: b64('no soy una foto de verdad') } }, 'Ese archivo no es una foto. Usa una foto JPG, PNG o WebP.'],
      [{ from: 'Ana', media: { kind: 'audio', mimeType: 'audio/ogg', dataBase64: b64('RIFF....WAVEfmt ') } }, 'Ese audio no es una nota de voz de WhatsApp. Usa un audio .ogg u .opus.'],
      [{ from: 'Ana', media: { kind: 'audio', mimeType: 'audio/ogg', dataBase64: 'T2dnUw==%%%' } }, 'El archivo llegó dañado. Vuelve a elegirlo.'],
      // Under the contract's base64 limit, over the real size once decoded.
      [{ from: 'Ana', media: { kind: 'image', mimeType: 'image/jpeg', dataBase64: b64(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(15 * 1024 * 1024)])) } }, 'La foto pesa más de 15 MB. Elige una más liviana.'],
      [{ from: 'Ana', media: { kind: 'image', mimeType: 'image/jpeg', dataBase64: 'A'.repeat(21_000_004) } }, 'La foto pesa más de 15 MB. Elige una más liviana.'],
      [{ from: 'Ana', media: { kind: 'audio', mimeType: 'audio/ogg', dataBase64: 'A'.repeat(22_400_004) } }, 'El archivo pesa más de 16 MB. Elige uno más liviano.'],
    ]
    for (const [input, message] of cases) {
      const result = await send(input)
      expect(result.ok, JSON.stringify(input).slice(0, 120)).toBe(false)
      if (result.ok) continue
      expect(result.error.code).toBe('invalid_input')
      expect(result.error.message, JSON.stringify(input).slice(0, 120)).toContain(message)
      expect(englishWords(result.error.message)).toEqual([])
    }
    expect(received).toEqual([])
  })

  it('a photo reaches the transport as WhatsApp’s do: kind image, the caption as text, its bytes on download, labelled by its content', async () => {
    const { received, send } = await simulator()
    const jpeg = await phonePhoto({ width: 80, height: 60 })
    expect(await send({ from: 'Ana', text: ' ¿tienen este? ', media: { kind: 'image', mimeType: 'image/jpeg', dataBase64: b64(jpeg) } })).toMatchObject({ ok: true })
    const png = await transparentPng()
    expect(await send({ from: 'Ana', media: { kind: 'image', mimeType: 'image/jpeg', dataBase64: b64(png) } })).toMatchObject({ ok: true })

    const [captioned, bare] = received
    expect(captioned).toMatchObject({ kind: 'image', text: '¿tienen este?', answerable: true, media: { kind: 'image', mimeType: 'image/jpeg', declaredBytes: jpeg.byteLength, seconds: null } })
    expect(captioned!.media!.voiceNote).toBeUndefined()
    expect(Buffer.from(await captioned!.media!.download()).equals(Buffer.from(jpeg))).toBe(true)
    expect(bare).toMatchObject({ kind: 'image', text: null, media: { mimeType: 'image/png' } })
    // A download given up (the app closing) is refused like a real one.
    await expect(bare!.media!.download(AbortSignal.abort())).rejects.toThrow()
  })

  it.skipIf(voiceToolsMissing() !== null)('a voice note reaches the transport as a WhatsApp push-to-talk note, with its length read from the Ogg', async () => {
    const { received, send } = await simulator()
    const note = makeVoiceNote(dir.path, 'Hola, ¿tienen envíos a Cali?', { minSeconds: 3 })
    expect(await send({ from: 'Ana', media: { kind: 'audio', mimeType: 'audio/opus', dataBase64: b64(note.ogg) } })).toMatchObject({ ok: true })
    expect(received[0]).toMatchObject({
      kind: 'audio',
      text: null,
      answerable: true,
      media: { kind: 'audio', mimeType: 'audio/ogg; codecs=opus', voiceNote: true, declaredBytes: note.ogg.byteLength, seconds: Math.round(note.seconds) },
    })
    expect(Buffer.from(await received[0]!.media!.download()).equals(note.ogg)).toBe(true)
  })
})

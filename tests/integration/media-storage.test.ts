import { statSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_PHOTO_SIDE, preparePhoto, THUMBNAIL_SIDE } from '../../src/main/media/image-processing'
import { MediaError } from '../../src/main/media/media-errors'
import { MediaStore } from '../../src/main/media/media-store'
import { phonePhoto, transparentPng } from '../support/photos'
import { tempDir } from '../support/test-app'

describe('media storage', () => {
  const dirs: { remove: () => void }[] = []
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()))

  it('re-encodes a phone photo as JPEG within 1600 px, drops its EXIF (GPS, phone) and makes a thumbnail', async () => {
    const original = await phonePhoto({ width: 4000, height: 3000 })
    expect((await sharp(original).metadata()).exif).toBeDefined()

    const { photo, thumbnail } = await preparePhoto(original)

    const meta = await sharp(photo.bytes).metadata()
    expect(meta.format).toBe('jpeg')
    expect(Math.max(meta.width, meta.height)).toBe(MAX_PHOTO_SIDE)
    expect(meta.width / meta.height).toBeCloseTo(4 / 3, 2)
    expect(meta.exif).toBeUndefined()
    expect(Buffer.from(photo.bytes).includes('PhoneMaker')).toBe(false)
    const thumb = await sharp(thumbnail.bytes).metadata()
    expect(Math.max(thumb.width, thumb.height)).toBe(THUMBNAIL_SIDE)
    expect(thumb.exif).toBeUndefined()
    expect(thumbnail.bytes.byteLength).toBeLessThan(photo.bytes.byteLength)
  })

  it('keeps small photos at their size and puts transparent PNGs on white', async () => {
    const { photo } = await preparePhoto(await transparentPng())
    const meta = await sharp(photo.bytes).metadata()
    expect([meta.width, meta.height, meta.format, meta.hasAlpha]).toEqual([400, 300, 'jpeg', false])
    const { data } = await sharp(photo.bytes).raw().toBuffer({ resolveWithObject: true })
    expect([data[0]! > 240, data[1]! > 240, data[2]! > 240]).toEqual([true, true, true])
  })

  it('refuses what is no image, or too big, with a Spanish sentence for the owner', async () => {
    const broken = preparePhoto(new TextEncoder().encode('esto no es una foto, es texto'))
    await expect(broken).rejects.toBeInstanceOf(MediaError)
    await expect(broken).rejects.toThrow(/dañado|no es una imagen/)
    const truncated = (await phonePhoto()).slice(0, 2_000)
    await expect(preparePhoto(truncated)).rejects.toMatchObject({ problem: 'unreadable' })
    await expect(preparePhoto(await phonePhoto(), { maxBytes: 1_000 })).rejects.toMatchObject({ problem: 'too_large', message: expect.stringMatching(/pesa más de/) })
    await expect(preparePhoto(new Uint8Array())).rejects.toMatchObject({ problem: 'unreadable', message: expect.stringMatching(/vacía/) })
  })

  it('writes files 0600 in folders 0700 under the data folder, and never outside it', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const store = new MediaStore(dir.path)
    const path = await store.write('messages', 'abc', new Uint8Array([1, 2, 3]), 'audio/ogg; codecs=opus')
    expect(path).toMatch(/^messages\/abc-[0-9a-f]{12}\.ogg$/)
    expect(Array.from(await store.read(path))).toEqual([1, 2, 3])
    if (process.platform !== 'win32') {
      expect(statSync(join(dir.path, 'media', path)).mode & 0o777).toBe(0o600)
      expect(statSync(join(dir.path, 'media', 'messages')).mode & 0o777).toBe(0o700)
      expect(statSync(join(dir.path, 'media')).mode & 0o777).toBe(0o700)
    }
    // A second write of the same stem is a new file: readers never see bytes change under a name.
    expect(await store.write('messages', 'abc', new Uint8Array([4]), 'image/jpeg')).not.toBe(path)
    expect(() => store.resolve('../autodidacta.db')).toThrow(MediaError)
    expect(() => store.resolve('/etc/passwd')).toThrow(MediaError)
    await expect(store.read('messages/none.jpg')).rejects.toMatchObject({ problem: 'missing' })
    await store.remove(path)
    await store.remove(path)
    await expect(store.read(path)).rejects.toMatchObject({ problem: 'missing' })
  })
})

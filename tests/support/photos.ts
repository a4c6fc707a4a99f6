import sharp from 'sharp'

/**
 * A real JPEG as a phone writes it: big, with EXIF that says where it was taken (GPS) and on
 * which phone, and an orientation tag. `color` makes photos tell apart.
 */
export async function phonePhoto(options: { width?: number; height?: number; color?: string } = {}): Promise<Uint8Array> {
  const buffer = await sharp({
    create: { width: options.width ?? 3000, height: options.height ?? 2000, channels: 3, background: options.color ?? '#1f6f8b' },
  })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone X', Orientation: '1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '4/1 36/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '74/1 4/1 0/1' },
    })
    .toBuffer()
  return new Uint8Array(buffer)
}

/** A small PNG with transparency (a product cut out on no background). */
export async function transparentPng(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0 } } })
      .png()
      .toBuffer(),
  )
}

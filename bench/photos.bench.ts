// Photos: how long re-encoding takes (what a product photo upload and every customer photo cost
// before the chat can show it), and the memory it needs. `npx tsx bench/photos.bench.ts`
import sharp from 'sharp'
import { cpus } from 'node:os'
import { preparePhoto } from '../src/main/media/image-processing'

/** A phone photo's size and texture: sensor noise keeps JPEG from compressing it to nothing. */
async function phonePhoto(width: number, height: number): Promise<Uint8Array> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: '#7a6a50', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone X' } })
    .toBuffer()
  return new Uint8Array(buffer)
}

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!
console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}, sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips})`)
console.log('| photo | file | re-encode + thumbnail (median of 5) | result | peak RSS |')
console.log('|---|---|---|---|---|')
for (const [width, height] of [
  [4032, 3024],
  [1600, 1200],
  [800, 600],
] as const) {
  const input = await phonePhoto(width, height)
  await preparePhoto(input) // warm: sharp loaded, caches filled
  const times: number[] = []
  let out = 0
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    const prepared = await preparePhoto(input)
    times.push(performance.now() - started)
    out = prepared.photo.bytes.byteLength + prepared.thumbnail.bytes.byteLength
  }
  const rss = process.resourceUsage().maxRSS / 1024
  console.log(`| ${width}×${height} | ${(input.byteLength / 1e6).toFixed(1)} MB | ${median(times).toFixed(0)} ms | ${(out / 1e3).toFixed(0)} kB | ${rss.toFixed(0)} MB |`)
}

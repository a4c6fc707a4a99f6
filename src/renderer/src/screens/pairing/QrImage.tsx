import { create, toDataURL } from 'qrcode'
import { useEffect, useState } from 'react'

/** About how wide the QR is drawn, in CSS pixels. */
const TARGET = 296
/** The quiet zone around the code, in modules; scanners need one. */
const MARGIN = 3

async function draw(value: string): Promise<{ url: string; size: number }> {
  // Whole pixels per module: a fractional scale makes some modules a pixel wider than
  // others, which cameras read worse off a screen.
  const modules = create(value, { errorCorrectionLevel: 'L' }).modules.size + 2 * MARGIN
  const scale = Math.max(2, Math.floor(TARGET / modules))
  const url = await toDataURL(value, { errorCorrectionLevel: 'L', margin: MARGIN, scale, color: { dark: '#000000', light: '#ffffff' } })
  return { url, size: modules * scale }
}

/**
 * The pairing QR, drawn here from Baileys' payload: black on white, a quiet zone, the lowest
 * error correction (larger modules). While a rotated payload is being drawn the previous
 * image stays, so it never flickers.
 */
export function QrImage({ value, alt }: { value: string; alt: string }) {
  const [drawn, setDrawn] = useState<{ value: string; url: string; size: number } | null>(null)

  useEffect(() => {
    let live = true
    draw(value).then(
      (image) => live && setDrawn({ value, ...image }),
      () => live && setDrawn(null),
    )
    return () => {
      live = false
    }
  }, [value])

  if (!drawn) return <div className="qr-frame qr-pending" aria-hidden="true" />
  return (
    <div className="qr-frame">
      <img src={drawn.url} alt={alt} width={drawn.size} height={drawn.size} data-testid="pairing-qr" data-fresh={drawn.value === value} />
    </div>
  )
}

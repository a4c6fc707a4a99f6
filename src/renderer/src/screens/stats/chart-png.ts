export interface LegendEntry {
  label: string
  color: string
}

const SCALE = 2
const PADDING = 16
const TITLE_HEIGHT = 28
const LEGEND_ROW = 22

/**
 * A chart as a PNG an owner can send or print: its title, its legend (HTML, so not in the
 * SVG) and the chart drawn at twice the screen's resolution on white.
 */
export async function chartToPng(svg: SVGSVGElement, title: string, legend: readonly LegendEntry[]): Promise<Blob> {
  const box = svg.getBoundingClientRect()
  const width = Math.max(1, Math.round(box.width))
  const height = Math.max(1, Math.round(box.height))
  const font = getComputedStyle(svg).fontFamily || 'sans-serif'

  const clone = svg.cloneNode(true) as SVGSVGElement
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  clone.setAttribute('width', String(width))
  clone.setAttribute('height', String(height))
  clone.setAttribute('font-family', font)
  const image = await loadImage(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml;charset=utf-8' }))

  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d')
  if (!context) throw new Error('canvas 2d context unavailable')
  context.font = `13px ${font}`
  const rows = legendRows(context, legend, width)
  const totalHeight = PADDING + TITLE_HEIGHT + height + (rows.length > 0 ? rows.length * LEGEND_ROW + 6 : 0) + PADDING
  canvas.width = (width + PADDING * 2) * SCALE
  canvas.height = totalHeight * SCALE
  context.scale(SCALE, SCALE)
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, width + PADDING * 2, totalHeight)
  context.fillStyle = '#1f2933'
  context.font = `600 15px ${font}`
  context.textBaseline = 'middle'
  context.fillText(title, PADDING, PADDING + TITLE_HEIGHT / 2 - 4)
  context.drawImage(image, PADDING, PADDING + TITLE_HEIGHT, width, height)
  context.font = `13px ${font}`
  rows.forEach((row, r) => {
    const y = PADDING + TITLE_HEIGHT + height + 6 + r * LEGEND_ROW + LEGEND_ROW / 2
    for (const item of row) {
      context.fillStyle = item.entry.color
      context.fillRect(PADDING + item.x, y - 6, 12, 12)
      context.fillStyle = '#1f2933'
      context.fillText(item.entry.label, PADDING + item.x + 17, y)
    }
  })
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'))
}

/** Saves a blob through the browser's download (Electron asks where to save it). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // The download has read the blob by the next task; keep the URL a little longer anyway.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** "estadisticas-notas-por-categoria-2026-12-02.png": safe on every file system. */
export function pngFileName(title: string, now: Date = new Date()): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
  return `estadisticas-${slug || 'grafico'}-${day}.png`
}

function legendRows(context: CanvasRenderingContext2D, legend: readonly LegendEntry[], width: number): { entry: LegendEntry; x: number }[][] {
  const rows: { entry: LegendEntry; x: number }[][] = []
  let row: { entry: LegendEntry; x: number }[] = []
  let x = 0
  for (const entry of legend) {
    const w = 17 + context.measureText(entry.label).width + 18
    if (x > 0 && x + w > width) {
      rows.push(row)
      row = []
      x = 0
    }
    row.push({ entry, x })
    x += w
  }
  if (row.length > 0) rows.push(row)
  return rows
}

function loadImage(blob: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(blob)
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => {
      URL.revokeObjectURL(url)
      resolve(image)
    }
    image.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('the chart could not be drawn as an image'))
    }
    image.src = url
  })
}

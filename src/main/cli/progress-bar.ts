/** A progress line on stderr: redrawn in place on a terminal, a line per 10% otherwise. */
export function createProgressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }): (label: string, done: number, total: number, detail?: string) => void {
  let lastDecile = -1
  let lastLabel = ''
  return (label, done, total, detail = '') => {
    const ratio = total > 0 ? Math.min(1, done / total) : 0
    const percent = Math.floor(ratio * 100)
    if (stream.isTTY) {
      const width = 30
      const filled = Math.round(ratio * width)
      stream.write(`\r${label.padEnd(16)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}%${detail ? `  ${detail}` : ''}\x1b[K`)
      if (ratio >= 1) stream.write('\n')
      return
    }
    const decile = Math.floor(percent / 10)
    if (decile !== lastDecile || label !== lastLabel) {
      stream.write(`${label} ${percent}%${detail ? ` ${detail}` : ''}\n`)
      lastDecile = decile
      lastLabel = label
    }
  }
}

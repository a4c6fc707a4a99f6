import type { ReactNode } from 'react'

interface TooltipEntry {
  name?: unknown
  value?: unknown
  color?: string
  payload?: unknown
  dataKey?: unknown
}

/**
 * The dashboard's tooltip: dark text on white with a colour swatch per row (score colours
 * as text are unreadable for 3 = yellow), and rows with nothing in them left out.
 */
export function ChartTooltip({
  active,
  payload,
  label,
  title,
  value,
}: {
  active?: boolean
  payload?: readonly TooltipEntry[]
  label?: unknown
  title: (label: unknown, payload: readonly TooltipEntry[]) => ReactNode
  value: (entry: TooltipEntry) => string | null
}) {
  if (!active || !payload || payload.length === 0) return null
  const rows = payload.map((entry) => ({ entry, text: value(entry) })).filter((r) => r.text !== null)
  return (
    <div className="chart-tooltip">
      <strong>{title(label, payload)}</strong>
      <ul>
        {rows.map(({ entry, text }) => (
          <li key={String(entry.dataKey ?? entry.name)}>
            <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />
            {String(entry.name)}: {text}
          </li>
        ))}
      </ul>
    </div>
  )
}

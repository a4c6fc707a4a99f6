import { useRef, useState, type ReactNode } from 'react'
import { useT } from '../../i18n/i18n'
import { chartToPng, downloadBlob, pngFileName, type LegendEntry } from './chart-png'

/**
 * A dashboard chart: title and what it answers, its own legend (drawn into the PNG too), a
 * "Guardar PNG" button, and a sentence in place of the chart when there is nothing to draw.
 */
export function ChartCard({
  id,
  title,
  hint,
  legend = [],
  empty,
  note,
  wide = false,
  action,
  children,
}: {
  id: string
  title: string
  hint: string
  legend?: readonly LegendEntry[]
  /** Shown instead of the chart; null = there is data to draw. */
  empty: string | null
  /** A line under the chart, for data too small to say much yet. */
  note?: string | null
  wide?: boolean
  /** A next step next to the save button (e.g. "Ir a Revisión"). */
  action?: ReactNode
  children: ReactNode
}) {
  const t = useT()
  const body = useRef<HTMLDivElement>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const save = async () => {
    const svg = body.current?.querySelector<SVGSVGElement>('svg.recharts-surface')
    if (!svg) return
    setSaving(true)
    setError(null)
    try {
      downloadBlob(await chartToPng(svg, title, legend), pngFileName(title))
    } catch {
      setError(t('stats.png.failed'))
    } finally {
      setSaving(false)
    }
  }

  return (
    <figure className={`stats-card${wide ? ' wide' : ''}`} data-testid={`chart-${id}`} data-empty={empty !== null}>
      <header className="stats-card-head">
        <figcaption>
          <h2>{title}</h2>
          <p className="hint">{hint}</p>
        </figcaption>
        {action}
        <button
          type="button"
          className="small-button"
          onClick={() => void save()}
          disabled={empty !== null || saving}
          aria-label={t('stats.png.save.label', { title })}
          title={t('stats.png.save.label', { title })}
        >
          {t('stats.png.save')}
        </button>
      </header>
      {empty !== null ? (
        <p className="stats-card-empty">{empty}</p>
      ) : (
        <>
          <div className="stats-card-body" ref={body}>
            {children}
          </div>
          {legend.length > 0 && (
            <ul className="stats-legend" aria-label={t('stats.legend')}>
              {legend.map((entry) => (
                <li key={entry.label}>
                  <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />
                  {entry.label}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {note && empty === null && <p className="stats-card-note">{note}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </figure>
  )
}

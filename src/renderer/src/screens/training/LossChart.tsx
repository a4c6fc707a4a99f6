import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { LossPoint } from '../../../../shared/types'
import { useT } from '../../i18n/i18n'
import { epochStarts } from './training-state'
import { useFormat } from '../../number-format'
import './training.css'

/** The loss per step; lines mark where each epoch starts, so a jump there reads as expected. */
export function LossChart({
  curve,
  height = 220,
  totalSteps = null,
}: {
  curve: readonly LossPoint[]
  height?: number
  /** While training: the run's last step, so the line fills the axis as the run advances. */
  totalSteps?: number | null
}) {
  const t = useT()
  const fmt = useFormat()
  const last = curve.at(-1)
  const summary =
    last && curve[0]
      ? t('training.chart.summary', { first: fmt.loss(curve[0].loss), last: fmt.loss(last.loss), steps: fmt.number(last.step) })
      : t('training.chart.empty')
  return (
    <figure className="loss-chart" data-testid="loss-chart" data-points={curve.length}>
      <figcaption>
        <strong>{t('training.chart.title')}</strong> <small>{t('training.chart.hint')}</small>
      </figcaption>
      {curve.length === 0 ? (
        <p className="hint loss-chart-empty">{t('training.chart.empty')}</p>
      ) : (
        <LineChart
          responsive
          style={{ width: '100%', height }}
          data={[...curve]}
          margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
          accessibilityLayer
          title={t('training.chart.title')}
          desc={summary}
        >
          <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 3" />
          <XAxis
            dataKey="step"
            type="number"
            domain={totalSteps ? [1, Math.max(totalSteps, last?.step ?? 1)] : ['dataMin', 'dataMax']}
            allowDecimals={false}
            tickFormatter={(value: number) => fmt.number(value)}
            fontSize={11}
            label={{ value: t('training.chart.step'), position: 'insideBottomRight', offset: -2, fontSize: 11 }}
          />
          <YAxis dataKey="loss" width={52} tickFormatter={(value: number) => fmt.number(value, 2)} fontSize={11} domain={['auto', 'auto']} />
          <Tooltip
            formatter={(value) => [typeof value === 'number' ? fmt.loss(value) : String(value), t('training.chart.loss')]}
            labelFormatter={(label) => t('training.chart.stepLabel', { step: typeof label === 'number' ? fmt.number(label) : String(label) })}
          />
          {epochStarts(curve).map((start) => (
            <ReferenceLine
              key={start.epoch}
              x={start.step}
              stroke="#9aa4b2"
              strokeDasharray="4 3"
              label={{ value: t('training.chart.epoch', { epoch: start.epoch }), position: 'insideTopLeft', fontSize: 11, fill: '#667085' }}
            />
          ))}
          <Line type="monotone" dataKey="loss" stroke="#128c7e" strokeWidth={2} dot={curve.length <= 40} isAnimationActive={false} name={t('training.chart.loss')} />
        </LineChart>
      )}
      {curve.length > 0 && <p className="sr-only">{summary}</p>}
    </figure>
  )
}

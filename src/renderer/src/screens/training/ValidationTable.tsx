import type { ValidationReport, ValidationSample } from '../../../../shared/types'
import { useT } from '../../i18n/i18n'
import { formatMetric, formatNumber } from './training-format'
import './training.css'

/**
 * What happened after the comparison. It is what happened then, not what is live now: a
 * version rolled back later still "was put live" by its run.
 */
export type ValidationOutcome = 'deployed' | 'forced' | 'kept' | 'not_deployed'

export function validationOutcome(report: ValidationReport, forced: boolean, succeeded: boolean): ValidationOutcome {
  if (!report.better && !forced) return 'kept'
  if (!succeeded) return 'not_deployed'
  return report.better ? 'deployed' : 'forced'
}

const TONE: Record<ValidationOutcome, 'ok' | 'warn' | 'bad'> = { deployed: 'ok', forced: 'warn', kept: 'warn', not_deployed: 'bad' }

/** Which side scored better on a measure, or null when it is a tie or one side has no value. */
function winner(live: number | null, candidate: number | null, lowerIsBetter: boolean): 'live' | 'candidate' | null {
  if (live === null || candidate === null || live === candidate) return null
  return (candidate < live) === lowerIsBetter ? 'candidate' : 'live'
}

export function ValidationTable({
  report,
  outcome,
  stillLive,
}: {
  report: ValidationReport
  outcome: ValidationOutcome
  /** Whether the candidate is live now; null when the caller does not know. */
  stillLive?: boolean | null
}) {
  const t = useT()
  const decision = {
    deployed: t('training.validation.decision.deployed'),
    forced: t('training.validation.decision.forced'),
    kept: t('training.validation.decision.kept', { live: report.live.model }),
    not_deployed: t('training.validation.decision.notDeployed'),
  }[outcome]
  const perplexityWinner = winner(report.live.perplexity, report.candidate.perplexity, true)
  const chrfWinner = winner(report.live.chrf, report.candidate.chrf, false)
  const value = (n: number | null) => (n === null ? <span className="muted">{t('training.validation.notMeasured')}</span> : formatMetric(n))
  const cell = (side: 'live' | 'candidate', n: number | null, best: 'live' | 'candidate' | null) => (
    <td className={best === side ? 'better' : undefined}>
      {value(n)}
      {best === side && <span className="better-tag">{t('training.validation.better')}</span>}
    </td>
  )

  return (
    <section className="validation-report" data-testid="validation-report" data-better={report.better} data-outcome={outcome}>
      <p className={`notice ${TONE[outcome]} validation-decision`} data-testid="validation-decision">
        {decision}
        {outcome !== 'kept' && outcome !== 'not_deployed' && stillLive === false && <> {t('training.validation.noLongerLive')}</>}
      </p>
      {report.reasons.length > 0 && (
        <div className="validation-reasons">
          <h4>{t('training.validation.why')}</h4>
          <ul>
            {report.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}

      <table className="validation-compare">
        <caption>{t('training.validation.compare', { count: formatNumber(report.examples) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.validation.measure')}</th>
            <th scope="col">
              {t(report.comparedWith === 'base' ? 'training.validation.baseColumn' : 'training.validation.liveColumn')}
              <code>{report.live.model}</code>
            </th>
            <th scope="col">
              {t('training.validation.candidateColumn')}
              <code>{report.candidate.model}</code>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="validation-perplexity">
            <th scope="row">
              {t(report.perplexityUnit === 'token' ? 'training.validation.perplexity.token' : 'training.validation.perplexity.byte')}
              <small>{t(report.perplexityUnit === 'token' ? 'training.validation.perplexity.token.hint' : 'training.validation.perplexity.byte.hint')}</small>
            </th>
            {cell('live', report.live.perplexity, perplexityWinner)}
            {cell('candidate', report.candidate.perplexity, perplexityWinner)}
          </tr>
          <tr data-testid="validation-chrf">
            <th scope="row">
              {t('training.validation.chrf')}
              <small>{t('training.validation.chrf.hint')}</small>
            </th>
            {cell('live', report.live.chrf, chrfWinner)}
            {cell('candidate', report.candidate.chrf, chrfWinner)}
          </tr>
        </tbody>
      </table>

      {report.samples.length > 0 && (
        <div className="validation-samples">
          <h4>{t('training.validation.samples', { count: report.samples.length })}</h4>
          <ol>
            {report.samples.map((sample, index) => (
              <SampleRow key={index} sample={sample} liveModel={report.live.model} candidateModel={report.candidate.model} />
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}

function SampleRow({ sample, liveModel, candidateModel }: { sample: ValidationSample; liveModel: string; candidateModel: string }) {
  const t = useT()
  const best = winner(sample.liveChrf, sample.candidateChrf, false)
  const answer = (side: 'live' | 'candidate', model: string, text: string, score: number) => (
    <div className={`sample-cell sample-${side}${best === side ? ' better' : ''}`} data-testid={`sample-${side}`}>
      <div className="sample-label">
        <span>{t(side === 'live' ? 'training.validation.liveColumn' : 'training.validation.candidateColumn')}</span>
        <code title={model}>{model}</code>
        <span className="spacer" />
        <span className="sample-score" title={t('training.validation.chrf')}>
          chrF {formatMetric(score)}
        </span>
      </div>
      <p className="sample-text">{text.trim() ? text : <span className="muted">{t('training.validation.noAnswer')}</span>}</p>
      {best === side && <span className="better-tag">{t('training.validation.closer')}</span>}
    </div>
  )
  return (
    <li className="sample" data-testid="validation-sample">
      <p className="sample-question">
        <span className="sample-who">{t('training.validation.customer')}</span> {sample.question}
      </p>
      <div className="sample-grid">
        <div className="sample-cell sample-reference">
          <div className="sample-label">
            <span>{t('training.validation.reference')}</span>
          </div>
          <p className="sample-text">{sample.reference}</p>
        </div>
        {answer('live', liveModel, sample.live, sample.liveChrf)}
        {answer('candidate', candidateModel, sample.candidate, sample.candidateChrf)}
      </div>
    </li>
  )
}

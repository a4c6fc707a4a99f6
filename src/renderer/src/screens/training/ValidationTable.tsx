import type { ModelVersionDto, ValidationReport, ValidationSample } from '../../../../shared/types'
import { useT, type Translate } from '../../i18n/i18n'
import { useFormat, type Formatters } from '../../number-format'
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
  versions = [],
}: {
  report: ValidationReport
  outcome: ValidationOutcome
  /** Whether the candidate is live now; null when the caller does not know. */
  stillLive?: boolean | null
  /** The shop's versions, to name the two models "Versión 1 (entrenada el 3 de dic)" instead of by their Ollama tag. */
  versions?: readonly ModelVersionDto[]
}) {
  const t = useT()
  const fmt = useFormat()
  const decision = {
    deployed: t('training.validation.decision.deployed'),
    forced: t('training.validation.decision.forced'),
    kept: t('training.validation.decision.kept', { live: fmt.modelName(report.live.model, versions) }),
    not_deployed: t('training.validation.decision.notDeployed'),
  }[outcome]
  const perplexityWinner = winner(report.live.perplexity, report.candidate.perplexity, true)
  const chrfWinner = winner(report.live.chrf, report.candidate.chrf, false)
  // Both sides of a row with the decimals that tell them apart: a "mejor" tag beside two equal-looking numbers contradicts itself.
  const value = (n: number | null, other: number | null) =>
    n === null ? <span className="muted">{t('training.validation.notMeasured')}</span> : other === null ? fmt.metric(n) : fmt.metricPair(n, other)[0]
  const cell = (side: 'live' | 'candidate', n: number | null, other: number | null, best: 'live' | 'candidate' | null) => (
    <td className={best === side ? 'better' : undefined}>
      {value(n, other)}
      {best === side && <span className="better-tag">{t('training.validation.better')}</span>}
    </td>
  )

  return (
    <section className="validation-report" data-testid="validation-report" data-better={report.better} data-outcome={outcome}>
      <p className={`notice ${TONE[outcome]} validation-decision`} data-testid="validation-decision">
        {decision}
        {outcome !== 'kept' && outcome !== 'not_deployed' && stillLive === false && <> {t('training.validation.noLongerLive')}</>}
      </p>
      <div className="validation-reasons" data-testid="validation-why">
        <h4>{t('training.validation.why')}</h4>
        <ul>
          {plainReasons(report, t, fmt).map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </div>

      <table className="validation-compare">
        <caption>{t('training.validation.compare', { count: fmt.number(report.examples) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.validation.measure')}</th>
            <th scope="col">
              {t(report.comparedWith === 'base' ? 'training.validation.baseColumn' : 'training.validation.liveColumn')}
              <small className="model-label">{fmt.modelName(report.live.model, versions)}</small>
            </th>
            <th scope="col">
              {t('training.validation.candidateColumn')}
              <small className="model-label">{fmt.modelName(report.candidate.model, versions)}</small>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="validation-perplexity">
            <th scope="row">
              {t(report.perplexityUnit === 'token' ? 'training.validation.perplexity.token' : 'training.validation.perplexity.byte')}
              <small>{t(report.perplexityUnit === 'token' ? 'training.validation.perplexity.token.hint' : 'training.validation.perplexity.byte.hint')}</small>
            </th>
            {cell('live', report.live.perplexity, report.candidate.perplexity, perplexityWinner)}
            {cell('candidate', report.candidate.perplexity, report.live.perplexity, perplexityWinner)}
          </tr>
          <tr data-testid="validation-chrf">
            <th scope="row">
              {t('training.validation.chrf')}
              <small>{t('training.validation.chrf.hint')}</small>
            </th>
            {cell('live', report.live.chrf, report.candidate.chrf, chrfWinner)}
            {cell('candidate', report.candidate.chrf, report.live.chrf, chrfWinner)}
          </tr>
        </tbody>
      </table>

      <details className="tech-details" data-testid="validation-technical">
        <summary>{t('tech.details')}</summary>
        <p>{t('tech.measures', { unit: t(report.perplexityUnit === 'token' ? 'tech.unit.token' : 'tech.unit.byte') })}</p>
        <ul>
          <li>
            {t(report.comparedWith === 'base' ? 'training.validation.baseColumn' : 'training.validation.liveColumn')}: <code>{report.live.model}</code>
          </li>
          <li>
            {t('training.validation.candidateColumn')}: <code>{report.candidate.model}</code>
          </li>
        </ul>
        {report.reasons.length > 0 && (
          <>
            <p>{t('tech.reasons')}</p>
            <ul>
              {report.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        )}
      </details>

      {report.samples.length > 0 && (
        <div className="validation-samples">
          <h4>{t('training.validation.samples', { count: report.samples.length })}</h4>
          <ol>
            {report.samples.map((sample, index) => (
              <SampleRow key={index} sample={sample} liveModel={fmt.modelName(report.live.model, versions)} candidateModel={fmt.modelName(report.candidate.model, versions)} />
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}

function SampleRow({ sample, liveModel, candidateModel }: { sample: ValidationSample; liveModel: string; candidateModel: string }) {
  const t = useT()
  const fmt = useFormat()
  const best = winner(sample.liveChrf, sample.candidateChrf, false)
  const answer = (side: 'live' | 'candidate', model: string, text: string, score: number) => (
    <div className={`sample-cell sample-${side}${best === side ? ' better' : ''}`} data-testid={`sample-${side}`}>
      <div className="sample-label">
        <span>{t(side === 'live' ? 'training.validation.liveColumn' : 'training.validation.candidateColumn')}</span>
        <span className="model-label">{model}</span>
        <span className="spacer" />
        <span className="sample-score" title={t('training.validation.chrf')}>
          {t('training.validation.sampleScore', { value: fmt.metric(score) })}
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

/**
 * Why, in the owner's words and from the report's own numbers: each sentence says which way a
 * measure moved and shows the two values with enough decimals to differ when they differ, so a
 * "se parecen menos" never sits beside "22,5 → 22,5". The core's reasons (with the measures'
 * technical names and the gate's thresholds) stay in the technical details.
 */
export function plainReasons(report: ValidationReport, t: Translate, fmt: Formatters): string[] {
  const out: string[] = []
  const { live, candidate } = report
  if (live.chrf !== null && candidate.chrf !== null) {
    const [before, after] = fmt.metricPair(live.chrf, candidate.chrf)
    const key = before === after ? 'same' : candidate.chrf > live.chrf ? 'closer' : 'farther'
    out.push(t(`training.validation.summary.chrf.${key}`, { live: before, candidate: after }))
  }
  if (live.perplexity !== null && candidate.perplexity !== null) {
    const [before, after] = fmt.metricPair(live.perplexity, candidate.perplexity)
    const key = before === after ? 'same' : candidate.perplexity < live.perplexity ? 'better' : 'worse'
    out.push(t(`training.validation.summary.ppl.${key}`, { live: before, candidate: after }))
  }
  // The shop's basics (greeting, prices, shipping, payment): forgetting one outweighs the examples.
  const basics = report.basics
  if (basics && !basics.ok) out.unshift(t('training.validation.summary.basics.lost', { list: basics.forgotten.join(', ') || `${basics.questions - basics.candidate}` }))
  else if (basics) out.push(t('training.validation.summary.basics.ok', { candidate: fmt.number(basics.candidate), questions: fmt.number(basics.questions) }))
  if (out.length === 0) out.push(t('training.validation.summary.none'))
  return out
}

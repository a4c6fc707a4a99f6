import { useEffect, useState } from 'react'
import type { HardwareDto, ModelPlanDto, ModelPlanOption } from '../../../../shared/setup'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useApiQuery } from '../../api/use-api-query'
import { useNumberLocale, useT } from '../../i18n/i18n'
import { SPEED_KEYS, formatTrainingTime, orderedOptions } from './setup-model'
import { formatBytes } from '../../number-format'

/**
 * The models this computer can run and train, the recommended one first. The owner reads size,
 * speed and whether it can learn in words; tags, bytes and tokens/s wait in "Detalles técnicos".
 */
export function ModelPlanPanel({
  done,
  downloading,
  onPull,
  onChosen,
  onPlan,
}: {
  done: boolean
  downloading: boolean
  onPull: (name: string) => Promise<void>
  onChosen: () => void
  /** The plan on screen, whenever it changes (the step names downloads after it). */
  onPlan?: (plan: ModelPlanDto) => void
}) {
  const api = useApi()
  const t = useT()
  const query = useApiQuery({}, (api) => api.call('models.plan', {}))
  const [plan, setPlan] = useState<ModelPlanDto | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const shown = plan ?? query.data
  useEffect(() => {
    if (shown) onPlan?.(shown)
  }, [shown, onPlan])

  const choose = async (option: ModelPlanOption) => {
    setBusy(option.id)
    setFailure(null)
    try {
      setPlan(await api.call('models.choosePlan', { id: option.id }))
      onChosen()
      if (!option.installed.answer) await onPull(option.answerModel)
    } catch (error) {
      setFailure(describeError(error, t))
    } finally {
      setBusy(null)
    }
  }

  if (!shown) {
    return query.error ? (
      <p className="notice bad" role="alert">
        {describeError(query.error, t)}
      </p>
    ) : (
      <p className="waiting">
        <span className="spinner" aria-hidden="true" />
        {t('setup.plan.loading')}
      </p>
    )
  }
  return (
    <div className="setup-plan" data-testid="model-plan">
      <h3>{done ? t('setup.plan.titleDone') : t('setup.plan.title')}</h3>
      <p className="hint">{t('setup.plan.lead')}</p>
      {failure && (
        <p className="notice bad" role="alert">
          {failure}
        </p>
      )}
      <ul className="plan-options">
        {orderedOptions(shown).map((option) => (
          <PlanOption
            key={option.id}
            option={option}
            current={shown.current.planId === option.id}
            busy={busy === option.id}
            disabled={busy !== null || downloading}
            onChoose={() => void choose(option)}
            onPullBase={() => void onPull(option.trainingBase).catch((error: unknown) => setFailure(describeError(error, t)))}
          />
        ))}
      </ul>
      <details className="plan-details" data-testid="plan-details">
        <summary>{t('setup.plan.technical')}</summary>
        <Technical plan={shown} />
      </details>
    </div>
  )
}

function PlanOption({
  option,
  current,
  busy,
  disabled,
  onChoose,
  onPullBase,
}: {
  option: ModelPlanOption
  current: boolean
  busy: boolean
  disabled: boolean
  onChoose: () => void
  onPullBase: () => void
}) {
  const t = useT()
  const numberLocale = useNumberLocale()
  return (
    <li className={`plan-option${option.recommended ? ' recommended' : ''}${option.fits ? '' : ' unfit'}`} data-testid="plan-option" data-plan={option.id}>
      <div className="plan-option-head">
        <strong className="plan-name">{t('setup.plan.name', { family: option.family, size: option.sizeLabel })}</strong>
        {option.recommended && <span className="badge plan-recommended">{t('setup.plan.recommended')}</span>}
        {/* A model not downloaded is not "the one you use" (a new data folder names one it does not have). */}
        {current && option.installed.answer && <span className="badge mode-bot">{t('setup.plan.current')}</span>}
      </div>
      <dl className="plan-facts">
        <div>
          <dt>{t('setup.plan.download')}</dt>
          <dd>{option.installed.answer ? t('setup.plan.downloaded') : formatBytes(numberLocale, option.downloadBytes)}</dd>
        </div>
        <div>
          <dt>{t('setup.plan.speed')}</dt>
          <dd className={`speed-${option.speed}`}>{option.fits ? t(SPEED_KEYS[option.speed]) : t('setup.plan.doesNotFit')}</dd>
        </div>
        <div>
          <dt>{t('setup.plan.learning')}</dt>
          <dd className={option.canTrain ? undefined : 'plan-cannot'}>
            {option.canTrain && option.minutesPer100Examples
              ? t('setup.plan.canTrain', { time: formatTrainingTime(option.minutesPer100Examples, t) })
              : t('setup.plan.cannotTrain', { reason: option.trainingReason ?? '' })}
          </dd>
        </div>
      </dl>
      <div className="card-actions">
        {current && option.installed.answer ? (
          <>
            <span className="muted">{t('setup.plan.inUse')}</span>
            {option.canTrain &&
              (option.installed.trainingBase ? (
                <span className="muted">· {t('setup.plan.baseReady')}</span>
              ) : (
                <button type="button" onClick={onPullBase} disabled={disabled} data-testid="pull-base">
                  {t('setup.plan.pullBase', { size: formatBytes(numberLocale, option.trainingDownloadBytes) })}
                </button>
              ))}
          </>
        ) : (
          <button type="button" className={option.recommended ? 'primary' : undefined} onClick={onChoose} disabled={disabled || !option.fits}>
            {busy ? t('setup.plan.choosing') : t('setup.plan.use')}
          </button>
        )}
      </div>
    </li>
  )
}

function Technical({ plan }: { plan: ModelPlanDto }) {
  const t = useT()
  const numberLocale = useNumberLocale()
  const gb = (bytes: number) => (bytes / 1e9).toLocaleString(numberLocale, { maximumFractionDigits: 1 })
  // Memory is sold in binary gigabytes: an 8 GB computer reports 8 GiB, not 8.6 GB.
  const ramGb = (bytes: number) => (bytes / 2 ** 30).toLocaleString(numberLocale, { maximumFractionDigits: 1 })
  return (
    <div className="plan-technical">
      <p>{hardwareLine(plan.hardware, t, ramGb)}</p>
      <p>{t('setup.plan.tech.current', { model: plan.current.answerModel })}</p>
      <table className="plan-table">
        <thead>
          <tr>
            <th scope="col">{t('setup.plan.tech.option')}</th>
            <th scope="col">{t('setup.plan.tech.answerTag')}</th>
            <th scope="col">{t('setup.plan.tech.baseTag')}</th>
            <th scope="col">{t('setup.plan.tech.bytes')}</th>
            <th scope="col">{t('setup.plan.tech.memory')}</th>
            <th scope="col">{t('setup.plan.tech.tokens')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.options.map((o) => (
            <tr key={o.id}>
              <th scope="row">{t('setup.plan.name', { family: o.family, size: o.sizeLabel })}</th>
              <td>
                <code>{o.answerModel}</code>
              </td>
              <td>
                <code>{o.trainingBase}</code> ({gb(o.trainingDownloadBytes)} GB)
              </td>
              <td className="num">{o.downloadBytes.toLocaleString(numberLocale)}</td>
              <td className="num">{ramGb(o.memoryBytes)} GB</td>
              <td className="num">{o.tokensPerSecond.toLocaleString(numberLocale, { maximumFractionDigits: 1 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('setup.plan.tech.note')}</p>
    </div>
  )
}

function hardwareLine(hardware: HardwareDto, t: ReturnType<typeof useT>, gb: (bytes: number) => string): string {
  const gpu = hardware.gpu ? t('setup.plan.tech.gpu', { name: hardware.gpu.name ?? '—', memory: gb(hardware.gpu.memoryBytes) }) : t('setup.plan.tech.noGpu')
  return t('setup.plan.tech.hardware', { memory: gb(hardware.totalMemoryBytes), cores: hardware.cpuCores, gpu, source: t(`setup.plan.tech.source.${hardware.source}`) })
}

import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../../../../shared/api/errors'
import type { DatasetDto, DatasetProgress, Settings } from '../../../../shared/types'
import { useApi, useApiEvent } from '../../api/api-context'
import { useT } from '../../i18n/i18n'
import { DatasetForm, type DatasetRequest } from './DatasetForm'
import { DatasetList } from './DatasetList'

const STAGES: DatasetProgress['stage'][] = ['loading', 'filtering', 'scrubbing', 'deduplicating', 'balancing', 'splitting', 'writing', 'done']

/** Stages weigh the same; within one, its own done/total moves the bar. */
function percent(progress: DatasetProgress): number {
  const index = STAGES.indexOf(progress.stage)
  if (progress.stage === 'done' || index === -1) return 100
  const within = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0
  return Math.round(((index + within) / (STAGES.length - 1)) * 100)
}

export function TrainingScreen() {
  const api = useApi()
  const t = useT()
  const [settings, setSettings] = useState<Settings | null>(null)
  const [datasets, setDatasets] = useState<DatasetDto[]>([])
  const [creating, setCreating] = useState(false)
  const [progress, setProgress] = useState<DatasetProgress | null>(null)
  const [notice, setNotice] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null)

  useEffect(() => {
    api.call('settings.get', {}).then(setSettings, (failure: unknown) =>
      setNotice({ tone: 'bad', text: t('error.generic', { message: failure instanceof Error ? failure.message : String(failure) }) }),
    )
    api.call('datasets.list', {}).then(setDatasets, () => {})
    // `t` only formats the error; a language switch must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api])

  useApiEvent(
    'dataset.updated',
    useCallback((dataset: DatasetDto) => {
      setDatasets((current) => [dataset, ...current.filter((d) => d.id !== dataset.id)].sort((a, b) => b.createdAt - a.createdAt))
    }, []),
  )
  useApiEvent('dataset.progress', setProgress)

  const create = async (request: DatasetRequest) => {
    setCreating(true)
    setNotice(null)
    setProgress(null)
    try {
      const dataset = await api.call('datasets.create', request)
      setDatasets((current) => [dataset, ...current.filter((d) => d.id !== dataset.id)])
      setNotice({
        tone: 'ok',
        text: t('dataset.created', { name: dataset.name, train: dataset.trainCount, validation: dataset.validationCount }),
      })
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure)
      const fields = failure instanceof ApiError && failure.fields?.length ? ` (${failure.fields.map((f) => `${f.path}: ${f.message}`).join('; ')})` : ''
      setNotice({ tone: 'bad', text: `${message}${fields}` })
    } finally {
      setCreating(false)
    }
  }

  // Another window (or the CLI) may be building one: its progress shows here too.
  const building = datasets.some((d) => d.status === 'building')
  const showProgress = progress !== null && (creating || (building && progress.stage !== 'done'))

  return (
    <div className="screen training-screen" data-testid="training-screen">
      <h1 className="screen-title">{t('training.title')}</h1>

      <section className="panel" aria-labelledby="dataset-title">
        <h2 id="dataset-title">{t('dataset.title')}</h2>
        <p className="hint">{t('dataset.hint')}</p>
        {settings ? <DatasetForm learning={settings.learning} busy={creating || building} onSubmit={(r) => void create(r)} /> : <p className="hint">…</p>}
        {showProgress && progress && (
          <div className="dataset-progress" data-testid="dataset-progress">
            <div className="progress-label">
              <span>{t(`dataset.stage.${progress.stage}`)}</span>
              <span>{percent(progress)} %</span>
            </div>
            <div
              className="progress-track"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent(progress)}
              aria-valuetext={t(`dataset.stage.${progress.stage}`)}
            >
              <div className="progress-fill" style={{ width: `${percent(progress)}%` }} />
            </div>
          </div>
        )}
        {notice && (
          <p className={`notice ${notice.tone}`} role={notice.tone === 'bad' ? 'alert' : 'status'} data-testid="dataset-notice">
            {notice.text}
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="datasets-title">
        <h2 id="datasets-title">{t('dataset.list.title')}</h2>
        <DatasetList datasets={datasets} />
      </section>

      <section className="panel training-later" aria-labelledby="training-later-title">
        <h2 id="training-later-title">
          <span aria-hidden="true">🧠 </span>
          {t('training.empty.title')}
        </h2>
        <p className="hint">{t('training.later')}</p>
      </section>
    </div>
  )
}

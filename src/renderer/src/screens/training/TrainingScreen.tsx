import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type {
  DatasetDto,
  DatasetProgress,
  LossPoint,
  ModelVersionDto,
  Settings,
  TrainingOptionsDto,
  TrainingProgress,
  TrainingRunDto,
} from '../../../../shared/types'
import { useApi, useApiEvent, useApiResync } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { NextStep } from '../../components/NextStep'
import { useNumberLocale, useT } from '../../i18n/i18n'
import { formatDate, formatNumber, formatVersionName } from '../../number-format'
import { CyclePanel } from './CyclePanel'
import { DatasetForm, type DatasetRequest } from './DatasetForm'
import { DatasetList } from './DatasetList'
import { ModelVersions } from './ModelVersions'
import { RunList } from './RunList'
import { RunProgress } from './RunProgress'
import { TrainPanel } from './TrainPanel'
import { isActive, mergeCurve, mergeInitialRuns, progressPoint, upsertRun } from './training-state'

const STAGES: DatasetProgress['stage'][] = ['loading', 'filtering', 'scrubbing', 'deduplicating', 'balancing', 'splitting', 'writing', 'done']

/** Stages weigh the same; within one, its own done/total moves the bar. */
function percent(progress: DatasetProgress): number {
  const index = STAGES.indexOf(progress.stage)
  if (progress.stage === 'done' || index === -1) return 100
  const within = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0
  return Math.round(((index + within) / (STAGES.length - 1)) * 100)
}

export function TrainingScreen({
  demoMode = false,
  onOpenStats,
  onOpenSettings,
}: { demoMode?: boolean; onOpenStats?: () => void; onOpenSettings?: () => void } = {}) {
  const api = useApi()
  const t = useT()
  const numberLocale = useNumberLocale()
  const trainSection = useRef<HTMLElement>(null)
  const [settings, setSettings] = useState<Settings | null>(null)
  const [datasets, setDatasets] = useState<DatasetDto[]>([])
  const [creating, setCreating] = useState(false)
  const [progress, setProgress] = useState<DatasetProgress | null>(null)
  const [notice, setNotice] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null)
  const [options, setOptions] = useState<TrainingOptionsDto | null>(null)
  const [runs, setRuns] = useState<TrainingRunDto[]>([])
  // Until the runs are listed, no dataset can be said to be untrained (the screen flashed "train it" on every visit).
  const [runsListed, setRunsListed] = useState(false)
  const [versions, setVersions] = useState<ModelVersionDto[]>([])
  const [trainingProgress, setTrainingProgress] = useState<TrainingProgress | null>(null)
  // Points seen live since the run's stored curve was last written (the core writes it every ~2 s).
  const [liveCurve, setLiveCurve] = useState<{ runId: string; points: LossPoint[] } | null>(null)
  const [finishedHere, setFinishedHere] = useState<string | null>(null)

  const refreshOptions = useCallback(() => {
    api.call('training.options', {}).then(setOptions, () => {})
  }, [api])

  // What the screen follows by events, read. On opening, a copy an event brought while the read
  // was on its way is the newer; back from a dropped connection, the read's copies are.
  const readFollowed = useCallback(
    (readWins: boolean) => {
      api.call('datasets.list', {}).then(setDatasets, () => {})
      refreshOptions()
      api.call('models.list', {}).then(setVersions, () => {})
      return api
        .call('training.list', { limit: 50 })
        .then((listed) => setRuns((shown) => (readWins ? mergeInitialRuns(listed, shown) : mergeInitialRuns(shown, listed))), () => {})
    },
    [api, refreshOptions],
  )

  useEffect(() => {
    api.call('settings.get', {}).then(setSettings, (failure: unknown) =>
      setNotice({ tone: 'bad', text: t('error.generic', { message: failure instanceof Error ? failure.message : String(failure) }) }),
    )
    void readFollowed(false).finally(() => setRunsListed(true))
    // `t` only formats the error; a language switch must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, readFollowed])
  useApiResync(() => void readFollowed(true))

  useApiEvent('training.updated', (run: TrainingRunDto) => {
    const before = runs.find((r) => r.id === run.id)
    // A run that ends while the owner watches opens by itself to show how it went; old ones stay folded.
    if (!isActive(run) && (!before || isActive(before))) setFinishedHere(run.id)
    setRuns((current) => upsertRun(current, run))
    setOptions((current) => {
      if (!current) return current
      const running = isActive(run) ? run.id : current.running === run.id ? null : current.running
      return running === current.running ? current : { ...current, running }
    })
  })
  useApiEvent(
    'training.progress',
    useCallback((next: TrainingProgress) => {
      setTrainingProgress(next)
      const point = progressPoint(next)
      if (!point) return
      setLiveCurve((current) => ({
        runId: next.runId,
        points: current?.runId === next.runId ? [...current.points.filter((p) => p.step !== point.step), point] : [point],
      }))
    }, []),
  )
  useApiEvent(
    'models.updated',
    useCallback(
      (next: ModelVersionDto[]) => {
        setVersions(next)
        // The live model is a setting: after a switch, the options' "live" must follow.
        refreshOptions()
      },
      [refreshOptions],
    ),
  )

  useApiEvent(
    'dataset.updated',
    useCallback((dataset: DatasetDto) => {
      setDatasets((current) => {
        // A new attempt replaces the failed ones before it (the core deletes them), so they do not pile up here either.
        const known = current.some((d) => d.id === dataset.id)
        const kept = current.filter((d) => d.id !== dataset.id && !(dataset.status === 'building' && !known && d.status === 'failed'))
        return [dataset, ...kept].sort((a, b) => b.createdAt - a.createdAt)
      })
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
      // The core's message already names each field in the owner's words; no dotted paths here.
      setNotice({ tone: 'bad', text: describeError(failure, t) })
    } finally {
      setCreating(false)
    }
  }

  // Another window (or the CLI) may be building one: its progress shows here too.
  const building = datasets.some((d) => d.status === 'building')
  const showProgress = progress !== null && (creating || (building && progress.stage !== 'done'))

  const readyDatasets = useMemo(() => datasets.filter((d) => d.status === 'ready').sort((a, b) => b.createdAt - a.createdAt), [datasets])
  const activeRun = runs.find(isActive) ?? null
  const activeProgress = activeRun && trainingProgress?.runId === activeRun.id ? trainingProgress : null
  const activeCurve = useMemo(
    () => (activeRun ? mergeCurve(activeRun.lossCurve, liveCurve?.runId === activeRun.id ? liveCurve.points : []) : []),
    [activeRun, liveCurve],
  )
  const baseModels = options?.baseModels ?? []
  const liveModel = versions.find((v) => v.isLive)?.name ?? options?.liveModel ?? null
  // The loop's next steps: a dataset nothing was trained on yet → train; a trained version live → its effect in Estadísticas.
  const untrainedDataset = runsListed && readyDatasets[0] && !runs.some((r) => r.datasetId === readyDatasets[0]!.id) ? readyDatasets[0] : null
  const liveTrained = versions.find((v) => v.isLive && v.source !== 'base' && v.deployedAt !== null) ?? null

  return (
    <div className="screen training-screen" data-testid="training-screen">
      <h1 className="screen-title">{t('training.title')}</h1>
      <CyclePanel {...(onOpenSettings ? { onOpenSettings } : {})} />

      <section className="panel" aria-labelledby="dataset-title">
        <h2 id="dataset-title">{t('dataset.title')}</h2>
        <p className="hint">{t('dataset.hint')}</p>
        {settings ? (
          <DatasetForm learning={settings.learning} busy={creating || building} demoMode={demoMode} onSubmit={(r) => void create(r)} />
        ) : (
          <p className="hint">…</p>
        )}
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
        {untrainedDataset && !activeRun && !creating && (
          <NextStep
            testId="next-step-train"
            title={t('next.dataset.title')}
            body={t('next.dataset.body', { name: untrainedDataset.name, count: formatNumber(numberLocale, untrainedDataset.trainCount + untrainedDataset.validationCount) })}
            action={t('next.dataset.action')}
            onAction={() => {
              trainSection.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })
              trainSection.current?.querySelector<HTMLElement>('select, input, button')?.focus({ preventScroll: true })
            }}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="datasets-title">
        <h2 id="datasets-title">{t('dataset.list.title')}</h2>
        <DatasetList datasets={datasets} />
      </section>

      <section className="panel" aria-labelledby="train-title" ref={trainSection}>
        <h2 id="train-title">{t('training.train.title')}</h2>
        <TrainPanel
          datasets={readyDatasets}
          options={options}
          defaults={settings?.training ?? null}
          activeRun={activeRun}
          onStarted={(run) => setRuns((current) => upsertRun(current, run))}
          onRefresh={refreshOptions}
        />
      </section>

      {activeRun && <RunProgress run={activeRun} progress={activeProgress} curve={activeCurve} baseModels={baseModels} versions={versions} />}

      <section className="panel" aria-labelledby="versions-title">
        <h2 id="versions-title">{t('training.versions.title')}</h2>
        <p className="hint">{t('training.versions.hint')}</p>
        {liveTrained && onOpenStats && (
          <NextStep
            testId="next-step-stats"
            title={t('next.live.title')}
            body={t('next.live.body', { name: formatVersionName(numberLocale, t, liveTrained), date: formatDate(numberLocale, liveTrained.deployedAt!) })}
            action={t('next.live.action')}
            onAction={onOpenStats}
          />
        )}
        <ModelVersions versions={versions} liveModel={liveModel} onVersions={setVersions} />
      </section>

      <section className="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">{t('training.runs.title')}</h2>
        <RunList runs={runs} versions={versions} baseModels={baseModels} highlightId={finishedHere} />
      </section>
    </div>
  )
}

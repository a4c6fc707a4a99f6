import { useCallback, useEffect, useRef, useState } from 'react'
import type { ModelPlanDto, ModelPullDto, OllamaInstallDto } from '../../../../shared/setup'
import { useApi, useApiEvent, useApiResync } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { ModelPlanPanel } from './ModelPlanPanel'
import { OllamaHelp } from './OllamaHelp'
import { PullProgress } from './PullProgress'
import { VoiceModelPanel } from './VoiceModelPanel'
import { mergePull, pullIsActive, pullLabel, visiblePulls } from './setup-model'

/** How often the step asks again whether Ollama is there, while it is not. */
const DETECT_EVERY_MS = 3000

/**
 * Step "Modelo": first Ollama (found, or explained until it is), then the model plan for this
 * computer and its download. Downloads under way are listed from the core, so a reload finds them.
 */
export function ModelStep({ done, onSettingsChanged }: { done: boolean; onSettingsChanged: () => void }) {
  const api = useApi()
  const t = useT()
  const [install, setInstall] = useState<OllamaInstallDto | null>(null)
  const [detectFailure, setDetectFailure] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)
  const [pulls, setPulls] = useState<ModelPullDto[]>([])
  const [wanted, setWanted] = useState<string | null>(null)
  // Downloads seen moving while this step is open: their end ("descargado ✓") stays on screen.
  const [followed, setFollowed] = useState<string[]>([])
  const follow = useCallback((list: ModelPullDto[]) => {
    const moving = list.filter(pullIsActive).map((p) => p.name)
    if (moving.length > 0) setFollowed((current) => (moving.every((name) => current.includes(name)) ? current : [...new Set([...current, ...moving])]))
  }, [])
  const [planVersion, setPlanVersion] = useState(0)
  // The plan the panel shows: downloads are named as its cards name the models.
  const [plan, setPlan] = useState<ModelPlanDto | null>(null)
  const live = useRef(true)
  const pullsRef = useRef<HTMLDivElement>(null)
  useEffect(
    () => () => {
      live.current = false
    },
    [],
  )

  // What the last check found: Ollama coming back is told to the model status at once.
  const lastState = useRef<OllamaInstallDto['state'] | null>(null)
  const detect = useCallback(
    () =>
      api.call('ollama.detect', {}).then(
        (answer) => {
          if (!live.current) return
          // The status bar re-checks the model on its own, slower timer: without this it says
          // "Ollama no responde" for a while under a step that says Ollama is working.
          if (answer.state === 'running' && lastState.current !== null && lastState.current !== 'running') void api.call('llm.check', {}).catch(() => {})
          lastState.current = answer.state
          setInstall(answer)
          setDetectFailure(null)
        },
        (error: unknown) => {
          if (live.current) setDetectFailure(describeError(error, t))
        },
      ),
    [api, t],
  )
  const retry = () => {
    setChecking(true)
    void detect().finally(() => live.current && setChecking(false))
  }

  useEffect(() => {
    void detect()
  }, [detect])
  const running = install?.state === 'running'
  useEffect(() => {
    if (running) return
    const timer = setInterval(() => void detect(), DETECT_EVERY_MS)
    return () => clearInterval(timer)
  }, [detect, running])

  const readPulls = useCallback(() => {
    api.call('models.pulls', {}).then(
      (list) => {
        if (!live.current) return
        setPulls((current) => list.reduce(mergePull, current))
        follow(list)
      },
      () => {},
    )
  }, [api, follow])
  useEffect(readPulls, [readPulls])
  // A download that moved or ended while the connection was down: its state, and what is installed.
  useApiResync(() => {
    readPulls()
    void detect()
  })
  useApiEvent(
    'models.pull',
    useCallback(
      (pull: ModelPullDto) => {
        setPulls((current) => mergePull(current, pull))
        follow([pull])
        // A finished download changes what the plan says is installed, and may put the model live.
        if (pull.state === 'done') {
          setPlanVersion((v) => v + 1)
          onSettingsChanged()
        }
      },
      [onSettingsChanged, follow],
    ),
  )

  const startPull = async (name: string) => {
    setWanted(name)
    const pull = await api.call('models.pull', { name })
    if (!live.current) return
    setPulls((current) => mergePull(current, pull))
    follow([pull])
  }

  const shown = visiblePulls(pulls, followed)
  // "Usar este" sits far below the progress on a long plan: bring the download into view.
  useEffect(() => {
    if (wanted) pullsRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [wanted, shown.length])
  const downloading = pulls.some(pullIsActive)

  return (
    <div className="setup-model">
      {!running && <p className="card-lead">{t('setup.model.lead')}</p>}
      {detectFailure && (
        <p className="notice bad" role="alert">
          {detectFailure}
        </p>
      )}
      {install === null && !detectFailure && (
        <p className="waiting">
          <span className="spinner" aria-hidden="true" />
          {t('setup.ollama.checking')}
        </p>
      )}
      {install && !running && <OllamaHelp install={install} checking={checking} onRetry={retry} onInstall={setInstall} />}
      {running && (
        <p className="setup-ollama-ok" data-testid="ollama-running">
          ✓ {t('setup.ollama.running', { version: install.version ?? '' })}
        </p>
      )}
      {shown.length > 0 && (
        <div className="setup-pulls" data-testid="pulls" ref={pullsRef}>
          {shown.map((pull) => (
            <PullProgress key={pull.name} pull={pull} label={pullLabel(pull.name, plan, t)} onRetry={() => void startPull(pull.name).catch(() => {})} />
          ))}
        </div>
      )}
      {running && <ModelPlanPanel key={planVersion} done={done} downloading={downloading} onPull={startPull} onChosen={onSettingsChanged} onPlan={setPlan} />}
      {/* Voice notes need no Ollama: their model is offered whatever Ollama's state. */}
      <VoiceModelPanel />
    </div>
  )
}

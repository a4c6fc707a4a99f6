import { useCallback, useEffect, useRef, useState } from 'react'
import type { ModelPullDto, VoiceModelDto, VoiceModelId } from '../../../../shared/setup'
import { useApi, useApiEvent, useApiResync } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { PullProgress } from './PullProgress'
import { pullIsActive } from './setup-model'

/**
 * Step "Modelo", voice notes: the speech model (Whisper) that lets the bot hear customers' voice
 * notes on this computer — installed, or its download (the size the plan recommends preselected).
 */
export function VoiceModelPanel() {
  const api = useApi()
  const t = useT()
  const [voice, setVoice] = useState<VoiceModelDto | null>(null)
  const [pull, setPull] = useState<ModelPullDto | null>(null)
  const [chosen, setChosen] = useState<VoiceModelId | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const live = useRef(true)
  useEffect(
    () => () => {
      live.current = false
    },
    [],
  )

  const load = useCallback(
    () =>
      api.call('voice.model', {}).then(
        (answer) => {
          if (!live.current) return
          setVoice(answer)
          setPull((current) => answer.pull ?? (current?.state === 'done' ? current : null))
        },
        (error: unknown) => live.current && setFailure(describeError(error, t)),
      ),
    [api, t],
  )
  useEffect(() => {
    void load()
  }, [load])
  useApiResync(() => void load())
  useApiEvent(
    'voice.pull',
    useCallback(
      (next: ModelPullDto) => {
        setPull(next)
        if (next.state === 'done') void load()
      },
      [load],
    ),
  )

  const download = (id: VoiceModelId) => {
    setFailure(null)
    api.call('voice.pull', { id }).then(
      (started) => live.current && setPull(started),
      (error: unknown) => live.current && setFailure(describeError(error, t)),
    )
  }

  if (!voice) return null
  const selected = chosen ?? voice.recommendedId
  const sizeLabel = (id: VoiceModelId) => t(`setup.voice.size.${id}`)
  const busy = pull !== null && pullIsActive(pull)

  return (
    <section className="setup-voice" data-testid="voice-model" aria-labelledby="setup-voice-title">
      <h3 id="setup-voice-title">{t('setup.voice.title')}</h3>
      {!voice.engineReady ? (
        <p className="notice warn" data-testid="voice-no-engine">
          {t('setup.voice.noEngine')}
        </p>
      ) : voice.installedId ? (
        <p className="setup-ollama-ok" data-testid="voice-ready">
          ✓ {t('setup.voice.ready', { size: sizeLabel(voice.installedId), minutes: Math.floor(voice.maxSeconds / 60) })}
        </p>
      ) : (
        <>
          <p className="card-lead">{t('setup.voice.lead')}</p>
          {/* Radios rather than a select: each size's words stay readable on a phone, where a closed select cuts them. */}
          <fieldset className="setup-voice-choice" data-testid="voice-size" disabled={busy}>
            <legend>{t('setup.voice.choose')}</legend>
            {voice.options.map((option) => (
              <label key={option.id} className="check setup-voice-option">
                <input type="radio" name="voice-size" value={option.id} checked={selected === option.id} onChange={() => setChosen(option.id)} />
                <span>
                  {sizeLabel(option.id)}
                  {option.recommended && <span className="badge">{t('setup.voice.recommended')}</span>}
                </span>
              </label>
            ))}
          </fieldset>
          <div className="card-actions">
            <button type="button" className="primary" onClick={() => download(selected)} disabled={busy} data-testid="voice-download">
              {t('setup.voice.download')}
            </button>
          </div>
          <p className="hint">{t('setup.voice.later')}</p>
        </>
      )}
      {failure && (
        <p className="notice bad" role="alert">
          {failure}
        </p>
      )}
      {pull && (
        <PullProgress
          pull={pull}
          label={t('setup.voice.pullName')}
          onRetry={() => download(pull.name as VoiceModelId)}
          onCancel={() => api.call('voice.cancelPull', { id: pull.name as VoiceModelId })}
        />
      )}
    </section>
  )
}

import { useState } from 'react'
import type { OllamaInstallDto } from '../../../../shared/setup'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'

/**
 * Ollama is not answering: why (stopped, missing, too old, another computer) and what to do,
 * in the core's words for this computer's system. The step re-checks by itself every few seconds.
 */
export function OllamaHelp({
  install,
  checking,
  onRetry,
  onInstall,
}: {
  install: OllamaInstallDto
  checking: boolean
  onRetry: () => void
  onInstall: (install: OllamaInstallDto) => void
}) {
  const api = useApi()
  const t = useT()
  const [starting, setStarting] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  // The headless server cannot open the owner's browser: the page is then shown as a link.
  const [linkShown, setLinkShown] = useState(false)

  const start = () => {
    setStarting(true)
    setFailure(null)
    api
      .call('ollama.start', {})
      .then(
        (next) => {
          onInstall(next)
          if (next.state !== 'running') setFailure(t('setup.ollama.startFailed'))
        },
        (error: unknown) => setFailure(describeError(error, t)),
      )
      .finally(() => setStarting(false))
  }

  const openDownload = () => {
    setFailure(null)
    api.call('app.openExternal', { url: install.downloadUrl }).then(
      ({ opened }) => setLinkShown(!opened),
      () => setLinkShown(true),
    )
  }

  const offersDownload = install.state === 'not_installed' || install.state === 'too_old'
  return (
    <div className={`setup-ollama state-${install.state}`} data-testid="ollama-help" data-state={install.state}>
      <h3>{t(`setup.ollama.${install.state}.title`, { version: install.version ?? '', minimum: install.minimumVersion })}</h3>
      <p className="hint">{t(`setup.ollama.${install.state}.body`, { version: install.version ?? '', minimum: install.minimumVersion })}</p>
      {install.instructions.length > 0 && (
        <ol className="steps" data-testid="ollama-instructions">
          {install.instructions.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      )}
      <div className="card-actions">
        {install.state === 'installed' && install.canStart && (
          <button type="button" className="primary" onClick={start} disabled={starting}>
            {starting ? t('setup.ollama.starting') : t('setup.ollama.start')}
          </button>
        )}
        {offersDownload && (
          <button type="button" className="primary" onClick={openDownload}>
            {t('setup.ollama.download')}
          </button>
        )}
        <button type="button" onClick={onRetry} disabled={checking} data-testid="ollama-retry">
          {t('setup.ollama.retry')}
        </button>
        <small className="muted">{t('setup.ollama.autoCheck')}</small>
      </div>
      {linkShown && (
        <p className="notice warn" data-testid="ollama-download-link">
          {t('setup.ollama.openYourself')}{' '}
          <a href={install.downloadUrl} target="_blank" rel="noreferrer">
            {install.downloadUrl}
          </a>
        </p>
      )}
      {failure && (
        <p className="notice bad" role="alert">
          {failure}
        </p>
      )}
    </div>
  )
}

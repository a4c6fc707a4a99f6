import { useState } from 'react'
import type { Settings } from '../../../shared/types'
import { useApi } from '../api/api-context'
import { describeError } from '../api/describe-error'
import { useT } from '../i18n/i18n'

/** Shown on every screen while demo mode is on, so example data is never taken for the shop's own. */
export function DemoModeBanner({ onChanged }: { onChanged: (settings: Settings) => void }) {
  const api = useApi()
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const leave = () => {
    setBusy(true)
    setError(null)
    api.call('settings.update', { demoMode: false }).then(onChanged, (failure: unknown) => {
      setError(t('demo.leaveFailed', { message: describeError(failure, t) }))
      setBusy(false)
    })
  }
  return (
    <div className="banner demo-banner" role="status" data-testid="demo-banner">
      {/* On a phone the banner takes one line: the long explanation would eat a sixth of the screen on every page. */}
      <span className="wide-only">{t('demo.banner')}</span>
      <span className="narrow-only">{t('demo.banner.short')}</span>
      <button type="button" className="link-button" disabled={busy} onClick={leave}>
        <span className="wide-only">{t('demo.leave')}</span>
        <span className="narrow-only">{t('demo.leave.short')}</span>
      </button>
      {error && <span className="notice bad">{error}</span>}
    </div>
  )
}

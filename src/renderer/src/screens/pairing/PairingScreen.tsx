import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { WhatsappStatus } from '../../../../shared/types'
import { useApi, useApiEvent, useApiResync } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { formatCountdown, formatTime } from '../../format'
import { useNumberLocale, useT } from '../../i18n/i18n'
import { richText } from '../../rich-text'
import { useNow } from '../../use-now'
import { LinkOptions } from './LinkOptions'
import type { PhoneDraft } from './phone'
import { QrImage } from './QrImage'

type Act = (call: () => Promise<WhatsappStatus>) => void

/**
 * "Vincular WhatsApp": one view per state of the link, kept live by the `whatsapp.status`
 * event. `openSince` is when this window saw the link open (the core does not say).
 */
export function PairingScreen({ openSince }: { openSince: number | null }) {
  const t = useT()
  return (
    <div className="screen pairing">
      <h1 className="screen-title">{t('pairing.title')}</h1>
      <PairingPanel openSince={openSince} />
    </div>
  )
}

/** The link's state and what to do about it, without the screen around it (Primeros pasos shows it too). */
export function PairingPanel({ openSince }: { openSince: number | null }) {
  const api = useApi()
  const t = useT()
  const [status, setStatus] = useState<WhatsappStatus | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [requestedPhone, setRequestedPhone] = useState<string | null>(null)
  // Kept here, above the views that come and go with the link's state, so a failed attempt
  // brings back what was typed instead of an empty box.
  const [phoneDraft, setPhoneDraft] = useState<PhoneDraft | null>(null)
  const [country, setCountry] = useState<string | null>(null)
  // A call's answer can reach us after an event sent later (the QR arrives while `pair` is
  // still answering): answers only count when no event came in the meantime.
  const eventsSeen = useRef(0)

  const readStatus = useCallback(() => {
    const seen = eventsSeen.current
    api.call('whatsapp.status', {}).then(
      (current) => eventsSeen.current === seen && setStatus(current),
      (error: unknown) => setFailure(error),
    )
  }, [api])
  useEffect(readStatus, [readStatus])
  // A QR that changed or a link that opened while the connection was down is read again.
  useApiResync(readStatus)

  useEffect(() => {
    // Only to prefill the country code: without it the owner types the code by hand.
    api.call('settings.get', {}).then(
      (settings) => setCountry(settings.shop.country),
      () => {},
    )
  }, [api])

  useApiEvent(
    'whatsapp.status',
    useCallback((next: WhatsappStatus) => {
      eventsSeen.current++
      setStatus(next)
    }, []),
  )

  const act: Act = useCallback(
    (call) => {
      const seen = eventsSeen.current
      setBusy(true)
      setFailure(null)
      call()
        .then(
          (next) => eventsSeen.current === seen && setStatus(next),
          (error: unknown) => setFailure(error),
        )
        .finally(() => setBusy(false))
    },
    [],
  )

  return (
    <>
      {failure !== null && (
        <p className="notice bad pairing-error" role="alert" data-testid="pairing-error">
          {describeError(failure, t)}
        </p>
      )}
      {status ? (
        <StateView
          status={status}
          busy={busy}
          act={act}
          openSince={openSince}
          requestedPhone={requestedPhone}
          country={country}
          phoneDraft={phoneDraft}
          onRequestPhone={(phone, draft) => {
            setRequestedPhone(phone)
            setPhoneDraft(draft)
          }}
        />
      ) : (
        failure === null && <p className="hint">{t('pairing.loading')}</p>
      )}
    </>
  )
}

function StateView({
  status,
  busy,
  act,
  openSince,
  requestedPhone,
  country,
  phoneDraft,
  onRequestPhone,
}: {
  status: WhatsappStatus
  busy: boolean
  act: Act
  openSince: number | null
  requestedPhone: string | null
  country: string | null
  phoneDraft: PhoneDraft | null
  onRequestPhone: (phone: string, draft: PhoneDraft) => void
}) {
  const api = useApi()
  const t = useT()
  const numberLocale = useNumberLocale()
  const reconnect = () => act(() => api.call('whatsapp.reconnect', {}))
  const logout = () => act(() => api.call('whatsapp.logout', {}))
  const cancel = () => act(() => api.call('whatsapp.cancelPairing', {}))

  switch (status.state) {
    case 'unpaired':
    case 'logged_out': {
      const loggedOut = status.state === 'logged_out'
      return (
        <Card tone={loggedOut ? 'bad' : 'neutral'} testId="pairing-unpaired">
          <h2>{t(loggedOut ? 'pairing.loggedOut.title' : 'pairing.unpaired.title')}</h2>
          <p className="card-lead">{t(loggedOut ? 'pairing.loggedOut.body' : 'pairing.unpaired.body')}</p>
          {status.detail && <p className="notice warn">{status.detail}</p>}
          <LinkOptions
            busy={busy}
            country={country}
            initialDraft={phoneDraft}
            onQr={() => act(() => api.call('whatsapp.pair', { method: 'qr' }))}
            onCode={(phone, draft) => {
              onRequestPhone(phone, draft)
              act(() => api.call('whatsapp.pair', { method: 'code', phone }))
            }}
          />
        </Card>
      )
    }

    case 'pairing':
      return (
        <Card tone="neutral" testId="pairing-live">
          <div className="pairing-live">
            <div className="pairing-visual">
              {status.qr ? (
                <>
                  <QrImage value={status.qr} alt={t('pairing.qr.alt')} />
                  <p className="qr-renews">
                    <span aria-hidden="true">↻ </span>
                    {t('pairing.qr.renews')}
                  </p>
                </>
              ) : status.pairingCode ? (
                <PairingCode code={status.pairingCode} phone={requestedPhone} />
              ) : status.detail ? (
                <p className="notice bad">{status.detail}</p>
              ) : (
                <p className="waiting">
                  <span className="spinner" aria-hidden="true" />
                  {t('pairing.preparing')}
                </p>
              )}
            </div>
            <div className="pairing-steps">
              <h2>{t(status.pairingCode ? 'pairing.code.title' : 'pairing.qr.title')}</h2>
              <ol className="steps">
                <li>{richText(t('pairing.qr.step1'))}</li>
                <li>{richText(t('pairing.qr.step2'))}</li>
                <li>{richText(t('pairing.qr.step3'))}</li>
                <li>{richText(t(status.pairingCode ? 'pairing.code.step4' : 'pairing.qr.step4'))}</li>
              </ol>
              <button type="button" onClick={cancel} disabled={busy}>
                {t('pairing.cancel')}
              </button>
            </div>
          </div>
        </Card>
      )

    case 'open':
      return (
        <Card tone="ok" icon="✓" testId="pairing-open">
          <h2>{t('pairing.open.title')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('pairing.open.phone')}</dt>
              <dd className="linked-phone" data-testid="linked-phone">
                {status.phone ?? t('pairing.open.unknownPhone')}
              </dd>
            </div>
            {openSince !== null && (
              <div>
                <dt>{t('pairing.open.since')}</dt>
                <dd>{formatTime(openSince, undefined, numberLocale)}</dd>
              </div>
            )}
            {status.lastMessageAt !== null && (
              <div>
                <dt>{t('pairing.open.lastMessage')}</dt>
                <dd>{formatTime(status.lastMessageAt, undefined, numberLocale)}</dd>
              </div>
            )}
          </dl>
          <p className="card-lead">{t('pairing.open.body')}</p>
          <Logout phone={status.phone} busy={busy} onConfirm={logout} />
        </Card>
      )

    case 'connecting':
      return (
        <Card tone="neutral" testId="pairing-connecting">
          <h2 className="waiting">
            <span className="spinner" aria-hidden="true" />
            {t('pairing.connecting.title')}
          </h2>
          <p className="card-lead">{status.detail ?? t('pairing.connecting.body')}</p>
        </Card>
      )

    case 'closed':
      return (
        <Card tone="bad" icon="!" testId="pairing-closed">
          <h2>{t(status.gaveUp ? 'pairing.gaveUp.title' : 'pairing.closed.title')}</h2>
          {status.detail && <p className="card-lead">{withoutSchedule(status.detail, status.retryAt)}</p>}
          {status.gaveUp ? (
            <p>{t('pairing.gaveUp.body')}</p>
          ) : (
            <>
              {status.retryAt !== null && <RetryCountdown at={status.retryAt} />}
              <p>{t('pairing.closed.body')}</p>
            </>
          )}
          <div className="card-actions">
            <button type="button" className={status.gaveUp ? 'primary' : undefined} onClick={reconnect} disabled={busy}>
              {t('pairing.retryNow')}
            </button>
            <Logout phone={status.phone} busy={busy} onConfirm={logout} />
          </div>
        </Card>
      )

    case 'replaced':
      return (
        <Card tone="bad" icon="⇄" testId="pairing-replaced">
          <h2>{t('pairing.replaced.title')}</h2>
          <p className="card-lead">{t('pairing.replaced.body')}</p>
          <div className="card-actions">
            <button type="button" className="primary" onClick={reconnect} disabled={busy}>
              {t('pairing.replaced.action')}
            </button>
            <Logout phone={status.phone} busy={busy} onConfirm={logout} />
          </div>
        </Card>
      )
  }
}

/**
 * The core's reason for a close ends in "; reintentando en 30 s." — frozen at the moment it
 * was written. The live countdown below says that better, so the tail goes when there is one.
 */
function withoutSchedule(detail: string, retryAt: number | null): string {
  if (retryAt === null) return detail
  const reason = detail.replace(/;\s*reintentando en [^.;]*\.?$/i, '')
  return reason === detail ? detail : `${reason}.`
}

function Card({ tone, icon, testId, children }: { tone: 'ok' | 'bad' | 'neutral'; icon?: string; testId: string; children: ReactNode }) {
  return (
    <section className={`pairing-card tone-${tone}`} data-testid={testId}>
      {icon && (
        <div className={`pairing-icon tone-${tone}`} aria-hidden="true">
          {icon}
        </div>
      )}
      <div className="pairing-card-body">{children}</div>
    </section>
  )
}

/** WhatsApp shows the code as two groups of four; so does this, to make typing it easy. */
function PairingCode({ code, phone }: { code: string; phone: string | null }) {
  const t = useT()
  return (
    <div className="pairing-code-box">
      <div className="pairing-code-label">{t('pairing.code.label')}</div>
      <div className="pairing-code" data-testid="pairing-code">
        <span>{code.slice(0, 4)}</span>
        <span className="pairing-code-dash">-</span>
        <span>{code.slice(4)}</span>
      </div>
      {phone && <p className="hint">{t('pairing.code.forPhone', { phone })}</p>}
    </div>
  )
}

function RetryCountdown({ at }: { at: number }) {
  const t = useT()
  const now = useNow(true)
  const left = at - now
  return (
    <p className="retry-countdown" data-testid="retry-countdown">
      {left > 0 ? t('pairing.closed.retryIn', { time: formatCountdown(left) }) : t('pairing.closed.retrying')}
    </p>
  )
}

/** Unlinking stops the bot on WhatsApp, so it takes a second, explicit click. */
function Logout({ phone, busy, onConfirm }: { phone: string | null; busy: boolean; onConfirm: () => void }) {
  const t = useT()
  const [confirming, setConfirming] = useState(false)
  if (!confirming) {
    return (
      <button type="button" className="danger-outline" onClick={() => setConfirming(true)} disabled={busy}>
        {t('pairing.logout')}
      </button>
    )
  }
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="logout-confirm-text">
      <p id="logout-confirm-text">{t('pairing.logout.confirm', { phone: phone ?? t('pairing.logout.thisNumber') })}</p>
      <div className="card-actions">
        <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
          {t('pairing.logout.yes')}
        </button>
        <button type="button" onClick={() => setConfirming(false)} autoFocus>
          {t('pairing.logout.no')}
        </button>
      </div>
    </div>
  )
}

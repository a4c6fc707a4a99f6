import { useState } from 'react'
import type { MessageDto } from '../../../../shared/types'
import { useMediaUrl } from '../../api/use-media'
import { useT } from '../../i18n/i18n'
import './media.css'

/** A photo in the chat: its thumbnail; a click shows it full size (both fetched through the API). */
export function MessagePhoto({ message }: { message: MessageDto }) {
  const t = useT()
  const [full, setFull] = useState(false)
  const media = message.media
  const thumb = useMediaUrl('message', media ? message.id : null, media?.thumbnail && !full ? 'thumbnail' : 'full', media ? 1 : null)
  if (!media) return <div className="media-missing">{fetching(message) ? t('message.media.downloading') : t('message.media.notDownloaded')}</div>
  if (thumb.failed) return <div className="media-missing">{t('message.media.missing')}</div>
  return (
    <button type="button" className={`bubble-photo${full ? ' full' : ''}`} onClick={() => setFull((f) => !f)} title={t('message.media.open')} data-testid="bubble-photo">
      {thumb.url ? (
        <img src={thumb.url} alt={message.text ?? t('message.media.photo.alt')} onLoad={(e) => keepAtBottom(e.currentTarget)} />
      ) : (
        <span className="media-loading">{t('message.media.loading')}</span>
      )}
    </button>
  )
}

/**
 * The file of a message that just arrived may still be on its way (the core gives a download a
 * minute); later, no file means it could not be downloaded.
 */
function fetching(message: MessageDto): boolean {
  return Date.now() - message.createdAt < 60_000
}

/**
 * A photo gets its height only once it has loaded, after the chat has scrolled to its last
 * message: a chat the owner was reading at the bottom stays at the bottom.
 */
function keepAtBottom(image: HTMLImageElement): void {
  const list = image.closest('.bubbles')
  if (!list) return
  const fromBottom = list.scrollHeight - list.scrollTop - list.clientHeight
  if (fromBottom <= image.height + 120) list.scrollTop = list.scrollHeight
}

/** A voice note: a player for the audio itself and, under it, what it said (or why there is no transcript). */
export function VoiceNote({ message }: { message: MessageDto }) {
  const t = useT()
  const audio = useMediaUrl('message', message.media ? message.id : null, 'full', message.media ? 1 : null)
  const status = message.transcriptStatus
  return (
    <div className="voice-note" data-testid="voice-note">
      {message.media ? (
        audio.url ? (
          <audio controls preload="metadata" src={audio.url} aria-label={t('message.voice.player')} data-testid="voice-player" />
        ) : (
          <span className="media-loading">{audio.failed ? t('message.media.missing') : t('message.media.loading')}</span>
        )
      ) : (
        <div className="media-missing">{fetching(message) ? t('message.media.downloading') : t('message.media.notDownloaded')}</div>
      )}
      {message.transcript ? (
        <div className="voice-transcript" data-testid="voice-transcript">
          <span className="voice-transcript-label">{t('message.voice.transcript')}</span>
          <p>{message.transcript}</p>
        </div>
      ) : (
        status &&
        status !== 'done' && (
          <div className={`voice-status voice-${status}`} data-testid="voice-status">
            {t(`message.voice.${status}`)}
          </div>
        )
      )}
    </div>
  )
}

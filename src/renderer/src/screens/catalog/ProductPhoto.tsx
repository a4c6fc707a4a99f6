import { useRef, useState, type DragEvent } from 'react'
import { ApiError } from '../../../../shared/api/errors'
import type { ProductDto } from '../../../../shared/catalog'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { fileToBase64, MAX_PHOTO_FILE_BYTES, useMediaUrl } from '../../api/use-media'
import { useT, type Translate } from '../../i18n/i18n'

/** A file the owner picked or dropped, refused here (in words) before it travels when it cannot be a photo. */
function checkPhotoFile(file: File, t: Translate): ApiError | null {
  if (!file.type.startsWith('image/')) return new ApiError('invalid_input', t('catalog.photo.notImage'))
  if (file.size > MAX_PHOTO_FILE_BYTES) return new ApiError('invalid_input', t('catalog.photo.tooBig'))
  return null
}

/** The product's thumbnail in the list (a grey square when it has none). */
export function ProductThumb({ product }: { product: ProductDto }) {
  const t = useT()
  const thumb = useMediaUrl('product', product.photo ? product.id : null, 'thumbnail', product.photo?.updatedAt ?? null)
  if (!product.photo) {
    return (
      <span className="product-thumb empty" title={t('catalog.photo.none')} data-testid="product-thumb-empty">
        <span aria-hidden="true">📷</span>
        <span className="sr-only">{t('catalog.photo.none')}</span>
      </span>
    )
  }
  return (
    <span className="product-thumb" data-testid="product-thumb">
      {thumb.url && <img src={thumb.url} alt={t('catalog.photo.alt', { name: product.name })} />}
    </span>
  )
}

/** The photo in the product form: pick or drop one; it is saved at once (resized, EXIF removed by the core). */
export function ProductPhotoField({ product, onChanged }: { product: ProductDto | null; onChanged: (product: ProductDto) => void }) {
  const api = useApi()
  const t = useT()
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [over, setOver] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const photo = useMediaUrl('product', product?.photo ? product.id : null, 'full', product?.photo?.updatedAt ?? null)

  if (!product) {
    return (
      <div className="field catalog-field product-photo-field">
        <span className="field-label">{t('catalog.photo.title')}</span>
        <small>{t('catalog.photo.newProduct')}</small>
      </div>
    )
  }

  const upload = async (file: File | undefined) => {
    if (!file || busy) return
    setFailure(null)
    const refused = checkPhotoFile(file, t)
    if (refused) return setFailure(refused)
    setBusy(true)
    try {
      onChanged(await api.call('catalog.setPhoto', { productId: product.id, dataBase64: await fileToBase64(file), mimeType: file.type }))
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
      if (input.current) input.current.value = ''
    }
  }

  const remove = async () => {
    setBusy(true)
    setFailure(null)
    try {
      onChanged(await api.call('catalog.removePhoto', { productId: product.id }))
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  const drop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    void upload(event.dataTransfer.files[0])
  }

  return (
    <div className="field catalog-field product-photo-field">
      <span className="field-label">{t('catalog.photo.title')}</span>
      <div
        className={`photo-drop${over ? ' over' : ''}`}
        data-testid="product-photo-drop"
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        {product.photo ? (
          <span className="photo-preview">{photo.url && <img src={photo.url} alt={t('catalog.photo.alt', { name: product.name })} data-testid="product-photo" />}</span>
        ) : (
          <span className="photo-preview empty" aria-hidden="true">
            📷
          </span>
        )}
        <div className="photo-actions">
          <small>{busy ? t('catalog.photo.saving') : t('catalog.photo.drop')}</small>
          <div className="card-actions">
            <button type="button" className="small-button" disabled={busy} onClick={() => input.current?.click()}>
              {product.photo ? t('catalog.photo.change') : t('catalog.photo.pick')}
            </button>
            {product.photo && (
              <button type="button" className="small-button danger-outline" disabled={busy} onClick={() => void remove()}>
                {t('catalog.photo.remove')}
              </button>
            )}
          </div>
        </div>
        <input ref={input} type="file" accept="image/*" hidden data-testid="product-photo-input" onChange={(e) => void upload(e.target.files?.[0])} />
      </div>
      {failure !== null && (
        <span className="form-error" role="alert" data-testid="product-photo-error">
          {describeError(failure, t)}
        </span>
      )}
    </div>
  )
}

/** Many photos at once: each dropped file becomes the photo of the product its name names (SKU or name). */
export function PhotosDropPanel({ onDone }: { onDone: () => void }) {
  const api = useApi()
  const t = useT()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [report, setReport] = useState<{ matched: number; unmatched: string[]; failed: string[] } | null>(null)
  const [failure, setFailure] = useState<unknown>(null)

  // Only the desktop app has a folder dialog (the core reads the folder; the page never names it).
  const desktop = typeof window !== 'undefined' && 'autodidacta' in window

  const importFolder = async () => {
    setReport(null)
    setFailure(null)
    setProgress({ done: 0, total: 1 })
    try {
      const result = await api.call('catalog.importPhotos', {})
      if (result) {
        setReport({ matched: result.matched.length, unmatched: result.unmatched, failed: result.failed.map((f) => f.file) })
        onDone()
      }
    } catch (error) {
      setFailure(error)
    } finally {
      setProgress(null)
    }
  }

  const importFiles = async (files: File[]) => {
    if (files.length === 0 || progress) return
    const result = { matched: 0, unmatched: [] as string[], failed: [] as string[] }
    setReport(null)
    for (const [i, file] of files.entries()) {
      setProgress({ done: i, total: files.length })
      if (checkPhotoFile(file, t)) {
        result.failed.push(file.name)
        continue
      }
      try {
        const { product } = await api.call('catalog.importPhoto', { fileName: file.name, dataBase64: await fileToBase64(file), mimeType: file.type })
        if (product) result.matched++
        else result.unmatched.push(file.name)
      } catch {
        result.failed.push(file.name)
      }
    }
    setProgress(null)
    setReport(result)
    if (input.current) input.current.value = ''
    onDone()
  }

  return (
    <section className="card photos-drop-panel" data-testid="photos-drop-panel">
      <h3>{t('catalog.photos.title')}</h3>
      <div
        className={`photo-drop${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault()
          setOver(false)
          void importFiles(Array.from(e.dataTransfer.files))
        }}
      >
        <small>{t('catalog.photos.hint')}</small>
        <button type="button" className="small-button" disabled={progress !== null} onClick={() => input.current?.click()}>
          {t('catalog.photos.pick')}
        </button>
        {desktop && (
          <button type="button" className="small-button" disabled={progress !== null} onClick={() => void importFolder()} data-testid="photos-folder">
            {t('catalog.photos.folder')}
          </button>
        )}
        <input ref={input} type="file" accept="image/*" multiple hidden data-testid="photos-input" onChange={(e) => void importFiles(Array.from(e.target.files ?? []))} />
      </div>
      {progress && <p className="hint">{t('catalog.photos.working', { done: progress.done + 1, total: progress.total })}</p>}
      {failure !== null && (
        <p className="form-error" role="alert">
          {describeError(failure, t)}
        </p>
      )}
      {report && (
        <div className="photos-report" role="status" data-testid="photos-report">
          <p>{t('catalog.photos.done', { matched: report.matched })}</p>
          {report.unmatched.length > 0 && <p className="muted">{t('catalog.photos.unmatched', { files: report.unmatched.join(', ') })}</p>}
          {report.failed.length > 0 && <p className="form-error">{t('catalog.photos.failed', { files: report.failed.join(', ') })}</p>}
        </div>
      )}
    </section>
  )
}

import { useEffect, useState } from 'react'
import type { ApiClient } from '../../../shared/api/client'
import { useApi } from './api-context'

export type MediaSource = 'product' | 'message'

/** A blob: URL for a stored photo or voice note, fetched through the API (never a file path). */
export function useMediaUrl(
  source: MediaSource,
  id: string | null,
  variant: 'full' | 'thumbnail',
  /** Changes when the file does (a product's new photo): fetched again then. */
  version: number | string | null,
): { url: string | null; failed: boolean } {
  const api = useApi()
  const [state, setState] = useState<{ key: string; url: string | null; failed: boolean }>({ key: '', url: null, failed: false })
  const key = id === null || version === null ? '' : `${source}:${id}:${variant}:${version}`
  useEffect(() => {
    if (!key || !id) return
    let live = true
    let url: string | null = null
    loadMedia(api, source, id, variant).then(
      (blob) => {
        if (!live) return
        url = URL.createObjectURL(blob)
        setState({ key, url, failed: false })
      },
      () => live && setState({ key, url: null, failed: true }),
    )
    return () => {
      live = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [api, key, source, id, variant])
  return state.key === key ? { url: state.url, failed: state.failed } : { url: null, failed: false }
}

export async function loadMedia(api: ApiClient, source: MediaSource, id: string, variant: 'full' | 'thumbnail'): Promise<Blob> {
  const { mimeType, dataBase64 } = await api.call('media.get', { source, id, variant })
  const binary = atob(dataBase64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: mimeType })
}

/** A picked or dropped file as the API takes it: base64 without the data: prefix. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const result = String(reader.result)
      resolve(result.slice(result.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/** Phones take photos of 3–8 MB; the core refuses more than this (and says so). */
export const MAX_PHOTO_FILE_BYTES = 15 * 1024 * 1024

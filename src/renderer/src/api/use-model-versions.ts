import { useCallback, useEffect, useState } from 'react'
import type { ModelVersionDto } from '../../../shared/types'
import { useApi, useApiEvent, useApiResync } from './api-context'

/**
 * The shop's model versions, kept current: screens that name the model that wrote a reply
 * say "Versión 1 (…)" instead of its Ollama tag, and a version trained meanwhile gets its name too.
 */
export function useModelVersions(): readonly ModelVersionDto[] {
  const api = useApi()
  const [versions, setVersions] = useState<readonly ModelVersionDto[]>([])
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    // Without the list a reply keeps its tag: the name is a nicety, not worth an error on screen.
    api.call('models.list', {}).then(
      (list) => live && setVersions(list),
      () => {},
    )
    return () => {
      live = false
    }
  }, [api, generation])
  useApiEvent('models.updated', setVersions)
  useApiResync(useCallback(() => setGeneration((g) => g + 1), []))
  return versions
}

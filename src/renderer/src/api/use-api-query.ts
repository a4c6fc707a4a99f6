import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ApiClient } from '../../../shared/api/client'
import { useApi } from './api-context'

export interface ApiQuery<T> {
  /** The latest answer that landed; kept while a newer one loads, so a screen does not blank out. */
  data: T | null
  /** Why the latest run failed; null once one succeeds. */
  error: unknown
  loading: boolean
  /** Runs the query again with the current input (after an edit, on a live event). */
  reload: () => void
  /** Changes the shown answer in place (an event updated one row); the next answer replaces it. */
  update: (change: (current: T | null) => T | null) => void
}

/**
 * Runs `query(api, input)` when `input` changes (compared by value, so a fresh object literal
 * per render does not loop) and on `reload()`. Only the answer to the latest run lands: a slow
 * answer for inputs the owner has since changed never overwrites a newer one. A null input
 * asks nothing and clears the answer. `onData` sees each answer that lands, for what a screen
 * resets when a new page arrives (selection, the row being edited).
 */
export function useApiQuery<I, T>(
  input: I | null,
  query: (api: ApiClient, input: I) => Promise<T>,
  onData?: (data: T) => void,
): ApiQuery<T> {
  const api = useApi()
  const [data, setData] = useState<T | null>(null)
  // Which input the shown data answers: until an answer for the current input lands, the query is
  // loading, also in the render right after the input changed (before the effect below runs).
  const [dataKey, setDataKey] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(input !== null)
  const latestRun = useRef(0)
  // The newest callbacks, without making them inputs: a closure per render must not re-ask.
  const callbacks = useRef({ query, onData, input })
  useEffect(() => {
    callbacks.current = { query, onData, input }
  })
  // Memoized on the reference: a source held in state (a whole pasted file) is not re-serialized per render.
  const key = useMemo(() => (input === null ? null : JSON.stringify(input)), [input])

  const start = useCallback(
    (current: I | null) => {
      const run = ++latestRun.current
      if (current === null) {
        setData(null)
        setError(null)
        setLoading(false)
        return
      }
      setLoading(true)
      callbacks.current.query(api, current).then(
        (answer) => {
          if (run !== latestRun.current) return
          setData(answer)
          setDataKey(JSON.stringify(current))
          setError(null)
          setLoading(false)
          callbacks.current.onData?.(answer)
        },
        (failure: unknown) => {
          if (run !== latestRun.current) return
          setError(failure)
          setLoading(false)
        },
      )
    },
    [api],
  )

  // `key` stands for the input: the input itself is read from the ref, so only a change of value asks again.
  useEffect(() => start(callbacks.current.input), [start, key])

  // An answer still on its way when the screen closes must not land.
  useEffect(
    () => () => {
      latestRun.current++
    },
    [],
  )

  const reload = useCallback(() => start(callbacks.current.input), [start])
  return { data, error, loading: loading || (key !== null && key !== dataKey && error === null), reload, update: setData }
}

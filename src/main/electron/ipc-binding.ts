import { ipcMain, type WebContents } from 'electron'
import type { Dispatch } from '../api/dispatcher'
import type { EventBus } from '../kernel/event-bus'

const IPC_INVOKE = 'autodidacta:invoke'
const IPC_EVENT = 'autodidacta:event'

/**
 * The Electron binding of the API: one invoke channel into the dispatcher, one event channel
 * out. Calls from any frame other than our own window's are refused.
 */
export function bindIpc(dispatch: Dispatch, events: EventBus, isTrusted: (sender: WebContents, frameUrl: string) => boolean): IpcBinding {
  ipcMain.handle(IPC_INVOKE, (event, method: unknown, input: unknown) => {
    if (!isTrusted(event.sender, event.senderFrame?.url ?? '')) {
      return { ok: false, error: { code: 'unauthorized', message: 'Untrusted sender' } }
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'unknown_method', message: 'Method must be a string' } }
    return dispatch(method, input)
  })
  const targets = new Set<WebContents>()
  const unsubscribe = events.subscribe((name, payload) => {
    for (const target of targets) if (!target.isDestroyed()) target.send(IPC_EVENT, name, payload)
  })
  return {
    targets,
    dispose() {
      unsubscribe()
      ipcMain.removeHandler(IPC_INVOKE)
    },
  }
}

export interface IpcBinding {
  /** The windows that receive events. */
  targets: Set<WebContents>
  dispose(): void
}

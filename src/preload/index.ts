// Runs sandboxed, before the page: exposes only the two API channels, nothing of Node.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { PreloadBridge } from '../shared/api/client'

const IPC_INVOKE = 'autodidacta:invoke'
const IPC_EVENT = 'autodidacta:event'

const bridge: PreloadBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE, method, input),
  subscribe: (listener) => {
    const handler = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload)
    ipcRenderer.on(IPC_EVENT, handler)
    return () => ipcRenderer.removeListener(IPC_EVENT, handler)
  },
}

contextBridge.exposeInMainWorld('autodidacta', bridge)

import type { ApiEventName, ApiEvents } from '../../shared/api/events'

export type EventListener = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void

/**
 * The core's outgoing events. One instance per app; the bindings (IPC, WebSocket) subscribe
 * to everything and forward it. A listener that throws is isolated from the others.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload)
      } catch (error) {
        this.onListenerError(error)
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

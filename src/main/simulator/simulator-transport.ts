import { newId } from '../kernel/ids'
import type { InboundSink, StoredInbound, Transport, TransportHooks } from '../transport/transport'

/**
 * The owner plays a customer inside the app ("Probar el bot"). Messages take exactly the
 * path WhatsApp messages take; replies are delivered by storing them, which the outbox does.
 */
export class SimulatorTransport implements Transport {
  readonly kind = 'simulator' as const
  private sink: InboundSink | null = null

  async start(hooks: TransportHooks): Promise<void> {
    this.sink = hooks.receive
  }

  async stop(): Promise<void> {
    this.sink = null
  }

  async send(): Promise<{ externalId: string }> {
    return { externalId: `sim-out-${newId()}` }
  }

  /** The photo itself stays in the stored message (media/), which "Probar el bot" shows. */
  async sendImage(): Promise<{ externalId: string }> {
    return { externalId: `sim-out-${newId()}` }
  }

  async receive(from: string, text: string): Promise<StoredInbound> {
    if (!this.sink) throw new Error('The simulator is not running')
    const stored = await this.sink({
      externalId: `sim-in-${newId()}`,
      from,
      displayName: from,
      kind: 'text',
      text,
      timestamp: new Date(),
    })
    if (!stored) throw new Error('The simulated message was not stored')
    return stored
  }
}

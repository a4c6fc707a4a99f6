import type { Logger } from './logger'

/**
 * Logs a promise rejection nobody handled instead of letting Node end the process (its
 * default since v15). A long-running app (serve, the desktop shell) answers customers:
 * one forgotten `.catch` in a side task must not stop every conversation.
 * Returns a remover, for a command that stops serving.
 */
export function keepServingOnUnhandledRejection(logger: Logger, target: NodeJS.Process = process): () => void {
  const handler = (reason: unknown) => {
    logger.error('Unhandled promise rejection (the app keeps running)', { error: reason })
  }
  target.on('unhandledRejection', handler)
  return () => {
    target.off('unhandledRejection', handler)
  }
}

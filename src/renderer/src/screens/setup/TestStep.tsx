import { useCallback, useEffect, useRef, useState } from 'react'
import type { MessageDto } from '../../../../shared/types'
import { useApi, useApiEvent } from '../../api/api-context'
import { useApiQuery } from '../../api/use-api-query'
import { useT } from '../../i18n/i18n'
import { Bubble } from '../conversations/Thread'
import { SimulatorPanel } from '../conversations/SimulatorPanel'

/**
 * Step "Probar": a test conversation in the simulator, with a question about a product of the
 * catalog already written, and the conversation beside it so the owner sees the bot answer.
 */
export function TestStep({ done }: { done: boolean }) {
  const api = useApi()
  const t = useT()
  const product = useApiQuery({}, (api) => api.call('catalog.list', { limit: 1 }))
  const first = product.data?.items[0] ?? null
  const suggestion = first ? t('setup.test.question', { product: first.name }) : t('setup.test.questionNoCatalog')
  const [conversationId, setConversationId] = useState<string | null>(null)
  const [messages, setMessages] = useState<MessageDto[]>([])
  const bottom = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!conversationId) return
    let live = true
    api.call('conversations.messages', { conversationId, limit: 50 }).then(
      (list) => live && setMessages(list),
      () => {},
    )
    return () => {
      live = false
    }
  }, [api, conversationId])

  const upsert = useCallback(
    (message: MessageDto) => {
      if (message.conversationId !== conversationId) return
      setMessages((current) => {
        const index = current.findIndex((m) => m.id === message.id)
        if (index === -1) return [...current, message]
        const next = current.slice()
        next[index] = message
        return next
      })
    },
    [conversationId],
  )
  useApiEvent('message.added', upsert)
  useApiEvent('message.updated', upsert)
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'nearest' })
  }, [messages.length])

  const answered = messages.some((m) => m.author === 'bot')
  return (
    <div className="setup-test">
      <p className="card-lead">{t('setup.test.lead')}</p>
      {!first && !product.loading && (
        <p className="notice warn" data-testid="setup-test-no-catalog">
          {t('setup.test.noCatalog')}
        </p>
      )}
      <div className="setup-test-grid">
        <SimulatorPanel key={suggestion} initialText={suggestion} onSent={setConversationId} />
        <div className="setup-test-chat" data-testid="setup-test-chat" aria-live="polite">
          {messages.length === 0 ? (
            <p className="thread-placeholder">{t('setup.test.empty')}</p>
          ) : (
            <div className="bubbles">
              {messages.map((m) => (
                <Bubble key={m.id} message={m} />
              ))}
              {!answered && (
                <p className="waiting">
                  <span className="spinner" aria-hidden="true" />
                  {t('setup.test.waiting')}
                </p>
              )}
              <div ref={bottom} />
            </div>
          )}
        </div>
      </div>
      {answered && !done && <p className="hint">{t('setup.test.checking')}</p>}
    </div>
  )
}

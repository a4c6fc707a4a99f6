import { useEffect, useRef, useState } from 'react'
import { useApiQuery } from '../../api/use-api-query'
import { useT } from '../../i18n/i18n'
import { Bubble } from '../conversations/Thread'
import { SimulatorPanel } from '../conversations/SimulatorPanel'
import { useChatMessages } from '../conversations/use-chat-messages'

/**
 * Step "Probar": a test conversation in the simulator, with a question about a product of the
 * catalog already written, and the conversation beside it so the owner sees the bot answer.
 */
export function TestStep({ done }: { done: boolean }) {
  const t = useT()
  const product = useApiQuery({}, (api) => api.call('catalog.list', { limit: 1 }))
  const first = product.data?.items[0] ?? null
  const suggestion = first ? t('setup.test.question', { product: first.name }) : t('setup.test.questionNoCatalog')
  const [conversationId, setConversationId] = useState<string | null>(null)
  const { messages } = useChatMessages(conversationId, 50)
  const bottom = useRef<HTMLDivElement>(null)
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

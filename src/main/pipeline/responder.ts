import type { ConversationPublisher } from '../conversations/conversation-publisher'
import type { Clock } from '../kernel/clock'
import type { ApiEvents } from '../../shared/api/events'
import type { EventBus } from '../kernel/event-bus'
import { toMessageDto } from '../conversations/dto'
import { closedSpellStart, isOpen, renderAfterHoursMessage } from '../guardrails/business-hours'
import { detectHumanRequest } from '../guardrails/human-request'
import { guardReply } from '../guardrails/reply-guard'
import { LlmCancelledError, LlmUnavailableError } from '../llm/llm-provider'
import type { AnsweredChat, LlmService } from '../llm/llm-service'
import type { Logger } from '../kernel/logger'
import { buildPrompt, type HistoryTurn } from '../prompt/prompt-builder'
import type { PromptAssembler } from '../prompt/prompt-assembler'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'
import type { Message } from '../store/repositories/messages-repository'
import type { OutgoingMessage, Outbox } from './outbox'
import { processedPrefix } from '../../shared/text-bounds'
import { formatShopPrice } from '../../shared/money'
import { analyzeSpanish, asksQuestion } from '../kernel/spanish-text'
import { categoryOf } from '../evaluate'
import type { MediaStore } from '../media/media-store'
import type { Product } from '../store/repositories/products-repository'
import type { MediaIntake, SeenPhoto } from './media-intake'
import { asksForPhoto, photoProducts } from './photo-request'

/** The repositories this module uses, and no others. */
type UsedRepositories = Pick<Repositories, 'conversations' | 'messages' | 'transaction'>

/** What the responder asks of the chat's transport while it works (WhatsApp; the simulator ignores it). */
export interface ChatPresence {
  /** Blue ticks for the customer messages the bot is about to answer. */
  markRead(conversationId: string, messageIds: string[]): Promise<void>
  /** "Escribiendo…" while the model thinks. */
  typing(conversationId: string, on: boolean): Promise<void>
}

export interface ResponderDeps {
  /** Tells every screen a conversation changed, as stored. */
  publisher: ConversationPublisher
  repos: UsedRepositories
  llm: LlmService
  prompts: PromptAssembler
  outbox: Outbox
  settings: SettingsService
  events: EventBus
  logger: Logger
  presence: ChatPresence
  clock?: Clock
  /** Photos and voice notes: waited for before answering them; absent, media is never read. */
  intake?: MediaIntake
  /** Product photos, copied for each send (the product's own may change afterwards). */
  media?: MediaStore
  /** The catalog product of a name (the vision model names the product a photo looks like). */
  productByName?: (name: string) => Product | null
}

/** Why a generation under way was stopped. */
export type CancelReason = 'takeover' | 'shutdown'

/**
 * Answers a conversation: everything the customer wrote since the bot last spoke is answered
 * at once. On the way: a customer asking for a person is handed to the owner; outside business
 * hours the customer hears so; the catalog products and the shop's best past answers relevant
 * to the message go into the prompt; the answer passes the guardrails before it is sent. If no
 * model can answer, the customer's messages stay stored as `waiting_model` (with a holding reply
 * if the owner wants one) and are answered when the model is back.
 */
export class Responder {
  private readonly active = new Map<string, AbortController>()
  private readonly clock: Clock

  constructor(private readonly deps: ResponderDeps) {
    this.clock = deps.clock ?? Date.now
  }

  /** Stops the generation under way in a chat (the owner took it over). */
  cancel(conversationId: string, reason: CancelReason = 'takeover'): void {
    this.active.get(conversationId)?.abort(reason)
  }

  cancelAll(reason: CancelReason = 'shutdown'): void {
    for (const controller of this.active.values()) controller.abort(reason)
  }

  async respond(conversationId: string): Promise<void> {
    const { repos, settings: settingsService } = this.deps
    const settings = settingsService.get()
    const all = repos.messages.awaitingReply(conversationId)
    // Still pending after a long stop: too late to answer well.
    const maxAgeMs = settings.whatsapp.maxAnswerAgeMinutes * 60_000
    const stale = all.filter((m) => this.clock() - m.createdAt.getTime() > maxAgeMs)
    if (stale.length > 0) this.mark(stale.map((m) => m.id), 'skipped', 'Demasiado antiguo para responder')
    const waiting = all.filter((m) => !stale.includes(m))
    if (waiting.length === 0) return
    const ids = waiting.map((m) => m.id)
    const conversation = repos.conversations.get(conversationId)
    if (!conversation) return
    await this.deps.presence.markRead(conversationId, ids)
    // Only the messages answered now wait for their download, transcription and description.
    const media = waiting.filter((m) => m.kind === 'image' || m.kind === 'audio')
    if (media.length > 0 && this.deps.intake) {
      const seen = await this.deps.intake.ready(media.map((m) => m.id))
      const fresh = new Map(repos.messages.awaitingReply(conversationId).map((m) => [m.id, m]))
      waiting.splice(0, waiting.length, ...waiting.map((m) => fresh.get(m.id) ?? m))
      if (await this.answerMedia(conversationId, waiting, seen)) return
    }

    if (waiting.every((m) => m.text === null)) {
      // Only stickers, audio, locations…: the polite configured answer, not the model.
      const text = settings.whatsapp.unsupportedReply
      await this.commit(
        text ? { conversationId, text, author: 'bot', model: null, template: 'unsupported' } : null,
        ids,
        text ? 'answered' : 'skipped',
        text ? null : 'Tipo de mensaje que el bot no lee',
      )
      return
    }
    // Stored whole; what the handoff check, retrieval, prompt and guardrails read is a bounded prefix.
    const asked = processedPrefix(waiting.flatMap((m) => (m.text ? [m.text] : [])).join('\n'))

    if (detectHumanRequest(asked).asked) {
      await this.handOver(conversationId, asked, ids)
      return
    }

    const hours = settings.businessHours
    const now = new Date(this.clock())
    if (hours.enabled && !isOpen(hours, now)) {
      const spell = closedSpellStart(hours, now)
      const noticeFor = conversation.conversation.afterHoursNoticeFor?.getTime() ?? null
      const notice: OutgoingMessage | null =
        spell && noticeFor !== spell.getTime()
          ? { conversationId, text: renderAfterHoursMessage(hours.message, hours, now), author: 'bot', model: null, template: 'after_hours' }
          : null
      // The notice, the spell it belongs to and (owner-only hours) the skip commit together:
      // a crash between them would send the notice twice or never.
      const before = () => {
        if (notice && spell) repos.conversations.setAfterHoursNotice(conversationId, spell)
      }
      if (hours.mode === 'message_only') {
        await this.commit(notice, ids, 'skipped', 'Fuera del horario de atención: queda para el dueño', before)
        return
      }
      if (notice) await this.commit(notice, [], 'answered', null, before)
    }

    const history = repos.messages.recent(conversationId, Math.max(settings.historyMessages, waiting.length) + 1)
    // Read again: a photo in this batch may have just set what the chat is about.
    const focusProductId = repos.conversations.get(conversationId)?.conversation.focusProductId ?? null
    const { input: promptInput, prompt, retrieval, shown } = await this.deps.prompts.assemble({
      conversationId,
      asked,
      focusProductId,
      history: toHistory(history),
    })
    if (retrieval.focus && retrieval.focus.id !== focusProductId) {
      repos.conversations.setFocusProduct(conversationId, retrieval.focus.id)
    }
    if (asksForPhoto(asked) && !waiting.some((m) => m.kind === 'image') && !this.photosAlreadySent(conversationId, waiting[0]!.createdAt)) {
      await this.sendPhotos(conversationId, photoProducts(asked, retrieval.focus, retrieval.products), promptInput.prices)
    }

    const controller = new AbortController()
    this.active.set(conversationId, controller)
    await this.deps.presence.typing(conversationId, true)
    let reply: AnsweredChat
    let guarded: { text: string; applied: string[] }
    try {
      reply = await this.deps.llm.chat(prompt.messages, { signal: controller.signal })
      if (!reply.text) throw new Error('El modelo respondió vacío')
      guarded = await guardReply(reply.text, { products: shown, customerText: asked, settings: settings.guardrails, prices: promptInput.prices }, async (correction) => {
        reply = await this.deps.llm.chat(buildPrompt({ ...promptInput, correction }).messages, { signal: controller.signal })
        return reply.text
      })
    } catch (error) {
      await this.deps.presence.typing(conversationId, false)
      if (error instanceof LlmCancelledError || controller.signal.aborted) {
        // Taken over: the owner answers. Shutting down: still pending, answered at next start.
        if (controller.signal.reason === 'takeover') this.mark(ids, 'skipped', 'El dueño tomó la conversación')
        return
      }
      if (error instanceof LlmUnavailableError) {
        this.deps.logger.warn('No model can answer; the messages wait for it', { conversationId, reason: error.reason })
        await this.waitForModel(conversationId, ids)
        return
      }
      this.deps.logger.warn('No answer for a conversation', { conversationId, error })
      this.mark(ids, 'failed', errorText(error))
      return
    } finally {
      if (this.active.get(conversationId) === controller) this.active.delete(conversationId)
    }
    await this.deps.presence.typing(conversationId, false)
    // The outbox owns it from here (retries included); the capture follows once it is sent.
    await this.commit(
      { conversationId, text: guarded.text, author: 'bot', model: reply.modelLabel, productId: retrieval.focus?.id ?? null, guardrails: guarded.applied },
      ids,
      'answered',
      null,
      () => {
        if (conversation.conversation.holdingReplyAt) repos.conversations.setHoldingReplyAt(conversationId, null)
      },
    )
  }

  /**
   * Stores the reply (if any) and the new state of the messages it answers in ONE transaction,
   * then sends it. Marked after the send instead, a crash in between made the restart resend
   * the stored reply and also answer the same messages again. `before` joins the transaction.
   */
  private async commit(
    outgoing: OutgoingMessage | null,
    ids: string[],
    state: 'answered' | 'waiting_model' | 'skipped',
    error: string | null,
    before?: () => void,
  ): Promise<void> {
    const { repos, outbox, events } = this.deps
    const { queued, marked } = repos.transaction(() => {
      before?.()
      const queued = outgoing ? outbox.enqueue(outgoing) : null
      return { queued, marked: repos.messages.setReplyState(ids, state, error) }
    })
    const sending = queued ? outbox.dispatch(queued) : null
    for (const message of marked) events.emit('message.updated', toMessageDto(message))
    await sending
  }

  /**
   * The photos the customer asked for, each with its name and price as the caption, one send
   * after another (the transport spaces them like any send). A product without a photo: the
   * customer hears so, and the owner is told which product needs one. The answer follows as usual.
   */
  private async sendPhotos(conversationId: string, products: Product[], prices: Parameters<typeof formatShopPrice>[2]): Promise<void> {
    const { outbox, media } = this.deps
    if (!media || products.length === 0) return
    const missing: Product[] = []
    for (const product of products) {
      if (!product.photoPath) {
        missing.push(product)
        continue
      }
      try {
        const bytes = await media.read(product.photoPath)
        const path = await media.write('messages', `photo-${product.id}`, bytes, product.photoMime ?? 'image/jpeg')
        const thumbPath = product.photoThumbPath ? await media.write('messages', `photo-${product.id}-thumb`, await media.read(product.photoThumbPath), 'image/jpeg') : null
        const caption = product.price === null ? product.name : `${product.name} — ${formatShopPrice(product.price, product.currency, prices)}`
        await outbox.send({
          conversationId,
          text: caption,
          author: 'bot',
          model: null,
          template: 'photo',
          productId: product.id,
          image: { path, thumbPath, mimeType: product.photoMime ?? 'image/jpeg', bytes: bytes.byteLength },
        })
      } catch (error) {
        // The photo file went missing or the send failed: the customer still gets the answer.
        this.deps.logger.warn('A product photo could not be sent', { conversationId, productId: product.id, error })
        missing.push(product)
      }
    }
    if (missing.length === 0) return
    const names = missing.map((p) => p.name)
    const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} y ${names.at(-1)!}`
    await outbox.send({
      conversationId,
      text: `Todavía no tengo foto de ${list}. Ya le avisé al encargado para que te la mande.`,
      author: 'bot',
      model: null,
      template: 'media_reply',
    })
    this.alert(conversationId, 'photo_missing', `Un cliente pidió foto de ${list}, que no tiene foto en el catálogo. Agrégala en Catálogo.`)
  }

  /**
   * The photos for these messages already went out: the answer after them failed (the model was
   * down) and is being written again now. Sending them again would repeat them to the customer.
   */
  private photosAlreadySent(conversationId: string, since: Date): boolean {
    return this.deps.repos.messages
      .recent(conversationId, 30)
      .some((m) => m.direction === 'out' && m.author === 'bot' && (m.template === 'photo' || m.template === 'media_reply') && m.createdAt.getTime() >= since.getTime())
  }

  /**
   * Customer photos and voice notes, before the model: a voice note already reads as text (its
   * transcript). A photo after "¿cómo pago?" or that the vision model takes for a receipt is a
   * likely sale for the owner to confirm — never recorded as paid; a photo like a catalog product
   * gets "parece el …, ¿es ese?"; media the bot could not read gets the polite line and the owner
   * is told. Returns true when that answered everything (nothing left for the model).
   */
  private async answerMedia(conversationId: string, waiting: Message[], seen: SeenPhoto[]): Promise<boolean> {
    const { repos } = this.deps
    const photos = waiting.filter((m) => m.kind === 'image')
    const unheard = waiting.filter((m) => m.kind === 'audio' && !m.text)
    const replies: string[] = []
    if (photos.length > 0) {
      const receipt = seen.some((s) => s.receipt) || this.afterPaymentQuestion(conversationId, photos[0]!)
      const guess = seen.find((s) => s.productName)
      if (receipt) {
        replies.push('¡Gracias! Recibí tu comprobante. El encargado lo revisa y te confirma el pago.')
        repos.conversations.setAttention(conversationId, 'likely_sale', new Date(this.clock()))
        this.deps.publisher.changed(conversationId)
        this.alert(conversationId, 'likely_sale', 'Un cliente mandó una foto que parece un comprobante de pago. Revísala y confirma la venta si el pago llegó.')
      } else if (guess?.productName) {
        const product = this.deps.productByName?.(guess.productName) ?? null
        if (product) {
          repos.conversations.setFocusProduct(conversationId, product.id)
          // With a caption ("¿tienen este en talla M?") the model answers it about this product, in
          // one message; a bare photo gets the guess and the question whether it is that one.
          if (photos.every((m) => !m.text?.trim())) replies.push(`Por la foto, parece el ${product.name}. ¿Es ese? Si quieres te cuento precio y disponibilidad.`)
        }
      }
      if (replies.length === 0 && photos.every((m) => !m.text)) {
        const seenSomething = seen.length > 0
        this.alert(
          conversationId,
          'media_unread',
          seenSomething ? 'Un cliente mandó una foto que el bot no reconoció entre tus productos. Mírala en Conversaciones.' : 'Un cliente mandó una foto y el bot no puede verla. Mírala en Conversaciones.',
        )
      }
    }
    if (unheard.length > 0) {
      this.alert(conversationId, 'media_unread', 'Un cliente mandó una nota de voz que el bot no pudo escuchar. Escúchala en Conversaciones.')
    }
    const ids = waiting.map((m) => m.id)
    // A receipt's caption ("listo, ya pagué") is answered by the receipt's thanks: the model must
    // not answer it too — it could call the payment confirmed, which only the owner can. A caption
    // that asks something ("¿cuándo me lo envían?") still gets the model's answer.
    const receiptOnly = replies.length > 0 && photos.length > 0 && !waiting.some((m) => m.text?.trim() && asksQuestion(analyzeSpanish(m.text)))
    const answerable = !receiptOnly && waiting.some((m) => m.text !== null && m.text.trim() !== '')
    if (replies.length > 0) {
      const text = replies.join(' ')
      if (answerable) {
        await this.commit({ conversationId, text, author: 'bot', model: null, template: 'media_reply' }, [], 'answered', null)
        return false
      }
      await this.commit({ conversationId, text, author: 'bot', model: null, template: 'media_reply' }, ids, 'answered', null)
      return true
    }
    return false
  }

  /** The photo follows the customer asking how to pay (within their last few messages). */
  private afterPaymentQuestion(conversationId: string, photo: Message): boolean {
    const before = this.deps.repos.messages.before(conversationId, photo.createdAt, 6)
    return before.some((m) => m.direction === 'in' && m.text !== null && categoryOf(analyzeSpanish(m.text)) === 'proceso_pago')
  }

  private alert(conversationId: string, kind: ApiEvents['owner.alert']['kind'], text: string): void {
    const conversation = this.deps.repos.conversations.get(conversationId)
    if (!conversation) return
    this.deps.events.emit('owner.alert', {
      kind,
      conversationId,
      customerName: conversation.contact.displayName ?? conversation.contact.externalId,
      text,
      at: this.clock(),
    })
  }

  /** The customer wants a person: say so, stop the bot in this chat and tell the owner. */
  private async handOver(conversationId: string, asked: string, ids: string[]): Promise<void> {
    const { repos, settings, events } = this.deps
    const at = new Date(this.clock())
    // Paused without the handoff reply stored, a restart would leave the customer unanswered.
    await this.commit({ conversationId, text: settings.get().guardrails.handoffReply, author: 'bot', model: null, template: 'handoff' }, ids, 'answered', null, () => {
      repos.conversations.setBotMode(conversationId, 'paused', null)
      repos.conversations.setAttention(conversationId, 'human_request', at)
    })
    const updated = this.deps.publisher.changed(conversationId)
    if (!updated) return
    const alert: ApiEvents['owner.alert'] = {
      kind: 'human_request',
      conversationId,
      customerName: updated.contact.displayName ?? updated.contact.externalId,
      text: asked,
      at: at.getTime(),
    }
    events.emit('owner.alert', alert)
  }

  /**
   * The messages wait for the model; the holding reply goes once per outage per chat, so a
   * customer is not left on "read" without a word. Its row, the "sent once" flag and the
   * waiting state commit together.
   */
  private async waitForModel(conversationId: string, ids: string[]): Promise<void> {
    const { repos } = this.deps
    const text = this.deps.settings.get().llm.holdingReply
    const conversation = repos.conversations.get(conversationId)
    const holding = text && conversation && !conversation.conversation.holdingReplyAt ? text : null
    await this.commit(holding ? { conversationId, text: holding, author: 'bot', model: null, template: 'holding' } : null, ids, 'waiting_model', null, () => {
      if (holding) repos.conversations.setHoldingReplyAt(conversationId, new Date(this.clock()))
    })
  }

  private mark(ids: string[], state: 'answered' | 'waiting_model' | 'failed' | 'skipped', error: string | null): void {
    for (const message of this.deps.repos.messages.setReplyState(ids, state, error)) {
      this.deps.events.emit('message.updated', toMessageDto(message))
    }
  }
}

/** The chat as turns; the bot's fixed messages are not part of what it said. */
function toHistory(history: Message[]): HistoryTurn[] {
  return history.flatMap((m): HistoryTurn[] =>
    m.text && !m.template ? [{ role: m.direction === 'in' ? 'user' : 'assistant', content: processedPrefix(m.text) }] : [],
  )
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

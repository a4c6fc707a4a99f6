import { ApiError } from '../../shared/api/errors'
import { guardReply } from '../guardrails/reply-guard'
import { contextTurns } from '../learning/exchange-dto'
import { LlmUnavailableError } from '../llm/llm-provider'
import type { LlmService } from '../llm/llm-service'
import type { PromptAssembler } from '../prompt/prompt-assembler'
import { buildPrompt } from '../prompt/prompt-builder'
import type { SettingsService } from '../settings/settings-service'
import type { TrainingDataRepository } from '../store/repositories/training-data-repository'

/** The repositories this module uses — it only reads (it proposes; the owner's save is what writes). */
interface ReadOnlyRepositories {
  trainingData: Pick<TrainingDataRepository, 'get'>
}

export interface Suggestion {
  text: string
  /** `cloud:<model>`: who proposed it. */
  model: string
  guardrails: string[]
}

const TEACHER_INSTRUCTION =
  'eres quien enseña al asistente de la tienda: escribe la mejor respuesta posible al último mensaje del cliente, ' +
  'la que un buen vendedor de esta tienda enviaría. Se usará como ejemplo para entrenar al asistente. ' +
  'Responde solo con el texto del mensaje, sin comillas ni explicaciones.'

/**
 * The cloud model as a teacher: for an exchange under review it proposes a better answer, from
 * the same catalog and history the bot had, checked by the same guardrails. The owner edits and
 * saves it as the correction, which becomes the training target — the local model learns from
 * the big one only through what the owner accepts.
 */
export interface TeacherDeps {
  repos: ReadOnlyRepositories
  llm: Pick<LlmService, 'teach'>
  prompts: Pick<PromptAssembler, 'assemble'>
  settings: SettingsService
}

export class Teacher {
  constructor(private readonly deps: TeacherDeps) {}

  async suggest(exchangeId: string): Promise<Suggestion> {
    const row = this.deps.repos.trainingData.get(exchangeId)
    if (!row) throw new ApiError('not_found', 'Esa respuesta ya no existe. Recarga la página.', [{ path: 'id', message: 'Esa respuesta ya no existe.' }])
    const history = [...contextTurns(row.context), { role: 'user' as const, content: row.userMessage }]
    const { input, shown } = await this.deps.prompts.assemble({
      conversationId: row.conversationId,
      asked: row.userMessage,
      focusProductId: row.productId,
      history,
    })
    const ask = async (correction?: string) => {
      const prompt = buildPrompt({ ...input, correction: correction ? `${TEACHER_INSTRUCTION} Además: ${correction}` : TEACHER_INSTRUCTION })
      return this.deps.llm.teach(prompt.messages)
    }
    try {
      let answer = await ask()
      const guarded = await guardReply(answer.text, { products: shown, customerText: row.userMessage, settings: this.deps.settings.get().guardrails, prices: input.prices }, async (correction) => {
        answer = await ask(correction)
        return answer.text
      })
      return { text: guarded.text, model: answer.modelLabel, guardrails: guarded.applied }
    } catch (error) {
      if (error instanceof LlmUnavailableError) {
        const label = this.deps.settings.get().cloud.label
        throw new ApiError('precondition', `${label} no pudo sugerir una respuesta: ${error.message}. Revisa la clave y la dirección en Ajustes.`)
      }
      throw error
    }
  }
}

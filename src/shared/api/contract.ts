// The one API contract. Electron IPC and HTTP are two bindings of the handler table that
// implements it; the renderer only ever sees `ApiClient`.
import { z } from 'zod'
import type { AppStatus, ConversationDto, LlmStatus, MessageDto, Settings } from '../types'

/** Ties an input schema to a result type; `output` exists only for the type checker. */
function method<I extends z.ZodType, O>(input: I): { input: I; output: O } {
  return { input, output: undefined as O }
}

const noInput = z.object({}).strict()
const id = z.string().trim().min(1, 'must not be empty').max(64)

export const settingsPatchSchema = z
  .object({
    llm: z
      .object({
        host: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
        model: z.string().trim().min(1).max(200),
        temperature: z.number().min(0).max(2),
      })
      .partial()
      .strict(),
    persona: z
      .object({
        shopName: z.string().trim().min(1).max(120),
        systemPrompt: z.string().trim().min(1).max(8000),
      })
      .partial()
      .strict(),
    historyMessages: z.number().int().min(0).max(50),
    locale: z.enum(['es', 'en']),
  })
  .partial()
  .strict()

export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export const apiContract = {
  'app.status': method<typeof noInput, AppStatus>(noInput),
  'settings.get': method<typeof noInput, Settings>(noInput),
  'settings.update': method<typeof settingsPatchSchema, Settings>(settingsPatchSchema),
  'llm.check': method<typeof noInput, LlmStatus>(noInput),
  'conversations.list': (() => {
    const input = z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        /** Cursor: only conversations whose last message is older than this (epoch ms). */
        before: z.number().int().positive().optional(),
      })
      .strict()
    return method<typeof input, ConversationDto[]>(input)
  })(),
  'conversations.messages': (() => {
    const input = z
      .object({
        conversationId: id,
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict()
    return method<typeof input, MessageDto[]>(input)
  })(),
  'conversations.markRead': (() => {
    const input = z.object({ conversationId: id }).strict()
    return method<typeof input, ConversationDto>(input)
  })(),
  'simulator.send': (() => {
    const input = z
      .object({
        /** The pretend customer: a name or phone the owner types. */
        from: z.string().trim().min(1, 'must not be empty').max(64),
        text: z.string().trim().min(1, 'must not be empty').max(4096),
      })
      .strict()
    return method<typeof input, { conversationId: string; messageId: string }>(input)
  })(),
} as const

export type ApiContract = typeof apiContract
export type ApiMethod = keyof ApiContract
/** What a caller sends (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>
/** What a handler receives, after validation and defaults. */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>
export type ApiOutput<M extends ApiMethod> = ApiContract[M]['output']

export const apiMethods = Object.keys(apiContract) as ApiMethod[]

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiContract, name)
}

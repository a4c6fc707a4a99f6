// A stand-in for an OpenAI-compatible API (OpenAI, Groq…) that follows OpenAI's documented REST
// API: GET /v1/models, POST /v1/chat/completions (one JSON object, or Server-Sent Events
// `data: {chunk}` ending with `data: [DONE]`), POST /v1/embeddings. As OpenAI does, a stream
// asked for with `stream_options: {include_usage: true}` ends with a chunk that carries `usage`
// and no choices; `streamUsage` plays servers that ignore the option or refuse it. Every call needs
// `Authorization: Bearer <key>`; errors come back as {"error": {"message", "type", "code"}}.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readJsonBody, toyEmbedding } from './http-double'
import type { AddressInfo } from 'node:net'

export interface OpenAiChatBody {
  model: string
  messages: { role: string; content: string }[]
  stream?: boolean
  temperature?: number
  max_tokens?: number
  [key: string]: unknown
}

export interface OpenAiDoubleOptions {
  apiKey: string
  models: string[]
  /** What the model answers; defaults to echoing the last user message. */
  reply?: (body: OpenAiChatBody) => string
  /** The first request (after the key check) gets a 429, with this `retry-after` (seconds) when given. */
  rateLimitNext?: { retryAfterSeconds?: number }
  /** Delay between streamed events, so a generation can be stopped halfway. */
  chunkDelayMs?: number
  /** Line end of the event stream; servers behind some proxies send CRLF. */
  lineEnd?: '\n' | '\r\n'
  /**
   * `honour` (default, OpenAI's behaviour): the usage chunk when the request asks for it;
   * `ignore`: never any usage in a stream; `reject`: a 400 for the unknown `stream_options`.
   */
  streamUsage?: 'honour' | 'ignore' | 'reject'
}

export interface RecordedRequest {
  method: string
  path: string
  authorization: string | null
  body: unknown
}

export interface OpenAiDouble {
  /** The API base URL, ending in `/v1`, as a provider's `baseUrl`. */
  url: string
  port: number
  requests: RecordedRequest[]
  chatRequests: OpenAiChatBody[]
  /** Streamed chats whose client went away before `[DONE]`. */
  readonly abortedChats: number
  setReply(reply: (body: OpenAiChatBody) => string): void
  /**
   * Makes the next request (after the key check) fail with this status, body and headers; with
   * `path`, the next request to that path only (a health check in between is answered as usual).
   */
  failNext(status: number, body?: unknown, headers?: Record<string, string>, options?: { path?: string }): void
  close(): Promise<void>
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function startOpenAiDouble(options: OpenAiDoubleOptions): Promise<OpenAiDouble> {
  let reply = options.reply ?? ((body: OpenAiChatBody) => `Eco: ${body.messages.at(-1)?.content ?? ''}`)
  const requests: RecordedRequest[] = []
  const chatRequests: OpenAiChatBody[] = []
  const lineEnd = options.lineEnd ?? '\n'
  let abortedChats = 0
  let nextFailure: { status: number; body: unknown; headers: Record<string, string>; path?: string } | null = null
  if (options.rateLimitNext) {
    const retryAfter = options.rateLimitNext.retryAfterSeconds
    nextFailure = {
      status: 429,
      body: apiError('Rate limit reached for requests per minute (RPM). Please try again later.', 'requests', 'rate_limit_exceeded'),
      headers: retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
    }
  }
  let sequence = 0

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const body = req.method === 'POST' ? await readJsonBody(req) : undefined
    const authorization = req.headers.authorization ?? null
    requests.push({ method: req.method ?? 'GET', path, authorization, body })
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
      res.end(JSON.stringify(value))
    }

    if (authorization !== `Bearer ${options.apiKey}`) {
      // Worse than OpenAI, which masks the middle of the key: the whole rejected key is echoed,
      // so a test can tell whether the client copies server messages into its own.
      const given = authorization?.replace(/^Bearer\s+/i, '') ?? ''
      return json(401, apiError(`Incorrect API key provided: ${given}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', 'invalid_api_key'))
    }
    if (nextFailure && (nextFailure.path === undefined || nextFailure.path === path)) {
      const failure = nextFailure
      nextFailure = null
      return json(failure.status, failure.body, failure.headers)
    }

    if (req.method === 'GET' && path === '/v1/models') {
      return json(200, { object: 'list', data: options.models.map((id) => ({ id, object: 'model', created: 1_730_000_000, owned_by: 'double' })) })
    }
    const unknownModel = (model: unknown) =>
      json(404, apiError(`The model \`${String(model)}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'))

    if (req.method === 'POST' && path === '/v1/embeddings') {
      const { model, input } = body as { model?: unknown; input?: unknown }
      if (typeof model !== 'string' || !options.models.includes(model)) return unknownModel(model)
      const inputs = Array.isArray(input) ? input.map(String) : [String(input)]
      const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: toyEmbedding(text) }))
      // Reversed on purpose: clients must order by `index`, as the API documents, not by position.
      return json(200, { object: 'list', data: data.reverse(), model, usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } })
    }

    if (req.method === 'POST' && path === '/v1/chat/completions') {
      const request = body as OpenAiChatBody
      if (!options.models.includes(request.model)) return unknownModel(request.model)
      chatRequests.push(request)
      const streamOptions = request.stream_options as { include_usage?: unknown } | undefined
      if (streamOptions !== undefined && options.streamUsage === 'reject') {
        return json(400, apiError('Unrecognized request argument supplied: stream_options', 'invalid_request_error', null))
      }
      // max_tokens caps the answer; a word stands in for a token here.
      const words = reply(request).match(/\S+\s*/g) ?? []
      const limit = request.max_tokens
      const truncated = typeof limit === 'number' && limit >= 0 && words.length > limit
      const pieces = truncated ? words.slice(0, limit) : words
      const finishReason = truncated ? 'length' : 'stop'
      const id = `chatcmpl-${++sequence}`
      const created = Math.floor(Date.now() / 1000)
      // A word (or a message's role marker) stands in for a token, so a test can count them.
      const promptTokens = request.messages.reduce((sum, m) => sum + 1 + (m.content.match(/\S+/g)?.length ?? 0), 0)
      const usage = { prompt_tokens: promptTokens, completion_tokens: pieces.length, total_tokens: promptTokens + pieces.length }

      if (request.stream !== true) {
        return json(200, {
          id,
          object: 'chat.completion',
          created,
          model: request.model,
          choices: [{ index: 0, message: { role: 'assistant', content: pieces.join('') }, finish_reason: finishReason }],
          usage,
        })
      }

      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' })
      let finished = false
      let gone = false
      res.once('close', () => {
        gone = true
        if (!finished) abortedChats += 1
      })
      const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
        id,
        object: 'chat.completion.chunk',
        created,
        model: request.model,
        choices: [{ index: 0, delta, finish_reason: finish }],
      })
      const events = [
        chunk({ role: 'assistant', content: '' }, null),
        ...pieces.map((piece) => chunk({ content: piece }, null)),
        chunk({}, finishReason),
        ...(streamOptions?.include_usage === true && (options.streamUsage ?? 'honour') === 'honour'
          ? [{ id, object: 'chat.completion.chunk', created, model: request.model, choices: [], usage }]
          : []),
      ].map((value) => `data: ${JSON.stringify(value)}${lineEnd}${lineEnd}`)
      events.push(`data: [DONE]${lineEnd}${lineEnd}`)

      for (const [i, event] of events.entries()) {
        if (gone) return
        if (i > 0 && options.chunkDelayMs) await sleep(options.chunkDelayMs)
        if (gone) return
        // Keep-alive comments, as some gateways send while the model thinks.
        if (i === 1) res.write(`: ping${lineEnd}${lineEnd}`)
        if (i % 2 === 1) {
          // Every other event goes out in two TCP writes, split inside its JSON, so a client
          // that parses each chunk on its own breaks.
          const cut = Math.floor(event.length / 2)
          res.write(event.slice(0, cut))
          await sleep(2)
          if (gone) return
          res.write(event.slice(cut))
        } else {
          res.write(event)
        }
      }
      if (gone) return
      finished = true
      res.end()
      return
    }
    json(404, apiError(`Unknown request URL: ${req.method ?? 'GET'} ${path}.`, 'invalid_request_error', 'unknown_url'))
  }

  const server: Server = await listen(handler)
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    chatRequests,
    get abortedChats() {
      return abortedChats
    },
    setReply(next) {
      reply = next
    },
    failNext(status, body, headers, failOptions) {
      nextFailure = {
        status,
        body: body ?? apiError(`Simulated failure ${status}`, 'server_error', null),
        headers: headers ?? {},
        ...(failOptions?.path === undefined ? {} : { path: failOptions.path }),
      }
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function apiError(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } }
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<Server> {
  const server = createServer((req, res) => {
    handler(req, res).catch(() => res.destroy())
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

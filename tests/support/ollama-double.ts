// A stand-in for an Ollama server that follows its documented REST API (docs/api.md):
// GET /api/version, GET /api/tags, POST /api/show, POST /api/chat (NDJSON stream or one
// JSON object), POST /api/embed, HEAD/POST /api/blobs/:digest, POST /api/create (NDJSON
// status stream), DELETE /api/delete. Errors come back as {"error": "..."} with Ollama's codes.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readJsonBody, toyEmbedding } from './http-double'
import type { AddressInfo } from 'node:net'

export interface ChatRequestBody {
  model: string
  messages: { role: string; content: string }[]
  stream?: boolean
  options?: Record<string, unknown>
}

export interface OllamaDoubleOptions {
  models?: string[]
  version?: string
  /** What the model answers; defaults to echoing the last user message. */
  reply?: (request: ChatRequestBody) => string
  /** Delay before the first chunk, to simulate a slow model. */
  firstChunkDelayMs?: number
  /** Delay between streamed chunks, so a generation can be stopped halfway. */
  chunkDelayMs?: number
  /** Per-model answers (a deployed fine-tune, say); undefined falls back to `reply`. */
  replyFor?: (model: string, request: ChatRequestBody) => string | undefined
}

/** A model made through `/api/create`, as the request described it. */
export interface CreatedModel {
  model: string
  from?: string
  files?: Record<string, string>
  adapters?: Record<string, string>
  template?: string
  system?: string
  parameters?: Record<string, unknown>
  messages?: { role: string; content: string }[]
}

export interface OllamaDouble {
  url: string
  /** Blobs uploaded, by `sha256:<hex>` digest, with their size. */
  blobs: Map<string, number>
  created: Map<string, CreatedModel>
  port: number
  requests: { path: string; body: unknown }[]
  chatRequests: ChatRequestBody[]
  models: string[]
  /** Streamed chats whose client went away before the last chunk. */
  readonly abortedChats: number
  setReply(reply: (request: ChatRequestBody) => string): void
  /** Makes the next request, whatever its path, fail with this status and body (default Ollama's `{"error": …}`). */
  failNext(status: number, body?: unknown): void
  close(): Promise<void>
  /** Starts again on the same port (after `close`), as Ollama coming back up. */
  restart(): Promise<void>
}

const withTag = (name: string) => (name.includes(':') ? name : `${name}:latest`)
/** The double's embedding models are the ones named so, as nomic-embed-text or mxbai-embed-large. */
const isEmbeddingModel = (name: string) => name.includes('embed')
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function startOllamaDouble(options: OllamaDoubleOptions = {}, port = 0): Promise<OllamaDouble> {
  const models = options.models ?? ['llama3.1:8b']
  let reply = options.reply ?? ((request: ChatRequestBody) => `Eco: ${request.messages.at(-1)?.content ?? ''}`)
  const requests: { path: string; body: unknown }[] = []
  const chatRequests: ChatRequestBody[] = []
  let abortedChats = 0
  let nextFailure: { status: number; body: unknown } | null = null

  const blobs = new Map<string, number>()
  const created = new Map<string, CreatedModel>()

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path.startsWith('/api/blobs/')) return blobRoute(req, res, path.slice('/api/blobs/'.length))
    const body = req.method === 'POST' || req.method === 'DELETE' ? await readJsonBody(req) : undefined
    requests.push({ path, body })
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(value))
    }
    if (nextFailure) {
      const failure = nextFailure
      nextFailure = null
      return json(failure.status, failure.body)
    }
    const installed = (name: unknown) => typeof name === 'string' && models.some((m) => withTag(m) === withTag(name))

    if (req.method === 'GET' && path === '/api/version') return json(200, { version: options.version ?? '0.12.6' })
    if (req.method === 'GET' && path === '/api/tags') {
      return json(200, {
        models: models.map((name) => ({
          name: withTag(name),
          model: withTag(name),
          modified_at: '2026-11-01T10:00:00.000Z',
          size: 4_920_753_328,
          digest: 'a'.repeat(64),
          details: detailsOf(name),
        })),
      })
    }
    if (req.method === 'POST' && path === '/api/create') return createRoute(body as CreatedModel & { stream?: boolean }, res, json)
    if (req.method === 'DELETE' && path === '/api/delete') {
      // Ollama takes `model`, and the older `name` the JS client still sends.
      const { model: byModel, name } = body as { model?: unknown; name?: unknown }
      const model = String(byModel ?? name)
      const index = models.findIndex((m) => withTag(m) === withTag(model))
      if (index === -1) return json(404, { error: `model '${model}' not found` })
      models.splice(index, 1)
      created.delete(withTag(model))
      res.writeHead(200)
      res.end()
      return
    }
    if (req.method === 'POST' && path === '/api/show') {
      const model = (body as { model?: unknown }).model
      if (!installed(model)) return json(404, { error: `model '${String(model)}' not found` })
      const made = created.get(withTag(String(model)))
      return json(200, {
        modelfile: `FROM ${made?.from ?? String(model)}`,
        parameters: made?.parameters ? parametersText(made.parameters) : 'stop "<|eot_id|>"',
        template: made?.template ?? '{{ .Prompt }}',
        ...(made?.system ? { system: made.system } : {}),
        details: detailsOf(String(model)),
        model_info: { 'general.architecture': detailsOf(String(model)).family },
        capabilities: isEmbeddingModel(String(model)) ? ['embedding'] : ['completion'],
      })
    }
    if (req.method === 'POST' && path === '/api/embed') {
      const { model, input } = body as { model?: unknown; input?: unknown }
      if (!installed(model)) return json(404, { error: `model "${String(model)}" not found, try pulling it first` })
      const inputs = Array.isArray(input) ? input.map(String) : [String(input)]
      return json(200, { model, embeddings: inputs.map(toyEmbedding) })
    }
    if (req.method === 'POST' && path === '/api/chat') {
      const request = body as ChatRequestBody
      if (!installed(request.model)) {
        return json(404, { error: `model "${request.model}" not found, try pulling it first` })
      }
      chatRequests.push(request)
      if (options.firstChunkDelayMs) await new Promise((r) => setTimeout(r, options.firstChunkDelayMs))
      // num_predict caps the answer; a word stands in for a token here.
      const limit = request.options?.num_predict
      const words = (options.replyFor?.(request.model, request) ?? reply(request)).match(/\S+\s*/g) ?? []
      const truncated = typeof limit === 'number' && limit >= 0 && words.length > limit
      const pieces = truncated ? words.slice(0, limit) : words
      const text = pieces.join('')
      const createdAt = new Date().toISOString()
      const final = {
        model: request.model,
        created_at: createdAt,
        message: { role: 'assistant', content: '' },
        done: true,
        done_reason: truncated ? 'length' : 'stop',
        total_duration: 1_000_000,
        load_duration: 1000,
        prompt_eval_count: 10,
        prompt_eval_duration: 1000,
        eval_count: pieces.length,
        eval_duration: 1000,
      }
      if (request.stream === false) {
        return json(200, { ...final, message: { role: 'assistant', content: text } })
      }
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' })
      let finished = false
      let gone = false
      res.once('close', () => {
        gone = true
        if (!finished) abortedChats += 1
      })
      for (const [i, piece] of pieces.entries()) {
        // As Ollama does, stop generating once the client has gone.
        if (gone) return
        if (i > 0 && options.chunkDelayMs) await sleep(options.chunkDelayMs)
        if (gone) return
        res.write(JSON.stringify({ model: request.model, created_at: createdAt, message: { role: 'assistant', content: piece }, done: false }) + '\n')
      }
      if (gone) return
      finished = true
      res.end(JSON.stringify(final) + '\n')
      return
    }
    json(404, { error: 'not found' })
  }

  async function blobRoute(req: IncomingMessage, res: ServerResponse, digest: string): Promise<void> {
    requests.push({ path: `/api/blobs/${digest}`, body: null })
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) {
      res.writeHead(400, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error: 'invalid digest format' }))
      return
    }
    if (req.method === 'HEAD') {
      res.writeHead(blobs.has(digest) ? 200 : 404)
      res.end()
      return
    }
    const hash = createHash('sha256')
    let size = 0
    for await (const chunk of req) {
      hash.update(chunk as Buffer)
      size += (chunk as Buffer).length
    }
    if (`sha256:${hash.digest('hex')}` !== digest) {
      res.writeHead(400, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error: 'digest mismatch' }))
      return
    }
    blobs.set(digest, size)
    res.writeHead(201)
    res.end()
  }

  function createRoute(request: CreatedModel & { stream?: boolean }, res: ServerResponse, json: (status: number, value: unknown) => void): void {
    if (!request.model) return json(400, { error: 'model is required' })
    for (const digest of [...Object.values(request.files ?? {}), ...Object.values(request.adapters ?? {})]) {
      if (!blobs.has(digest)) return json(400, { error: `blob ${digest} not found` })
    }
    if (!request.files && !request.from) return json(400, { error: 'neither \'from\' or \'files\' was specified' })
    if (request.from && !request.files && !models.some((m) => withTag(m) === withTag(request.from!))) {
      return json(404, { error: `model '${request.from}' not found` })
    }
    const { stream, ...model } = request
    created.set(withTag(request.model), model)
    if (!models.some((m) => withTag(m) === withTag(request.model))) models.push(request.model)
    const statuses = ['parsing GGUF', 'using existing layer sha256:' + 'b'.repeat(64), 'writing manifest', 'success']
    if (stream === false) return json(200, { status: 'success' })
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' })
    res.end(statuses.map((status) => JSON.stringify({ status })).join('\n') + '\n')
  }

  let server: Server = await listen(handler, port)
  const boundPort = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${boundPort}`,
    port: boundPort,
    requests,
    chatRequests,
    models,
    blobs,
    created,
    get abortedChats() {
      return abortedChats
    },
    setReply(next) {
      reply = next
    },
    failNext(status, body) {
      nextFailure = { status, body: body ?? { error: `simulated failure ${status}` } }
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    async restart() {
      server = await listen(handler, boundPort)
    },
  }
}

function detailsOf(name: string) {
  return isEmbeddingModel(name)
    ? { parent_model: '', format: 'gguf', family: 'nomic-bert', families: ['nomic-bert'], parameter_size: '137M', quantization_level: 'F16' }
    : { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '8.0B', quantization_level: 'Q4_K_M' }
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    handler(req, res).catch(() => res.destroy())
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

/** Ollama's `parameters` text: one `name value` line per value, arrays repeated. */
function parametersText(parameters: Record<string, unknown>): string {
  return Object.entries(parameters)
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${name} ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`))
    .join('\n')
}

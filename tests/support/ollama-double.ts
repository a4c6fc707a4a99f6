// A stand-in for an Ollama server that follows its documented REST API (docs/api.md):
// GET /api/version, GET /api/tags, GET /api/ps, POST /api/show, POST /api/chat (NDJSON stream
// or one JSON object), POST /api/embed, HEAD/POST /api/blobs/:digest, POST /api/create (NDJSON
// status stream), DELETE /api/delete, POST /api/pull (NDJSON progress per layer, slow on
// purpose, able to fail halfway once and resume where it was, as Ollama's partial blobs do).
// Errors come back as {"error": "..."} with Ollama's codes.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readJsonBody, toyEmbedding } from './http-double'
import type { AddressInfo } from 'node:net'

export interface ChatRequestBody {
  model: string
  /** `images`: base64 pictures for a vision model, as Ollama's /api/chat takes them. */
  messages: { role: string; content: string; images?: string[] }[]
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
  /** Awaited before each chat answer, so a test can hold a stage open until it has looked at it. */
  beforeReply?: (model: string, request: ChatRequestBody) => Promise<void> | void
  /** Delay between streamed chunks, so a generation can be stopped halfway. */
  chunkDelayMs?: number
  /** Per-model answers (a deployed fine-tune, say); undefined falls back to `reply`. */
  replyFor?: (model: string, request: ChatRequestBody) => string | undefined
  /** What /api/ps lists as loaded (`size_vram` > 0: held by a graphics card). */
  loaded?: { name: string; size: number; sizeVram: number }[]
  /** Models /api/pull can download, with their size in bytes; any other name is "file does not exist". */
  library?: Record<string, number>
  pull?: PullBehaviour
  /** Models that can see: /api/show lists the `vision` capability and /api/chat takes `images`. */
  visionModels?: string[]
}

export interface PullBehaviour {
  /** Bytes per progress line (default a tenth of the model). */
  chunkBytes?: number
  /** Wait between progress lines (default 0). */
  delayMs?: number
  /**
   * Fail once when this share of the model is down: `drop` cuts the connection, `error` sends
   * Ollama's network error line. The next pull resumes from there.
   */
  failOnce?: { at: number; mode: 'drop' | 'error' } | null
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
  /** Bytes of each model pulled so far (kept across pulls, as Ollama keeps partial blobs). */
  pulled: Map<string, number>
  /** Changes how the next pulls behave (arm another failure, slow down). */
  setPull(behaviour: PullBehaviour): void
  /** What /api/ps lists. */
  setLoaded(loaded: { name: string; size: number; sizeVram: number }[]): void
  /** Streams of /api/pull that ended because the client went away. */
  readonly abortedPulls: number
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
  const pulled = new Map<string, number>()
  let pullBehaviour: PullBehaviour = options.pull ?? {}
  let loaded = options.loaded ?? []
  let abortedPulls = 0

  const isVision = (name: string) => (options.visionModels ?? []).some((m) => withTag(m) === withTag(name))

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
    if (req.method === 'GET' && path === '/api/ps') {
      return json(200, {
        models: loaded.map((m) => ({
          name: withTag(m.name),
          model: withTag(m.name),
          size: m.size,
          size_vram: m.sizeVram,
          digest: 'c'.repeat(64),
          details: detailsOf(m.name),
          expires_at: '2026-11-01T10:05:00.000Z',
        })),
      })
    }
    if (req.method === 'POST' && path === '/api/pull') return pullRoute(body as { model?: unknown; name?: unknown; stream?: unknown }, res, json)
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
        capabilities: isEmbeddingModel(String(model)) ? ['embedding'] : isVision(String(model)) ? ['completion', 'vision'] : ['completion'],
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
      // Ollama refuses pictures for a model that cannot see them.
      if (request.messages.some((m) => Array.isArray(m.images) && m.images.length > 0) && !isVision(request.model)) {
        return json(500, { error: 'this model is missing data required for image input' })
      }
      chatRequests.push(request)
      // Watched from the start: a client may give up while the answer is held.
      let finished = false
      let gone = false
      res.once('close', () => {
        gone = true
        if (!finished) abortedChats += 1
      })
      await options.beforeReply?.(request.model, request)
      if (gone) return
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
        finished = true
        return json(200, { ...final, message: { role: 'assistant', content: text } })
      }
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' })
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

  async function pullRoute(request: { model?: unknown; name?: unknown; stream?: unknown }, res: ServerResponse, json: (status: number, value: unknown) => void): Promise<void> {
    const name = String(request.model ?? request.name ?? '')
    const libraryName = Object.keys(options.library ?? {}).find((known) => withTag(known) === withTag(name))
    const size = libraryName === undefined ? undefined : options.library![libraryName]!
    // Ollama's answer for a name its library does not have (docs: errors in the stream as {"error"}).
    const unknown = 'pull model manifest: file does not exist'
    if (request.stream === false) {
      if (size === undefined) return json(500, { error: unknown })
      pulled.set(name, size)
      if (!models.some((m) => withTag(m) === withTag(name))) models.push(name)
      return json(200, { status: 'success' })
    }
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' })
    let gone = false
    let finished = false
    res.once('close', () => {
      gone = true
      if (!finished) abortedPulls += 1
    })
    const send = (value: unknown) => {
      if (!gone) res.write(JSON.stringify(value) + '\n')
    }
    send({ status: 'pulling manifest' })
    if (size === undefined) {
      finished = true
      res.end(JSON.stringify({ error: unknown }) + '\n')
      return
    }
    // A model is a big weights layer and small template and params layers, as in Ollama's manifests.
    const small = [Math.min(1_500, Math.floor(size / 100)), Math.min(120, Math.floor(size / 1000))]
    const layers = [size - small[0]! - small[1]!, ...small].map((total, i) => ({
      digest: `sha256:${createHash('sha256').update(`${name}#${i}`).digest('hex')}`,
      total,
    }))
    let done = pulled.get(name) ?? 0
    const chunk = Math.max(1, pullBehaviour.chunkBytes ?? Math.ceil(size / 10))
    let offset = 0
    for (const layer of layers) {
      // What earlier pulls brought of this layer is already on disk: resumed, not downloaded again.
      let completed = Math.min(layer.total, Math.max(0, done - offset))
      send({ status: `pulling ${layer.digest.slice(7, 19)}`, digest: layer.digest, total: layer.total, completed })
      while (completed < layer.total) {
        if (pullBehaviour.delayMs) await sleep(pullBehaviour.delayMs)
        if (gone) return
        completed = Math.min(layer.total, completed + chunk)
        done = offset + completed
        pulled.set(name, done)
        send({ status: `pulling ${layer.digest.slice(7, 19)}`, digest: layer.digest, total: layer.total, completed })
        const failure = pullBehaviour.failOnce
        if (failure && done >= failure.at * size && done < size) {
          pullBehaviour = { ...pullBehaviour, failOnce: null }
          if (failure.mode === 'drop') {
            res.destroy()
            return
          }
          finished = true
          res.end(JSON.stringify({ error: 'max retries exceeded: read tcp 192.168.1.5:51234->104.21.75.227:443: read: connection reset by peer' }) + '\n')
          return
        }
      }
      offset += layer.total
    }
    if (gone) return
    send({ status: 'verifying sha256 digest' })
    send({ status: 'writing manifest' })
    if (!models.some((m) => withTag(m) === withTag(name))) models.push(name)
    finished = true
    res.end(JSON.stringify({ status: 'success' }) + '\n')
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
    pulled,
    setPull(behaviour) {
      pullBehaviour = behaviour
    },
    setLoaded(next) {
      loaded = next
    },
    get abortedPulls() {
      return abortedPulls
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

export type ApiErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'not_found'
  | 'unauthorized'
  | 'unavailable'
  /** The app's state does not allow it now (no cloud key, say); the message says why, in Spanish. */
  | 'precondition'
  | 'internal'

export interface ApiFieldError {
  /** Dotted path of the offending field, e.g. `llm.host`; empty for the input as a whole. */
  path: string
  message: string
}

/** The serialisable form of an error, identical over IPC and HTTP. */
export interface ApiErrorBody {
  code: ApiErrorCode
  message: string
  fields?: ApiFieldError[]
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody }

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly fields: ApiFieldError[] | undefined

  constructor(code: ApiErrorCode, message: string, fields?: ApiFieldError[]) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
  }

  toBody(): ApiErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.fields)
  }
}

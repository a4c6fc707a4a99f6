import type { ApiMethod, ApiOutput, ApiParsedInput } from '../../shared/api/contract'

export type Handler<M extends ApiMethod> = (input: ApiParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>

/** The typed table every binding dispatches into; each domain contributes its slice. */
export type HandlerTable = { [M in ApiMethod]: Handler<M> }

export type HandlerSlice<M extends ApiMethod> = { [K in M]: Handler<K> }

/** What the sandbox's routes receive: the endpoint pipeline's context plus its database and JWT secret. */
import type { EndpointContext } from '../../platform/http/endpoint'
import type { Db } from '../db/open-db'
import { LedgerError } from '../ledger/ledger-error'

export interface ServerContext extends EndpointContext {
  db: Db
  secret: string
}

/** The ledger's refusals, as the endpoint pipeline answers them (404, or 400 with field errors). */
export const ledgerRefusal: NonNullable<EndpointContext['refusalOf']> = (err) =>
  err instanceof LedgerError
    ? { kind: err.kind, fields: err.fields, ...(err.code !== undefined && { code: err.code }) }
    : undefined

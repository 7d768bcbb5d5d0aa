/** The one refusal mapper: any error a handler throws becomes the IpcError the screen shows. */
import type { IpcError } from '../../shared/ipc'
import { DomainError } from '../domain-error'
import { asDomainError } from '../stamps'

/** A DomainError (or a Stamps failure, through asDomainError) keeps its code; anything else is `internal`. */
export function toIpcError(err: unknown): { error: IpcError; internal: boolean } {
  const mapped = asDomainError(err)
  if (mapped instanceof DomainError)
    return {
      error: { code: mapped.code, message: mapped.message, ...(mapped.fields && { fields: mapped.fields }) },
      internal: false
    }
  return {
    error: { code: 'internal', message: 'Something went wrong; the request was not completed.' },
    internal: true
  }
}

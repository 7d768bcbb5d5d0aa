/**
 * A refusal a domain service decides on (bad input, not found, needs a session, printer missing):
 * it carries one of the app's error codes and the fields it concerns. Services throw it and know
 * no transport; the IPC router maps it (and a StampsError) to the screen's error in one place.
 */
import type { IpcErrorCode } from '../shared/ipc'

export type ErrorCode = IpcErrorCode

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Array<[string, string]>
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

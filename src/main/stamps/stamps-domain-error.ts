/** What a Stamps client failure means to a person at the till, as a DomainError (never a raw stack or URL). */
import { DomainError } from '../domain-error'
import { StampsError } from './stamps-error'

/** The DomainError for a StampsError; any other value is returned as it is. */
export function asDomainError(err: unknown): unknown {
  if (!(err instanceof StampsError)) return err
  switch (err.kind) {
    case 'validation':
    case 'duplicate':
      if (err.fieldErrors.some(([, m]) => /not found/i.test(m)))
        return new DomainError('not-found', 'Member not found', err.fieldErrors)
      return new DomainError('validation', err.detail, err.fieldErrors)
    case 'not-found':
      return new DomainError('not-found', err.detail)
    case 'auth':
    case 'https':
      return new DomainError('auth', 'Stamps refused our credentials; an administrator must check the settings.')
    default:
      return new DomainError(err.ambiguous ? 'ambiguous' : 'unreachable', 'Stamps cannot be reached right now.')
  }
}

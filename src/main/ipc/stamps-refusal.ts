/** Maps a Stamps client failure to the refusal a screen shows (never a raw stack or URL). */
import { StampsError } from '../stamps'
import { IpcRefusal } from './ipc-router'

/** Wraps a call so its StampsError reaches the screen as a typed, translatable refusal. */
export async function refuseStampsErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    throw toRefusal(err)
  }
}

export function toRefusal(err: unknown): unknown {
  if (!(err instanceof StampsError)) return err
  switch (err.kind) {
    case 'validation':
    case 'duplicate':
      if (err.fieldErrors.some(([, m]) => /not found/i.test(m)))
        return new IpcRefusal('not-found', 'Member not found', err.fieldErrors)
      return new IpcRefusal('validation', err.detail, err.fieldErrors)
    case 'not-found':
      return new IpcRefusal('not-found', err.detail)
    case 'auth':
    case 'https':
      return new IpcRefusal('auth', 'Stamps refused our credentials; an administrator must check the settings.')
    default:
      return new IpcRefusal(err.ambiguous ? 'ambiguous' : 'unreachable', 'Stamps cannot be reached right now.')
  }
}

/** One dispatch table for the IPC contract, shared by Electron IPC and the browser host. */
import { z } from 'zod'
import {
  ipcChannels,
  isIpcChannel,
  type IpcChannel,
  type IpcError,
  type IpcResponse,
  type IpcResult
} from '../../shared/ipc'

/** A handler gets the parsed request and returns the response (checked against the contract). */
export type IpcHandlers = {
  [C in IpcChannel]: (request: z.infer<(typeof ipcChannels)[C]['request']>) => Promise<IpcResponse<C>>
}

/** Thrown by services to refuse with a code the screen understands; anything else is internal. */
export class IpcRefusal extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
    readonly fields?: Array<[string, string]>
  ) {
    super(message)
    this.name = 'IpcRefusal'
  }
}

export interface IpcRouter {
  dispatch(channel: unknown, payload: unknown): Promise<IpcResult<unknown>>
}

const fail = (code: IpcError['code'], message: string, fields?: Array<[string, string]>): IpcResult<never> => ({
  ok: false,
  error: { code, message, ...(fields && { fields }) }
})

/**
 * Builds the router. Handlers may be partial while features land; a missing one answers
 * `internal` rather than throwing across the boundary.
 */
export function createIpcRouter(handlers: Partial<IpcHandlers>, log: (msg: string) => void = () => {}): IpcRouter {
  return {
    async dispatch(channel, payload) {
      // String() throws for an object without a callable toString ({"toString": 1} from JSON): never
      // call it on an object, so a dispatch always answers instead of rejecting into an unhandled rejection.
      if (!isIpcChannel(channel))
        return fail(
          'invalid-input',
          `unknown channel ${typeof channel === 'object' && channel !== null ? '(object)' : String(channel).slice(0, 64)}`
        )
      const contract = ipcChannels[channel]
      const request = contract.request.safeParse(payload ?? {})
      if (!request.success) {
        const fields = request.error.issues.map((i): [string, string] => [i.path.join('.') || '(payload)', i.message])
        return fail('invalid-input', 'The request is not valid.', fields)
      }
      const handler = handlers[channel] as ((req: unknown) => Promise<unknown>) | undefined
      if (!handler) return fail('internal', `${channel} is not available`)
      try {
        const data = contract.response.parse(await handler(request.data))
        return { ok: true, data }
      } catch (err) {
        if (err instanceof IpcRefusal) return fail(err.code, err.message, err.fields)
        log(`ipc ${channel} failed: ${(err as Error).stack ?? String(err)}`)
        return fail('internal', 'Something went wrong; the request was not completed.')
      }
    }
  }
}

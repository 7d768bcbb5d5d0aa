/**
 * One dispatch table for the IPC contract, shared by Electron IPC and the browser host. Each
 * domain registers its handlers once; the router refuses a kiosk connection what the contract
 * does not open to it, parses every payload against the contract, requires the channel's PIN
 * session, and maps every refusal in one place (toIpcError).
 */
import type { z } from 'zod'
import {
  ipcChannels,
  isIpcChannel,
  type IpcChannel,
  type IpcError,
  type IpcResponse,
  type IpcResult,
  type Role
} from '../../shared/ipc'
import { mayCall, type IpcCaller } from './ipc-caller'
import { toIpcError } from './to-ipc-error'

/** A handler gets the parsed request and returns the response (checked against the contract). */
export type IpcHandlers = {
  [C in IpcChannel]: (request: z.infer<(typeof ipcChannels)[C]['request']>) => Promise<IpcResponse<C>> | IpcResponse<C>
}

export interface IpcRouter {
  /** Adds a domain's handlers; a channel registered twice is a wiring bug and throws. */
  register(handlers: Partial<IpcHandlers>): void
  /** `caller` is required: a transport that forgot to say who calls must not get the desk by default. */
  dispatch(channel: unknown, payload: unknown, caller: IpcCaller): Promise<IpcResult<unknown>>
}

export interface IpcRouterOptions {
  /** Throws a `forbidden` DomainError unless a session of `role` is open (the auth domain's). */
  requireSession?: (role: Role) => void
  log?: (msg: string) => void
}

const fail = (code: IpcError['code'], message: string, fields?: Array<[string, string]>): IpcResult<never> => ({
  ok: false,
  error: { code, message, ...(fields && { fields }) }
})

/** Builds the router; a channel no domain registered answers `internal` instead of throwing across the boundary. */
export function createIpcRouter(opts: IpcRouterOptions = {}): IpcRouter {
  const handlers: Partial<Record<IpcChannel, (req: unknown) => unknown>> = {}
  const log = opts.log ?? (() => {})
  return {
    register(table) {
      for (const [channel, handler] of Object.entries(table) as Array<[IpcChannel, (req: unknown) => unknown]>) {
        if (handlers[channel]) throw new Error(`IPC channel ${channel} is registered twice`)
        handlers[channel] = handler
      }
    },
    async dispatch(channel, payload, caller) {
      // String() throws for an object without a callable toString ({"toString": 1} from JSON): never
      // call it on an object, so a dispatch always answers instead of rejecting into an unhandled rejection.
      if (!isIpcChannel(channel))
        return fail(
          'invalid-input',
          `unknown channel ${typeof channel === 'object' && channel !== null ? '(object)' : String(channel).slice(0, 64)}`
        )
      // Before the payload is even parsed: a kiosk learns nothing about a desk channel but "no".
      if (!mayCall(caller, channel))
        return fail('forbidden', `A kiosk screen may not call ${channel}.`, [['mode', 'kiosk']])
      const contract = ipcChannels[channel]
      const request = contract.request.safeParse(payload ?? {})
      if (!request.success) {
        const fields = request.error.issues.map((i): [string, string] => [i.path.join('.') || '(payload)', i.message])
        return fail('invalid-input', 'The request is not valid.', fields)
      }
      const handler = handlers[channel]
      if (!handler) return fail('internal', `${channel} is not available`)
      try {
        if (contract.session) opts.requireSession?.(contract.session)
        const data = (contract.response as z.ZodType).parse(await handler(request.data))
        return { ok: true, data }
      } catch (err) {
        const { error, internal } = toIpcError(err)
        if (internal) log(`ipc ${channel} failed: ${(err as Error).stack ?? String(err)}`)
        return { ok: false, error }
      }
    }
  }
}

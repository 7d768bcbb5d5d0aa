/**
 * How a channel of the IPC contract is declared: its zod request and response, whether a kiosk
 * connection may call it, and the PIN session it needs. The router (src/main/ipc) enforces all
 * four; the domain files beside this one declare their channels with `channel()`.
 */
import { z } from 'zod'

export const roleSchema = z.enum(['cashier', 'admin'])
export type Role = z.infer<typeof roleSchema>

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req
  response: Res
  /** A kiosk (member self-service) connection may call it. False unless declared. */
  kiosk: boolean
  /** The PIN session main requires before calling the handler (admin includes cashier). */
  session: Role | null
}

/** Declares a channel; kiosk access and sessions are opt-in, so a new channel starts closed. */
export const channel = <Req extends z.ZodType, Res extends z.ZodType>(def: {
  request: Req
  response: Res
  kiosk?: boolean
  session?: Role
}): ChannelDef<Req, Res> => ({
  request: def.request,
  response: def.response,
  kiosk: def.kiosk ?? false,
  session: def.session ?? null
})

export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P
  /** Pushed to kiosk connections too (otherwise to the cashier desk only). */
  kiosk: boolean
}

/** Declares a main-to-renderer event. */
export const event = <P extends z.ZodType>(payload: P, opts: { kiosk?: boolean } = {}): EventDef<P> => ({
  payload,
  kiosk: opts.kiosk ?? false
})

export const empty = z.object({}).strict()
export const done = z.object({ ok: z.literal(true) })
export const byId = z.object({ id: z.number().int().positive() }).strict()

/** A device the admin can pick: the spec to save and a label to show. */
export const candidatesSchema = z.object({
  candidates: z.array(z.object({ spec: z.string(), label: z.string() })),
  /** Why the list is empty, e.g. the HID library cannot load. */
  error: z.string().optional()
})
export type Candidate = z.infer<typeof candidatesSchema>['candidates'][number]

/**
 * A refusal the screen can show: `code` picks the translated message, `fields` mark inputs.
 * Domain services throw these codes (src/main/domain-error.ts); one mapper turns them into this.
 */
export const ipcErrorCodeSchema = z.enum([
  'invalid-input',
  'not-found',
  'validation',
  'auth',
  'unreachable',
  'ambiguous',
  'forbidden',
  'printer',
  /** Nothing was saved: the disk is full, or failing. */
  'disk-full',
  'disk-error',
  'internal'
])
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>

export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
  fields: z.array(z.tuple([z.string(), z.string()])).optional()
})
export type IpcError = z.infer<typeof ipcErrorSchema>
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError }

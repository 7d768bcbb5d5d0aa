/**
 * The IPC contract between the renderer and main: every channel with its zod request and
 * response schema, and every main-to-renderer event in one map. Electron IPC and the browser
 * host's WebSocket both carry exactly this table; nothing else crosses the boundary.
 *
 * Channels are `domain:verb`. A handler answers `{ ok: true, data }` or `{ ok: false, error }`
 * so a refusal reaches the screen as a typed, translatable error instead of a thrown string.
 */
import { z } from 'zod'
import { authStateSchema, scannerRawEventSchema } from './ipc-admin'
import { printJobSchema } from './receipt/printer-status'
import { activitySchema } from './stamps/activities'
import { cashierChannels, memberViewSchema, saleInputSchema, saleResultSchema, statusSchema } from './ipc-views'

export * from './ipc-views'
export * from './ipc-admin'
export * from './ipc-desk'

const empty = z.object({}).strict()

/** Every request/response pair, by channel. */
export const ipcChannels = {
  'status:get': { request: empty, response: statusSchema },
  'member:lookup': {
    request: z.object({ query: z.string().trim().min(1).max(512) }).strict(),
    response: memberViewSchema
  },
  'member:activities': {
    request: z
      .object({
        user: z.string().min(1).max(254),
        olderThan: z.number().int().positive().optional(),
        merchantIds: z.array(z.number().int().positive()).max(50).optional()
      })
      .strict(),
    response: z.object({ activities: z.array(activitySchema), hasMore: z.boolean() })
  },
  'member:print-slip': {
    request: z.object({ user: z.string().min(1).max(254) }).strict(),
    response: z.object({ jobId: z.number().int() })
  },
  'sale:preview': {
    request: z.object({ user: z.string().max(254).optional(), totalValue: z.number().nonnegative() }).strict(),
    response: z.object({ stamps: z.number() })
  },
  'sale:submit': { request: saleInputSchema, response: saleResultSchema },
  ...cashierChannels
} as const

/** Main-to-renderer events, by name. */
export const ipcEvents = {
  'status:changed': statusSchema,
  'scan:received': z.object({
    source: z.enum(['hid-pos', 'keyboard', 'magstripe', 'wedge']),
    text: z.string().max(4096),
    symbology: z.string().optional()
  }),
  'session:reset': empty,
  /** The PIN session opened, locked (by hand or idle) or a lockout began. */
  'auth:changed': authStateSchema,
  /** Only while the admin scanner test is open (scanner:test-start .. test-stop). */
  'scanner:raw': scannerRawEventSchema,
  /** A queued sale changed state: the queue view refreshes that row. */
  'outbox:changed': z.object({
    id: z.number().int(),
    state: z.enum(['queued', 'sending', 'posted', 'failed', 'discarded']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    fieldErrors: z.array(z.tuple([z.string(), z.string()]))
  }),
  /** A print job changed state (queued, printing, printed, held, discarded). */
  'printer:job': printJobSchema
} as const

export type IpcChannel = keyof typeof ipcChannels
export type IpcEvent = keyof typeof ipcEvents
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcChannels)[C]['request']>
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcChannels)[C]['response']>
export type IpcEventPayload<E extends IpcEvent> = z.infer<(typeof ipcEvents)[E]>

/** A refusal the screen can show: `code` picks the translated message, `fields` mark inputs. */
export const ipcErrorSchema = z.object({
  code: z.enum([
    'invalid-input',
    'not-found',
    'validation',
    'auth',
    'unreachable',
    'ambiguous',
    'forbidden',
    'printer',
    'internal'
  ]),
  message: z.string(),
  fields: z.array(z.tuple([z.string(), z.string()])).optional()
})

export type IpcError = z.infer<typeof ipcErrorSchema>
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError }

/** The preload's whole surface (and the browser host's WebSocket client's). */
export interface StampsKioskApi {
  invoke<C extends IpcChannel>(channel: C, payload: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>>
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void
}

/** True when `name` is a channel of the contract (checked before any lookup by string). */
export const isIpcChannel = (name: unknown): name is IpcChannel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(ipcChannels, name)

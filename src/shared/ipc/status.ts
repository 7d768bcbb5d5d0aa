/** Status domain: what the status bar shows (upstream, queue, printer, scanner, mode, language). */
import { z } from 'zod'
import { channel, empty, event } from './contract'

const deviceState = z.enum([
  'ok',
  'connected',
  'disconnected',
  'paper-out',
  'offline',
  'not-found',
  'permission-denied',
  'none'
])

export const statusSchema = z.object({
  upstream: z.object({
    reachable: z.boolean(),
    embedded: z.boolean(),
    checkedAt: z.number().nullable(),
    /** Reachable, but the last minute's real requests were slow or often failed. */
    degraded: z.boolean().optional()
  }),
  queue: z.object({ pending: z.number().int(), failed: z.number().int() }),
  printer: z.object({ state: deviceState, detail: z.string().optional(), held: z.number().int() }),
  scanner: z.object({ state: deviceState, detail: z.string().optional() }),
  /** The data directory: 'full' or 'failing' while a part of it (outbox, print queue, ...) cannot write. */
  disk: z
    .object({
      state: z.enum(['ok', 'full', 'failing']),
      parts: z.array(z.enum(['outbox', 'outbox-checkpoint', 'print-queue', 'receipts', 'settings']))
    })
    .optional(),
  mode: z.enum(['kiosk', 'cashier']),
  language: z.enum(['id', 'en']),
  idleTimeoutSeconds: z.number().int(),
  /** Saved settings wait for a restart (upstream, credentials, store, ports, scanner). */
  restartNeeded: z.boolean().optional(),
  /** Roles still on the factory PIN: the status bar says "default PIN, change it". */
  defaultPins: z.array(z.enum(['cashier', 'admin'])).optional()
})
export type Status = z.infer<typeof statusSchema>

export const statusChannels = {
  'status:get': channel({ request: empty, response: statusSchema, kiosk: true })
} as const

export const statusEvents = {
  'status:changed': event(statusSchema, { kiosk: true }),
  /** The member's session on the kiosk ends (the screen returns to "scan your card"). */
  'session:reset': event(empty, { kiosk: true })
} as const

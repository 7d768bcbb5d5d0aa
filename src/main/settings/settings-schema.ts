/** The one settings schema: what the host needs to start, validated once at boot. */
import { LOG_LEVELS } from '../../platform/log/logger'
import { z } from 'zod'
import { DEMO_KEYS } from '../../shared/stamps/demo'
import { credentialSchema } from '../stamps/client-config'
import { pinHashSchema } from '../auth/pin-hash'
import { isLoopbackHostname } from '../../platform/http/credentials'
import { receiptTemplateSchema } from '../../shared/capture/receipt-template'

/** The demo merchant the embedded sandbox seeds; the key printed in the transaction document. */
export const EMBEDDED_DEFAULTS = { merchant: 14, store: 2, key: DEMO_KEYS.coffee } as const

const port = z.number().int().min(0).max(65535)
/** Connections a server serves at once; unset: the house cap (src/platform/http/socket-limits.ts). */
const maxConnections = z.number().int().min(1).max(4096)

/** The credential shape is the Stamps client's own: one definition for settings and client. */
export { credentialSchema }

const upstreamUrl = z
  .string()
  .url()
  .refine((u) => /^https?:$/.test(new URL(u).protocol), 'must be an http(s) URL')
  // The merchant key travels with every request: plain http only to a server on this computer.
  .refine(
    (u) => new URL(u).protocol !== 'http:' || isLoopbackHostname(new URL(u).hostname),
    'must be https (http only for a server on this computer: localhost, 127.0.0.0/8, ::1)'
  )
  // The upstream is shown to the screens; a password in it would be a secret on display.
  .refine(
    (u) => !new URL(u).username && !new URL(u).password,
    'must not carry a user name or password (the key goes in the credential)'
  )
  .transform((u) => u.replace(/\/+$/, ''))

export const settingsSchema = z.object({
  /** null: run against the embedded sandbox server on a SQLite file in the data directory. */
  upstream: upstreamUrl.nullable().default(null),
  credential: credentialSchema.default({ kind: 'token', key: EMBEDDED_DEFAULTS.key }),
  merchant: z.number().int().positive().default(EMBEDDED_DEFAULTS.merchant),
  store: z.number().int().positive().default(EMBEDDED_DEFAULTS.store),
  bridge: z
    .object({
      port: port.default(8765),
      /** Generated once and kept in the data directory when not given. */
      token: z.string().min(16).max(256).optional(),
      maxConnections: maxConnections.optional()
    })
    .default({ port: 8765 }),
  /** Fixed beside the bridge's, so the printed ui: URL (a kiosk's bookmark) is the same after a restart. */
  ui: z.object({ port: port.default(8766), maxConnections: maxConnections.optional() }).default({ port: 8766 }),
  /** A printer spec (`tcp://host:9100`, `device:/dev/usb/lp0`, `serial:...`, `file:DIR`); null: receipts folder. */
  printer: z.string().min(1).max(512).nullable().default(null),
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(58),
  /**
   * The host as the POS's network printer (src/main/capture): off while port is null; loopback
   * unless a LAN address of this computer is given. Jobs go on to `printer`.
   */
  capture: z
    .object({
      port: port.nullable().default(null),
      host: z.union([z.ipv4(), z.ipv6()]).default('127.0.0.1'),
      idleGapMs: z.number().int().min(100).max(30_000).default(1000),
      maxConnections: z.number().int().min(1).max(64).default(8),
      /** A member scanned at the desk this long before a receipt prints gets its stamps. */
      pairWindowSeconds: z.number().int().min(10).max(1800).default(180),
      /** A sale with no member: posted as an open transaction, or not posted. */
      noMember: z.enum(['open', 'skip']).default('open'),
      /** Merchant templates, tried in order before the generic one. */
      templates: z.array(receiptTemplateSchema).max(20).default([])
    })
    .prefault({}),
  /** A scanner spec (`hid-pos`, `hid:vid:pid`, `wedge`, `none`). */
  scanner: z.string().min(1).max(128).default('wedge'),
  kiosk: z
    .object({
      mode: z.enum(['kiosk', 'cashier']).default('kiosk'),
      idleTimeoutSeconds: z.number().int().min(10).max(3600).default(60)
    })
    .default({ mode: 'kiosk', idleTimeoutSeconds: 60 }),
  language: z.enum(['id', 'en']).default('id'),
  /**
   * Days kept of what is finished: posted sales, printed jobs and receipt files older than this are
   * pruned (at start and every few hours), so the data directory stays bounded. Sales still queued,
   * refused ones awaiting a person and held jobs are never pruned.
   */
  retentionDays: z.number().int().min(1).max(3650).default(30),
  /**
   * /metrics for the fleet's Prometheus on a LAN address (`192.168.1.20:9464`), then only with
   * `Authorization: Bearer <token>`; null: on the bridge's loopback port only, without a token.
   */
  metrics: z
    .object({
      listen: z
        .string()
        .regex(/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):\d{1,5}$/, 'must be address:port (192.168.1.20:9464)')
        .nullable()
        .default(null),
      token: z.string().min(16).max(256).optional()
    })
    .refine((m) => m.listen === null || m.token !== undefined, {
      message: 'a LAN address needs a token: set STAMPS_KIOSK_METRICS_TOKEN (16 characters or more)',
      path: ['token']
    })
    .default({ listen: null }),
  /** The least severe log level written (to <data>/logs/host.log and stderr). */
  logLevel: z.enum(LOG_LEVELS).default('info'),
  /** Upstream request timeout; a sale that outlives it is queued, never dropped. */
  requestTimeoutMs: z.number().int().min(500).max(120_000).default(8000),
  /** scrypt hashes of the cashier and admin PINs; null: the factory PIN (see auth/pin-hash.ts). */
  pins: z
    .object({ cashier: pinHashSchema.nullable().default(null), admin: pinHashSchema.nullable().default(null) })
    .default({ cashier: null, admin: null })
})

export type Settings = z.infer<typeof settingsSchema>
export type SettingsInput = z.input<typeof settingsSchema>
export type Credential = z.infer<typeof credentialSchema>

/** Refusal to start: names every bad field so a person can fix the file or flag. */
export class SettingsError extends Error {
  constructor(readonly problems: Array<{ field: string; message: string }>) {
    super(`invalid settings: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`)
    this.name = 'SettingsError'
  }
}

/** Validates raw settings, throwing a SettingsError that names each bad field. */
export function parseSettings(raw: unknown): Settings {
  const result = settingsSchema.safeParse(raw ?? {})
  if (result.success) return result.data
  throw new SettingsError(result.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', message: i.message })))
}

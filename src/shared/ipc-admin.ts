/**
 * Contract shapes of the PIN session, admin settings and scanner test (issue: the app, part 2).
 *
 * Sessions: `auth:unlock {role, pin}` opens one session in main (admin includes cashier).
 * Money channels refuse `forbidden` with fields [['session', 'cashier']] while locked, settings
 * channels with [['session', 'admin']]; the screen then shows the PIN pad for that role.
 * A wrong PIN is `invalid-input` with [['pin', 'N tries left']]; after 5 wrong PINs every
 * unlock is `forbidden` with [['pin', ...], ['retryAfterSeconds', 'S']] for 30 s.
 * A fresh install has cashier PIN 1111 and admin PIN 0000: `defaultPins` stays true until an
 * admin sets their own, and the admin screen must tell them to change both.
 */
import { z } from 'zod'

export const roleSchema = z.enum(['cashier', 'admin'])
export type Role = z.infer<typeof roleSchema>

/** 4 to 8 digits: what a PIN pad offers. */
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')

/** The screens check a PIN's form with the same rule main enforces. */
export const isPinFormat = (pin: string): boolean => pinSchema.safeParse(pin).success

export const authStateSchema = z.object({
  role: roleSchema.nullable(),
  /** Epoch ms when the idle session locks (each guarded call pushes it back). */
  expiresAt: z.number().nullable(),
  /** Epoch ms until which unlocking is refused after too many wrong PINs. */
  lockedUntil: z.number().nullable(),
  defaultPins: z.object({ cashier: z.boolean(), admin: z.boolean() })
})
export type AuthState = z.infer<typeof authStateSchema>

/** Settings as the renderer sees them: secrets become "is set" flags, PIN hashes never leave main. */
export const publicSettingsSchema = z.object({
  /** null: the embedded sandbox. */
  upstream: z.string().nullable(),
  credential: z.object({ kind: z.enum(['token', 'jwt']), keySet: z.boolean(), merchantId: z.number().optional() }),
  merchant: z.number(),
  store: z.number(),
  bridge: z.object({ port: z.number(), tokenSet: z.boolean() }),
  ui: z.object({ port: z.number() }),
  printer: z.string().nullable(),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  scanner: z.string(),
  kiosk: z.object({ mode: z.enum(['kiosk', 'cashier']), idleTimeoutSeconds: z.number() }),
  language: z.enum(['id', 'en']),
  requestTimeoutMs: z.number(),
  pins: z.object({ cashierDefault: z.boolean(), adminDefault: z.boolean() })
})

export const settingsViewSchema = z.object({
  settings: publicSettingsSchema,
  /** Saved changes that take effect only after a restart (upstream, credentials, ports, scanner...). */
  restartNeeded: z.boolean(),
  restartFields: z.array(z.string())
})

const credentialPatch = z
  .object({
    kind: z.enum(['token', 'jwt']),
    /** Write-only: omit to keep the saved key. */
    key: z.string().max(512).optional(),
    merchantId: z.number().int().positive().optional()
  })
  .strict()

/**
 * What an admin may change. Ranges and URL rules live in the settings schema in main (one
 * source of truth), which names the bad field. PINs change through `auth:set-pin` only.
 */
export const settingsPatchSchema = z
  .object({
    upstream: z.string().max(2048).nullable().optional(),
    credential: credentialPatch.optional(),
    merchant: z.number().optional(),
    store: z.number().optional(),
    bridge: z
      .object({ port: z.number().optional(), token: z.string().max(256).optional() })
      .strict()
      .optional(),
    ui: z.object({ port: z.number() }).strict().optional(),
    printer: z.string().max(512).nullable().optional(),
    paperWidth: z.union([z.literal(58), z.literal(80)]).optional(),
    scanner: z.string().max(128).optional(),
    kiosk: z
      .object({ mode: z.enum(['kiosk', 'cashier']).optional(), idleTimeoutSeconds: z.number().optional() })
      .strict()
      .optional(),
    language: z.enum(['id', 'en']).optional(),
    requestTimeoutMs: z.number().optional()
  })
  .strict()
export type SettingsPatchInput = z.infer<typeof settingsPatchSchema>

export const upstreamTestSchema = z
  .object({ upstream: z.string().max(2048).nullable().optional(), credential: credentialPatch.optional() })
  .strict()

export const scannerViewSchema = z.object({
  spec: z.string(),
  /** `wedge`: keystrokes reach the renderer, which shows its own test; `none`: no scanner. */
  state: z.enum(['connected', 'disconnected', 'permission-denied', 'not-found', 'stopped', 'wedge', 'none']),
  device: z.object({ vendorId: z.number(), productId: z.number(), product: z.string().optional() }).optional(),
  hint: z.string().optional(),
  error: z.string().optional(),
  /** True while `scanner:raw` events flow (between test-start and test-stop or a timeout). */
  testing: z.boolean()
})
export type ScannerView = z.infer<typeof scannerViewSchema>

/** One read during the admin scanner test: the raw report bytes and what they decoded to. */
export const scannerRawEventSchema = z.object({
  source: z.enum(['hid-pos', 'keyboard', 'magstripe', 'wedge']),
  /** Hex of the raw reports, space-separated per report; empty for magstripe (track data). */
  hex: z.string(),
  /** The decoded text; magstripe is masked to its last 4 digits. Absent for a dropped read. */
  decoded: z.string().optional(),
  symbology: z.string().optional(),
  dropped: z.enum(['timeout', 'rollover', 'bad-report', 'too-long']).optional()
})

/** A device the admin can pick: the spec to save and a label to show. */
export const candidatesSchema = z.object({
  candidates: z.array(z.object({ spec: z.string(), label: z.string() })),
  /** Why the list is empty, e.g. the HID library cannot load. */
  error: z.string().optional()
})

/**
 * Settings domain: the admin screen reads the settings without their secrets and changes them
 * behind the admin PIN. Language, kiosk options and the printer apply at once, the rest at restart.
 */
import { z } from 'zod'
import { channel, empty } from './contract'

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

export const settingsChannels = {
  'settings:get': channel({ request: empty, response: settingsViewSchema }),
  'settings:save': channel({
    request: z.object({ patch: settingsPatchSchema }).strict(),
    response: settingsViewSchema.extend({ applied: z.array(z.string()) }),
    session: 'admin'
  }),
  /** Pings another upstream with another key before saving; never sends the saved key elsewhere. */
  'settings:test-upstream': channel({
    request: upstreamTestSchema,
    response: z.object({ merchant: z.string(), merchantId: z.number() }),
    session: 'admin'
  })
} as const

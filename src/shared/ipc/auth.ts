/**
 * Auth domain: the PIN session. `auth:unlock {role, pin}` opens one session in main (admin
 * includes cashier); channels declared with a `session` refuse `forbidden` with fields
 * [['session', <role>]] while it is locked, and the screen then shows the PIN pad for that role.
 * A wrong PIN is `invalid-input` with [['pin', 'N tries left']]; after 5 wrong PINs every
 * unlock is `forbidden` with [['pin', ...], ['retryAfterSeconds', 'S']] for 30 s, and each
 * further wrong PIN before a right one locks again for longer (2 min, 10 min, 30 min, then
 * 1 h each). `S` is the time left; the lockout is kept on disk and survives a restart.
 * A fresh install has cashier PIN 1111 and admin PIN 0000: `defaultPins` stays true until an
 * admin sets their own, and the screens must tell them to change both.
 */
import { z } from 'zod'
import { channel, done, empty, event, roleSchema } from './contract'

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

export const authChannels = {
  'auth:state': channel({ request: empty, response: authStateSchema }),
  'auth:unlock': channel({
    request: z.object({ role: roleSchema, pin: pinSchema }).strict(),
    response: authStateSchema
  }),
  'auth:lock': channel({ request: empty, response: done }),
  /** Refused when the PIN is a factory default or opens the other role. */
  'auth:set-pin': channel({
    request: z.object({ role: roleSchema, pin: pinSchema }).strict(),
    response: authStateSchema,
    session: 'admin'
  })
} as const

export const authEvents = {
  /** The PIN session opened, locked (by hand or idle) or a lockout began. */
  'auth:changed': event(authStateSchema)
} as const

/** Wire schemas of the health check and the JWT exchange. */
import { z } from 'zod'
import { idNumber, tokenField } from './wire-values'

export const pingResponseSchema = z.object({
  pong: z.object({ merchant: z.string(), merchant_id: z.number() })
})

/** POST /api/auth/get-access-token/: a static key plus merchant id buys a 24-hour Bearer JWT. */
export const accessTokenRequestSchema = z.object({ token: tokenField, crm_merchant_id: idNumber })

export const accessTokenResponseSchema = z.object({ access_token: z.string().min(1) })

/** How long an access token lives, per the public documentation. */
export const ACCESS_TOKEN_TTL_SECONDS = 24 * 60 * 60

export type PingResponse = z.infer<typeof pingResponseSchema>
export type AccessTokenResponse = z.infer<typeof accessTokenResponseSchema>

/** Members domain: look a member up by any id, read their history, print their balance slip. */
import { z } from 'zod'
import { activitySchema } from '../stamps/activities'
import { channel } from './contract'

/** A member as the kiosk and the till show them; in kiosk mode the name arrives masked. */
export const memberViewSchema = z.object({
  user: z.string(),
  name: z.string(),
  cardLast4: z.string().nullable(),
  level: z.number(),
  levelText: z.string(),
  stamps: z.number(),
  balance: z.number(),
  isBlocked: z.boolean(),
  /**
   * Null: Stamps' answer just now. A time (epoch ms): Stamps could not be reached, and these are
   * the figures this till last read then.
   */
  asOf: z.number().nullable().optional()
})
export type MemberView = z.infer<typeof memberViewSchema>

const user = z.string().min(1).max(254)
const olderThan = z.number().int().positive().optional()
const activityPage = z.object({ activities: z.array(activitySchema), hasMore: z.boolean() })

export const memberChannels = {
  'member:lookup': channel({
    request: z.object({ query: z.string().trim().min(1).max(512) }).strict(),
    response: memberViewSchema,
    kiosk: true
  }),
  /** This merchant's history of the member: what the kiosk's member screen pages through. */
  'member:activities': channel({
    request: z.object({ user, olderThan }).strict(),
    response: activityPage,
    kiosk: true
  }),
  /**
   * The merchant group's history (by-merchant-group): the member's activity at the group's other
   * merchants, narrowed to `merchantIds` unless empty. The till's tool, not a member screen's: a
   * kiosk shows a passer-by no more than this merchant's own history.
   */
  'member:group-activities': channel({
    request: z.object({ user, olderThan, merchantIds: z.array(z.number().int().positive()).max(50) }).strict(),
    response: activityPage
  }),
  'member:print-slip': channel({
    request: z.object({ user }).strict(),
    response: z.object({ jobId: z.number().int() }),
    kiosk: true
  })
} as const

/** Activity API routes: the merchant's list and the merchant group's list, 20 per page. */
import type { FastifyInstance } from 'fastify'
import { activitiesQuerySchema, groupActivitiesQuerySchema } from '../../shared/stamps/activities'
import { STAMPS_PATHS } from '../../shared/stamps/paths'
import { registerEndpoint } from '../../platform/http/endpoint'
import type { ServerContext } from '../http/server-context'
import { PrebuiltJson } from '../../platform/http/reply'
import { activitiesJson, activityObjects, type ActivityRow } from '../ledger/activities'
import { groupActivities, memberActivities } from '../ledger/activity-feed'

/** A page answered from the stored JSON text, parsed only when XML is asked for. */
const page = (rows: ActivityRow[]): PrebuiltJson =>
  new PrebuiltJson(activitiesJson(rows), () => ({ activities: activityObjects(rows) }))

export function activityRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.activities,
    schema: activitiesQuerySchema,
    errors: 'fields',
    handle: (merchantId, q) => page(memberActivities(ctx.db, merchantId, q))
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.groupActivities,
    schema: groupActivitiesQuerySchema,
    errors: 'fields',
    listFields: ['merchant_id'],
    handle: (merchantId, q) => page(groupActivities(ctx.db, merchantId, q))
  })
}

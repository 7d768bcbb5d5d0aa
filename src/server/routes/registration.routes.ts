/** Sign-up routes: the full v2 registration and the v3 partial registration. */
import type { FastifyInstance } from 'fastify'
import { STAMPS_PATHS } from '../../shared/stamps/paths'
import { partialRegistrationRequestSchema, registerMemberRequestSchema } from '../../shared/stamps/registration'
import { registerEndpoint } from '../../platform/http/endpoint'
import type { ServerContext } from '../http/server-context'
import { registerFull, registerPartial } from '../ledger/registration'

export function registrationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.register,
    schema: registerMemberRequestSchema,
    errors: 'coded',
    stringFields: ['mobile_number', 'member_id'],
    handle: (merchantId, input) => registerFull(ctx.db, merchantId, input)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.partialRegistration,
    schema: partialRegistrationRequestSchema,
    errors: 'coded',
    handle: (merchantId, input) => registerPartial(ctx.db, merchantId, input)
  })
}

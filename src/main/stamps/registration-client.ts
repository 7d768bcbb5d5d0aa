/**
 * Typed client for sign-up: the full v2 registration and the partial one (an email or a phone
 * number). Sent once: a repeat after a registration that landed would be refused as
 * `email_already_used` / `mobile_number_already_used`, which reads as a refusal, not a success.
 */
import type { z } from 'zod'
import {
  partialRegistrationRequestSchema,
  partialRegistrationResponseSchema,
  registerMemberRequestSchema,
  registerMemberResponseSchema,
  type PartialRegistrationResponse,
  type RegisterMemberResponse
} from '../../shared/stamps'
import type { StampsClient } from './stamps-client'
import { checked } from './wire-helpers'

export type RegisterMemberInput = z.input<typeof registerMemberRequestSchema>
export type PartialRegistrationInput = z.input<typeof partialRegistrationRequestSchema>

export class RegistrationClient {
  constructor(private readonly client: StampsClient) {}

  async register(request: RegisterMemberInput): Promise<RegisterMemberResponse> {
    const { token: _token, ...body } = checked(registerMemberRequestSchema, request)
    return this.client.sendOnce('register', { body, schema: registerMemberResponseSchema })
  }

  /** Joins a member from just a phone number (a kiosk's keypad) or an email. */
  async registerPartial(request: PartialRegistrationInput): Promise<PartialRegistrationResponse> {
    const { token: _token, ...body } = checked(partialRegistrationRequestSchema, request)
    return this.client.sendOnce('partialRegistration', { body, schema: partialRegistrationResponseSchema })
  }
}

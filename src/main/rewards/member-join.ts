/** Joining at the kiosk from a phone number alone: a partial registration, then the member as a scan shows them. */
import type { MemberView } from '../../shared/ipc'
import type { MemberService } from '../members/member-service'
import type { RegistrationClient } from '../stamps'

export class MemberJoin {
  constructor(
    private readonly deps: {
      registration: Pick<RegistrationClient, 'registerPartial'>
      members: Pick<MemberService, 'lookup'>
    }
  ) {}

  /**
   * Sent once: a repeat after a registration that landed would read as "already registered".
   * The new member is then looked up like a scan, so the screen greets them with Stamps' own figures.
   */
  async join(phone: string): Promise<MemberView> {
    const { user } = await this.deps.registration.registerPartial({ user: phone })
    return this.deps.members.lookup(user.phone ?? phone)
  }
}

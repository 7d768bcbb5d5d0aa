/** Inputs the specs scan: the embedded sandbox's demo members (values come from its seed). */
import { DEMO_MEMBERS } from '../../../src/shared/stamps/demo'

export const DEMO_CARD = DEMO_MEMBERS.customer.cardNumber
export const SECOND_CARD = DEMO_MEMBERS.second.cardNumber
/** A well-formed card number that the seed does not hold. */
export const UNKNOWN_CARD = '9876543210987'

/** An admin sets the cashier or admin PIN: checked, hashed, saved, in force at once. */
import type { AuthState, Role } from '../../shared/ipc'
import { DomainError } from '../domain-error'
import type { AuthService } from './auth-service'
import { DEFAULT_PINS, hashPin } from './pin-hash'

export interface PinChangeDeps {
  auth: AuthService
  /** Persists the hash (settings.json, atomically). */
  save: (role: Role, hash: string) => void
  /** Tells the status bar which roles still use a factory PIN. */
  onDefaultsChanged: (roles: Role[]) => void
}

/**
 * Refuses the factory PIN (the point is to change it) and a PIN that already opens the other
 * role: a cashier who knows the admin PIN would otherwise hold the admin session by accident.
 */
export async function changePin(deps: PinChangeDeps, role: Role, pin: string): Promise<AuthState> {
  if (pin === DEFAULT_PINS.cashier || pin === DEFAULT_PINS.admin) {
    throw new DomainError('invalid-input', 'Choose a PIN other than the factory ones.', [['pin', 'factory PIN']])
  }
  const other: Role = role === 'admin' ? 'cashier' : 'admin'
  if (await deps.auth.matches(other, pin)) {
    throw new DomainError('invalid-input', `The ${other} PIN is the same; choose another.`, [
      ['pin', `same as the ${other} PIN`]
    ])
  }
  const hash = await hashPin(pin)
  deps.save(role, hash)
  deps.auth.setHash(role, hash)
  const state = deps.auth.state()
  deps.onDefaultsChanged((['cashier', 'admin'] as const).filter((r) => state.defaultPins[r]))
  return state
}

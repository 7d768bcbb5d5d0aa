/** The auth domain: the till's PIN session, its channels, and the status bar's factory-PIN warning. */
import { join } from 'node:path'
import type { Role } from '../../shared/ipc'
import type { HostContext } from '../host/host-context'
import type { SettingsFile } from '../settings/settings-file'
import type { Settings } from '../settings/settings-schema'
import type { StatusService } from '../status/status-service'
import { AuthService } from './auth-service'
import { lockoutFileStore } from './lockout-store'
import { changePin } from './pin-change'

/** The lockout file's name in the data directory. */
export const PIN_LOCKOUT_FILE = 'pin-lockout.json'

/** The PIN session with its lockout kept in the data directory, so a restart keeps it. */
export function createAuthService(settings: Settings, dataDir: string, log: (line: string) => void): AuthService {
  return new AuthService({
    hashes: settings.pins,
    lockout: lockoutFileStore(join(dataDir, PIN_LOCKOUT_FILE), log),
    log
  })
}

const defaultRoles = (auth: AuthService): Role[] =>
  (['cashier', 'admin'] as const).filter((r) => auth.state().defaultPins[r])

/** `auth` exists before the router (which asks it for sessions); this wires its channels and events. */
export function setupAuth(
  ctx: HostContext,
  deps: { auth: AuthService; status: StatusService; settingsFile: SettingsFile }
): void {
  const { auth, status, settingsFile } = deps
  status.update('defaultPins', defaultRoles(auth))
  auth.on('changed', (state) => ctx.broadcast('auth:changed', state))
  const pins = {
    auth,
    save: (role: Role, hash: string) => settingsFile.savePinHash(role, hash),
    onDefaultsChanged: (roles: Role[]) => status.update('defaultPins', roles)
  }
  ctx.ipc.register({
    'auth:state': () => auth.state(),
    'auth:unlock': ({ role, pin }) => auth.unlock(role, pin),
    'auth:lock': () => (auth.lock(), { ok: true as const }),
    'auth:set-pin': ({ role, pin }) => changePin(pins, role, pin)
  })
}

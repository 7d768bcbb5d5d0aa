/**
 * Who is on the other end of a transport. A kiosk connection faces whoever walks up to the screen,
 * so it may call only the channels and receive only the events the contract flags `kiosk`; the
 * transports say which kind each connection is, and the router and the event pushers enforce it.
 */
import { ipcChannels, ipcEvents, type IpcChannel, type IpcEvent } from '../../shared/ipc'

export interface IpcCaller {
  /** A member-facing screen: the host runs in kiosk mode (read per call, since the admin can switch it live). */
  kiosk: boolean
}

/** True when `caller` may call `channel`: a kiosk only what the contract opens to it. */
export const mayCall = (caller: IpcCaller, channel: IpcChannel): boolean => !caller.kiosk || ipcChannels[channel].kiosk

/** True when `event` may be pushed to `caller` (a desk event can carry another member's data). */
export const mayReceive = (caller: IpcCaller, event: IpcEvent): boolean => !caller.kiosk || ipcEvents[event].kiosk

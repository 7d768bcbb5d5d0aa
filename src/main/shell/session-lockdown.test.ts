import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { ShellSession } from './electron-shapes'
import { lockDownSession } from './session-lockdown'

type RequestHandler = Parameters<ShellSession['setPermissionRequestHandler']>[0]
type CheckHandler = Parameters<ShellSession['setPermissionCheckHandler']>[0]
type DeviceHandler = Parameters<ShellSession['setDevicePermissionHandler']>[0]

/** A Session that records the handlers it is given, as Electron's would call them. */
class FakeSession extends EventEmitter {
  request: RequestHandler | null = null
  check: CheckHandler | null = null
  device: DeviceHandler | null = null
  setPermissionRequestHandler(h: RequestHandler): void {
    this.request = h
  }
  setPermissionCheckHandler(h: CheckHandler): void {
    this.check = h
  }
  setDevicePermissionHandler(h: DeviceHandler): void {
    this.device = h
  }
}

// Every permission Electron 45 names, camera and microphone ('media') to USB and serial.
const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'hid',
  'serial',
  'usb',
  'midi',
  'midiSysex',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'idle-detection',
  'window-management',
  'local-fonts',
  'storage-access',
  'screen-wake-lock',
  'fileSystem',
  'unknown'
]

function locked() {
  const session = new FakeSession()
  const log = vi.fn<(line: string) => void>()
  lockDownSession(session, log)
  return { session, log }
}

describe('lockDownSession', () => {
  it.each(PERMISSIONS)("refuses the permission request '%s' and logs who asked", (permission) => {
    const { session, log } = locked()
    const callback = vi.fn()
    session.request!({}, permission, callback, { requestingUrl: 'file:///app/index.html' })
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    expect(log).toHaveBeenCalledWith(`shell: refused permission '${permission}' requested by file:///app/index.html`)
  })

  it.each(PERMISSIONS)("answers the permission check '%s' with denied", (permission) => {
    const { session } = locked()
    expect(session.check!({}, permission, 'file:///', {})).toBe(false)
  })

  it('grants no device permission (HID, USB, serial) to web content', () => {
    const { session } = locked()
    for (const deviceType of ['hid', 'usb', 'serial']) {
      expect(session.device!({ deviceType, origin: 'file://' })).toBe(false)
    }
  })

  it('answers every device chooser with no device', () => {
    const { session, log } = locked()
    const hid = { event: { preventDefault: vi.fn() }, callback: vi.fn() }
    session.emit('select-hid-device', hid.event, { deviceList: [{ deviceId: 'scanner' }] }, hid.callback)
    expect(hid.event.preventDefault).toHaveBeenCalled()
    expect(hid.callback).toHaveBeenCalledExactlyOnceWith()

    const usb = { event: { preventDefault: vi.fn() }, callback: vi.fn() }
    session.emit('select-usb-device', usb.event, { deviceList: [{ deviceId: 'printer' }] }, usb.callback)
    expect(usb.event.preventDefault).toHaveBeenCalled()
    expect(usb.callback).toHaveBeenCalledExactlyOnceWith()

    const serial = { event: { preventDefault: vi.fn() }, callback: vi.fn() }
    session.emit('select-serial-port', serial.event, [{ portId: 'ttyUSB0' }], {}, serial.callback)
    expect(serial.event.preventDefault).toHaveBeenCalled()
    expect(serial.callback).toHaveBeenCalledExactlyOnceWith('')
    expect(log).toHaveBeenCalledTimes(3)
  })
})

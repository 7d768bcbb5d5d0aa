/**
 * The renderer's session grants nothing: the app needs no camera, microphone, location,
 * notifications, clipboard or device access from web content (scanners and printers are driven
 * from main). Electron's defaults grant most permission requests, so every handler is set to
 * refuse, and every device chooser (HID, USB, serial) is answered "no device". Screen capture
 * needs no handler: without setDisplayMediaRequestHandler Electron refuses getDisplayMedia.
 */
import type { ShellSession } from './electron-shapes'

/** Installs the deny-everything handlers on `session`; each refusal of a request is logged. */
export function lockDownSession(session: ShellSession, log: (line: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    log(`shell: refused permission '${permission}' requested by ${details.requestingUrl ?? 'the page'}`)
    callback(false)
  })
  // Checks are synchronous queries (navigator.permissions, device lists): answer "denied" quietly.
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault()
    log('shell: refused a HID device request from the page')
    callback()
  })
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault()
    log('shell: refused a USB device request from the page')
    callback()
  })
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault()
    log('shell: refused a serial port request from the page')
    callback('')
  })
}

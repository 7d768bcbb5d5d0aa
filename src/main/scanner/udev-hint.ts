/** The person-facing fix for "permission denied" on a scanner: which udev rules file to install, per platform. */
import type { DeviceInfo } from './scanner-types'

/** Ships in resources/udev/. Numbered below 73 so systemd-logind's uaccess rule sees our TAG. */
export const UDEV_RULES_FILE = '70-stamps-kiosk.rules'

const hex = (n: number): string => n.toString(16).padStart(4, '0')

/** A hint naming the rules file and, when the device is known, the ids a custom rule would need. */
export function udevHint(device?: DeviceInfo, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin')
    return 'macOS blocked the scanner: allow Input Monitoring for Stamps Kiosk in System Settings > Privacy & Security.'
  if (platform === 'win32')
    return 'Windows keeps keyboard-mode scanners to itself: switch the scanner to HID POS mode or use scanner "wedge".'
  const ids = device
    ? ` The scanner is ${hex(device.vendorId)}:${hex(device.productId)}; if its vendor is not in the file, add a line for it.`
    : ''
  return (
    `Permission denied on ${device?.path ?? 'the scanner'}. Install resources/udev/${UDEV_RULES_FILE} into ` +
    `/etc/udev/rules.d/, run "sudo udevadm control --reload-rules && sudo udevadm trigger", then replug the scanner ` +
    `(docs/udev.md).${ids}`
  )
}

/**
 * Printer devices the admin can choose from, as printer specs: the serial ports the OS lists
 * (SerialPort.list(): /dev/ttyUSB0, COM3, USB adapters with their maker) and Linux USB printer
 * class nodes. A network printer is typed as tcp://host:9100; a test print then proves the
 * choice, so this list only has to be a good start, never complete.
 */
import { readdir } from 'node:fs/promises'
import { SerialPort } from 'serialport'
import type { Candidate } from '../../shared/ipc'

export async function printerCandidates(dev = '/dev'): Promise<{ candidates: Candidate[] }> {
  const usb = (await readdir(`${dev}/usb`).catch(() => [] as string[]))
    .filter((n) => /^lp\d+$/.test(n))
    .map((n) => ({ spec: `device:${dev}/usb/${n}`, label: `USB printer ${n}` }))
  // 9600 baud is the factory setting of most serial receipt printers; the admin edits it to the DIP switches.
  const serial = (await SerialPort.list().catch(() => [])).map((p) => ({
    spec: `serial:${p.path}?baud=9600`,
    label: `Serial ${p.path}${p.manufacturer ? ` (${p.manufacturer})` : ''}, 9600 baud`
  }))
  return { candidates: [...usb, ...serial] }
}

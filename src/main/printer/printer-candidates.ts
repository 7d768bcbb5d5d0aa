/**
 * Printer devices the admin can choose from: local USB printer and serial device files as printer
 * specs. A network printer is typed as tcp://host:9100; a test print then proves the choice, so
 * this list only has to be a good start, never complete.
 */
import { readdir } from 'node:fs/promises'
import type { Candidate } from '../../shared/ipc'

/** USB printer class nodes and USB serial adapters on Linux; elsewhere the list is empty. */
export async function printerCandidates(dev = '/dev'): Promise<{ candidates: Candidate[] }> {
  const list = async (dir: string): Promise<string[]> => readdir(dir).catch(() => [] as string[])
  const usb = (await list(`${dev}/usb`))
    .filter((n) => /^lp\d+$/.test(n))
    .map((n) => ({ spec: `device:${dev}/usb/${n}`, label: `USB printer ${n}` }))
  const serial = (await list(dev))
    .filter((n) => /^tty(USB|ACM)\d+$/.test(n))
    .map((n) => ({ spec: `serial:${dev}/${n}?baud=9600`, label: `Serial ${n} (9600 baud)` }))
  return { candidates: [...usb, ...serial] }
}

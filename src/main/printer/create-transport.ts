/** Builds the transport for a printer spec; chosen once at boot from validated settings. */
import { join } from 'node:path'
import type { Columns } from '../../shared/receipt/receipt-model'
import { DeviceTransport } from './device-transport'
import { FileTransport } from './file-transport'
import { type PrinterSpec, parsePrinterSpec } from './printer-spec'
import type { PrinterTransport } from './printer-transport'
import { SerialTransport } from './serial-transport'
import { TcpTransport } from './tcp-transport'

export interface TransportOptions {
  /** Paper width, used by the file: printer to lay out its text previews. */
  columns?: Columns
}

/** The default when settings name no printer: a virtual printer in the data directory. */
export function defaultPrinterSpec(dataDir: string): string {
  return `file:${join(dataDir, 'receipts')}`
}

export function createTransport(spec: string | PrinterSpec, options: TransportOptions = {}): PrinterTransport {
  const s = typeof spec === 'string' ? parsePrinterSpec(spec) : spec
  switch (s.kind) {
    case 'tcp':
      return new TcpTransport({ host: s.host, port: s.port, connectTimeoutMs: s.connectTimeoutMs })
    case 'device':
      return new DeviceTransport(s.path)
    case 'serial':
      return new SerialTransport({ path: s.path, baud: s.baud, flow: s.flow })
    case 'file':
      return new FileTransport(s.dir, options.columns)
  }
}

/** Scanner contract: scan/status event schemas and the small device interface every backend implements. */
import { z } from 'zod'
import type { ScanDropReason } from '../../shared/ipc/scanner'

// These schemas import nothing from Node so the IPC contract (src/shared/ipc.ts) can reuse or copy them.

/** One completed read, whatever the transport. `text` is what the scanner decoded, untrimmed. */
export const scanEventSchema = z.object({
  source: z.enum(['hid-pos', 'keyboard', 'magstripe', 'wedge']),
  /** AIM symbology identifier such as `]Q1` (HID POS only). */
  symbology: z.string().optional(),
  text: z.string(),
  /** Hex of the raw reports, space-separated per report. Never set for magstripe: it would leak track data. */
  raw: z.string().optional()
})
export type ScanEvent = z.infer<typeof scanEventSchema>

export const deviceInfoSchema = z.object({
  vendorId: z.number().int(),
  productId: z.number().int(),
  path: z.string().optional(),
  usagePage: z.number().int().optional(),
  usage: z.number().int().optional(),
  interface: z.number().int().optional(),
  product: z.string().optional(),
  manufacturer: z.string().optional(),
  serialNumber: z.string().optional()
})
export type DeviceInfo = z.infer<typeof deviceInfoSchema>

export const scannerStatusSchema = z.object({
  state: z.enum(['connected', 'disconnected', 'permission-denied', 'not-found', 'stopped']),
  device: deviceInfoSchema.optional(),
  /** What a person should do next, e.g. install the udev rules. */
  hint: z.string().optional(),
  /** Low-level error text, for logs and the diagnostics screen. */
  error: z.string().optional()
})
export type ScannerStatus = z.infer<typeof scannerStatusSchema>

/** Why a read was thrown away: the reasons the IPC contract carries (src/shared/ipc/scanner.ts). */
export type DropReason = ScanDropReason

/** A partial or unusable read that was thrown away (never carries the partial text: it may be track data). */
export interface ScanDropped {
  source: 'hid-pos' | 'keyboard' | 'magstripe'
  reason: DropReason
  /** Characters or bytes discarded. */
  length: number
  /** Why, for logs and the admin's scanner test: structure only (offsets, sizes), never the data. */
  detail?: string
}

/** An open device: node-hid's HIDAsync satisfies this shape, and so does the test double. */
export interface ScannerDevice {
  on(event: 'data', listener: (data: Buffer) => void): unknown
  on(event: 'error', listener: (err: Error) => void): unknown
  /** HID Set_Report(Feature); data[0] is the report id. Only sent when a setting asks for it. */
  sendFeatureReport(data: number[]): Promise<number>
  close(): Promise<void>
}

/** Lists and opens devices; injected into the scanner service so tests never touch real hardware. */
export interface DeviceBackend {
  list(): Promise<DeviceInfo[]>
  open(device: DeviceInfo): Promise<ScannerDevice>
  /** The interface's HID report descriptor when the platform exposes it (Linux hidraw), else undefined. */
  reportDescriptor(device: DeviceInfo): Promise<Uint8Array | undefined>
}

/** Thrown by a backend when the OS refused access, so the service can show the udev hint. */
export class DevicePermissionError extends Error {
  readonly code = 'EACCES'
  constructor(message: string) {
    super(message)
    this.name = 'DevicePermissionError'
  }
}

/** Hex of a report, lower case, no separators: the fixture and `raw` format. */
export function toHex(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex')
}

/** Parses fixture hex; spaces are allowed between bytes for readability. */
export function fromHex(hex: string): Buffer {
  const clean = hex.replace(/\s+/g, '')
  if (!/^([0-9a-f]{2})*$/i.test(clean)) throw new Error(`not a hex byte string: ${hex.slice(0, 40)}`)
  return Buffer.from(clean, 'hex')
}

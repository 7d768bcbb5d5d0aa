/** Scanner domain: scans reaching the screens, and the admin's live scanner test. */
import { z } from 'zod'
import { candidatesSchema, channel, empty, event } from './contract'

const source = z.enum(['hid-pos', 'keyboard', 'magstripe', 'wedge'])

/**
 * Why main threw a read away. `unknown-layout`: a HID POS or card-reader report that fits no layout
 * the device is known to send (it is never decoded by guessing offsets: shifted text is another
 * member's id); `unknown-key`: a key or modifier combination that stands for no character.
 */
export const scanDropReasonSchema = z.enum([
  'timeout',
  'rollover',
  'bad-report',
  'too-long',
  'unknown-layout',
  'unknown-key'
])
export type ScanDropReason = z.infer<typeof scanDropReasonSchema>

export const scannerViewSchema = z.object({
  spec: z.string(),
  /** `wedge`: keystrokes reach the renderer, which shows its own test; `none`: no scanner. */
  state: z.enum(['connected', 'disconnected', 'permission-denied', 'not-found', 'stopped', 'wedge', 'none']),
  device: z.object({ vendorId: z.number(), productId: z.number(), product: z.string().optional() }).optional(),
  hint: z.string().optional(),
  error: z.string().optional(),
  /** True while `scanner:raw` events flow (between test-start and test-stop or a timeout). */
  testing: z.boolean()
})
export type ScannerView = z.infer<typeof scannerViewSchema>

/** One read during the admin scanner test: the raw report bytes and what they decoded to. */
export const scannerRawEventSchema = z.object({
  source,
  /** Hex of the raw reports, space-separated per report; empty for magstripe (track data). */
  hex: z.string(),
  /** The decoded text; magstripe is masked to its last 4 digits. Absent for a dropped read. */
  decoded: z.string().optional(),
  symbology: z.string().optional(),
  dropped: scanDropReasonSchema.optional(),
  /** Why it was dropped (offsets and sizes, never the data), e.g. "byte 2 is 0x31, not the ] of an AIM id". */
  detail: z.string().max(300).optional()
})

export const scannerChannels = {
  'scanner:status': channel({ request: empty, response: scannerViewSchema }),
  /** Attached HID devices as scanner specs, for the admin's "choose" list. */
  'scanner:devices': channel({ request: empty, response: candidatesSchema, session: 'admin' }),
  'scanner:test-start': channel({ request: empty, response: scannerViewSchema, session: 'admin' }),
  'scanner:test-stop': channel({ request: empty, response: scannerViewSchema })
} as const

export const scannerEvents = {
  /** A scan from a device main reads (HID POS, keyboard or magstripe through node-hid). */
  'scan:received': event(z.object({ source, text: z.string().max(4096), symbology: z.string().optional() }), {
    kiosk: true
  }),
  /** Only while the admin scanner test is open (scanner:test-start .. test-stop). */
  'scanner:raw': event(scannerRawEventSchema)
} as const

/** Parses the printer spec string from settings or `--printer` into a validated target. */
import { z } from 'zod'
import { COLUMNS, columnsSchema } from '../../shared/receipt/receipt-model'
import { isPrinterModel } from './printer-models'

const BAUDS = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const

/** `?model=` and `?columns=`, on any kind: which printer it is, hence its paper and features. */
const paper = {
  model: z
    .string()
    .refine(isPrinterModel, 'unknown printer model (see the list in admin, or set columns= for an unlisted printer)')
    .optional(),
  columns: columnsSchema.optional()
}

export const printerSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    ...paper,
    kind: z.literal('tcp'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    connectTimeoutMs: z.number().int().min(100).max(60_000).default(3000)
  }),
  z.object({ ...paper, kind: z.literal('device'), path: z.string().startsWith('/', 'device path must be absolute') }),
  z.object({
    ...paper,
    kind: z.literal('serial'),
    path: z.string().startsWith('/', 'serial path must be absolute'),
    // 9600 is the factory default of most serial receipt printers; set baud= to match DIP switches.
    baud: z
      .number()
      .refine((b) => (BAUDS as readonly number[]).includes(b), `baud must be one of ${BAUDS.join(', ')}`)
      .default(9600)
  }),
  z.object({ ...paper, kind: z.literal('file'), dir: z.string().min(1, 'file: needs a folder') })
])
export type PrinterSpec = z.infer<typeof printerSpecSchema>

const FORMS =
  'tcp://HOST[:PORT], device:/dev/usb/lp0, serial:/dev/ttyUSB0?baud=9600 or file:DIR, each optionally with ?model=ID or ?columns=N'

export class PrinterSpecError extends Error {
  override readonly name = 'PrinterSpecError'
}

const num = (v: string | null): number | undefined => (v === null || v === '' ? undefined : Number(v))

function split(rest: string): { path: string; params: URLSearchParams } {
  const q = rest.indexOf('?')
  return q < 0
    ? { path: rest, params: new URLSearchParams() }
    : { path: rest.slice(0, q), params: new URLSearchParams(rest.slice(q + 1)) }
}

function paperParams(params: URLSearchParams): { model?: string; columns?: number } {
  const model = params.get('model')
  const columns = params.get('columns')
  if (columns !== null && !(COLUMNS as readonly number[]).includes(Number(columns)))
    throw new PrinterSpecError(`columns must be one of ${COLUMNS.join(', ')}`)
  return { ...(model !== null && { model }), ...(columns !== null && { columns: Number(columns) }) }
}

function toCandidate(spec: string): unknown {
  const m = /^([a-z]+):(.*)$/i.exec(spec.trim())
  if (!m) throw new PrinterSpecError(`printer spec "${spec}": expected ${FORMS}`)
  const scheme = m[1]!.toLowerCase()
  const rest = m[2]!
  if (scheme === 'tcp') {
    if (!rest.startsWith('//')) throw new PrinterSpecError(`printer spec "${spec}": write tcp://HOST:PORT`)
    const url = new URL(`tcp:${rest}`)
    return {
      ...paperParams(url.searchParams),
      kind: 'tcp',
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port === '' ? 9100 : Number(url.port),
      connectTimeoutMs: num(url.searchParams.get('timeout'))
    }
  }
  const { path, params } = split(rest)
  if (scheme === 'device') return { ...paperParams(params), kind: 'device', path }
  if (scheme === 'serial') return { ...paperParams(params), kind: 'serial', path, baud: num(params.get('baud')) }
  if (scheme === 'file')
    return { ...paperParams(params), kind: 'file', dir: path.startsWith('//') ? path.slice(2) : path }
  throw new PrinterSpecError(`printer spec "${spec}": unknown kind "${scheme}"; expected ${FORMS}`)
}

/** Validates a spec string; throws PrinterSpecError with a message fit for a startup refusal. */
export function parsePrinterSpec(spec: string): PrinterSpec {
  let candidate: unknown
  try {
    candidate = toCandidate(spec)
  } catch (err) {
    if (err instanceof PrinterSpecError) throw err
    throw new PrinterSpecError(`printer spec "${spec}": ${(err as Error).message}; expected ${FORMS}`)
  }
  const parsed = printerSpecSchema.safeParse(candidate)
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; ')
    throw new PrinterSpecError(`printer spec "${spec}": ${why}`)
  }
  return parsed.data
}

/** A zod string schema for settings: validates and keeps the string. */
export const printerSpecStringSchema = z.string().superRefine((s, ctx) => {
  try {
    parsePrinterSpec(s)
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message })
  }
})

/** Spec back to its canonical string (for logs and the status screen). */
export function formatPrinterSpec(spec: PrinterSpec): string {
  const params = new URLSearchParams()
  if (spec.kind === 'serial') params.set('baud', String(spec.baud))
  if (spec.model) params.set('model', spec.model)
  if (spec.columns) params.set('columns', String(spec.columns))
  const query = params.size > 0 ? `?${params.toString()}` : ''
  switch (spec.kind) {
    case 'tcp':
      return `tcp://${spec.host.includes(':') ? `[${spec.host}]` : spec.host}:${spec.port}${query}`
    case 'device':
      return `device:${spec.path}${query}`
    case 'serial':
      return `serial:${spec.path}${query}`
    case 'file':
      return `file:${spec.dir}${query}`
  }
}

/**
 * `npm run printer:emulator -- --port N [--paper-out] [--offline] [--save DIR] [--columns 32|35|42|44|48]
 * [--serial PATH [--baud N]]` (`--help`): with --serial it also answers on a serial line (one end of a socat pty pair).
 */
import { parseArgs } from 'node:util'
import { answerHelp, type CliHelp } from '../../platform/cli/cli-help'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import { COLUMNS, type Columns } from '../../shared/receipt/receipt-model'
import { PrinterEmulator } from './printer-emulator'

const OPTIONS = {
  port: { type: 'string', default: '9100' },
  'paper-out': { type: 'boolean', default: false },
  offline: { type: 'boolean', default: false },
  save: { type: 'string' },
  columns: { type: 'string', default: '48' },
  serial: { type: 'string' },
  baud: { type: 'string', default: '9600' }
} as const

const HELP: CliHelp<typeof OPTIONS> = {
  command: 'npm run printer:emulator --',
  summary: 'A loopback ESC/POS printer on TCP (port 9100 raw): prints each job decoded; SIGUSR1 toggles paper out.',
  options: OPTIONS,
  docs: {
    port: { value: '<n>', text: 'TCP port on 127.0.0.1; 0 picks a free one' },
    'paper-out': { text: 'start with the paper out (jobs are taken, not printed; status says so)' },
    offline: { text: 'start offline (status says so)' },
    save: {
      value: '<dir>',
      text: 'also write each job to <dir> (job-NNNN.bin bytes, job-NNNN.txt preview)',
      default: 'not saved'
    },
    columns: { value: '32|35|42|44|48', text: 'characters per line of the decoded preview' },
    serial: {
      value: '<path>',
      text: 'also answer on this serial line, e.g. one end of a socat pty pair',
      default: 'none'
    },
    baud: { value: '<n>', text: 'baud rate of --serial' }
  }
}

answerHelp(process.argv.slice(2), HELP)
const { values } = parseArgs({ options: OPTIONS })

const port = Number(values.port)
const columns: Columns = (COLUMNS as readonly number[]).includes(Number(values.columns))
  ? (Number(values.columns) as Columns)
  : 48
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`printer emulator: --port must be 0-65535, got ${values.port}`)
  process.exit(2)
}

const emulator = new PrinterEmulator({
  port,
  paperOut: values['paper-out'],
  offline: values.offline,
  columns,
  ...(values.save ? { saveDir: values.save } : {})
})

emulator.on('job', (job: { id: number; bytes: Uint8Array; printed: boolean }) => {
  const decoded = decodeEscPos(job.bytes)
  const first = decoded.lines.find((l) => l.text.trim())?.text.trim() ?? ''
  console.log(
    `job ${job.id}: ${job.bytes.length} bytes, ${decoded.lines.length} lines, ${job.printed ? 'printed' : 'NOT printed (paper out/offline)'} ${first}`
  )
})

// SIGUSR1 toggles paper out at run time, for trying the held-job flow by hand.
process.on('SIGUSR1', () => {
  const next = emulator.statusByte(4) !== 0x72
  emulator.setPaperOut(next)
  console.log(`paper ${next ? 'out' : 'loaded'}`)
})

const stop = (): void => {
  void emulator.stop().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

emulator.start().then(
  async () => {
    console.log(`printer emulator: ${emulator.url}`)
    if (!values.serial) return
    await emulator.attachSerial(values.serial, Number(values.baud)).then(
      () => console.log(`printer emulator: serial ${values.serial} at ${values.baud} baud`),
      (err: Error) => {
        console.error(`printer emulator: cannot open ${values.serial}: ${err.message}`)
        process.exit(1)
      }
    )
  },
  (err: Error) => {
    console.error(`printer emulator: cannot listen on 127.0.0.1:${port}: ${err.message}`)
    process.exit(1)
  }
)

/** `npm run printer:emulator -- --port N [--paper-out] [--offline] [--save DIR] [--columns 32|48]` (`--help`) */
import { parseArgs } from 'node:util'
import { answerHelp, type CliHelp } from '../../platform/cli/cli-help'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import { PrinterEmulator } from './printer-emulator'

const OPTIONS = {
  port: { type: 'string', default: '9100' },
  'paper-out': { type: 'boolean', default: false },
  offline: { type: 'boolean', default: false },
  save: { type: 'string' },
  columns: { type: 'string', default: '48' }
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
    columns: { value: '32|48', text: 'characters per line of the decoded preview' }
  }
}

answerHelp(process.argv.slice(2), HELP)
const { values } = parseArgs({ options: OPTIONS })

const port = Number(values.port)
const columns = values.columns === '32' ? 32 : 48
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
  () => console.log(`printer emulator: ${emulator.url}`),
  (err: Error) => {
    console.error(`printer emulator: cannot listen on 127.0.0.1:${port}: ${err.message}`)
    process.exit(1)
  }
)

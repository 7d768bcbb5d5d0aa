/**
 * `npm run server -- --port <n> --host 127.0.0.1 --db <file> [--seed demo] [--require-https]` (`--help`
 * lists every flag): prints `sandbox: <url>` once listening, and closes cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { answerHelp, type CliHelp } from '../platform/cli/cli-help'
import { SOCKET_LIMITS } from '../platform/http/socket-limits'
import { installLastResort } from '../platform/process/last-resort'
import { startSandboxServer } from './create-sandbox-server'

installLastResort('sandbox')

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1).default('127.0.0.1'),
  db: z.string().min(1),
  seed: z.literal('demo').optional(),
  'require-https': z.boolean().default(false),
  /** Connections served at once (default: the house cap in src/platform/http/socket-limits.ts). */
  'max-connections': z.coerce.number().int().min(1).max(65_536).optional()
})

const OPTIONS = {
  port: { type: 'string', default: '8000' },
  host: { type: 'string', default: '127.0.0.1' },
  db: { type: 'string' },
  seed: { type: 'string' },
  'require-https': { type: 'boolean', default: false },
  'max-connections': { type: 'string' }
} as const

const HELP: CliHelp<typeof OPTIONS> = {
  command: 'npm run server --',
  summary:
    'The Stamps-compatible sandbox server (HTTP + SQLite). Prints `sandbox: <url>` when ready; SIGTERM stops it.',
  options: OPTIONS,
  docs: {
    port: { value: '<n>', text: 'TCP port to listen on; 0 picks a free one' },
    host: { value: '<address>', text: 'address to listen on' },
    db: { value: '<file>', text: 'the SQLite ledger (required; created when missing)', default: 'none, required' },
    seed: {
      value: 'demo',
      text: 'seed the demo merchant, stores and members into an empty ledger',
      default: 'no seed'
    },
    'require-https': { text: 'answer 403 to a request that did not come over https (a TLS proxy in front says so)' },
    'max-connections': {
      value: '<n>',
      text: 'connections served at once',
      default: String(SOCKET_LIMITS.maxConnections)
    }
  }
}

async function main(): Promise<void> {
  answerHelp(process.argv.slice(2), HELP)
  const { values } = parseArgs({ options: OPTIONS })
  const parsed = argsSchema.safeParse(values)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')
    process.stderr.write(
      `sandbox: bad arguments (${problems})\nusage: npm run server -- --port <n> --db <file> [--host 127.0.0.1] [--seed demo] [--require-https] [--max-connections <n>] (--help lists every flag)\n`
    )
    process.exit(2)
  }
  const a = parsed.data
  const server = await startSandboxServer({
    port: a.port,
    host: a.host,
    dbPath: a.db,
    seed: a.seed,
    requireHttps: a['require-https'],
    ...(a['max-connections'] !== undefined && { limits: { maxConnections: a['max-connections'] } })
  })
  process.stdout.write(`sandbox: ${server.url}\n`)
  const stop = (signal: string) => {
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`sandbox: error while closing on ${signal}: ${String(err)}\n`)
        process.exit(1)
      }
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox: failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})

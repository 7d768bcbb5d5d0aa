/**
 * `npm run server -- --port <n> --host 127.0.0.1 --db <file> [--seed demo] [--require-https]`:
 * prints `sandbox: <url>` once listening, and closes cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8000' },
      host: { type: 'string' },
      db: { type: 'string' },
      seed: { type: 'string' },
      'require-https': { type: 'boolean' },
      'max-connections': { type: 'string' }
    }
  })
  const parsed = argsSchema.safeParse(values)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')
    process.stderr.write(
      `sandbox: bad arguments (${problems})\nusage: npm run server -- --port <n> --db <file> [--host 127.0.0.1] [--seed demo] [--require-https] [--max-connections <n>]\n`
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

/** The one logger: pino, JSON lines to a rotating file in the data directory, pretty on a terminal, secrets scrubbed. */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pino, { type Logger, type LevelWithSilent } from 'pino'
import pretty from 'pino-pretty'
import { CENSOR, REDACT_PATHS, scrubSecrets } from './redact'
import { RotatingFile } from './rotating-file'

export const LOG_LEVELS = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent'
] as const satisfies readonly LevelWithSilent[]
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface LoggerOptions {
  level?: LogLevel
  /** JSON lines go to `<dir>/<name>.log`, rolled by size; omitted: no file. */
  file?: { dir: string; name?: string; maxBytes?: number; keep?: number }
  /**
   * Where people read: pino-pretty's lines on a terminal; otherwise each message as its own plain
   * line (with an error's stack), as scripts that read the host's stderr expect. Omitted: none.
   */
  terminal?: { stream: NodeJS.WritableStream; pretty: boolean }
  /** Known secret values (the bridge token, the merchant key): censored wherever they appear. */
  secrets?: () => readonly string[]
}

export interface HostLogger {
  logger: Logger
  /** The line-oriented form every service takes: `log('outbox: ...')` at info, scrubbed. */
  line: (text: string) => void
  close(): void
}

/** The message of each JSON line (already redacted and scrubbed), then the error's stack if it has one. */
function plainLines(stream: NodeJS.WritableStream): { write(line: string): boolean } {
  return {
    write(line) {
      const entry = JSON.parse(line) as { msg?: string; err?: { stack?: string } }
      const stack = entry.err?.stack ? `: ${entry.err.stack}` : ''
      return stream.write(`${entry.msg ?? ''}${stack}\n`)
    }
  }
}

export function createLogger(options: LoggerOptions): HostLogger {
  const secrets = options.secrets ?? ((): readonly string[] => [])
  const streams: pino.StreamEntry[] = []
  let file: RotatingFile | undefined
  if (options.file) {
    mkdirSync(options.file.dir, { recursive: true, mode: 0o700 })
    file = new RotatingFile({
      path: join(options.file.dir, `${options.file.name ?? 'host'}.log`),
      ...(options.file.maxBytes && { maxBytes: options.file.maxBytes }),
      ...(options.file.keep && { keep: options.file.keep })
    })
    streams.push({ stream: file, level: 'trace' })
  }
  if (options.terminal) {
    const { stream, pretty: isPretty } = options.terminal
    streams.push({
      stream: isPretty ? pretty({ destination: stream, colorize: true, sync: true }) : plainLines(stream),
      level: 'trace'
    })
  }
  const logger = pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      hooks: {
        // Free text is scrubbed too: a URL with ?token= or a known key inside a message.
        logMethod(args, method) {
          const scrubbed = args.map((a: unknown) => (typeof a === 'string' ? scrubSecrets(a, secrets()) : a))
          method.apply(this, scrubbed as Parameters<typeof method>)
        }
      }
    },
    pino.multistream(streams)
  )
  return {
    logger,
    line: (text) => logger.info(text),
    close: () => file?.close()
  }
}

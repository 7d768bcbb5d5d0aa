/**
 * The process's logger for code that has no `log` of its own (a timer's catch, a listener that
 * threw): the host installs its pino logger at start; until then, and in tools and tests, lines
 * go to stderr. Never console.* in services.
 */
import type { Logger } from 'pino'

let installed: Logger | null = null

/** Called once by the host's command line when its logger exists (null uninstalls). */
export function installProcessLogger(logger: Logger | null): void {
  installed = logger
}

/** Logs an error that was caught and survived: message and the error's stack, at level error. */
export function logError(message: string, err?: unknown): void {
  if (installed) installed.error(err instanceof Error ? { err } : { detail: String(err) }, message)
  else
    process.stderr.write(
      `${message}${err === undefined ? '' : `: ${err instanceof Error ? err.stack : String(err)}`}\n`
    )
}

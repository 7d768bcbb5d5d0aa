/**
 * The last resort of a process nobody watches (a kiosk, a till, the sandbox): an exception that
 * nothing caught, or a promise rejection nothing handled, is logged with what failed and the
 * process keeps serving, instead of Node ending it without a word to the shop.
 *
 * Why carrying on is the right call here: every money path commits in one SQLite transaction
 * before it answers (the outbox, the ledger), so a throw from a socket or timer callback cannot
 * leave half a sale behind; a dead process, on the other hand, refuses every POS until someone
 * restarts it. What is logged is the error's own stack: it names the code that failed.
 */

export interface LastResort {
  /** Exceptions and rejections caught so far. */
  caught(): number
  uninstall(): void
}

/** At most this many full reports per minute; the rest are counted, so a throw in a loop cannot fill the disk. */
const REPORTS_PER_MINUTE = 20

const describe = (err: unknown): string =>
  err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : `a non-Error value: ${String(err)}`

/** Installs the process-wide handlers; `name` starts every line ("stamps-kiosk", "sandbox"). */
export function installLastResort(
  name: string,
  log: (line: string) => void = (line) => void process.stderr.write(`${line}\n`)
): LastResort {
  let caught = 0
  let reported = 0
  let suppressed = 0
  const window = setInterval(() => {
    if (suppressed > 0) safeLog(`${name}: ${suppressed} more uncaught error(s) in the last minute were not logged`)
    reported = 0
    suppressed = 0
  }, 60_000)
  window.unref()

  function safeLog(line: string): void {
    try {
      log(line)
    } catch {
      // stderr itself is gone (a closed pipe): throwing here would end the process after all.
    }
  }

  function report(what: string, err: unknown): void {
    caught++
    if (reported >= REPORTS_PER_MINUTE) return void suppressed++
    reported++
    safeLog(`${name}: ${what}, logged and kept serving: ${describe(err)}`)
  }

  const onException = (err: unknown): void => report('uncaught exception', err)
  const onRejection = (reason: unknown): void => report('unhandled promise rejection', reason)
  process.on('uncaughtException', onException)
  process.on('unhandledRejection', onRejection)
  return {
    caught: () => caught,
    uninstall() {
      clearInterval(window)
      process.off('uncaughtException', onException)
      process.off('unhandledRejection', onRejection)
    }
  }
}

/**
 * The admin settings screen's service: validate a change, save it atomically, apply what can
 * change while running, and say what waits for a restart. Secrets never leave main.
 *
 * Live: language (screens and receipts), kiosk mode and idle timeout, printer and paper width.
 * Restart: upstream, credentials, merchant, store, bridge and UI ports, scanner, request timeout:
 * the Stamps client, outbox, bridge and scanner are built from them once at boot.
 */
import type { SettingsPatchInput } from '../../shared/ipc'
import { DomainError } from '../domain-error'
import { parsePrinterSpec } from '../printer'
import { parseScannerSpec } from '../scanner'
import { parseSettings, SettingsError, settingsSchema, type Settings } from './settings-schema'
import type { SettingsFile } from './settings-file'
import { mergePatches, publicSettings } from './settings-store'
import type { SettingsPatch } from './settings-sources'
import { StampsClient } from '../stamps'
import type { StatusService } from '../status/status-service'
import type { LivePrinter } from '../printer/live-printer'

export interface SettingsDeskDeps {
  file: SettingsFile
  status: StatusService
  printer: LivePrinter
  /** The embedded sandbox's URL, for testing "upstream: embedded". */
  embeddedUrl: string | null
}

const RESTART_KEYS = [
  'upstream',
  'credential',
  'merchant',
  'store',
  'bridge',
  'ui',
  'scanner',
  'requestTimeoutMs'
] as const
/** True when the request carries a key typed now (not the kept one). */
const keyTyped = (req: { credential?: SettingsPatchInput['credential'] }): boolean => Boolean(req.credential?.key)
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
const fieldsOf = (err: SettingsError): Array<[string, string]> => err.problems.map((p) => [p.field, p.message])

export class SettingsDesk {
  constructor(private readonly deps: SettingsDeskDeps) {}

  private get settings(): Settings {
    return this.deps.file.current
  }

  view(): { settings: ReturnType<typeof publicSettings>; restartNeeded: boolean; restartFields: string[] } {
    const restartFields = RESTART_KEYS.filter((k) => !same(this.settings[k], this.deps.file.boot[k]))
    return { settings: publicSettings(this.settings), restartNeeded: restartFields.length > 0, restartFields }
  }

  /** Validates everything before writing anything; a bad field is named, nothing is saved. */
  async save(input: SettingsPatchInput): Promise<ReturnType<SettingsDesk['view']> & { applied: string[] }> {
    const patch = this.withKeptSecrets(input)
    const next = this.validated(patch, input)
    const before = this.settings
    try {
      this.deps.file.commit(patch, next)
    } catch (err) {
      if (err instanceof SettingsError)
        throw new DomainError('validation', 'The saved settings file cannot take this change.', fieldsOf(err))
      throw err
    }
    const applied: string[] = []
    const { status, printer } = this.deps
    if (!same(before.language, next.language)) {
      status.update('language', next.language)
      applied.push('language')
    }
    if (!same(before.kiosk, next.kiosk)) {
      status.update('mode', next.kiosk.mode)
      status.update('idleTimeoutSeconds', next.kiosk.idleTimeoutSeconds)
      applied.push('kiosk')
    }
    if (before.printer !== next.printer || before.paperWidth !== next.paperWidth || before.language !== next.language) {
      await printer
        .replace({ spec: next.printer, paperWidth: next.paperWidth, language: next.language })
        .catch((err: Error) => {
          throw new DomainError(
            'printer',
            `Saved, but that printer cannot be used (${err.message}); receipts still go to the previous one: choose another printer.`,
            [['printer', err.message]]
          )
        })
      applied.push(...(['printer', 'paperWidth'] as const).filter((k) => before[k] !== next[k]))
    }
    const view = this.view()
    status.update('restartNeeded', view.restartNeeded)
    return { ...view, applied }
  }

  /** Pings an upstream with the given (or saved) credentials, before anyone saves them. */
  async testUpstream(req: {
    upstream?: string | null
    credential?: SettingsPatchInput['credential']
  }): Promise<{ merchant: string; merchantId: number }> {
    const url = req.upstream === undefined ? this.settings.upstream : req.upstream
    const parsed = settingsSchema.shape.upstream.safeParse(url)
    if (!parsed.success)
      throw new DomainError('validation', 'The upstream address is not valid.', [
        ['upstream', parsed.error.issues[0]?.message ?? 'invalid']
      ])
    const baseUrl = parsed.data ?? this.deps.embeddedUrl
    if (!baseUrl) throw new DomainError('unreachable', 'The embedded sandbox is not running; save and restart first.')
    // The saved key is write-only: it is only ever sent to the saved server (or the local
    // sandbox). Testing another server takes a key typed now, or the test would hand it out.
    if (parsed.data !== null && parsed.data !== this.settings.upstream && !keyTyped(req)) {
      throw new DomainError(
        'validation',
        'Enter the API key to test a different server: the saved key is only sent to the saved server.',
        [['credential.key', 'required to test a different server']]
      )
    }
    const credential = this.withKeptSecrets({ credential: req.credential }).credential ?? this.settings.credential
    const checked = settingsSchema.shape.credential.safeParse(credential)
    if (!checked.success)
      throw new DomainError(
        'validation',
        'The credentials are not valid.',
        checked.error.issues.map((i) => [`credential.${i.path.join('.')}`, i.message])
      )
    const client = new StampsClient({ baseUrl, credential: checked.data, timeoutMs: 5_000, retry: { maxAttempts: 1 } })
    try {
      const { pong } = await client.ping()
      return { merchant: pong.merchant, merchantId: pong.merchant_id }
    } finally {
      client.close()
    }
  }

  // Write-only secrets: a credential patch without a key keeps the key in force.
  private withKeptSecrets(input: SettingsPatchInput): SettingsPatch {
    const patch: SettingsPatch = { ...input }
    const c = input.credential
    if (c) {
      const kept = this.settings.credential
      patch.credential = {
        kind: c.kind,
        key: c.key ?? kept.key,
        ...(c.kind === 'jwt' && { merchantId: c.merchantId ?? (kept.kind === 'jwt' ? kept.merchantId : undefined) })
      }
    }
    return patch
  }

  private validated(patch: SettingsPatch, input: SettingsPatchInput): Settings {
    const problems: Array<[string, string]> = []
    const check = (field: string, value: unknown, parse: (s: string) => unknown): void => {
      if (typeof value !== 'string' || value === 'fake') return
      try {
        parse(value)
      } catch (err) {
        problems.push([field, (err as Error).message])
      }
    }
    check('printer', patch.printer, parsePrinterSpec)
    check('scanner', patch.scanner, parseScannerSpec)
    let next: Settings | undefined
    try {
      next = parseSettings(mergePatches(this.settings as unknown as SettingsPatch, patch))
    } catch (err) {
      if (!(err instanceof SettingsError)) throw err
      problems.push(...fieldsOf(err))
    }
    // Saving another server with the kept key would send it there at the next start: whoever
    // holds the admin PIN could collect the merchant's key on a server of their own.
    if (next && next.upstream !== null && next.upstream !== this.settings.upstream && !keyTyped(input))
      problems.push([
        'credential.key',
        'enter the API key again to change the server (the saved key stays with the saved server)'
      ])
    if (problems.length > 0 || !next)
      throw new DomainError('validation', 'Some settings are not valid; nothing was saved.', problems)
    return next
  }
}

/**
 * The settings in force and the file they live in, with one owner: the admin screen and PIN
 * changes both write through it, so neither holds a stale copy of what the other saved.
 */
import type { Role } from '../../shared/ipc'
import { diskRefusal, diskReport, type DiskReporter } from '../disk/disk-fault'
import { keyFileSealer, type SecretSealer } from './secret-box'
import type { Settings } from './settings-schema'
import type { SettingsPatch } from './settings-sources'
import { saveSettings } from './settings-store'

export class SettingsFile {
  constructor(
    readonly dataDir: string,
    /** The settings the host booted with (file, environment and flags). */
    readonly boot: Settings,
    /** Seals the secrets written (the one settings were loaded with: LoadedSettings.sealer). */
    private readonly sealer: SecretSealer = keyFileSealer(dataDir),
    private settings: Settings = boot
  ) {}

  get current(): Settings {
    return this.settings
  }

  /** Hears each save the disk refused, and the next one that worked (the disk domain sets it). */
  onDisk: DiskReporter = () => {}

  /**
   * Writes `patch` to settings.json atomically, then holds `next` (already validated) as current.
   * A full or failing disk refuses it as `disk-full` / `disk-error`, the old file and settings kept.
   */
  commit(patch: SettingsPatch, next: Settings): void {
    try {
      saveSettings(this.dataDir, patch, this.sealer)
    } catch (err) {
      const report = diskReport('settings', err)
      if (!report?.fault) throw err
      this.onDisk(report)
      throw diskRefusal(report.fault, 'the settings')
    }
    this.onDisk({ part: 'settings', fault: null })
    this.settings = next
  }

  /** Saves a new PIN hash (already checked by the caller). */
  savePinHash(role: Role, hash: string): void {
    this.commit({ pins: { [role]: hash } }, { ...this.settings, pins: { ...this.settings.pins, [role]: hash } })
  }
}

/** What every screen shares: the header's language switch and the status bar. */
import { expect, type Locator, type Page } from '@playwright/test'

export class KioskShell {
  readonly languageSwitch: Locator
  readonly statusBar: Locator

  constructor(readonly page: Page) {
    this.languageSwitch = page.getByRole('banner').getByRole('button')
    this.statusBar = page.getByRole('contentinfo')
  }

  /** Waits until the app has its first status (the first screen is interactive). */
  async waitReady(): Promise<void> {
    await expect(this.page.locator('.shell[data-ready="true"]')).toBeVisible()
  }

  /** The visible value of one status item: upstream, queue, printer, scanner. */
  statusValue(item: 'upstream' | 'queue' | 'printer' | 'scanner'): Locator {
    return this.statusBar.locator(`[data-status="${item}"] .status-item__value`)
  }
}

/** The attract screen: invites a scan; the typed lookup is its fallback. */
import { expect, type Locator, type Page } from '@playwright/test'

export class AttractPage {
  readonly heading: Locator
  readonly manualInput: Locator
  readonly submit: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /Cek stamp|Check your stamps/ })
    this.manualInput = page.getByRole('main').getByRole('textbox')
    this.submit = page.getByRole('main').getByRole('button', { name: /^(Cari|Look up)$/ })
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible()
  }

  /** Types a code as a keyboard-wedge scanner does: a fast burst ending in Enter, focus anywhere. */
  async wedgeScan(text: string): Promise<void> {
    await this.page.locator('body').focus()
    await this.page.keyboard.type(text)
    await this.page.keyboard.press('Enter')
  }
}

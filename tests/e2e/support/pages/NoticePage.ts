/** A notice: unknown card, unreadable code or service trouble, with a way back. */
import { expect, type Locator, type Page } from '@playwright/test'

export class NoticePage {
  readonly alert: Locator
  readonly heading: Locator
  readonly back: Locator

  constructor(readonly page: Page) {
    this.alert = page.getByRole('alert')
    this.heading = this.alert.getByRole('heading', { level: 1 })
    this.back = this.alert.getByRole('button', { name: /^(Kembali|Back)$/ })
  }

  async expectTitle(title: RegExp | string): Promise<void> {
    await expect(this.heading).toHaveText(title)
  }
}

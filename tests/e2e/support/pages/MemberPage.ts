/** The member screen: summary tiles, slip printing, and the paged activity list. */
import { expect, type Locator, type Page } from '@playwright/test'

export class MemberPage {
  readonly heading: Locator
  readonly level: Locator
  readonly stamps: Locator
  readonly balance: Locator
  readonly printButton: Locator
  readonly doneButton: Locator
  readonly printStatus: Locator
  readonly activities: Locator
  readonly loadOlder: Locator
  readonly endOfHistory: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^(Halo|Hello), / })
    this.level = page.getByTestId('member-level')
    this.stamps = page.getByTestId('member-stamps')
    this.balance = page.getByTestId('member-balance')
    this.printButton = page.getByRole('button', { name: /^(Cetak slip saya|Print my slip)$/ })
    this.doneButton = page.getByRole('button', { name: /^(Selesai|Done)$/ })
    this.printStatus = page.locator('.member__print-status')
    const list = page.getByRole('region', { name: /Aktivitas terbaru|Latest activity/ }).first()
    this.activities = list.getByRole('listitem')
    this.loadOlder = page.getByRole('button', { name: /^(Muat aktivitas lebih lama|Load older activity)$/ })
    this.endOfHistory = page.getByText(/^(Tidak ada aktivitas lebih lama\.|No older activity\.)$/)
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible()
  }

  /** Activity ids in screen order (newest first). */
  async activityIds(): Promise<number[]> {
    return await this.activities.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-activity-id'))))
  }
}

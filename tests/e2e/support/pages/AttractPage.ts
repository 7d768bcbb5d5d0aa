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

  /**
   * Scans as a keyboard-wedge scanner does: a burst of keydowns ending in Enter, wherever focus
   * is, reaching the renderer's window listener. The burst is dispatched in one task inside the
   * page because a real scanner's keys carry hardware-paced timestamps a few ms apart, while
   * Playwright/CDP key delivery waits for each key's ack: on a loaded 2-core CI machine that
   * spaced keys 60-120 ms apart and split scans into "typing". Key timing itself is covered by
   * the detector's unit tests (src/renderer/src/scan).
   */
  async wedgeScan(text: string): Promise<void> {
    await this.page.evaluate(`(() => {
      const target = document.activeElement ?? document.body
      const fire = (key) => {
        target.dispatchEvent(new KeyboardEvent('keydown', { key, code: key === 'Enter' ? 'Enter' : '', bubbles: true, cancelable: true }))
        target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }))
      }
      for (const ch of ${JSON.stringify(text)}) fire(ch)
      fire('Enter')
    })()`)
  }
}

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
   * Types a code as a keyboard-wedge scanner does: one fast burst of real key events ending in
   * Enter, wherever focus is. The events are queued in the browser all at once (not one
   * round-trip per key as keyboard.type does), because a scanner's keys arrive a few ms apart;
   * round-trips on a loaded CI machine can space them out like human typing.
   */
  async wedgeScan(text: string): Promise<void> {
    await this.page.locator('body').focus()
    const cdp = await this.page.context().newCDPSession(this.page)
    const sends: Array<Promise<unknown>> = []
    const key = (type: 'keyDown' | 'keyUp', k: string, extra: Record<string, unknown> = {}): void => {
      sends.push(cdp.send('Input.dispatchKeyEvent', { type, key: k, ...extra }))
    }
    for (const ch of text) {
      key('keyDown', ch, { text: ch, unmodifiedText: ch })
      key('keyUp', ch)
    }
    key('keyDown', 'Enter', { code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', unmodifiedText: '\r' })
    key('keyUp', 'Enter', { code: 'Enter', windowsVirtualKeyCode: 13 })
    await Promise.all(sends)
    await cdp.detach()
  }
}

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
   * Scans as a keyboard-wedge scanner does: keydowns 4 ms apart ending in Enter, wherever focus
   * is, reaching the renderer's window listener. A real scanner's keys carry device-paced
   * timestamps however busy the machine is; key delivery from a test (CDP waits for each key's
   * ack, and even an in-page loop can be preempted) on a loaded 2-core CI machine spaced keys
   * 60-120 ms apart and split scans into "typing". So the burst is dispatched in one task with
   * the timestamps a scanner would give. Key timing itself is unit-tested in src/renderer/src/scan.
   */
  async wedgeScan(text: string, keyIntervalMs = 4): Promise<void> {
    await this.page.evaluate(`(() => {
      const target = document.activeElement ?? document.body
      const t0 = performance.now()
      let i = 0
      const fire = (key) => {
        for (const type of ['keydown', 'keyup']) {
          const e = new KeyboardEvent(type, { key, code: key === 'Enter' ? 'Enter' : '', bubbles: true, cancelable: true })
          Object.defineProperty(e, 'timeStamp', { value: t0 + i * ${keyIntervalMs} })
          target.dispatchEvent(e)
        }
        i++
      }
      for (const ch of ${JSON.stringify(text)}) fire(ch)
      fire('Enter')
    })()`)
  }
}

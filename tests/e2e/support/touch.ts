/** Touch-only helpers: count the page's key events, tap digits on the on-screen pad, and check the pad's place. */
import { expect, type Locator, type Page } from '@playwright/test'

declare const window: {
  stampsKeyEvents?: number
  addEventListener(type: string, cb: () => void, capture: boolean): void
}

/** From now on the page counts every keydown and keyup it sees (read with `keyEventCount`). */
export async function countKeyEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.stampsKeyEvents = 0
    const count = (): void => {
      window.stampsKeyEvents = (window.stampsKeyEvents ?? 0) + 1
    }
    window.addEventListener('keydown', count, true)
    window.addEventListener('keyup', count, true)
  })
}

export async function keyEventCount(page: Page): Promise<number> {
  return page.evaluate(() => window.stampsKeyEvents ?? -1)
}

/** Taps each digit of `digits` on the pad (`pad` is the keypad group). */
export async function tapDigits(pad: Locator, digits: string): Promise<void> {
  for (const digit of digits) await pad.locator(`[data-key="${digit}"]`).click()
}

/** The pad and the field it types into do not overlap, and both are wholly on screen. */
export async function expectPadBesideField(pad: Locator, field: Locator): Promise<void> {
  const a = await pad.boundingBox()
  const b = await field.boundingBox()
  if (!a || !b) throw new Error('the keypad or its field is not rendered')
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
  expect(overlap, `keypad ${JSON.stringify(a)} covers its field ${JSON.stringify(b)}`).toBe(false)
  const size = pad.page().viewportSize()!
  for (const box of [a, b]) expect(box.y + box.height).toBeLessThanOrEqual(size.height)
}

/** Cross-screen checks: axe, layout at both kiosk sizes, touch targets, and README screenshots. */
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, type TestInfo } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

// Browser globals used inside page.evaluate: this project compiles without the DOM library.
interface BrowserElement {
  tagName: string
  textContent: string | null
  getAttribute(name: string): string | null
  getBoundingClientRect(): { width: number; height: number; left: number; right: number }
}
declare const document: {
  documentElement: { scrollWidth: number; scrollHeight: number }
  querySelectorAll(selector: string): Iterable<BrowserElement>
}
declare const innerWidth: number
declare const innerHeight: number
declare function requestAnimationFrame(cb: () => void): number

export const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 }
] as const

/** WCAG 2.1 A/AA through axe-core; the violations are listed in the failure message. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
  )
  expect(summary, `axe violations on the ${screen} screen`).toEqual([])
}

/** No page scrolling or clipping, and every control at least 48x48 CSS px. */
export async function expectLayoutFits(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = []
    const root = document.documentElement
    if (root.scrollWidth > innerWidth) out.push(`page overflows horizontally (${root.scrollWidth} > ${innerWidth})`)
    if (root.scrollHeight > innerHeight) out.push(`page overflows vertically (${root.scrollHeight} > ${innerHeight})`)
    for (const el of document.querySelectorAll('button, input, a[href], [role="button"]')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 && r.height === 0) continue
      if (r.width < 48 || r.height < 48)
        out.push(
          `${el.tagName} "${el.textContent?.trim() || el.getAttribute('aria-label')}" is ${Math.round(r.width)}x${Math.round(r.height)}`
        )
      if (r.right > innerWidth + 1 || r.left < -1) out.push(`${el.tagName} "${el.textContent?.trim()}" is off screen`)
    }
    return out
  })
  expect(problems).toEqual([])
}

/**
 * Checks the layout at 1024x768 and 1920x1080 and, in the browser project with
 * UPDATE_SCREENSHOTS set, saves README screenshots as docs/screenshots/<name>-<w>x<h>.png. Leaves the page at 1024x768.
 */
export async function checkAtKioskSizes(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size)
    // Let the animation frame after the resize settle before measuring.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))))
    await expectLayoutFits(page)
    // Only on request (npm run screenshots): the images change with every run's dates.
    if (testInfo.project.name === 'chromium' && process.env.UPDATE_SCREENSHOTS) {
      const dir = join(process.cwd(), 'docs', 'screenshots')
      mkdirSync(dir, { recursive: true })
      await page.screenshot({
        path: join(dir, `${name}-${size.width}x${size.height}.png`),
        animations: 'disabled',
        caret: 'hide'
      })
    }
  }
  await page.setViewportSize(VIEWPORTS[0])
}

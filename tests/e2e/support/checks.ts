/** Cross-screen checks: axe, layout at both kiosk sizes, touch targets, and README screenshots. */
import AxeBuilder from '@axe-core/playwright'
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

// Browser globals used inside page.evaluate: this project compiles without the DOM library.
interface BrowserElement {
  tagName: string
  textContent: string | null
  getAttribute(name: string): string | null
  getBoundingClientRect(): { width: number; height: number; left: number; right: number; top: number; bottom: number }
  contains(other: BrowserElement | null): boolean
}
declare const document: {
  documentElement: { scrollWidth: number; scrollHeight: number }
  querySelectorAll(selector: string): Iterable<BrowserElement>
  elementFromPoint(x: number, y: number): BrowserElement | null
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
 * The screen's main action is on screen as it stands, with no scrolling: wholly inside the viewport and
 * the topmost element at its centre and its top and bottom edges (not clipped by a scrolling panel or covered by another).
 */
export async function expectInView(action: Locator, what: string): Promise<void> {
  const problem = await action.evaluate((node) => {
    const el = node as unknown as BrowserElement
    const r = el.getBoundingClientRect()
    if (r.width === 0 || r.height === 0) return 'has no size'
    if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
      return `is outside the ${innerWidth}x${innerHeight} viewport (top ${Math.round(r.top)}, bottom ${Math.round(r.bottom)})`
    // Centre, top and bottom edges (the middle of each edge: rounded corners are not hit-tested).
    const cx = (r.left + r.right) / 2
    const points: [number, number][] = [
      [cx, (r.top + r.bottom) / 2],
      [cx, r.top + 2],
      [cx, r.bottom - 2]
    ]
    for (const [x, y] of points) {
      const hit = document.elementFromPoint(x, y)
      if (!hit || !el.contains(hit))
        return `is hidden at (${Math.round(x)}, ${Math.round(y)}) by ${hit?.tagName ?? 'nothing'}`
    }
    return null
  })
  expect(problem, `${what} at ${JSON.stringify(action.page().viewportSize())}`).toBeNull()
}

/** Runs `check` at 1024x768 and 1920x1080 (after the frame that follows the resize); leaves the page at 1024x768. */
export async function atKioskSizes(page: Page, check: () => Promise<void>): Promise<void> {
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))))
    await check()
  }
  await page.setViewportSize(VIEWPORTS[0])
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

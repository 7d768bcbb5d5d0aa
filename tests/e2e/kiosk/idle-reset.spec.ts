import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/fixtures'

// The shortest timeout settings allow; written to settings.json in the fresh data directory.
test.use({ settingsFile: { kiosk: { mode: 'kiosk', idleTimeoutSeconds: 10 } } })

test('idle timeout returns to the attract screen and clears the member from the screen', async ({
  host,
  shell,
  attract,
  member,
  kioskPage
}) => {
  test.setTimeout(60_000)
  const status = await host.ipc('status:get', {})
  expect(status.ok && status.data.idleTimeoutSeconds).toBe(10)
  await shell.waitReady()
  await attract.wedgeScan(DEMO_CARD)
  await member.expectShown()
  const name = (await member.heading.textContent()) ?? ''
  await shell.languageSwitch.click()
  await expect(kioskPage.locator('html')).toHaveAttribute('lang', 'en')
  const shownAt = Date.now()
  await attract.expectShown().catch(() => undefined)
  await expect(attract.heading).toBeVisible({ timeout: 20_000 })
  expect(Date.now() - shownAt).toBeGreaterThanOrEqual(9_000)
  // Nothing of the visitor is left: not the name, not the tiles, not the history.
  await expect(kioskPage.getByText(name)).toHaveCount(0)
  await expect(member.stamps).toHaveCount(0)
  await expect(member.activities).toHaveCount(0)
  // The next visitor starts in the kiosk's own language.
  await expect(kioskPage.locator('html')).toHaveAttribute('lang', 'id')
})

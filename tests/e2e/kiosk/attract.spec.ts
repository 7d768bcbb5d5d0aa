import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { expect, test } from '../support/fixtures'

test('attract screen invites a scan and shows the status main reports', async ({
  host,
  shell,
  attract,
  kioskPage
}, testInfo) => {
  await attract.expectShown()
  await expect(kioskPage.locator('html')).toHaveAttribute('lang', 'id')
  const status = await host.ipc('status:get', {})
  expect(status.ok).toBe(true)
  if (!status.ok) return
  await expect(shell.statusValue('upstream')).toContainText(status.data.upstream.reachable ? 'Terhubung' : 'Terputus')
  await expect(shell.statusValue('queue')).toHaveText(
    `${status.data.queue.pending} tertunda, ${status.data.queue.failed} gagal`
  )
  await expect(shell.statusValue('printer')).not.toBeEmpty()
  await expect(shell.statusValue('scanner')).not.toBeEmpty()
  await expectAccessible(kioskPage, 'attract')
  await checkAtKioskSizes(kioskPage, testInfo, 'attract')
})

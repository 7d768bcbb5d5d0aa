/** A slow upstream at the kiosk: the wait says what is happening, can be cancelled, and ends with advice. */
import { checkAtKioskSizes } from '../support/checks'
import { DEMO, expect, test as deskTest } from '../support/desk-fixtures'

// The desk fixtures' proxied sandbox, with the host left in kiosk mode.
const test = deskTest.extend({
  hostExtraArgs: async ({ faultProxy }, use) => use(['--upstream', faultProxy!.url])
})
test.use({ upstreamKind: 'proxied' })

test('a lookup held by a slow upstream shows a cancel after a second, and gives up with what to do', async ({
  kioskPage,
  attract,
  faultProxy
}, testInfo) => {
  test.setTimeout(90_000)
  await attract.expectShown()
  // Answers held 5 s: slow, but inside the client's timeout (so the upstream is not counted down).
  await faultProxy!.setMode({ kind: 'delay', ms: 5_000 })

  await attract.manualInput.fill(DEMO.card)
  await attract.submit.click()
  const waiting = kioskPage.getByRole('status').filter({ hasText: 'Mencari data member' })
  await expect(waiting).toBeVisible()
  const cancel = waiting.getByRole('button', { name: 'Batal' })
  await expect(cancel).toBeVisible({ timeout: 5_000 })
  await expect(waiting).toContainText('Masih menunggu layanan Stamps')
  await checkAtKioskSizes(kioskPage, testInfo, 'kiosk-slow-lookup')
  await cancel.click()
  await attract.expectShown()

  // Answers held 60 s, longer than the kiosk lets a visitor wait: left alone, the wait ends after
  // the bound with advice, and the late answer is dropped.
  await faultProxy!.setMode({ kind: 'delay', ms: 60_000 })
  await attract.manualInput.fill(DEMO.card)
  await attract.submit.click()
  const notice = kioskPage.getByRole('alert')
  await expect(notice).toContainText('Layanan sedang lambat', { timeout: 20_000 })
  await expect(notice).toContainText('minta bantuan kasir')
  await kioskPage.getByRole('button', { name: 'Kembali' }).click()
  await attract.expectShown()
})

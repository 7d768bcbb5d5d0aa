/** A slow upstream at the till: the lookup says it is waiting, can be cancelled, and gives up with a way on. */
import { DEMO, expect, test } from '../support/desk-fixtures'

test.use({ upstreamKind: 'proxied' })

test('a slow lookup offers cancel after a second; past the bound it stops and offers the sale for the id', async ({
  desk,
  kioskPage,
  faultProxy
}) => {
  test.setTimeout(90_000)
  // Held 5 s: slow, but inside the client's timeout.
  await faultProxy!.setMode({ kind: 'delay', ms: 5_000 })
  await desk.lookUp(DEMO.card)
  const waiting = kioskPage.getByRole('status').filter({ hasText: 'Mencari member' })
  const cancel = waiting.getByRole('button', { name: 'Batal' })
  await expect(cancel).toBeVisible({ timeout: 5_000 })
  await expect(waiting).toContainText('Masih menunggu layanan Stamps')
  await cancel.click()
  await expect(waiting).toHaveCount(0)
  // The late answer is dropped: no member appears after the cancel.
  await kioskPage.waitForTimeout(6_000)
  await expect(desk.member).toHaveCount(0)

  // Held 60 s: the till stops waiting at 12 s and offers the sale for the typed card.
  await faultProxy!.setMode({ kind: 'delay', ms: 60_000 })
  await desk.lookUp(DEMO.card)
  await expect(kioskPage.getByRole('alert')).toContainText('tidak menjawab dalam 12 detik', { timeout: 20_000 })
  await expect(kioskPage.getByRole('button', { name: new RegExp(DEMO.card) })).toBeVisible()
})

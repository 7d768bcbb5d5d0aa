/** History at the till: this merchant's activities, or the merchant group's narrowed by merchant ids. */
import { DEMO_KEYS, DEMO_MEMBERS } from '../../../src/shared/stamps/demo'
import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { expect, test } from '../support/desk-fixtures'

test('the group filter shows sales at the other merchants of the group, by merchant id', async ({
  host,
  desk,
  kioskPage
}, testInfo) => {
  const user = DEMO_MEMBERS.customer.email
  // A sale at Levi's (merchant 2, store 201), a merchant of the same group, posted with its own key.
  const res = await fetch(`${host.sandboxUrl}/api/transactions/add`, {
    method: 'POST',
    headers: { authorization: `Token ${DEMO_KEYS.levis}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user, store: 201, invoice_number: 'LEVI-1', total_value: 300_000 })
  })
  expect(res.status).toBeLessThan(300)
  await host.ipc('sale:submit', { user, invoiceNumber: 'HIST-1', totalValue: 20_000 })

  await desk.lookUp(user)
  await expect(desk.member).toBeVisible()
  await desk.open('history')
  const rows = kioskPage.locator('.history .activity')
  await expect(rows.filter({ hasText: 'Kelapa Gading' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'Levi Store' })).toHaveCount(0)

  await kioskPage.getByRole('button', { name: 'Grup merchant' }).click()
  await kioskPage.getByRole('button', { name: 'Terapkan' }).click()
  await expect(rows.filter({ hasText: 'Levi Store' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'Kelapa Gading' })).toHaveCount(1)

  const ids = desk.field(/^ID merchant \(opsional\)$/)
  await ids.fill('2, x')
  await kioskPage.getByRole('button', { name: 'Terapkan' }).click()
  await expect(ids).toHaveAttribute('aria-invalid', 'true')
  await ids.fill('2')
  await kioskPage.getByRole('button', { name: 'Terapkan' }).click()
  await expect(rows.filter({ hasText: 'Levi Store' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'Kelapa Gading' })).toHaveCount(0)
  await expectAccessible(kioskPage, 'history')
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-history')
})

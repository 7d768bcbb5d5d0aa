/** Sale cancel: the stamps to be taken back shown first; Stamps' insufficient-stamps refusal explained. */
import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { DEMO, expect, test } from '../support/desk-fixtures'

test.use({ upstreamKind: 'proxied' })

const setStamps = (db: { prepare(sql: string): { run(...a: unknown[]): unknown } }, stamps: number): void =>
  void db
    .prepare('UPDATE memberships SET stamps = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)')
    .run(stamps, DEMO.customer)

test('cancels a posted sale after showing the stamps to take back, and explains a refusal', async ({
  host,
  desk,
  kioskPage,
  sandbox
}, testInfo) => {
  await host.ipc('auth:unlock', { role: 'cashier', pin: '1111' })
  const first = await host.ipc('sale:submit', { user: DEMO.customer, invoiceNumber: 'CXL-1', totalValue: 50_000 })
  const second = await host.ipc('sale:submit', { user: DEMO.customer, invoiceNumber: 'CXL-2', totalValue: 40_000 })
  if (!first.ok || !second.ok) throw new Error('seed sales failed')

  await desk.lookUp(DEMO.customer)
  await expect(desk.member).toBeVisible()
  await desk.open('cancel')
  const query = desk.field(/^Nomor invoice$/)
  await kioskPage.getByRole('button', { name: 'Periksa' }).click()
  await expect(query).toHaveAttribute('aria-invalid', 'true')
  await query.fill('NO-SUCH-INVOICE')
  await kioskPage.getByRole('button', { name: 'Periksa' }).click()
  await expect(kioskPage.getByTestId('cancel-error')).toBeVisible()

  await query.fill('CXL-1')
  await kioskPage.getByRole('button', { name: 'Periksa' }).click()
  await expect(kioskPage.getByTestId('cancel-take-back')).toHaveText(String(first.data.stampsEarned))
  await expect(kioskPage.getByTestId('cancel-sale-day')).toHaveText(/^Tanggal penjualan: \d{1,2} \S+ \d{4}$/)
  await expectAccessible(kioskPage, 'sale cancel preview')
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-cancel')
  await kioskPage.getByRole('button', { name: 'Batalkan penjualan' }).dblclick()
  const remaining = second.data.stampsRemaining! - first.data.stampsEarned!
  await expect(kioskPage.getByTestId('cancel-result')).toHaveText(
    `Dibatalkan: ${first.data.stampsEarned} stamp ditarik, sisa ${remaining}.`
  )
  await expect(desk.memberStamps).toHaveText(String(remaining))

  // The member spent stamps elsewhere since CXL-2: the preview warns, Stamps refuses, the screen says why.
  setStamps(sandbox!.db, 1)
  await query.fill('CXL-2')
  await kioskPage.getByRole('button', { name: 'Periksa' }).click()
  await expect(kioskPage.getByTestId('cancel-preview')).toContainText('Member sudah memakai stamp ini')
  await kioskPage.getByRole('button', { name: 'Batalkan penjualan' }).click()
  await expect(kioskPage.getByTestId('cancel-insufficient')).toContainText('sudah dipakai member')
  await expectAccessible(kioskPage, 'sale cancel refused')
})

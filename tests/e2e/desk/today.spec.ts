/**
 * Today's sales: the store's day with its states and totals; a sale cancelled from its row after
 * a confirm (no invoice number typed), a reprint that says it is a copy and the shift summary slip,
 * both decoded from the bytes the printer emulator received. Oracles: the sandbox's own ledger.
 */
import { decodeEscPos, previewLines } from '../../../src/shared/receipt'
import { ACTIVITY_STATUS } from '../../../src/shared/stamps/activities'
import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { DEMO, expect, test } from '../support/desk-fixtures'

test.use({ upstreamKind: 'proxied' })

const paper = (bytes: Uint8Array): string => previewLines(decodeEscPos(bytes).items, 32).join('\n')

test("today's sales list the day's sales; one is cancelled from the list, one reprinted as a copy, the shift slip printed", async ({
  host,
  desk,
  kioskPage,
  sandbox,
  printer
}, testInfo) => {
  // Two axe runs and two layout passes at both sizes: more than the default minute on a loaded 2-core runner.
  test.setTimeout(120_000)
  await host.ipc('auth:unlock', { role: 'cashier', pin: '1111' })
  const sell = (invoiceNumber: string, totalValue: number, user: string = DEMO.customer) =>
    host.ipc('sale:submit', { user, invoiceNumber, totalValue })
  const a = await sell('HARI-1', 50_000)
  const b = await sell('HARI-2', 35_000, DEMO.second)
  const refused = await sell('HARI-3', 20_000, 'tidak-terdaftar@example.com')
  if (!a.ok || !b.ok || refused.ok) throw new Error('seed sales did not go as planned')

  await desk.open('today')
  const row = (invoice: string) => kioskPage.locator(`[data-testid="today-sale"][data-invoice="${invoice}"]`)
  await expect(row('HARI-1')).toHaveAttribute('data-state', 'posted')
  await expect(row('HARI-2')).toHaveAttribute('data-state', 'posted')
  await expect(row('HARI-3')).toHaveAttribute('data-state', 'refused')
  await expect(row('HARI-3')).toContainText('Ditolak')
  await expect(kioskPage.getByTestId('today-takings')).toHaveText('Rp85.000')
  await expectAccessible(kioskPage, "today's sales")

  // Cancel from the row: the confirm step names the sale and the stamps to take back.
  await row('HARI-1').getByRole('button', { name: 'Batalkan' }).click()
  const confirm = kioskPage.getByTestId('today-confirm')
  await expect(confirm).toContainText(`Batalkan penjualan HARI-1?`)
  await expect(confirm).toContainText(`${a.data.stampsEarned} stamp akan ditarik`)
  await expectAccessible(kioskPage, "today's sales cancel confirm")
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-today-cancel')
  await confirm.getByRole('button', { name: 'Ya, batalkan penjualan' }).click()
  await expect(row('HARI-1')).toHaveAttribute('data-state', 'cancelled')
  await expect(kioskPage.getByTestId('today-notice')).toHaveText(
    `Penjualan HARI-1 dibatalkan: ${a.data.stampsEarned} stamp ditarik.`
  )
  await expect(kioskPage.getByTestId('today-takings')).toHaveText('Rp35.000')
  const status = sandbox!.db
    .prepare("SELECT status FROM transactions WHERE invoice_number = 'HARI-1'")
    .pluck()
    .get() as number
  expect(status).toBe(ACTIVITY_STATUS.canceled)
  await expect(row('HARI-1').getByRole('button', { name: 'Batalkan' })).toHaveCount(0)
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-today')

  // A reprint from the row says it is a copy.
  let jobs = printer.jobs.length
  await row('HARI-2').getByRole('button', { name: 'Cetak ulang' }).click()
  await expect(kioskPage.getByTestId('today-notice')).toHaveText('Salinan struk HARI-2 dicetak.')
  const copy = paper((await printer.waitForJobs(jobs + 1, 15_000)).at(-1)!.bytes)
  expect(copy).toContain('*** SALINAN ***')
  expect(copy).toContain('HARI-2')

  // The shift summary slip: the day's figures as the printer got them.
  jobs = printer.jobs.length
  await kioskPage.getByRole('button', { name: 'Cetak ringkasan shift' }).click()
  await expect(kioskPage.getByTestId('today-notice')).toHaveText('Ringkasan shift dicetak.')
  const slip = paper((await printer.waitForJobs(jobs + 1, 15_000)).at(-1)!.bytes)
  expect(slip).toContain('RINGKASAN SHIFT')
  expect(slip).toMatch(/1x Terkirim\s+Rp35\.000/)
  expect(slip).toMatch(/1x Ditolak\s+Rp20\.000/)
  expect(slip).toMatch(/1x Dibatalkan\s+Rp50\.000/)
  expect(slip).toMatch(/1x PENJUALAN\s+Rp35\.000/)
  expect(slip).toMatch(new RegExp(`Stamp diberikan\\s+${b.data.stampsEarned}`))
})

/**
 * The desk with Stamps unreachable from the start: a typed phone number never seen on this till
 * gets a sale anyway (queued, receipt says stamps pending, balance changes refused with a reason),
 * posted once with that id when Stamps is back; a member read earlier answers "as of" its read.
 * Oracles: the sandbox's own ledger and the bytes the printer emulator received.
 */
import { decodeEscPos, previewLines } from '../../../src/shared/receipt'
import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { DEMO, expect, test } from '../support/desk-fixtures'

test.use({ upstreamKind: 'proxied' })

const PHONE = '0812-3456-7890'
const PHONE_ID = '+6281234567890'

test('an offline desk sale for a typed phone number is queued, then posts once when the upstream returns', async ({
  desk,
  kioskPage,
  faultProxy,
  sandbox,
  printer
}, testInfo) => {
  test.setTimeout(120_000)
  await faultProxy!.setMode({ kind: 'refuse' })
  await desk.lookUp(PHONE)
  const sellAnyway = kioskPage.getByRole('button', { name: `Catat penjualan untuk ${PHONE_ID}` })
  await expect(sellAnyway).toBeVisible({ timeout: 30_000 })
  await sellAnyway.click()
  await expect(kioskPage.getByTestId('desk-unverified')).toContainText('Stamps tidak terhubung')

  await desk.open('balance')
  await expect(kioskPage.getByTestId('balance-online-only')).toHaveText(
    'Perubahan saldo hanya bisa saat Stamps terhubung: saldo harus diperiksa langsung di Stamps.'
  )
  await desk.open('sale')
  const invoice = await desk.invoice.inputValue()
  await desk.total.fill('25000')
  await expectAccessible(kioskPage, 'offline sale for an unverified member')
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-offline-sale')
  const jobsBefore = printer.jobs.length
  await desk.submit.click()
  await expect(desk.result).toHaveAttribute('data-state', 'queued', { timeout: 30_000 })
  await expect(desk.result).toContainText('stamp tertunda')
  const receipt = decodeEscPos((await printer.waitForJobs(jobsBefore + 1, 15_000)).at(-1)!.bytes)
  expect(previewLines(receipt.items, 32).join('\n')).toContain('tertunda')
  expect(sandbox!.salesCount().get(`2|${invoice}`)).toBeUndefined()
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-offline-sale-queued')

  await desk.open('today')
  await desk.unlock('1111')
  const row = kioskPage.locator(`[data-testid="today-sale"][data-invoice="${invoice}"]`)
  await expect(row).toHaveAttribute('data-state', 'pending')
  await expect(row).toContainText(PHONE_ID)

  // Stamps is back: the queue drains, the sale posts once, for the member the phone belongs to.
  await faultProxy!.setMode({ kind: 'pass' })
  await desk.open('queue')
  await kioskPage.getByRole('button', { name: 'Kirim sekarang' }).click()
  await expect(desk.statusValue('queue')).toHaveText('0 tertunda, 0 gagal', { timeout: 60_000 })
  expect(sandbox!.salesCount().get(`2|${invoice}`)).toBe(1)
  const owner = sandbox!.db
    .prepare(
      `SELECT u.email FROM transactions t JOIN memberships m ON m.id = t.membership_id JOIN users u ON u.id = m.user_id
       WHERE t.invoice_number = ?`
    )
    .pluck()
    .get(invoice)
  expect(owner).toBe(DEMO.customer)
  await desk.open('today')
  await expect(row).toHaveAttribute('data-state', 'posted')

  // The member is read now; offline again, the lookup answers from this till's cache "as of" that read.
  await desk.lookUp(PHONE)
  await expect(desk.member).toContainText('Demo Customer')
  await expect(kioskPage.getByTestId('desk-member-as-of')).toHaveCount(0)
  await faultProxy!.setMode({ kind: 'refuse' })
  await desk.lookUp(DEMO.customer)
  await expect(kioskPage.getByTestId('desk-member-as-of')).toHaveText(
    /^Data per \d{1,2} \S+ \d{4},? \d{2}\.\d{2} WIB \(Stamps tidak terhubung\)$/,
    { timeout: 30_000 }
  )
  await expect(desk.member).toContainText('Demo Customer')
  await desk.open('balance')
  await expect(kioskPage.getByTestId('balance-online-only')).toBeVisible()
  await expectAccessible(kioskPage, 'member from the cache')
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-offline-cached-member')
})

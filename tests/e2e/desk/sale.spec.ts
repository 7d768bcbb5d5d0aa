/** The cashier's sale: lookup, items and sums, the stamps preview, one post, the receipt as printed. */
import { decodeEscPos, previewLines } from '../../../src/shared/receipt'
import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { DEMO_CARD, UNKNOWN_CARD } from '../support/demo'
import { salesForInvoice } from '../support/desk'
import { expect, test } from '../support/desk-fixtures'

test('a typed card finds the member; a sale posts once and its printed receipt is what the screen shows', async ({
  host,
  desk,
  printer,
  kioskPage
}, testInfo) => {
  await desk.lookUp(UNKNOWN_CARD)
  await expect(kioskPage.getByRole('alert')).toHaveText(
    'Member tidak ditemukan. Periksa nomor kartu, email, atau nomor HP.'
  )
  await desk.lookUp(DEMO_CARD)
  await expect(desk.member).toContainText('Demo Customer')
  const member = await host.ipc('member:lookup', { query: DEMO_CARD })
  if (!member.ok) throw new Error(member.error.message)
  await expectAccessible(kioskPage, 'desk member')

  const invoice = await desk.invoice.inputValue()
  expect(invoice).toMatch(/^INV-\d{8}-\d{6}-[0-9A-Z]{4}$/)
  await kioskPage.getByRole('button', { name: 'Tambah barang' }).click()
  await desk.field(/^Nama barang 1$/).fill('Kopi susu')
  await desk.field(/^Jumlah barang 1$/).fill('2')
  await desk.field(/^Harga satuan barang 1$/).fill('25.000')
  await expect(desk.field(/^Subtotal$/)).toHaveValue('50000')
  await desk.field(/^Pajak$/).fill('5000')
  await expect(desk.total).toHaveValue('55000')
  const preview = await host.ipc('sale:preview', { user: member.data.user, totalValue: 55_000 })
  if (!preview.ok) throw new Error(preview.error.message)
  await expect(desk.preview).toHaveText(`Akan mendapat ${preview.data.stamps} stamp`)
  await expectAccessible(kioskPage, 'new sale')
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-sale')

  const jobsBefore = printer.jobs.length
  await desk.submit.click()
  await expect(desk.result).toHaveAttribute('data-state', 'posted')
  await expect(desk.result).toContainText(invoice)
  await expect(kioskPage.getByTestId('stamps-earned')).toHaveText(String(preview.data.stamps))
  await expect(kioskPage.getByTestId('stamps-remaining')).toHaveText(String(member.data.stamps + preview.data.stamps))
  await expect(desk.memberStamps).toHaveText(String(member.data.stamps + preview.data.stamps))
  expect(await salesForInvoice(host.sandboxUrl!, member.data.user, invoice)).toBe(1)

  // The preview is decoded from the bytes the printer received.
  const jobs = await printer.waitForJobs(jobsBefore + 1, 15_000)
  const printed = previewLines(decodeEscPos(jobs.at(-1)!.bytes).items, 32)
  await expect(desk.receipt).toBeVisible()
  expect((await desk.receipt.textContent())!.split('\n')).toEqual(printed)
  expect(printed.join('\n')).toContain(invoice)
  await expectAccessible(kioskPage, 'sale result')
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-sale-result')

  // Reprint: a second job with the same receipt, marked as a copy on paper and on screen.
  await kioskPage.getByRole('button', { name: 'Cetak ulang struk' }).click()
  await expect(kioskPage.getByText('Struk dicetak ulang.')).toBeVisible()
  const again = await printer.waitForJobs(jobsBefore + 2, 15_000)
  const copy = previewLines(decodeEscPos(again.at(-1)!.bytes).items, 32)
  expect(copy).toEqual([expect.stringMatching(/^\s*\*\*\* SALINAN \*\*\*\s*$/), ...printed])
  await expect(desk.receipt).toContainText('*** SALINAN ***')

  // The same sale typed again under its invoice: "already posted, reprint?", and still one sale upstream.
  await kioskPage.getByRole('button', { name: 'Penjualan baru' }).click()
  await desk.invoice.fill(invoice)
  await kioskPage.getByRole('button', { name: 'Tambah barang' }).click()
  await desk.field(/^Nama barang 1$/).fill('Kopi susu')
  await desk.field(/^Jumlah barang 1$/).fill('2')
  await desk.field(/^Harga satuan barang 1$/).fill('25.000')
  await desk.field(/^Pajak$/).fill('5000')
  await expect(desk.total).toHaveValue('55000')
  await desk.submit.click()
  await expect(desk.result).toHaveAttribute('data-state', 'already-posted')
  await expect(desk.result).toContainText('Cetak ulang struknya?')
  await expect(kioskPage.getByRole('button', { name: 'Ya, cetak ulang' })).toBeVisible()
  expect(await salesForInvoice(host.sandboxUrl!, member.data.user, invoice)).toBe(1)

  // Another sale under that invoice (no items, no tax) is refused on the invoice field as Stamps
  // would refuse it: no result, nothing printed, still one sale upstream.
  await kioskPage.getByRole('button', { name: 'Penjualan baru' }).click()
  await desk.invoice.fill(invoice)
  await desk.total.fill('55000')
  const jobsBeforeReuse = printer.jobs.length
  await desk.submit.click()
  await expect(desk.saleError).toContainText('Transaction with this invoice number already exists')
  await expect(desk.invoice).toHaveAttribute('aria-invalid', 'true')
  await expect(desk.result).toHaveCount(0)
  expect(printer.jobs.length).toBe(jobsBeforeReuse)
  expect(await salesForInvoice(host.sandboxUrl!, member.data.user, invoice)).toBe(1)
})

/** Bad input in every sale field is named on the field, and nothing reaches main until it adds up. */
import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/desk-fixtures'

test('each sale field refuses bad input, the sums are checked, and an invalid member id says why', async ({
  host,
  desk,
  kioskPage
}) => {
  await desk.lookUp('08123')
  await expect(kioskPage.getByRole('alert')).toHaveText('Nomor HP tidak valid (08 diikuti 8 sampai 12 angka).')
  await desk.lookUp(DEMO_CARD)
  await expect(desk.member).toBeVisible()

  await kioskPage.getByRole('button', { name: 'Tambah barang' }).click()
  const fields: Array<[RegExp, string]> = [
    [/^Nomor invoice$/, ''],
    [/^Nama barang 1$/, '  '],
    [/^Jumlah barang 1$/, '1.5'],
    [/^Harga satuan barang 1$/, 'sepuluh'],
    [/^Subtotal$/, '-1'],
    [/^Diskon$/, '12,5'],
    [/^Biaya layanan$/, 'Rp 1.2.3'],
    [/^Pajak$/, '1e3'],
    [/^Total$/, '']
  ]
  for (const [label, value] of fields) await desk.field(label).fill(value)
  await desk.submit.click()
  for (const [label] of fields) await expect(desk.field(label), String(label)).toHaveAttribute('aria-invalid', 'true')

  // Readable figures that do not add up.
  await kioskPage.getByRole('button', { name: 'Hapus barang 1' }).click()
  await desk.invoice.fill('SUM-1')
  await desk.field(/^Subtotal$/).fill('10000')
  await desk.field(/^Diskon$/).fill('20000')
  await desk.field(/^Biaya layanan$/).fill('0')
  await desk.field(/^Pajak$/).fill('0')
  await desk.total.fill('10000')
  await desk.submit.click()
  await expect(kioskPage.getByText('Diskon lebih besar dari subtotal.')).toBeVisible()
  await desk.field(/^Diskon$/).fill('0')
  await desk.total.fill('9000')
  await desk.submit.click()
  await expect(kioskPage.getByText('Total harus subtotal − diskon + biaya layanan + pajak.')).toBeVisible()
  const list = await host.ipc('outbox:list', {})
  expect(list.ok && list.data.items).toEqual([])
  await desk.total.fill('10000')
  await desk.submit.click()
  await expect(desk.result).toHaveAttribute('data-state', 'posted')
})

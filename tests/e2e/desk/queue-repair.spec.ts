/** The queue view: a sale Stamps refused is listed with its field errors, fixed and resent once, or discarded. */
import { expectAccessible } from '../support/checks'
import { DEMO_MEMBERS } from '../../../src/shared/stamps/demo'
import { salesForInvoice } from '../support/desk'
import { expect, test } from '../support/desk-fixtures'

test('a refused sale is fixed and resent once; another is discarded; none is lost', async ({
  host,
  desk,
  kioskPage
}) => {
  const user = DEMO_MEMBERS.customer.email
  for (const invoiceNumber of ['FIX-1', 'FIX-2']) {
    const r = await host.ipc('sale:submit', { user: 'nobody@example.com', invoiceNumber, totalValue: 30_000 })
    expect(r.ok ? 'posted' : r.error.code).toBe('validation')
  }
  await expect(desk.statusValue('queue')).toHaveText('0 tertunda, 2 gagal')
  await desk.open('queue')
  const row = (invoice: string) => kioskPage.locator(`[data-testid="queue-item"][data-invoice="${invoice}"]`)
  await expect(row('FIX-1')).toContainText('user: User not found')
  await desk.unlock('1111')

  await row('FIX-1').getByRole('button', { name: 'Perbaiki dan kirim ulang' }).click()
  const member = row('FIX-1').getByLabel('Member (email, kartu, atau HP)')
  await expect(member).toHaveValue('nobody@example.com')
  await member.fill('')
  await row('FIX-1').getByRole('button', { name: 'Kirim ulang' }).click()
  await expect(member).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(kioskPage, 'queue fix')
  await member.fill(user)
  await row('FIX-1').getByRole('button', { name: 'Kirim ulang' }).dblclick()
  await expect(row('FIX-1')).toHaveCount(0, { timeout: 30_000 })
  expect(await salesForInvoice(host.sandboxUrl!, user, 'FIX-1')).toBe(1)

  await row('FIX-2').getByRole('button', { name: 'Buang' }).click()
  await row('FIX-2').getByRole('button', { name: 'Ya, buang penjualan ini' }).click()
  await expect(row('FIX-2')).toHaveCount(0)
  await expect(desk.statusValue('queue')).toHaveText('0 tertunda, 0 gagal')
  // Discarded is a state, not a deletion: main still holds both rows.
  const list = await host.ipc('outbox:list', {})
  expect(list.ok && list.data.items.map((i) => [i.invoiceNumber, i.state]).sort()).toEqual([
    ['FIX-1', 'posted'],
    ['FIX-2', 'discarded']
  ])
})

/** Submit exactly once: a double click and Enter twice each leave one sale upstream. */
import { DEMO_CARD } from '../support/demo'
import { salesForInvoice } from '../support/desk'
import { expect, test } from '../support/desk-fixtures'

test('double click, Enter twice and a repeat through main all post the sale once', async ({
  host,
  desk,
  kioskPage
}) => {
  await desk.lookUp(DEMO_CARD)
  await expect(desk.member).toBeVisible()
  const user = (await host.ipc('member:lookup', { query: DEMO_CARD })) as { ok: true; data: { user: string } }

  // Double click on the submit button.
  const first = await desk.invoice.inputValue()
  await desk.total.fill('30000')
  await desk.submit.dblclick()
  await expect(desk.result).toHaveAttribute('data-state', 'posted')
  expect(await salesForInvoice(host.sandboxUrl!, user.data.user, first)).toBe(1)

  // Enter twice in the total field.
  await kioskPage.getByRole('button', { name: 'Penjualan baru' }).click()
  const second = await desk.invoice.inputValue()
  expect(second).not.toBe(first)
  await desk.total.fill('40000')
  await desk.total.focus()
  // Both keys go out back to back: the second lands while the first submit is in flight.
  await kioskPage.keyboard.press('Enter')
  await kioskPage.keyboard.press('Enter')
  await expect(desk.result).toHaveAttribute('data-state', 'posted')
  expect(await salesForInvoice(host.sandboxUrl!, user.data.user, second)).toBe(1)

  // A repeat that gets past the screen carries the same invoice: main answers already-posted.
  const repeat = await host.ipc('sale:submit', { user: user.data.user, invoiceNumber: second, totalValue: 40_000 })
  expect(repeat.ok && repeat.data.state).toBe('already-posted')
  expect(await salesForInvoice(host.sandboxUrl!, user.data.user, second)).toBe(1)
  // The sale was submitted from the screen once per invoice: the result counts one each.
  await expect(kioskPage.getByTestId('stamps-earned')).toBeVisible()
})

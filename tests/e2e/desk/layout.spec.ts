/** Issue 11.7: at 1024x768 and 1920x1080 each desk screen's main action is in view with no scrolling. */
import { atKioskSizes, expectInView } from '../support/checks'
import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/desk-fixtures'

test('the tab bar is one row and every desk screen shows its main action without scrolling', async ({
  desk,
  kioskPage
}) => {
  const button = (name: string) => kioskPage.getByRole('button', { name, exact: true })

  // No member yet: the lookup is the main action, and the seven tabs sit on one row.
  await atKioskSizes(kioskPage, async () => {
    await expectInView(desk.findMember, 'member lookup')
    const tops = await kioskPage
      .locator('nav .tabs__tab')
      .evaluateAll((tabs) => tabs.map((tab) => Math.round((tab as unknown as { offsetTop: number }).offsetTop)))
    expect(tops).toHaveLength(7)
    expect(new Set(tops).size, `tab rows at ${kioskPage.viewportSize()?.width}px`).toBe(1)
  })

  // The sale form with three items: the submit button stays in view while the items scroll.
  await desk.lookUp(DEMO_CARD)
  await expect(desk.member).toBeVisible()
  for (let i = 0; i < 3; i++) await button('Tambah barang').click()
  await expect(kioskPage.getByTestId('sale-item')).toHaveCount(3)
  await atKioskSizes(kioskPage, () => expectInView(desk.submit, 'sale submit'))

  // Behind the PIN gate, then the balance panel's actions.
  await desk.open('balance')
  await atKioskSizes(kioskPage, () => expectInView(button('Buka'), 'PIN unlock'))
  await desk.unlock('1111')
  await atKioskSizes(kioskPage, async () => {
    await expectInView(button('Tambah saldo'), 'balance credit')
    await expectInView(button('Kurangi saldo'), 'balance debit')
  })

  await desk.open('cancel')
  await atKioskSizes(kioskPage, () => expectInView(button('Periksa'), 'cancel find'))
  await desk.open('today')
  await atKioskSizes(kioskPage, () => expectInView(button('Cetak ringkasan shift'), 'shift summary'))
  await desk.open('admin')
  await atKioskSizes(kioskPage, () => expectInView(button('Buka'), 'admin PIN unlock'))
})

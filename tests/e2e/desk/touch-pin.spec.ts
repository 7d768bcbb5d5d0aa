/** Issue 11.2: the cashier unlocks the desk's PIN gate on its number pad, with taps only. */
import { atKioskSizes, expectAccessible, expectInView } from '../support/checks'
import { expect, test } from '../support/desk-fixtures'
import { countKeyEvents, expectPadBesideField, keyEventCount, tapDigits } from '../support/touch'

test('a PIN entry by taps alone: a wrong PIN is refused, the right one opens today’s sales', async ({
  desk,
  kioskPage
}) => {
  await countKeyEvents(kioskPage)
  await desk.open('today')
  const pin = kioskPage.getByLabel(/^PIN kasir$/)
  const pad = kioskPage.getByRole('group', { name: 'Papan angka' })
  const unlock = kioskPage.getByRole('button', { name: 'Buka', exact: true })
  await expect(pad).toBeVisible()
  await atKioskSizes(kioskPage, async () => {
    await expectPadBesideField(pad, pin)
    await expectInView(unlock, 'PIN unlock')
  })
  await expectAccessible(kioskPage, 'PIN gate with keypad')

  // The pad stops at the field's eight digits, and its edit keys work.
  await tapDigits(pad, '123456789')
  await expect(pin).toHaveValue('12345678')
  await pad.getByRole('button', { name: 'Hapus', exact: true }).click()
  await expect(pin).toHaveValue('')

  await tapDigits(pad, '99990')
  await pad.getByRole('button', { name: 'Hapus angka terakhir' }).click()
  await expect(pin).toHaveValue('9999')
  await unlock.click()
  await expect(kioskPage.getByText(/^PIN salah/)).toBeVisible()
  await expect(pin).toHaveValue('')

  await tapDigits(pad, '1111')
  await unlock.click()
  await expect(kioskPage.getByRole('button', { name: 'Cetak ringkasan shift' })).toBeVisible()
  await expect(pad).toHaveCount(0)
  expect(await keyEventCount(kioskPage)).toBe(0)
})

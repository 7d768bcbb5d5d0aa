/** Issue 11.2: a member without a card types their card number on the kiosk's number pad, with taps only. */
import { atKioskSizes, checkAtKioskSizes, expectAccessible, expectInView } from '../support/checks'
import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/fixtures'
import { countKeyEvents, expectPadBesideField, keyEventCount, tapDigits } from '../support/touch'

test('a kiosk lookup by taps alone: the pad opens under the field and the member is found', async ({
  attract,
  member,
  kioskPage
}, testInfo) => {
  await attract.expectShown()
  await countKeyEvents(kioskPage)
  const pad = kioskPage.getByRole('group', { name: 'Papan angka' })
  await expect(pad).toHaveCount(0)
  await attract.manualInput.click()
  await expect(pad).toBeVisible()

  await tapDigits(pad, '12')
  await expect(attract.manualInput).toHaveValue('12')
  await pad.getByRole('button', { name: 'Hapus angka terakhir' }).click()
  await expect(attract.manualInput).toHaveValue('1')
  await pad.getByRole('button', { name: 'Hapus', exact: true }).click()
  await expect(attract.manualInput).toHaveValue('')
  await tapDigits(pad, DEMO_CARD)
  await expect(attract.manualInput).toHaveValue(DEMO_CARD)

  await atKioskSizes(kioskPage, async () => {
    await expectPadBesideField(pad, attract.manualInput)
    await expectInView(attract.submit, 'kiosk lookup submit')
  })
  await expectAccessible(kioskPage, 'attract with keypad')
  await checkAtKioskSizes(kioskPage, testInfo, 'kiosk-keypad')

  await attract.submit.click()
  await member.expectShown()
  expect(await keyEventCount(kioskPage)).toBe(0)
})

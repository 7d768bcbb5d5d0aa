import { formatRupiah } from '../../../src/shared/money'
import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/fixtures'

test('the visitor can switch between Bahasa Indonesia and English', async ({
  host,
  shell,
  attract,
  member,
  kioskPage
}, testInfo) => {
  await shell.waitReady()
  await expect(shell.languageSwitch).toHaveAccessibleName('Switch to English')
  await shell.languageSwitch.click()
  await expect(kioskPage.locator('html')).toHaveAttribute('lang', 'en')
  await expect(attract.heading).toHaveText('Check your stamps and balance')
  await expect(shell.statusBar).toContainText('Queue')

  const view = await host.ipc('member:lookup', { query: DEMO_CARD })
  if (!view.ok) throw new Error(JSON.stringify(view.error))
  await attract.wedgeScan(DEMO_CARD)
  await member.expectShown()
  await expect(member.heading).toHaveText(`Hello, ${view.data.name}`)
  await expect(member.printButton).toHaveText('Print my slip')
  // Rupiah stay Rupiah whatever the language: dots, no decimals.
  await expect(member.balance).toHaveText(formatRupiah(view.data.balance))
  await expect(member.activities.first()).toContainText(/Transaction|Registration completed|Activity #/)
  await expectAccessible(kioskPage, 'member (English)')
  await checkAtKioskSizes(kioskPage, testInfo, 'member-en')

  await expect(shell.languageSwitch).toHaveAccessibleName('Ganti ke Bahasa Indonesia')
  await shell.languageSwitch.click()
  await expect(member.printButton).toHaveText('Cetak slip saya')
})

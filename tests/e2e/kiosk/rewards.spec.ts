/**
 * Rewards at the kiosk, clicks only: a member scans, sees progress toward each reward (locked
 * ones say why), redeems KOPI through the confirm step, the slip decoded from the printer
 * emulator's bytes names the reward with its code and QR and the new stamp count, and the stamps
 * go down by 10. A new customer joins by phone on the digit pad and is greeted as a member.
 */
import { decodeEscPos } from '../../../src/shared/receipt/escpos-decoder'
import { bridgeSale } from '../support/bridge-sale'
import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/fixtures'

test('a member redeems KOPI by touch; the slip prints and the stamps go down by 10', async ({
  host,
  shell,
  attract,
  member,
  printer,
  kioskPage
}, testInfo) => {
  await shell.waitReady()
  const found = await host.ipc('member:lookup', { query: DEMO_CARD })
  if (!found.ok) throw new Error(JSON.stringify(found.error))
  const user = found.data.user
  // 16 stamps through the receipt bridge (1 per Rp10,000), as a host POS earns them.
  await bridgeSale(host, { user, invoiceNumber: 'E2E-REWARDS-1', totalValue: 160_000 })
  const before = await host.ipc('member:lookup', { query: DEMO_CARD })
  if (!before.ok) throw new Error(JSON.stringify(before.error))
  const stamps = before.data.stamps
  expect(stamps).toBeGreaterThanOrEqual(16)

  await attract.wedgeScan(DEMO_CARD)
  await member.expectShown()
  const rewards = kioskPage.getByRole('region', { name: /Hadiah untuk Anda|Your rewards/ })
  const reward = (code: string) => rewards.locator(`[data-reward="${code}"]`)
  await expect(reward('KOPI')).toContainText('Bisa ditukar sekarang')
  await expect(reward('TUMBLER')).toContainText(`Kurang ${60 - stamps} stamp lagi`)
  await expect(reward('GOLD')).toContainText('Khusus member Gold')
  await expect(reward('GOLD')).toHaveAttribute('aria-disabled', 'true')
  await expectAccessible(kioskPage, 'member rewards')
  await checkAtKioskSizes(kioskPage, testInfo, 'kiosk-rewards')

  // A locked reward does nothing when touched.
  await reward('GOLD').click({ force: true })
  await expect(kioskPage.getByRole('dialog')).toHaveCount(0)

  const jobs = printer.jobs.length
  await reward('KOPI').click()
  const dialog = kioskPage.getByRole('dialog')
  await expect(dialog).toContainText('Tukar Free Kopi Susu?')
  await expect(dialog).toContainText('10 stamp akan dipakai.')
  await checkAtKioskSizes(kioskPage, testInfo, 'kiosk-redeem-confirm')
  await dialog.getByRole('button', { name: 'Ya, tukar' }).click()
  await expect(dialog).toContainText('Selamat menikmati Free Kopi Susu!')
  await expect(member.stamps).toHaveText(String(stamps - 10))
  await checkAtKioskSizes(kioskPage, testInfo, 'kiosk-redeemed')

  const after = await host.ipc('member:lookup', { query: DEMO_CARD })
  if (!after.ok) throw new Error(JSON.stringify(after.error))
  expect(after.data.stamps).toBe(stamps - 10)

  const printed = await printer.waitForJobs(jobs + 1, 15_000)
  const slip = decodeEscPos(printed.at(-1)!.bytes)
  const text = slip.lines.map((l) => l.text).join('\n')
  expect(text).toContain('PENUKARAN HADIAH')
  expect(text).toContain('Free Kopi Susu')
  expect(text).toMatch(new RegExp(`Stamp sekarang +${stamps - 10}`))
  const code = /Kode +(\S+)/.exec(text)?.[1]
  expect(code).toBeTruthy()
  await expect(dialog).toContainText(`Kode: ${code}`)
  expect(slip.qr).toEqual([code])
  expect(slip.cuts).toBeGreaterThanOrEqual(1)

  await dialog.getByRole('button', { name: 'Oke' }).click()
  await kioskPage.getByRole('button', { name: 'Voucher saya' }).click()
  const vouchers = kioskPage.getByRole('region', { name: 'Voucher saya' })
  await expect(vouchers.locator('[data-voucher="DEMO-WELCOME-1"]')).toContainText(/Berlaku sampai \d{2}\/\d{2}\/\d{4}/)
  await checkAtKioskSizes(kioskPage, testInfo, 'kiosk-vouchers')
})

test('a new customer joins by phone on the digit pad and is greeted as a member', async ({
  shell,
  attract,
  member,
  kioskPage
}, testInfo) => {
  await shell.waitReady()
  await attract.expectShown()
  await kioskPage.getByRole('button', { name: 'Belum jadi member? Daftar dengan nomor HP' }).click()
  for (const d of '081377788899') await kioskPage.locator(`[data-digit="${d}"]`).click()
  await expect(kioskPage.getByTestId('join-number')).toHaveText('081377788899')
  await expectAccessible(kioskPage, 'join')
  await checkAtKioskSizes(kioskPage, testInfo, 'kiosk-join')
  await kioskPage.getByRole('button', { name: 'Daftar', exact: true }).click()
  await expect(member.heading).toHaveText('Halo, Member baru')
  await expect(kioskPage.getByTestId('member-joined')).toHaveText('Selamat datang, member baru!')
  await expect(member.stamps).toHaveText('0')
})

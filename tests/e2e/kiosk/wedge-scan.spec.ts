import { formatRupiah } from '../../../src/shared/money'
import { bridgeSale } from '../support/bridge-sale'
import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/fixtures'

test('a keyboard-wedge scan shows the member as main looked them up', async ({
  host,
  shell,
  attract,
  member,
  kioskPage
}, testInfo) => {
  await attract.expectShown()
  const before = await host.ipc('member:lookup', { query: DEMO_CARD })
  if (!before.ok) throw new Error(`lookup failed: ${JSON.stringify(before.error)}`)
  // A little real history first, posted through the host's receipt bridge (a kiosk may not post sales).
  for (const [i, total] of [86_500, 42_000, 127_250].entries())
    await bridgeSale(host, { user: before.data.user, invoiceNumber: `E2E-WEDGE-${i}`, totalValue: total })
  const view = await host.ipc('member:lookup', { query: DEMO_CARD })
  if (!view.ok) throw new Error(`lookup failed: ${JSON.stringify(view.error)}`)
  await attract.wedgeScan(DEMO_CARD)
  await member.expectShown()
  await expect(member.heading).toHaveText(`Halo, ${view.data.name}`)
  await expect(member.level).toHaveText(view.data.levelText)
  await expect(member.stamps).toHaveText(new Intl.NumberFormat('id-ID').format(view.data.stamps))
  await expect(member.balance).toHaveText(formatRupiah(view.data.balance))
  await expect(member.balance).toHaveText(/^-?Rp\d{1,3}(\.\d{3})*$/)
  // The scan never landed in the manual field, and the page shows no full card number.
  await expect(kioskPage.getByText(DEMO_CARD)).toHaveCount(0)
  const page = await host.ipc('member:activities', { user: view.data.user })
  if (!page.ok) throw new Error(JSON.stringify(page.error))
  await expect(member.activities).toHaveCount(page.data.activities.length)
  expect(await member.activityIds()).toEqual(page.data.activities.map((a) => a.id))
  await expect(shell.statusBar).toBeVisible()
  await expectAccessible(kioskPage, 'member')
  await checkAtKioskSizes(kioskPage, testInfo, 'member')
})

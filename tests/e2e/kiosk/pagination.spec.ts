import { bridgeSale } from '../support/bridge-sale'
import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/fixtures'

const SALES = 45

test('load older pages through the history 20 at a time', async ({ host, shell, attract, member }) => {
  test.setTimeout(120_000)
  const view = await host.ipc('member:lookup', { query: DEMO_CARD })
  if (!view.ok) throw new Error(JSON.stringify(view.error))
  // Real history: sales posted through the host's receipt bridge into the embedded sandbox
  // (a kiosk screen may not post sales).
  for (let i = 0; i < SALES; i++)
    await bridgeSale(host, { user: view.data.user, invoiceNumber: `E2E-PAGE-${i}`, totalValue: 20_000 + i * 1_000 })
  // The oracle: every page as main serves it.
  const pages: number[][] = []
  let olderThan: number | undefined
  for (;;) {
    const p = await host.ipc('member:activities', { user: view.data.user, ...(olderThan && { olderThan }) })
    if (!p.ok) throw new Error(JSON.stringify(p.error))
    pages.push(p.data.activities.map((a) => a.id))
    if (!p.data.hasMore) break
    olderThan = p.data.activities.at(-1)!.id
  }
  expect(pages.length).toBeGreaterThanOrEqual(3)
  expect(pages[0]).toHaveLength(20)

  await shell.waitReady()
  await attract.wedgeScan(DEMO_CARD)
  await member.expectShown()
  await expect(member.activities).toHaveCount(20)
  await expect(member.activities.first()).toContainText('Transaksi')
  await expect(member.activities.first()).toContainText(/WIB/)
  let shown = 20
  for (let i = 1; i < pages.length; i++) {
    await member.loadOlder.click()
    shown += pages[i]!.length
    await expect(member.activities).toHaveCount(shown)
  }
  expect(await member.activityIds()).toEqual(pages.flat())
  await expect(member.loadOlder).toHaveCount(0)
  await expect(member.endOfHistory).toBeVisible()
})

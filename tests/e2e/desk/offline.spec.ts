/** The upstream goes away: the sale is queued with a pending receipt, counted, then drains once. */
import { decodeEscPos } from '../../../src/shared/receipt'
import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { DEMO, expect, test } from '../support/desk-fixtures'

test.use({ upstreamKind: 'proxied' })

test('a sale while the upstream refuses is queued, says stamps pending, and posts once when it is back', async ({
  desk,
  kioskPage,
  faultProxy,
  sandbox,
  printer
}, testInfo) => {
  test.setTimeout(120_000)
  await desk.lookUp(DEMO.card)
  await expect(desk.member).toBeVisible()
  await faultProxy!.setMode({ kind: 'refuse' })
  const invoice = await desk.invoice.inputValue()
  await desk.total.fill('25000')
  const jobsBefore = printer.jobs.length
  await desk.submit.click()
  await expect(desk.result).toHaveAttribute('data-state', 'queued', { timeout: 30_000 })
  await expect(desk.result).toContainText('stamp tertunda')
  const jobs = await printer.waitForJobs(jobsBefore + 1, 15_000)
  const paper = decodeEscPos(jobs.at(-1)!.bytes)
    .lines.map((l) => l.text)
    .join('\n')
  expect(paper).toContain('tertunda')
  await expect(desk.receipt).toContainText('tertunda')
  await expect(desk.statusValue('queue')).toHaveText(/^[1-9]\d* tertunda, 0 gagal$/)
  expect(sandbox!.salesCount().get(`2|${invoice}`)).toBeUndefined()

  await desk.open('queue')
  const row = kioskPage.locator(`[data-testid="queue-item"][data-invoice="${invoice}"]`)
  await expect(row).toBeVisible()
  await expectAccessible(kioskPage, 'queue')
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-queue')

  await faultProxy!.setMode({ kind: 'pass' })
  await kioskPage.getByRole('button', { name: 'Kirim sekarang' }).click()
  await expect(desk.statusValue('queue')).toHaveText('0 tertunda, 0 gagal', { timeout: 60_000 })
  await expect(row).toHaveCount(0)
  expect(sandbox!.salesCount().get(`2|${invoice}`)).toBe(1)
})

import { decodeEscPos } from '../../../src/shared/receipt/escpos-decoder'
import { formatRupiah } from '../../../src/shared/money'
import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/fixtures'

test('"print my slip" prints a member slip that decodes to what the screen shows', async ({
  host,
  shell,
  attract,
  member,
  printer
}) => {
  await shell.waitReady()
  const view = await host.ipc('member:lookup', { query: DEMO_CARD })
  if (!view.ok) throw new Error(JSON.stringify(view.error))
  await attract.wedgeScan(DEMO_CARD)
  await member.expectShown()
  const before = printer.jobs.length
  await member.printButton.click()
  await expect(member.printStatus).toHaveText('Slip sedang dicetak. Silakan ambil di printer.')
  const jobs = await printer.waitForJobs(before + 1, 15_000)
  const slip = decodeEscPos(jobs.at(-1)!.bytes)
  const text = slip.lines.map((l) => l.text).join('\n')
  expect(text).toContain(String(view.data.stamps))
  expect(text).toContain(formatRupiah(view.data.balance))
  if (view.data.cardLast4) expect(text).toContain(view.data.cardLast4)
  // Privacy: the full card number never reaches paper.
  expect(text).not.toContain(DEMO_CARD)
  expect(slip.cuts).toBeGreaterThanOrEqual(1)
})

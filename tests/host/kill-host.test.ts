/**
 * The host is SIGKILLed at random points while a POS sends sales and balance credits through
 * the bridge, then restarted, round after round. The POS resends every sale it got no answer
 * for (as a real POS does) and never resends a credit (money). In the end every sale is in
 * Stamps exactly once, every sale has exactly one receipt, and no credit is there twice.
 */
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, startTestSandbox, type TestSandbox } from '../support/sandbox'
import { tempDir } from '../support/temp-files'
import { waitFor } from '../support/wait-for'
import { startHostChild } from './host-child'

const ROUNDS = Number(process.env.KILL_ROUNDS ?? (process.env.CI ? 100 : 12))
const SALES_PER_ROUND = 8
const TOKEN = 'kill-test-bridge-token-0123456789'

let sandbox: TestSandbox
const tmp = tempDir('kill-host-')
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(async () => {
  await sandbox.stop()
  tmp.remove()
})

const hostArgs = (): string[] => [
  '--data-dir',
  tmp.dir,
  '--upstream',
  sandbox.url,
  '--merchant',
  '14',
  '--store',
  '2',
  '--bridge-port',
  '0',
  '--ui-port',
  '0',
  '--printer',
  `file:${tmp.file('receipts')}`,
  '--language',
  'en'
]

/** Secrets go in the environment: the host refuses them on its command line. */
const hostEnv = (): Record<string, string> => ({ STAMPS_KIOSK_KEY: DEMO.key, STAMPS_KIOSK_BRIDGE_TOKEN: TOKEN })

/**
 * Receipt jobs per invoice in the host's print queue, and their states. A job the kill caught
 * mid-send is held for a person (the paper may or may not have it), so jobs are counted, not files.
 */
function receiptJobs(): Array<{ label: string; state: string }> {
  const file = tmp.file('print-queue.sqlite')
  if (!existsSync(file)) return []
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return db.prepare("SELECT label, state FROM print_jobs WHERE kind = 'receipt'").all() as Array<{
      label: string
      state: string
    }>
  } finally {
    db.close()
  }
}

const post = (bridge: string, path: string, body: unknown): Promise<number> =>
  fetch(`${bridge}${path}`, {
    method: 'POST',
    headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000)
  }).then(
    (r) => r.status,
    () => 0
  )

const sale = (invoice: string) => ({
  user: DEMO.customer,
  store: 2,
  invoice_number: invoice,
  total_value: 20_000,
  created: '2025-01-15T10:00:00+07'
})

describe(`host killed with SIGKILL, ${ROUNDS} randomized rounds`, () => {
  it('loses no sale and doubles no sale or credit', async () => {
    const unanswered = new Set<string>()
    const acked = new Set<string>()
    const creditsAcked = new Set<number>()
    const creditsSent = new Set<number>()
    let cutShort = 0 // requests the kill cut off: the cases this test exists for
    for (let round = 0; round < ROUNDS; round++) {
      const host = await startHostChild(hostArgs(), undefined, hostEnv())
      const invoices = [...unanswered, ...Array.from({ length: SALES_PER_ROUND }, (_, i) => `r${round}-${i}`)]
      const amount = 1_000 + round // unique per round: a doubled credit shows as a repeated amount
      const killAfter = Math.floor(Math.random() * 400)
      const flows = invoices.map(async (invoice, i) => {
        await new Promise((r) => setTimeout(r, i * 15))
        const status = await post(host.bridgeUrl, '/api/transactions/add', sale(invoice))
        if (status === 200 || status === 202) {
          acked.add(invoice)
          unanswered.delete(invoice)
        } else {
          unanswered.add(invoice)
          cutShort++
        }
      })
      const credit = (async () => {
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 200)))
        creditsSent.add(amount)
        const status = await post(host.bridgeUrl, '/api/balances/credit', {
          user: DEMO.customer,
          merchant: 14,
          store: 2,
          amount
        })
        if (status === 200) creditsAcked.add(amount)
      })()
      await new Promise((r) => setTimeout(r, killAfter))
      await host.kill9()
      await Promise.all([...flows, credit])
    }
    // Last start: resend what never got an answer, then let the outbox drain.
    const host = await startHostChild(hostArgs(), undefined, hostEnv())
    for (const invoice of [...unanswered]) {
      if ((await post(host.bridgeUrl, '/api/transactions/add', sale(invoice))) !== 0) unanswered.delete(invoice)
    }
    const expected = ROUNDS * SALES_PER_ROUND
    await waitFor(() => sandbox.salesCount().size === expected, `all ${expected} sales posted`, 60_000, 100)
    // Every sale's receipt too: owed in the sale's commit, printed once even across kills.
    await waitFor(
      () => receiptJobs().filter((j) => j.state === 'printed' || j.state === 'held').length >= expected,
      `all ${expected} receipts`,
      60_000,
      100
    )
    await host.stop()
    const jobs = receiptJobs()
    const labels = jobs.map((j) => j.label)
    expect(
      labels.filter((l, i) => labels.indexOf(l) !== i),
      'receipts queued twice'
    ).toEqual([])
    expect(new Set(labels).size).toBe(expected)
    console.log(
      `kill -9: ${jobs.filter((j) => j.state === 'held').length} receipt(s) held for a person (the kill caught them mid-send)`
    )

    console.log(
      `kill -9: ${ROUNDS} rounds, ${acked.size} sales answered, ${cutShort} requests cut off by a kill, ${creditsAcked.size}/${creditsSent.size} credits answered`
    )
    if (ROUNDS >= 5) expect(cutShort, 'kills must land while sales are in flight').toBeGreaterThan(0)
    const counts = sandbox.salesCount()
    const doubled = [...counts].filter(([, n]) => n !== 1)
    expect(doubled).toEqual([])
    expect(unanswered.size).toBe(0)
    for (const invoice of acked) expect(counts.get(`2|${invoice}`), invoice).toBe(1)
    const credits = sandbox.db
      .prepare('SELECT amount, count(*) AS n FROM balance_updates GROUP BY amount')
      .all() as Array<{ amount: number; n: number }>
    expect(credits.filter((c) => c.n > 1)).toEqual([])
    for (const amount of creditsAcked)
      expect(
        credits.some((c) => c.amount === amount),
        `acked credit ${amount}`
      ).toBe(true)
    for (const c of credits) expect(creditsSent.has(c.amount)).toBe(true)
  }, 900_000)
})

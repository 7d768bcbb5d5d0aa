/**
 * `npm run serve` with nothing but ports and a printer: the documents' cURL sale, sent verbatim
 * to the bridge, lands once in the embedded sandbox and its loyalty receipt comes out of a
 * TCP printer (the emulator), decoded line by line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PrinterEmulator } from '../../src/main/printer'
import { decodeEscPos, renderPreview } from '../../src/shared/receipt'
import { tempDir } from '../support/temp-files'
import { startHostChild, type HostChild } from './host-child'

/** The transaction document's cURL (JSON) body, byte for byte. */
const CURL_BODY =
  '{ "token": "aaabbbcccdddeeeffff", "user_email": "Customer@stamps.co.id", "store": 2, "invoice_number": "abc123", "total_value": 50000, "subtotal": 40000, "discount": 0, "service_charge": 5000, "tax": 50000, "items": [{"product_name": "Cappucino", "quantity": 2, "price": 10000}, {"product_name": "Iced Tea", "quantity": 4, "price": 5000}]}'

const tmp = tempDir('serve-defaults-')
const emulator = new PrinterEmulator({ port: 0, columns: 32 })
let host: HostChild

beforeAll(async () => {
  await emulator.start()
  host = await startHostChild([
    '--data-dir',
    tmp.dir,
    '--bridge-port',
    '0',
    '--ui-port',
    '0',
    '--printer',
    emulator.url,
    '--language',
    'en'
  ])
})
afterAll(async () => {
  await host?.stop()
  await emulator.stop()
  tmp.remove()
})

describe('npm run serve on the embedded default', () => {
  it("takes the documents' cURL sale at the bridge, posts it once and prints its receipt", async () => {
    const send = () =>
      fetch(`${host.bridgeUrl}/api/transactions/add`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: CURL_BODY
      })
    const res = await send()
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      customer: { status: 'Blue', id: expect.any(Number), stamps_remaining: 5 },
      transaction: { stamps_earned: 5, id: expect.any(Number), value: 50000 }
    })
    expect((await send()).status).toBe(200)

    const sandboxUrl = /^sandbox: (\S+)$/m.exec(host.output())![1]!
    const acts = (await (
      await fetch(`${sandboxUrl}/api/v3/activities/?user=customer@stamps.co.id&token=aaaabbbbccccddddeeeefffff`)
    ).json()) as {
      activities: Array<{ type: number; transaction?: { invoice_number: string } }>
    }
    expect(acts.activities.filter((a) => a.type === 0).map((a) => a.transaction?.invoice_number)).toEqual(['abc123'])

    const receipts = async () =>
      (await emulator.waitForJobs(1, 10_000))
        .map((j) => decodeEscPos(j.bytes))
        .filter((d) => d.items.some((i) => i.type === 'line' && i.text.trim() !== ''))
    await expect.poll(async () => (await receipts()).length, { timeout: 10_000 }).toBe(1)
    const text = renderPreview((await receipts())[0]!, 32)
    const lines = text.split('\n').map((l) => l.trimEnd())
    expect(lines.slice(0, 12)).toEqual([
      '          Demo Coffee',
      '--------------------------------',
      'Invoice                   abc123',
      expect.stringMatching(/^Date {12}\d\d\/\d\d\/\d{4} \d\d:\d\d$/),
      '--------------------------------',
      '2x Cappucino            Rp20.000',
      '4x Iced Tea             Rp20.000',
      '--------------------------------',
      'TOTAL                   Rp50.000',
      '--------------------------------',
      'Stamps earned                 +5',
      'Stamps now                     5'
    ])
    expect(lines).toContain('Level                       Blue')
    expect(lines).toContain('Balance                      Rp0')
    expect(text).toMatch(/cut/)
  })
})

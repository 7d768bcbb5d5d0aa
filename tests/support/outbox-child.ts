/**
 * A process that owns an outbox and feeds it sales, for kill -9 tests: prints `enqueued <invoice>`
 * once each enqueue has returned (the durability promise), `drained` when its queue is empty.
 * argv: dbPath baseUrl prefix from to (enqueues invoices prefix-from .. prefix-(to-1))
 */
import { Outbox } from '../../src/main/outbox'
import { StampsClient } from '../../src/main/stamps'

const [dbPath, baseUrl, prefix, fromText, toText] = process.argv.slice(2) as [string, string, string, string, string]
const client = new StampsClient({
  baseUrl,
  credential: { kind: 'token', key: 'aaaabbbbccccddddeeeefffff' },
  timeoutMs: 2000
})
const outbox = new Outbox({ dbPath, client, merchantId: 14, backoff: { baseMs: 10, capMs: 50 } })
outbox.start()

async function main(): Promise<void> {
  for (let i = Number(fromText); i < Number(toText); i++) {
    const invoice = `${prefix}-${i}`
    // created is fixed per invoice so a re-run on another day still keys the same sale
    outbox.enqueue({
      user: 'customer@stamps.co.id',
      store: [2, 3, 32, 84][i % 4]!,
      invoice_number: invoice,
      total_value: 10_000,
      created: '2024-06-01T12:00:00+07'
    })
    process.stdout.write(`enqueued ${invoice}\n`)
    await new Promise((r) => setTimeout(r, 3)) // a till's pace, so kills land while sales flow
  }
  while (outbox.depth().queued > 0) await new Promise((r) => setTimeout(r, 5))
  process.stdout.write('drained\n')
  await outbox.close()
  client.close()
}

void main()

/** The real sandbox server on loopback over a temporary demo-seeded database, for integration tests. */
import { startSandboxServer, type SandboxServer } from '../../src/server/create-sandbox-server'
import { tempDir } from './temp-files'

export const DEMO = {
  key: 'aaaabbbbccccddddeeeefffff',
  merchantId: 14,
  stores: [2, 3, 32, 84] as const,
  customer: 'customer@stamps.co.id',
  card: '1234567890123',
  second: 'second@stamps.co.id'
} as const

export interface TestSandbox extends SandboxServer {
  /** How many times each `store|invoice` committed upstream (from the sandbox's own database). */
  salesCount(): Map<string, number>
  balanceUpdates(): number
  stop(): Promise<void>
}

export async function startTestSandbox(opts: { requireHttps?: boolean } = {}): Promise<TestSandbox> {
  const tmp = tempDir('stamps-sandbox-')
  const server = await startSandboxServer({
    port: 0,
    dbPath: tmp.file('sandbox.db'),
    seed: 'demo',
    requireHttps: opts.requireHttps
  })
  return {
    ...server,
    salesCount() {
      const rows = server.db
        .prepare(
          'SELECT store_id, invoice_number, count(*) AS n FROM transactions GROUP BY store_id, invoice_day, invoice_number'
        )
        .all() as Array<{ store_id: number; invoice_number: string; n: number }>
      return new Map(rows.map((r) => [`${r.store_id}|${r.invoice_number}`, r.n]))
    },
    balanceUpdates: () => (server.db.prepare('SELECT count(*) AS n FROM balance_updates').get() as { n: number }).n,
    async stop() {
      await server.close()
      tmp.remove()
    }
  }
}

/**
 * The real host (`npm run serve`) on a data directory an older version left world-readable:
 * after a start and a sale, the directory is 0700 and every file in it 0600 (settings, the
 * sealed bridge token and its key file, the SQLite files of the outbox, print queue, balances
 * and the embedded sandbox with their -wal/-shm, receipts, kiosk.html), and no token is on the
 * host's command line, where every user of the computer can read it.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KEYS } from '../../src/shared/stamps/demo'
import { tempDir } from '../support/temp-files'
import { waitFor } from '../support/wait-for'
import { startHostChild, type HostChild } from './host-child'

const tmp = tempDir('private-data-')
const dataDir = join(tmp.dir, 'data')
let host: HostChild

beforeAll(async () => {
  mkdirSync(join(dataDir, 'receipts'), { recursive: true })
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ language: 'en', kiosk: { mode: 'cashier' } }))
  writeFileSync(join(dataDir, 'receipts', 'old-1.txt'), 'Demo Customer, Rp50.000')
  for (const [path, mode] of [
    [dataDir, 0o755],
    [join(dataDir, 'settings.json'), 0o644],
    [join(dataDir, 'receipts'), 0o775],
    [join(dataDir, 'receipts', 'old-1.txt'), 0o664]
  ] as const)
    chmodSync(path, mode)
  host = await startHostChild(['--data-dir', dataDir, '--bridge-port', '0', '--ui-port', '0'])
})
afterAll(async () => {
  await host?.stop()
  tmp.remove()
})

/** Every path under `dir` with its permission bits. */
function modes(dir: string): Array<[string, number]> {
  const out: Array<[string, number]> = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const stat = lstatSync(path)
    out.push([path.slice(dataDir.length + 1), stat.mode & 0o777])
    if (stat.isDirectory()) out.push(...modes(path))
  }
  return out
}

describe('the data directory of a running host', () => {
  it('is 0700 with every file 0600 after a start and a sale, old files tightened', async () => {
    const res = await fetch(`${host.bridgeUrl}/api/transactions/add`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: DEMO_KEYS.coffee,
        user: 'customer@stamps.co.id',
        store: 2,
        invoice_number: 'PRIVATE-1',
        total_value: 50000
      })
    })
    expect(res.status).toBe(200)
    const receipts = (): string[] => readdirSync(join(dataDir, 'receipts'))
    await waitFor(() => receipts().some((f) => f.endsWith('.txt') && f !== 'old-1.txt'), 'the sale receipt on disk')

    const all = modes(dataDir)
    const names = all.map(([p]) => p)
    for (const expected of [
      'settings.json',
      'bridge-token',
      'secrets.key',
      'kiosk.html',
      'outbox.sqlite',
      'outbox.sqlite-wal',
      'print-queue.sqlite',
      'print-queue.sqlite-wal',
      'balances.sqlite',
      'sandbox.sqlite',
      'sandbox.sqlite-wal',
      'sandbox.sqlite-shm',
      'receipts/old-1.txt'
    ])
      expect(names).toContain(expected)
    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700)
    const open = all.filter(([p, mode]) => mode !== (lstatSync(join(dataDir, p)).isDirectory() ? 0o700 : 0o600))
    expect(open).toEqual([])
  })

  it('keeps the tokens off its command line and writes the kiosk page that carries the UI token', () => {
    const uiToken = new URL(host.uiUrl).searchParams.get('token')!
    const bridgeToken = /^bridge token: (\S+)/m.exec(host.output())![1]!
    const cmdline = readFileSync(`/proc/${host.child.pid}/cmdline`, 'utf8')
    expect(cmdline).toContain('--data-dir')
    expect(cmdline).not.toContain(uiToken)
    expect(cmdline).not.toContain(bridgeToken)
    // Printed for the person starting it, kept sealed on disk.
    expect(readFileSync(join(dataDir, 'bridge-token'), 'utf8')).not.toContain(bridgeToken)
    const kiosk = /^kiosk: (\S+)$/m.exec(host.output())![1]!
    expect(kiosk).toBe(`file://${join(dataDir, 'kiosk.html')}`)
    expect(readFileSync(join(dataDir, 'kiosk.html'), 'utf8')).toContain(
      `content="0; url=${host.uiUrl.replace(/&/g, '&#38;')}"`
    )
  })

  it('refuses to start with a secret on its command line, saying where it goes instead', async () => {
    await expect(
      startHostChild(['--data-dir', dataDir, '--bridge-port', '0', '--ui-port', '0', '--key', 'k'.repeat(20)], 20_000)
    ).rejects.toThrow(/--key: not accepted on the command line.*STAMPS_KIOSK_KEY/)
  })
})

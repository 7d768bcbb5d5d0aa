/** The command line: `npm run server` prints its URL when ready, stops on SIGTERM, keeps data. */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'stamps-cli-'))
const dbPath = join(dir, 'cli.db')
const started: ChildProcess[] = []
afterAll(() => {
  // only if a test failed midway: end the process groups this file started, by id
  for (const c of started) if (c.exitCode === null && c.signalCode === null && c.pid) process.kill(-c.pid, 'SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** Starts the CLI through npm exactly as documented and resolves with its URL once ready. */
function startCli(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn('npm', ['run', '--silent', 'server', '--', '--port', '0', '--db', dbPath, '--seed', 'demo'], {
    cwd: join(__dirname, '..', '..'),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  started.push(child)
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 20 s: ${out}`)), 20_000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const m = /^sandbox: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ child, url: m[1]!, output: () => out })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => reject(new Error(`exited ${code} before ready: ${out}`)))
  })
}

/**
 * Signals the whole process group npm started (npm, tsx, node), as a terminal does on Ctrl-C,
 * and waits for npm to end. npm itself may end by the signal; the server's clean close shows
 * in the database: closing the last connection checkpoints and removes the -wal file.
 */
async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  process.kill(-child.pid!, signal)
  await done
  for (let i = 0; i < 200 && existsSync(`${dbPath}-wal`); i++) await new Promise((r) => setTimeout(r, 100))
}

describe('npm run server', () => {
  it('serves, stops cleanly on SIGTERM, and keeps its data across a restart', async () => {
    const first = await startCli()
    const sale = await fetch(`${first.url}/api/transactions/add`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{ "token": "aaabbbcccdddeeeffff", "user_email": "Customer@stamps.co.id", "store": 2, "invoice_number": "abc123", "total_value": 50000, "subtotal": 40000, "discount": 0, "service_charge": 5000, "tax": 50000, "items": [{"product_name": "Cappucino", "quantity": 2, "price": 10000}, {"product_name": "Iced Tea", "quantity": 4, "price": 5000}]}'
    })
    expect(sale.status).toBe(200)
    expect(existsSync(`${dbPath}-wal`)).toBe(true)
    await stop(first.child, 'SIGTERM')
    expect(existsSync(`${dbPath}-wal`)).toBe(false)
    await expect(fetch(`${first.url}/api/ping`, { method: 'POST' })).rejects.toThrow()

    const second = await startCli()
    const m = await fetch(`${second.url}/api/v2/memberships/details?user=customer@stamps.co.id&merchant=14`, {
      headers: { Authorization: 'Token aaaabbbbccccddddeeeefffff' }
    })
    expect(((await m.json()) as { membership: { stamps: number } }).membership.stamps).toBe(5)
    // the same invoice on the same day is still a duplicate after the restart
    const again = await fetch(`${second.url}/api/transactions/add`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Token aaaabbbbccccddddeeeefffff' },
      body: JSON.stringify({ user: 'customer@stamps.co.id', store: 2, invoice_number: 'abc123', total_value: 50000 })
    })
    expect(again.status).toBe(400)
    await stop(second.child, 'SIGINT')
    expect(existsSync(`${dbPath}-wal`)).toBe(false)
  })
})

import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PrinterError } from './printer-transport'
import { TcpTransport } from './tcp-transport'

const root = join(__dirname, '../../..')

/** Starts the CLI and resolves with its ready line; collects later output in `out`. */
function startCli(args: string[]): Promise<{ child: ChildProcess; ready: string; out: string[] }> {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/main/printer/emulator-cli.ts', ...args], { cwd: root })
  const out: string[] = []
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line; got ${out.join('')}`)), 20_000)
    child.stdout!.on('data', (d: Buffer) => {
      out.push(d.toString())
      const m = /printer emulator: (tcp:\/\/127\.0\.0\.1:\d+)/.exec(out.join(''))
      if (m) {
        clearTimeout(timer)
        resolve({ child, ready: m[1]!, out })
      }
    })
    child.stderr!.on('data', (d: Buffer) => out.push(d.toString()))
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out.join('')}`)))
  })
}

describe('printer:emulator CLI', () => {
  let child: ChildProcess | undefined
  // SIGTERM, not SIGKILL: tsx runs the CLI in a child node process and only relays catchable signals.
  afterEach(async () => {
    if (!child || child.exitCode !== null) return
    const exited = new Promise((r) => child!.once('exit', r))
    child.kill('SIGTERM')
    await exited
  })

  it('announces its address on --port 0, takes a job, honours --paper-out and stops on SIGTERM', async () => {
    const run = await startCli(['--port', '0'])
    child = run.child
    const port = Number(run.ready.split(':').pop())
    const t = new TcpTransport({ host: '127.0.0.1', port })
    await t.write(Uint8Array.of(0x41, 0x0a))
    await expect.poll(() => run.out.join('')).toMatch(/job 1: 2 bytes, 1 lines, printed/)
    const exited = new Promise<number | null>((r) => run.child.once('exit', r))
    run.child.kill('SIGTERM')
    expect(await exited).toBe(0)

    const out = await startCli(['--port', '0', '--paper-out'])
    child = out.child
    const paperless = new TcpTransport({ host: '127.0.0.1', port: Number(out.ready.split(':').pop()) })
    await expect(paperless.write(Uint8Array.of(0x41))).rejects.toBeInstanceOf(PrinterError)
    expect((await paperless.status()).state).toBe('paper-out')
  })
})

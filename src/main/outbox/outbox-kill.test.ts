/** An outbox in a child process SIGKILLed while sales flow, then restarted: nothing lost or doubled. */
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, type TestSandbox } from '../../../tests/support/sandbox'
import { tempDir } from '../../../tests/support/temp-files'

const CHILD = 'tests/support/outbox-child.ts'

/** Runs the child until it prints `drained` or has acknowledged `killAfter` sales, then SIGKILLs it. */
function runChild(args: string[], killAfter: number | null): Promise<{ acked: string[]; drained: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  const acked: string[] = []
  let drained = false
  let buffer = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    const lines = buffer.split('\n')
    buffer = lines.pop()!
    for (const line of lines) {
      if (line.startsWith('enqueued ')) acked.push(line.slice(9))
      if (line === 'drained') drained = true
      if (killAfter !== null && acked.length >= killAfter) child.kill('SIGKILL')
    }
  })
  return new Promise((resolve) => child.once('exit', () => resolve({ acked, drained })))
}

describe('outbox under kill -9', () => {
  let sandbox: TestSandbox
  let tmp: ReturnType<typeof tempDir>
  beforeAll(async () => {
    sandbox = await startTestSandbox()
    tmp = tempDir()
  })
  afterAll(async () => {
    await sandbox.stop()
    tmp.remove()
  })

  it('every acknowledged sale survives SIGKILL mid-flow and lands upstream exactly once', async () => {
    const N = 120
    const prefix = `KILL-${Date.now()}`
    const args = () => [tmp.file('outbox.db'), sandbox.url, prefix, String(acked.size), String(N)]
    // Each run continues after the last acknowledged sale, so a sale the outbox lost would
    // never be enqueued again and would be missing upstream.
    const acked = new Set<string>()
    let seed = 7
    let killed = 0
    for (let round = 0; round < 4; round++) {
      seed = (seed * 48271) % 2147483647
      const run = await runChild(args(), 5 + (seed % 20))
      run.acked.forEach((a) => acked.add(a))
      if (!run.drained) killed++
    }
    expect(killed).toBeGreaterThanOrEqual(3)
    const final = await runChild(args(), null)
    expect(final.drained).toBe(true)
    final.acked.forEach((a) => acked.add(a))
    const counts = sandbox.salesCount()
    for (const invoice of acked) {
      const n = [...counts.entries()].filter(([k]) => k.endsWith(`|${invoice}`)).reduce((s, [, v]) => s + v, 0)
      expect(n, invoice).toBe(1)
    }
    expect(acked.size).toBe(N)
    expect(counts.size).toBeGreaterThanOrEqual(N)
  }, 60_000)
})

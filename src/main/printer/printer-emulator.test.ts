import { readFile } from 'node:fs/promises'
import { Socket } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/printer/printer-fixtures'
import { PrinterEmulator } from './printer-emulator'

/** Sends raw bytes in the given chunks, collects every byte answered, then closes. */
async function exchange(port: number, chunks: number[][]): Promise<number[]> {
  const socket = new Socket()
  const answers: number[] = []
  socket.on('data', (d: Buffer) => answers.push(...d))
  await new Promise<void>((resolve, reject) => socket.connect(port, '127.0.0.1', resolve).once('error', reject))
  for (const c of chunks) {
    socket.write(Uint8Array.from(c))
    await new Promise((r) => setTimeout(r, 20))
  }
  await new Promise<void>((resolve) => socket.end(() => socket.once('close', () => resolve())))
  return answers
}

describe('PrinterEmulator', () => {
  let emulator: PrinterEmulator
  afterEach(async () => emulator?.stop())

  it('answers DLE EOT 1-4 at once, also when split across packets, and keeps them out of the job', async () => {
    emulator = new PrinterEmulator({ port: 0 })
    const port = await emulator.start()
    expect(port).toBeGreaterThan(0)
    const answers = await exchange(port, [
      [0x10, 0x04, 1, 0x10],
      [0x04, 4, 0x41, 0x42, 0x0a, 0x10],
      [0x04, 2]
    ])
    expect(answers).toEqual([0x12, 0x12, 0x12])
    const [job] = await emulator.waitForJobs(1)
    expect(Array.from(job!.bytes)).toEqual([0x41, 0x42, 0x0a])
    expect(job!.printed).toBe(true)
  })

  it('answers 0x72 for paper out and does not print what arrives meanwhile', async () => {
    emulator = new PrinterEmulator({ port: 0, paperOut: true })
    const port = await emulator.start()
    expect(
      await exchange(port, [
        [0x10, 0x04, 4, 0x10, 0x04, 1, 0x10, 0x04, 2],
        [0x41, 0x0a]
      ])
    ).toEqual([0x72, 0x1a, 0x32])
    await emulator.waitForJobs(1)
    expect(emulator.printed).toHaveLength(0)
    emulator.setPaperOut(false)
    expect(await exchange(port, [[0x10, 0x04, 4]])).toEqual([0x12])
  })

  it('counts a status-only connection as no job, and restarts on the same port after unplug', async () => {
    emulator = new PrinterEmulator({ port: 0 })
    const port = await emulator.start()
    await exchange(port, [[0x10, 0x04, 1]])
    await emulator.stop()
    await expect(exchange(port, [[0x41]])).rejects.toThrow(/ECONNREFUSED/)
    expect(await emulator.start()).toBe(port)
    await exchange(port, [[0x41, 0x0a]])
    expect(await emulator.waitForJobs(1)).toHaveLength(1)
  })

  it('saves each job as .bin and a decoded .txt preview', async () => {
    const tmp = await tempDir()
    try {
      emulator = new PrinterEmulator({ port: 0, saveDir: tmp.dir, columns: 32 })
      const port = await emulator.start()
      await exchange(port, [[0x1b, 0x40, 0x1b, 0x61, 1, 0x48, 0x69, 0x0a, 0x1d, 0x56, 0x01]])
      await emulator.waitForJobs(1)
      await new Promise((r) => setTimeout(r, 50))
      expect(Array.from(await readFile(join(tmp.dir, 'job-0001.bin')))).toHaveLength(11)
      expect(await readFile(join(tmp.dir, 'job-0001.txt'), 'utf8')).toBe(
        `${' '.repeat(15)}Hi\n- - - - - - - - - - - - - ✂ cut\n`
      )
    } finally {
      await tmp.remove()
    }
  })
})

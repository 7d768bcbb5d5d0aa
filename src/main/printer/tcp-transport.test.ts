import { type AddressInfo, createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { PrinterEmulator } from './printer-emulator'
import { PrinterError } from './printer-transport'
import { TcpTransport } from './tcp-transport'

describe('TcpTransport', () => {
  let emulator: PrinterEmulator
  afterEach(async () => emulator?.stop())

  const setup = async (paperOut = false): Promise<TcpTransport> => {
    emulator = new PrinterEmulator({ port: 0, paperOut })
    const port = await emulator.start()
    return new TcpTransport({ host: '127.0.0.1', port, statusTimeoutMs: 500 })
  }

  it('reads status with DLE EOT 1, 2 and 4', async () => {
    const t = await setup()
    expect(await t.status()).toEqual({ state: 'ok', online: true, coverOpen: false, paper: 'ok' })
    emulator.setCoverOpen(true)
    expect(await t.status()).toMatchObject({ state: 'offline', coverOpen: true })
    emulator.setCoverOpen(false)
    emulator.setPaperOut(true)
    expect(await t.status()).toMatchObject({ state: 'paper-out', paper: 'out' })
  })

  it('sends the job over one connection after checking status', async () => {
    const t = await setup()
    await t.write(Uint8Array.of(0x41, 0x0a))
    const [job] = await emulator.waitForJobs(1)
    expect(Array.from(job!.bytes)).toEqual([0x41, 0x0a])
    expect(job!.printed).toBe(true)
  })

  it('refuses to send at paper out, so nothing is buffered to print later', async () => {
    const t = await setup(true)
    const err = await t.write(Uint8Array.of(0x41, 0x0a)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PrinterError)
    expect(err).toMatchObject({ code: 'paper-out', nothingSent: true })
    await new Promise((r) => setTimeout(r, 50))
    expect(emulator.jobs).toHaveLength(0)
  })

  it('reports an unplugged printer as disconnected, for write and status', async () => {
    const t = await setup()
    await emulator.stop()
    await expect(t.write(Uint8Array.of(0x41))).rejects.toMatchObject({ code: 'disconnected', nothingSent: true })
    expect(await t.status()).toMatchObject({ state: 'disconnected' })
  })

  it('still prints to a printer that never answers DLE EOT, and reports its status as unknown', async () => {
    // Some network interfaces drop real-time commands; refusing them would make the printer unusable.
    const received: number[] = []
    const server = createServer((s) => {
      s.on('data', (d: Buffer) => received.push(...d))
      s.on('end', () => s.end())
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as AddressInfo).port
    try {
      const t = new TcpTransport({ host: '127.0.0.1', port, statusTimeoutMs: 50 })
      expect(await t.status()).toMatchObject({ state: 'connected', paper: 'unknown' })
      received.length = 0
      await t.write(Uint8Array.of(0x41, 0x0a))
      expect(received.slice(-2)).toEqual([0x41, 0x0a])
    } finally {
      await new Promise((r) => server.close(r))
    }
  })
})

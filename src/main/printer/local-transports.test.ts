import { existsSync } from 'node:fs'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/printer/printer-fixtures'
import { createTransport, defaultPrinterSpec } from './create-transport'
import { DeviceTransport } from './device-transport'
import { encodeReceipt } from './escpos-encoder'
import { FileTransport } from './file-transport'
import { SerialTransport } from './serial-transport'

const receipt = encodeReceipt({
  columns: 32,
  items: [
    { type: 'text', text: 'Halo', align: 'center' },
    { type: 'cut', partial: true }
  ]
})

describe('local transports', () => {
  let tmp: { dir: string; remove: () => Promise<void> }
  beforeEach(async () => {
    tmp = await tempDir()
  })
  afterEach(async () => tmp.remove())

  it('file: saves <job>.bin byte for byte and a decoded <job>.txt, and is always ok', async () => {
    const t = createTransport(`file:${join(tmp.dir, 'receipts')}`, { columns: 32 })
    expect(t).toBeInstanceOf(FileTransport)
    await t.write(receipt, { jobId: 7 })
    const dir = join(tmp.dir, 'receipts')
    expect((await readdir(dir)).sort()).toEqual(['7.bin', '7.txt'])
    expect(new Uint8Array(await readFile(join(dir, '7.bin')))).toEqual(receipt)
    expect(await readFile(join(dir, '7.txt'), 'utf8')).toBe(
      `${' '.repeat(14)}Halo\n\n\n\n\n- - - - - - - - - - - - - ✂ cut\n`
    )
    expect((await t.status()).state).toBe('ok')
  })

  it('names the default virtual printer after the data directory', () => {
    expect(defaultPrinterSpec('/data')).toBe('file:/data/receipts')
  })

  it('device: writes to an existing device node and never creates a missing one', async () => {
    const node = join(tmp.dir, 'lp0')
    await writeFile(node, '')
    const t = new DeviceTransport(node)
    await t.write(receipt)
    expect(new Uint8Array(await readFile(node))).toEqual(receipt)
    expect((await t.status()).state).toBe('connected')

    const gone = new DeviceTransport(join(tmp.dir, 'lp1'))
    await expect(gone.write(receipt)).rejects.toMatchObject({ code: 'not-found', nothingSent: true })
    expect(existsSync(join(tmp.dir, 'lp1'))).toBe(false)
    expect((await gone.status()).state).toBe('not-found')
  })

  it('serial: a port that is not there (adapter unplugged) holds the job as not found, nothing sent', async () => {
    const t = createTransport(`serial:${join(tmp.dir, 'ttyUSB9')}?baud=9600`)
    expect(t).toBeInstanceOf(SerialTransport)
    await expect(t.write(receipt)).rejects.toMatchObject({ code: 'not-found', nothingSent: true })
    expect((await t.status()).state).toBe('not-found')
  })
})

/** The virtual printer: saves each job as `<id>.bin` plus a `<id>.txt` preview in a folder. */
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import type { PrinterStatus } from '../../shared/receipt/printer-status'
import type { Columns } from '../../shared/receipt/receipt-model'
import { renderPreview } from '../../shared/receipt/render-preview'
import { type PrinterTransport, type WriteContext, fromSystemError } from './printer-transport'

export class FileTransport implements PrinterTransport {
  readonly description: string
  private counter = 0

  constructor(
    private readonly dir: string,
    private readonly columns: Columns = 32
  ) {
    this.description = `file:${dir}`
  }

  async write(bytes: Uint8Array, context: WriteContext = {}): Promise<void> {
    const id = String(context.jobId ?? `${Date.now()}-${++this.counter}`).replace(/[^\w.-]/g, '_')
    const bin = join(this.dir, `${id}.bin`)
    try {
      await mkdir(this.dir, { recursive: true })
      // Write then rename, so a reader of the folder never sees half a receipt.
      await writeFile(`${bin}.part`, bytes)
      await rename(`${bin}.part`, bin)
      await writeFile(join(this.dir, `${id}.txt`), renderPreview(decodeEscPos(bytes), this.columns))
    } catch (err) {
      throw fromSystemError(err, this.description, true)
    }
  }

  async status(): Promise<PrinterStatus> {
    return { state: 'ok', online: true, coverOpen: false, paper: 'ok', detail: `saving receipts to ${this.dir}` }
  }

  async close(): Promise<void> {}
}

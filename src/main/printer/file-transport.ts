/** The virtual printer: saves each job as `<id>.bin` plus a `<id>.txt` preview in a folder. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../platform/fs/private-files'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import type { PrinterStatus } from '../../shared/receipt/printer-status'
import type { Columns } from '../../shared/receipt/receipt-model'
import { renderPreview } from '../../shared/receipt/render-preview'
import { diskFault } from '../../platform/fs/disk-errors'
import { PrinterError, type PrinterTransport, type WriteContext, fromSystemError } from './printer-transport'

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
      // Private like the rest of the data directory: a receipt names a member and a sale.
      await mkdir(this.dir, { recursive: true, mode: PRIVATE_DIR_MODE })
      // Write then rename, so a reader of the folder never sees half a receipt.
      await writeFile(`${bin}.part`, bytes, { mode: PRIVATE_FILE_MODE })
      await rename(`${bin}.part`, bin)
      const preview = renderPreview(decodeEscPos(bytes), this.columns)
      await writeFile(join(this.dir, `${id}.txt`), preview, { mode: PRIVATE_FILE_MODE })
    } catch (err) {
      // A full disk leaves half a file behind: give its space back, so the next try has it.
      await rm(`${bin}.part`, { force: true }).catch(() => undefined)
      const fault = diskFault(err)
      if (fault) throw new PrinterError('io', `${this.description}: ${(err as Error).message}`, true, fault)
      throw fromSystemError(err, this.description, true)
    }
  }

  async status(): Promise<PrinterStatus> {
    return { state: 'ok', online: true, coverOpen: false, paper: 'ok', detail: `saving receipts to ${this.dir}` }
  }

  async close(): Promise<void> {}
}

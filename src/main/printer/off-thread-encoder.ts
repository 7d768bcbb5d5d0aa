/**
 * ESC/POS encoding in a worker thread (one per process, started on first use), so a receipt's
 * ~1-3 ms of encoding never holds up the next sale's answer. Falls back to encoding here when
 * the worker cannot run.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Receipt } from '../../shared/receipt/receipt-model'
import type { EncodeAnswer, EncodeRequest } from './encode-worker'
import { type EncoderOptions, encodeReceipt } from './escpos-encoder'

/** The built worker beside the bundle (electron-vite's second main entry), else the source through tsx. */
function workerEntry(): { file: string; execArgv: string[] } {
  const built = join(__dirname, 'encode-worker.js')
  if (existsSync(built)) return { file: built, execArgv: [] }
  return { file: join(__dirname, 'encode-worker.ts'), execArgv: ['--import', 'tsx'] }
}

type Pending = { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }

class OffThreadEncoder {
  private worker: Worker | null = null
  private broken = false
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  /** The bytes of `receipt`; encoded in the worker, or here when the worker is not available. */
  async encode(receipt: Receipt, options: EncoderOptions): Promise<Uint8Array> {
    const worker = this.broken ? null : this.start()
    if (!worker) return encodeReceipt(receipt, options)
    const id = this.nextId++
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage({ id, receipt, options } satisfies EncodeRequest)
    }).catch((err: Error) => {
      // A model the encoder refuses is refused here too; a dead worker is replaced by this thread.
      if (err.name === 'EncodeRefused') throw err
      return encodeReceipt(receipt, options)
    })
  }

  private start(): Worker | null {
    if (this.worker) return this.worker
    try {
      const { file, execArgv } = workerEntry()
      const worker = new Worker(file, { execArgv })
      // Never what keeps the process alive: an idle encoder must not hold up a clean exit.
      worker.unref()
      worker.on('message', (a: EncodeAnswer) => this.settle(a))
      worker.on('error', (err) => this.fail(err))
      worker.on('exit', () => this.fail(new Error('encoder worker exited')))
      this.worker = worker
      return worker
    } catch {
      this.broken = true
      return null
    }
  }

  private settle(answer: EncodeAnswer): void {
    const p = this.pending.get(answer.id)
    if (!p) return
    this.pending.delete(answer.id)
    if ('bytes' in answer) p.resolve(answer.bytes)
    else p.reject(Object.assign(new Error(answer.error), { name: 'EncodeRefused' }))
  }

  private fail(err: Error): void {
    this.broken = true
    this.worker = null
    for (const p of this.pending.values()) p.reject(err)
    this.pending.clear()
  }
}

let shared: OffThreadEncoder | null = null

/** Encodes in the process's encoder thread. */
export function encodeOffThread(receipt: Receipt, options: EncoderOptions): Promise<Uint8Array> {
  shared ??= new OffThreadEncoder()
  return shared.encode(receipt, options)
}

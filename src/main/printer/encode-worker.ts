/** The worker thread that turns receipt models into ESC/POS bytes, off the thread that answers sales. */
import { parentPort } from 'node:worker_threads'
import type { Receipt } from '../../shared/receipt/receipt-model'
import { type EncoderOptions, encodeReceipt } from './escpos-encoder'

export interface EncodeRequest {
  id: number
  receipt: Receipt
  options: EncoderOptions
}

export type EncodeAnswer = { id: number; bytes: Uint8Array } | { id: number; error: string }

parentPort?.on('message', ({ id, receipt, options }: EncodeRequest) => {
  let answer: EncodeAnswer
  try {
    answer = { id, bytes: encodeReceipt(receipt, options) }
  } catch (err) {
    answer = { id, error: (err as Error).message }
  }
  parentPort!.postMessage(answer)
})

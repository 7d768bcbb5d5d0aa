/** What an Outbox is built from: its file, the Stamps client it drives, and its timing. */
import type { AddTransactionResponse } from '../../shared/stamps'
import type { AddOptions, AddTransactionInput } from '../stamps'
import type { LookupClient } from './duplicate-lookup'
import type { SyncMode } from './outbox-db'

/** The part of the Stamps client the outbox drives. */
export interface OutboxClient extends LookupClient {
  addTransaction(sale: AddTransactionInput, options?: AddOptions): Promise<AddTransactionResponse>
}

export interface OutboxOptions {
  dbPath: string
  client: OutboxClient
  /** 'NORMAL' (default): kill -9 safe at once, power-cut safe within flushMs. 'FULL': fsync per enqueue. */
  synchronous?: SyncMode
  flushMs?: number
  /** The store's zone, for each sale's local date (Asia/Jakarta by default). */
  timeZone?: string
  merchantId?: number
  format?: 'json' | 'xml'
  /**
   * The client's own quick retries per send (default 2 tries, 50 to 200 ms apart): a stale
   * keep-alive socket or a one-off reset costs milliseconds, not a trip through the backoff.
   */
  sendRetry?: { maxAttempts: number; baseMs: number; capMs: number }
  /** Capped exponential backoff for network errors and 5xx. */
  backoff?: { baseMs: number; capMs: number }
  now?: () => number
  random?: () => number
}

/** The durable outbox service: what the bridge, host and IPC import. */
export { Outbox, type OutboxClient, type OutboxEvents, type OutboxOptions } from './outbox'
export type { OutboxItem, OutboxState, PostedResponse } from './outbox-rows'
export type { SendOutcome } from './sale-waiters'
export { prepareSale, type QueuedSale } from './sale-key'

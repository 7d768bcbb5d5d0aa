/**
 * What domain services tell the metrics service, and all they know of it: a sale answered, a
 * request to Stamps done. Gauges (queue depth, printer, disk) are read at scrape time instead.
 */

/** How a sale was answered: SaleSubmission's state (posted, already-posted, queued, failed, discarded). */
export type SaleOutcome = string

export interface UpstreamRequest {
  /** The Stamps endpoint's name (`addTransaction`, `membership`, `ping`). */
  endpoint: string
  /** The HTTP status, or `error` when no answer came (refused, reset, timed out). */
  status: number | 'error'
  seconds: number
}

export interface MetricsFeed {
  saleAnswered(outcome: SaleOutcome): void
  upstreamRequest(request: UpstreamRequest): void
}

/** A feed that counts nothing: for services built without a host (tests, tools). */
export const NO_METRICS: MetricsFeed = { saleAnswered: () => undefined, upstreamRequest: () => undefined }

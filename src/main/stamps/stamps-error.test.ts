/** Error envelope mapping and the backoff arithmetic. */
import { describe, expect, it } from 'vitest'
import { fullJitterDelay, withRetry } from './backoff'
import { errorFromAnswer, StampsError } from './stamps-error'

describe('errorFromAnswer', () => {
  it('reads the documented field-error example as validation, not duplicate', () => {
    const e = errorFromAnswer(400, {
      detail: 'Your transaction cannot be completed due to the following error(s)',
      errors: [{ price: 'This field is required.' }, { invoice_number: 'Store does not exist' }]
    })
    expect(e).toMatchObject({ kind: 'validation', ambiguous: false })
    expect(e.fieldErrors).toEqual([
      ['price', 'This field is required.'],
      ['invoice_number', 'Store does not exist']
    ])
  })

  it('reads a taken invoice number as duplicate', () => {
    const e = errorFromAnswer(400, {
      detail: 'x',
      errors: [{ invoice_number: 'Transaction with this invoice number already exists' }]
    })
    expect(e.isDuplicateInvoice).toBe(true)
  })

  it('tells https from auth on 403, and names every other documented status', () => {
    expect(errorFromAnswer(403, { detail: 'Please use https instead of http' }).kind).toBe('https')
    expect(errorFromAnswer(403, { detail: 'Authentication credentials were not provided.' }).kind).toBe('auth')
    expect(errorFromAnswer(401, { detail: 'Invalid token' }).kind).toBe('auth')
    expect(errorFromAnswer(404, { detail: 'Not found.' }).kind).toBe('not-found')
    expect(errorFromAnswer(405, { detail: 'Method "GET" not allowed.' })).toMatchObject({
      kind: 'protocol',
      retryable: false
    })
    expect(errorFromAnswer(413, { detail: 'Request body is too large.' }).fieldErrors).toEqual([
      ['__all__', 'Request body is too large.']
    ])
    expect(
      errorFromAnswer(400, { errors: { info: "Transaction can't be canceled due to insufficient Stamps" } }).fieldErrors
    ).toEqual([['info', "Transaction can't be canceled due to insufficient Stamps"]])
  })

  it('counts every 5xx as possibly committed (money hazard) and retryable', () => {
    for (const status of [500, 502, 503, 504]) {
      expect(errorFromAnswer(status, undefined)).toMatchObject({
        kind: 'server',
        ambiguous: true,
        retryable: true,
        detail: `HTTP ${status}`
      })
    }
  })
})

describe('backoff', () => {
  it('full jitter stays within [0, min(cap, base * 2^(n-1))]', () => {
    const policy = { baseMs: 100, capMs: 1000 }
    expect(fullJitterDelay(1, policy, () => 0.999)).toBe(99)
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(200)
    expect(fullJitterDelay(10, policy, () => 0.999)).toBe(999)
    expect(fullJitterDelay(10, policy, () => 0)).toBe(0)
  })

  it('retries only retryable errors, up to maxAttempts, sleeping between tries', async () => {
    const waits: number[] = []
    let calls = 0
    const deps = { sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 }
    const flaky = () => {
      calls++
      return Promise.reject(new StampsError({ kind: 'network', detail: 'ECONNRESET', ambiguous: true }))
    }
    await expect(withRetry(flaky, { maxAttempts: 4, baseMs: 100, capMs: 1000 }, deps)).rejects.toMatchObject({
      kind: 'network'
    })
    expect(calls).toBe(4)
    expect(waits).toEqual([50, 100, 200])
    calls = 0
    const refused = () => {
      calls++
      return Promise.reject(new StampsError({ kind: 'validation', detail: 'no', ambiguous: false }))
    }
    await expect(withRetry(refused, { maxAttempts: 4, baseMs: 100, capMs: 1000 }, deps)).rejects.toMatchObject({
      kind: 'validation'
    })
    expect(calls).toBe(1)
  })
})

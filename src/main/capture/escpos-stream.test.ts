import { describe, expect, it } from 'vitest'
import { GENERIC_STRUK, RESTO_BILL, SUKI_CLOSE_BILL, WPOS_STRUK } from '../../../tests/fixtures/capture/pos-receipts'
import { EscPosStream, cutOffsets } from './escpos-stream'
import { spliceFooter } from './footer-splice'

const lastIndexOf = (bytes: Uint8Array, seq: number[]): number => Buffer.from(bytes).lastIndexOf(Buffer.from(seq))

describe('EscPosStream', () => {
  it('finds the one real cut of each layout, stepping over a logo whose data holds GS V', () => {
    expect(cutOffsets(SUKI_CLOSE_BILL)).toEqual([lastIndexOf(SUKI_CLOSE_BILL, [0x1d, 0x56, 0x41])])
    expect(cutOffsets(RESTO_BILL)).toEqual([RESTO_BILL.length - 3])
    expect(cutOffsets(WPOS_STRUK)).toEqual([WPOS_STRUK.length - 4])
  })

  it('gives back every byte but the status requests, whatever the chunking', () => {
    const withRequests = Buffer.concat([
      Buffer.from([0x10, 0x04, 0x01]),
      SUKI_CLOSE_BILL,
      Buffer.from([0x1d, 0x61, 0x0f])
    ])
    for (const size of [1, 2, 7, 64, withRequests.length]) {
      const s = new EscPosStream()
      const data: number[] = []
      const requests: unknown[] = []
      for (let i = 0; i < withRequests.length; i += size) {
        const out = s.push(withRequests.subarray(i, i + size))
        data.push(...out.data)
        requests.push(...out.requests)
      }
      data.push(...s.flush())
      expect(Buffer.from(data).equals(Buffer.from(SUKI_CLOSE_BILL))).toBe(true)
      expect(requests).toEqual([
        { kind: 'eot', n: 1 },
        { kind: 'asb', n: 0x0f }
      ])
    }
  })
})

describe('spliceFooter', () => {
  it('inserts before the final cut and leaves a job with no cut alone', () => {
    const job = GENERIC_STRUK()
    const out = spliceFooter(job, Uint8Array.of(0x41, 0x0a))!
    expect(Buffer.from(out.subarray(out.length - 6)).equals(Buffer.from([0x41, 0x0a, 0x1d, 0x56, 0x42, 0x00]))).toBe(
      true
    )
    expect(spliceFooter(Uint8Array.of(0x41, 0x0a), Uint8Array.of(0x42))).toBeNull()
  })

  it('starts the footer on its own line when the POS left one unfinished', () => {
    const out = spliceFooter(Uint8Array.of(0x41, 0x1d, 0x56, 0x00), Uint8Array.of(0x42))!
    expect(Array.from(out)).toEqual([0x41, 0x0a, 0x42, 0x1d, 0x56, 0x00])
  })
})

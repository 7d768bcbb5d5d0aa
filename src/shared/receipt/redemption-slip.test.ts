import { describe, expect, it } from 'vitest'
import { layoutReceipt } from './layout'
import { redemptionSlip } from './redemption-slip'
import { previewLines } from './render-preview'

const slip = {
  merchant_name: 'Kopi',
  reward: 'Free Kopi Susu',
  code: 'R-7',
  stamps_used: 10,
  printed_at: new Date('2025-03-14T16:59:00Z')
}

describe('redemptionSlip', () => {
  it('prints the reward, its code twice (text and QR) and the stamps left', () => {
    const r = redemptionSlip({ ...slip, stamps_now: 26 }, { language: 'en' })
    expect(r.items).toContainEqual(expect.objectContaining({ type: 'qr', data: 'R-7' }))
    const text = previewLines(layoutReceipt(r), 32).join('\n')
    expect(text).toContain('REWARD REDEEMED')
    expect(text).toContain('Free Kopi Susu')
    expect(text).toMatch(/Code +R-7/)
    expect(text).toMatch(/Stamps used +-10/)
    expect(text).toMatch(/Stamps now +26/)
  })

  it('says to ask at the counter when Stamps did not give the new count, in Indonesian by default', () => {
    const text = previewLines(layoutReceipt(redemptionSlip({ ...slip, stamps_now: null })), 32).join('\n')
    expect(text).toContain('PENUKARAN HADIAH')
    expect(text).toMatch(/Stamp sekarang +tanyakan di kasir/)
  })

  it('refuses a code the QR could not carry as printed', () => {
    expect(() => redemptionSlip({ ...slip, code: 'kode-é', stamps_now: 1 })).toThrow()
  })
})

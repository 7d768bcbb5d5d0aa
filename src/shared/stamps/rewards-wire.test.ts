/**
 * The shared schemas read the documents' own answer examples (shared/spec/rewards-vouchers.md,
 * digesting ui/stamps-api-docs at 7eaa7881), so the client reads the real service's answers and
 * not only the sandbox's; and DRF's boolean words parse as DRF parses them.
 */
import { describe, expect, it } from 'vitest'
import {
  addWithRedemptionsResponseSchema,
  cancelRedemptionResponseSchema,
  cancelTransactionByInvoiceResponseSchema,
  groupVouchersResponseSchema,
  redeemByVoucherCodeResponseSchema,
  redeemRewardResponseSchema,
  redeemVoucherResponseSchema,
  rewardDetailSchema,
  rewardsResponseSchema,
  validateVoucherResponseSchema
} from './index'
import { drfBoolean } from './wire-values'

const membership100 = {
  tags: [],
  status: 100,
  stamps: 250,
  balance: 0,
  referral_code: '9121682',
  start_date: '2016-07-25',
  created: '2016-07-25'
}

describe('documented answers', () => {
  it('GET /api/rewards/ (abridged example)', () => {
    const body = {
      rewards: [
        {
          stamps_to_redeem: 20,
          image_url: 'http://foo.com',
          landscape_url: null,
          id: 6,
          membership: 'Blue',
          name: 'Mee Goreng',
          description: 'reward description',
          price: null,
          extra_data: { SKU: 'A001SKU' },
          merchant_code: null,
          redeemable: true,
          is_visible: true,
          terms: '',
          code: 'A001',
          type: 3
        }
      ],
      vouchers: [
        {
          id: 9,
          name: 'Birthday Voucher',
          code: 'BD0201',
          landscape_url: 'foo-landscape.png',
          image_url: 'foo.png',
          type: 'promotion 1',
          expires_on: '13-02-2013 00:00',
          terms: 'input your birthday for get voucher on your birthday',
          quantity: 1,
          constraint: { channels: [1, 2] },
          extra_data: { SKU: 'PROMO-birthday-20-off' }
        }
      ],
      customer: { id: 114807, stamps: 18, membership_status: 'Blue' }
    }
    expect(rewardsResponseSchema.safeParse(body).success).toBe(true)
  })

  it('GET /api/rewards/ABCDE1', () => {
    const body = {
      id: 1,
      name: 'Example Reward',
      stamps_to_redeem: 100,
      get_absolute_url: '/merchant/rewards/abcde1',
      is_cross_promo: false,
      description: 'An example description of a reward',
      redemption_url: '',
      membership: 'Blue',
      picture_url: '/foo.png',
      is_active: true,
      code: 'ABCDE1',
      extra_data: {},
      available_at: ['store A', 'store B']
    }
    expect(rewardDetailSchema.safeParse(body).success).toBe(true)
  })

  it('redeem-reward, redeem-voucher, by-voucher-code and cancel', () => {
    const redeem = {
      redemption: { id: 3, reward: 'Kaya Bun', stamps_used: 2, extra_data: { discount: '10%' } },
      membership: membership100,
      reward: { id: 1, name: 'Kaya Bun', stamps_to_redeem: 2, extra_data: {}, code: 'MI0017', type: 'reward' },
      voucher: {
        id: 1,
        name: 'Free Kaya Bun',
        code: 'ABCD12345',
        is_active: true,
        start_date: '2016-07-25',
        end_date: '2016-08-25',
        value: null,
        picture_url: 'http://foo.com',
        short_description: 'Free Kaya Bun',
        description: 'Free Kaya Bun with no minimum purchase',
        instructions: 'Show the voucher QR at the counter',
        terms_and_conditions: ''
      }
    }
    expect(redeemRewardResponseSchema.safeParse(redeem).success).toBe(true)
    const voucher = {
      redemption: { id: 2, reward: 'Discount Rp 100,000', stamps_used: 0, extra_data: { discount: '10%' } },
      membership: membership100,
      voucher: { id: 4, name: 'Discount Rp 100,000', code: 'PZ633ECV', type: 'voucher' }
    }
    expect(redeemVoucherResponseSchema.safeParse(voucher).success).toBe(true)
    const byCode = {
      redemption: { id: 199061, status: 'Created' },
      customer: { id: 401791, status: 'Blue', stamps_remaining: 0 }
    }
    expect(redeemByVoucherCodeResponseSchema.safeParse(byCode).success).toBe(true)
    const cancel = {
      redemption: { id: 1, status: 'Canceled' },
      customer: { status: 'Blue', id: 6, stamps_remaining: 60 }
    }
    expect(cancelRedemptionResponseSchema.safeParse(cancel).success).toBe(true)
  })

  it('vouchers: by-merchant-group and validate', () => {
    const list = {
      vouchers: [
        {
          id: 1,
          code: 'VC-ABC',
          is_active: true,
          quantity: 1,
          value: 200,
          notes: '',
          start_date: '2022-03-28',
          end_date: '2022-04-28',
          constraint: { channels: [1, 2, 3, 4] },
          template: {
            id: 1,
            name: 'March Surprise Voucher',
            type: 1,
            short_description: 'Get 50% off on your next purchase',
            picture_url: 'foo.png',
            landscape_picture_url: 'foo_landscape.png',
            merchant_id: 1,
            merchant_code: 'M-ABC',
            extra_data: null
          }
        }
      ]
    }
    expect(groupVouchersResponseSchema.safeParse(list).success).toBe(true)
    const valid = {
      is_redeemable: true,
      user: { email: 'foo@bar.com', name: 'Alice', phone: '+628123123123' },
      voucher: {
        extra_data: { discount: 1000 },
        id: 123,
        name: 'Rp. 100,000 Discount',
        value: 100000,
        start_date: '2021-04-26',
        end_date: '2021-05-24',
        validity: 'Dynamic'
      }
    }
    expect(validateVoucherResponseSchema.safeParse(valid).success).toBe(true)
    // add-with-redemptions issues the first voucher of the list above
    const sale = {
      membership: { ...membership100, status: 10, status_text: 'Blue', stamps: 10, balance: 20, is_blocked: false },
      transaction: { stamps_earned: 5, id: 2374815, value: 50000.0, number_of_people: 8, discount: 5000.0 },
      issued_voucher: list.vouchers[0]
    }
    expect(addWithRedemptionsResponseSchema.safeParse(sale).success).toBe(true)
    expect(
      cancelTransactionByInvoiceResponseSchema.safeParse({
        transaction: { stamps_earned: 3, id: 1, value: 30000, status: 'Canceled' },
        membership: sale.membership
      }).success
    ).toBe(true)
  })
})

describe('drfBoolean', () => {
  it('takes JSON booleans, 1/0 and DRF words; refuses anything else', () => {
    for (const v of [true, 1, 'true', 'True', '1', 'yes', 'on']) expect(drfBoolean.parse(v)).toBe(true)
    for (const v of [false, 0, 'false', 'False', '0', 'no', 'off']) expect(drfBoolean.parse(v)).toBe(false)
    for (const v of ['maybe', 2, null, [], {}]) expect(drfBoolean.safeParse(v).success).toBe(false)
  })
})

/** Every path of the Stamps API this product speaks, with its one allowed method (`:code`: a path parameter). */
export const STAMPS_PATHS = {
  ping: { method: 'POST', path: '/api/ping' },
  accessToken: { method: 'POST', path: '/api/auth/get-access-token/' },
  addTransaction: { method: 'POST', path: '/api/transactions/add' },
  cancelTransaction: { method: 'POST', path: '/api/transactions/cancel' },
  cancelTransactionByInvoice: { method: 'POST', path: '/api/v2/transactions/cancel' },
  previewEarnings: { method: 'GET', path: '/api/v2/transactions/preview-earnings' },
  credit: { method: 'POST', path: '/api/balances/credit' },
  debit: { method: 'POST', path: '/api/balances/debit' },
  cancelBalance: { method: 'POST', path: '/api/balances/cancel' },
  activities: { method: 'GET', path: '/api/v3/activities/' },
  groupActivities: { method: 'GET', path: '/api/v3/activities/by-merchant-group' },
  membership: { method: 'GET', path: '/api/v2/memberships/details' },
  rewards: { method: 'GET', path: '/api/rewards/' },
  reward: { method: 'GET', path: '/api/rewards/:code' },
  groupRewards: { method: 'GET', path: '/api/rewards/by-merchant-group' },
  redeemReward: { method: 'POST', path: '/api/v2/redemptions/redeem-reward' },
  redeemMultipleRewards: { method: 'POST', path: '/api/v2/redemptions/redeem-multiple-rewards' },
  cancelRedemption: { method: 'POST', path: '/api/redemptions/cancel' },
  authorizeRedemption: { method: 'POST', path: '/api/redemptions/authorize' },
  groupVouchers: { method: 'GET', path: '/api/vouchers/by-merchant-group' },
  voucherDetails: { method: 'GET', path: '/api/vouchers/details' },
  validateVoucher: { method: 'GET', path: '/api/vouchers/validate' },
  redeemVoucher: { method: 'POST', path: '/api/v2/redemptions/redeem-voucher' },
  redeemByVoucherCode: { method: 'POST', path: '/api/redemptions/by-voucher-code' },
  addTransactionV2: { method: 'POST', path: '/api/v2/transactions/add' },
  addWithRedemptions: { method: 'POST', path: '/api/v2/transactions/add-with-redemptions' },
  partialRegistration: { method: 'POST', path: '/api/v3/memberships/partial-registration' },
  register: { method: 'POST', path: '/api/v2/memberships/register' }
} as const

export type StampsEndpoint = keyof typeof STAMPS_PATHS

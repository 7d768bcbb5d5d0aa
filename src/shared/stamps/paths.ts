/** Every path of the Stamps API this product speaks, with its one allowed method. */
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
  membership: { method: 'GET', path: '/api/v2/memberships/details' }
} as const

export type StampsEndpoint = keyof typeof STAMPS_PATHS

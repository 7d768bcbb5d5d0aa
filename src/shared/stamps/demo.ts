/**
 * The demo merchant's keys and members: the ones the Stamps documents print, seeded by the
 * sandbox and accepted at the bridge on the embedded default so the documents' cURL lines work.
 */

/** Merchant 14's keys: the two printed in the transaction document. */
export const DEMO_KEYS = {
  coffee: 'aaaabbbbccccddddeeeefffff',
  coffeeCurl: 'aaabbbcccdddeeeffff',
  levis: 'demo-levis-key',
  ace: 'demo-ace-key'
} as const

export const DEMO_MEMBERS = {
  customer: {
    email: 'customer@stamps.co.id',
    name: 'Demo Customer',
    mobilePhone: '+6281234567890',
    cardNumber: '1234567890123'
  },
  second: {
    email: 'second@stamps.co.id',
    name: 'Second Customer',
    mobilePhone: '+6281298765432',
    cardNumber: '2000000000002'
  }
} as const

/** Merchant 14's demo rewards (issue 13.2): code, name, stamps, lowest level, stores (omitted: all). */
export const DEMO_REWARDS = [
  { code: 'KOPI', name: 'Free Kopi Susu', stamps: 10, level: 'Blue' },
  { code: 'CAKE', name: 'Slice of Cake', stamps: 25, level: 'Blue', stores: [2, 3] },
  { code: 'TUMBLER', name: 'Demo Coffee Tumbler', stamps: 60, level: 'Blue' },
  { code: 'GOLD', name: 'Gold Lounge Pass', stamps: 5, level: 'Gold' }
] as const

/** The demo customer's one voucher: any store of merchant 14, a year from seeding. */
export const DEMO_VOUCHER = { code: 'DEMO-WELCOME-1', template: 'Welcome Voucher' } as const

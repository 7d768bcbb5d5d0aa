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

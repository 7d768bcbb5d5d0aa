/** English texts printed on paper (sale receipt, member slip, balance slip) and the desk's receipt caption. */
import type { ReceiptKey } from '../id/receipt'

export const receiptEn = {
  'receipt.caption': 'Receipt as printed',
  'receipt.invoice': 'Invoice',
  'receipt.date': 'Date',
  'receipt.total': 'TOTAL',
  'receipt.stampsEarned': 'Stamps earned',
  'receipt.stampsNow': 'Stamps now',
  'receipt.level': 'Level',
  'receipt.balance': 'Balance',
  'receipt.pending': 'Stamps pending: they will be added when the sale reaches Stamps',
  'receipt.thanks': 'Thank you!',
  'receipt.memberSlip': 'MEMBER SLIP',
  'receipt.member': 'Member',
  'receipt.card': 'Card',
  'receipt.stamps': 'Stamps',
  'receipt.activities': 'Latest activity',
  'receipt.printed': 'Printed',
  'receipt.balanceSlip.credit': 'BALANCE TOP-UP',
  'receipt.balanceSlip.debit': 'BALANCE PAYMENT',
  'receipt.balanceSlip.cancel': 'BALANCE UPDATE CANCELED',
  'receipt.balanceSlip.amount': 'Amount',
  'receipt.balanceSlip.newBalance': 'New balance',
  'receipt.balanceSlip.unknown': 'ask at the counter',
  'receipt.balanceSlip.ref': 'Ref'
} as const satisfies Record<ReceiptKey, string>

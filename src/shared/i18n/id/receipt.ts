/** Bahasa Indonesia texts printed on paper (sale receipt, member slip, balance slip) and the desk's receipt caption. */
export const receiptId = {
  'receipt.caption': 'Struk yang dicetak',
  'receipt.invoice': 'No. Invoice',
  'receipt.date': 'Tanggal',
  'receipt.total': 'TOTAL',
  'receipt.stampsEarned': 'Stamps didapat',
  'receipt.stampsNow': 'Stamps sekarang',
  'receipt.level': 'Level',
  'receipt.balance': 'Saldo',
  'receipt.pending': 'Stamps tertunda: akan ditambahkan saat transaksi terkirim ke Stamps',
  'receipt.thanks': 'Terima kasih!',
  'receipt.memberSlip': 'SLIP MEMBER',
  'receipt.member': 'Member',
  'receipt.card': 'Kartu',
  'receipt.stamps': 'Stamps',
  'receipt.activities': 'Aktivitas terakhir',
  'receipt.printed': 'Dicetak',
  'receipt.balanceSlip.credit': 'ISI SALDO',
  'receipt.balanceSlip.debit': 'PEMBAYARAN SALDO',
  'receipt.balanceSlip.cancel': 'PEMBATALAN SALDO',
  'receipt.balanceSlip.amount': 'Jumlah',
  'receipt.balanceSlip.newBalance': 'Saldo baru',
  'receipt.balanceSlip.unknown': 'tanyakan di kasir',
  'receipt.balanceSlip.ref': 'Ref'
} as const

export type ReceiptKey = keyof typeof receiptId

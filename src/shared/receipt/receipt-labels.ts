/** Label sets for the receipt templates: English (default) and Indonesian. */
import type { ReceiptLabels } from './template-inputs'

export const LABELS_EN: ReceiptLabels = {
  invoice: 'Invoice',
  date: 'Date',
  total: 'TOTAL',
  stampsEarned: 'Stamps earned',
  stampsNow: 'Stamps now',
  level: 'Level',
  balance: 'Balance',
  pending: 'Stamps pending: they will be added when the sale reaches Stamps',
  member: 'Member',
  card: 'Card',
  stamps: 'Stamps',
  activities: 'Latest activity',
  printed: 'Printed',
  memberSlip: 'MEMBER SLIP',
  thanks: 'Thank you!'
}

export const LABELS_ID: ReceiptLabels = {
  invoice: 'No. Invoice',
  date: 'Tanggal',
  total: 'TOTAL',
  stampsEarned: 'Stamps didapat',
  stampsNow: 'Stamps sekarang',
  level: 'Level',
  balance: 'Saldo',
  pending: 'Stamps tertunda: akan ditambahkan saat transaksi terkirim ke Stamps',
  member: 'Member',
  card: 'Kartu',
  stamps: 'Stamps',
  activities: 'Aktivitas terakhir',
  printed: 'Dicetak',
  memberSlip: 'SLIP MEMBER',
  thanks: 'Terima kasih!'
}

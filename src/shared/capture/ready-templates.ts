/**
 * Ready receipt templates for layouts printed by public Indonesian POS code (sources and their
 * byte-level fixtures: tests/fixtures/capture/pos-receipts.ts). A merchant copies one into
 * settings.capture.templates and adjusts `match` to their own receipt header.
 */
import { AMOUNT_VALUE, type ReceiptTemplate, receiptTemplateSchema } from './receipt-template'

export const READY_TEMPLATES: readonly ReceiptTemplate[] = [
  /* davidsetyaahr/resto cetak-bill: the sale code stands alone on its line, the total is "Total" or "Grand Total" */
  {
    name: 'resto-bill',
    match: ['Payment Bill'],
    invoice: { anchors: [], pattern: String.raw`^([A-Z]{2,4}\d{6,})$` },
    total: { anchors: ['Grand Total', 'Total'], pattern: AMOUNT_VALUE },
    notSale: []
  },
  /* wpangestu/wpos struk: "No#:10.19.0019  Jam:15.00", "Total Belanja = Rp 121.000" */
  {
    name: 'wpos',
    match: ['No#:', 'Total Belanja'],
    invoice: { anchors: ['No#'], pattern: String.raw`^[:\s]*([0-9][0-9.]*)` },
    total: { anchors: ['Total Belanja'], pattern: AMOUNT_VALUE },
    dateTime: { anchors: ['Tgl'] },
    notSale: []
  },
  /* anbya/contohUploadKeGit close bill (mike42/escpos-php): "Rcpt#:<id>   Y-m-d H:i:s", "TOTAL  297,000" */
  {
    name: 'mike42-close-bill',
    match: ['Rcpt#:', 'TOTAL BILL'],
    invoice: { anchors: ['Rcpt#'], pattern: String.raw`^[:\s]*(\S+)` },
    total: { anchors: ['TOTAL'], pattern: AMOUNT_VALUE },
    dateTime: { anchors: ['Rcpt#'] },
    notSale: []
  }
].map((t) => receiptTemplateSchema.parse(t))

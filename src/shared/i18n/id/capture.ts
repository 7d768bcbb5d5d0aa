/** Bahasa Indonesia texts of the loyalty footer the host adds to a receipt the POS printed through it. */
export const captureId = {
  'capture.footer.title': 'STAMPS',
  'capture.footer.member': 'Member',
  'capture.footer.earned': 'Stamps didapat',
  'capture.footer.remaining': 'Stamps sekarang',
  'capture.footer.pending': 'Stamps tertunda: akan ditambahkan saat transaksi terkirim ke Stamps',
  'capture.footer.join': 'Belum jadi member? Daftar di kios dan kumpulkan stamps dari belanja berikutnya',
  'capture.footer.copy': 'Salinan: stamps sudah dicatat untuk struk ini'
} as const

export type CaptureKey = keyof typeof captureId

/** English texts of the loyalty footer the host adds to a receipt the POS printed through it. */
import type { CaptureKey } from '../id/capture'

export const captureEn = {
  'capture.footer.title': 'STAMPS',
  'capture.footer.member': 'Member',
  'capture.footer.earned': 'Stamps earned',
  'capture.footer.remaining': 'Stamps now',
  'capture.footer.pending': 'Stamps pending: they will be added when the sale reaches Stamps',
  'capture.footer.join': 'Not a member yet? Join at the kiosk and collect stamps from your next purchase',
  'capture.footer.copy': 'Copy: the stamps for this receipt are already recorded'
} as const satisfies Record<CaptureKey, string>

/** The loyalty footer printed on a captured sale receipt, as ESC/POS bytes from the receipt encoder and the string catalogue. */
import { translate, type Language } from '../../shared/i18n'
import type { Columns, ReceiptItemInput } from '../../shared/receipt/receipt-model'
import { maskCard } from '../../shared/receipt/templates'
import { encodeReceipt } from '../printer'

export type FooterFacts =
  | { kind: 'posted'; user: string; earned: number | null; remaining: number | null; copy: boolean }
  | { kind: 'pending'; user: string; copy: boolean }
  | { kind: 'join' }

/** An email shows its first letter and domain; a card or phone number its last 4 characters. */
export function maskMember(user: string): string {
  const at = user.indexOf('@')
  if (at > 0) return `${user.charAt(0)}${'*'.repeat(Math.max(0, at - 1))}${user.slice(at)}`
  return maskCard(user)
}

/** The footer's bytes: ESC @ first (the POS may have left bold or double size on), no cut (the POS's own follows). */
export function loyaltyFooter(facts: FooterFacts, options: { language: Language; columns: Columns }): Uint8Array {
  const t = (key: Parameters<typeof translate>[1]): string => translate(options.language, key)
  const items: ReceiptItemInput[] = [
    { type: 'separator', char: '-' },
    { type: 'text', text: t('capture.footer.title'), align: 'center', bold: true }
  ]
  if (facts.kind === 'join') items.push({ type: 'text', text: t('capture.footer.join'), align: 'center' })
  else {
    items.push({ type: 'row', label: t('capture.footer.member'), value: maskMember(facts.user) })
    if (facts.kind === 'posted') {
      items.push({ type: 'row', label: t('capture.footer.earned'), value: String(facts.earned ?? '-'), bold: true })
      if (facts.remaining !== null)
        items.push({ type: 'row', label: t('capture.footer.remaining'), value: String(facts.remaining) })
    } else items.push({ type: 'text', text: t('capture.footer.pending') })
    if (facts.copy) items.push({ type: 'text', text: t('capture.footer.copy') })
  }
  items.push({ type: 'separator', char: '-' })
  return encodeReceipt({ columns: options.columns, items })
}

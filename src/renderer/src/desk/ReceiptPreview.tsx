/** The receipt as printed: lines decoded by main from the bytes sent to the printer. */
import { useT } from '../i18n'

export function ReceiptPreview({ lines }: { lines: string[] }): React.JSX.Element {
  const t = useT()
  return (
    <figure className="receipt" aria-labelledby="receipt-caption">
      <figcaption id="receipt-caption" className="receipt__caption">
        {t('receipt.caption')}
      </figcaption>
      <pre className="receipt__paper" data-testid="receipt-preview" tabIndex={0}>
        {lines.join('\n')}
      </pre>
    </figure>
  )
}

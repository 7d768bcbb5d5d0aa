/** On-screen digits for a touch kiosk (phone number, PIN): buttons only, no keyboard needed. */
import { useT } from '../i18n'

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']

export function DigitPad({
  value,
  max,
  onChange
}: {
  value: string
  max: number
  onChange: (next: string) => void
}): React.JSX.Element {
  const t = useT()
  return (
    <div className="digit-pad" role="group">
      {DIGITS.map((d) => (
        <button
          key={d}
          type="button"
          className="button button--secondary digit-pad__key"
          data-digit={d}
          disabled={value.length >= max}
          onClick={() => onChange(value + d)}
        >
          {d}
        </button>
      ))}
      <button
        type="button"
        className="button button--secondary digit-pad__key"
        disabled={value.length === 0}
        onClick={() => onChange(value.slice(0, -1))}
      >
        {t('join.delete')}
      </button>
    </div>
  )
}

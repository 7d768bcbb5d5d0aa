/** An on-screen number pad for card numbers, phone numbers and PINs; it sits in the flow below its field, never over it. */
import { useT } from '../i18n'

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

export interface NumericKeypadProps {
  /** The text of the field the pad types into. */
  value: string
  onChange: (value: string) => void
  /** Digits beyond this length are ignored, as the field's own maxLength would. */
  maxLength?: number
  /** The id of the input the pad types into (aria-controls). */
  controls?: string
  /** Names the pad for screen readers, e.g. "Number pad for the PIN". */
  label?: string
}

export function NumericKeypad({ value, onChange, maxLength, controls, label }: NumericKeypadProps): React.JSX.Element {
  const t = useT()
  const type = (digit: string): void => {
    if (maxLength === undefined || value.length < maxLength) onChange(value + digit)
  }
  const key = (digit: string): React.JSX.Element => (
    <button
      key={digit}
      type="button"
      className="button keypad__key"
      aria-controls={controls}
      data-key={digit}
      onClick={() => type(digit)}
    >
      {digit}
    </button>
  )
  return (
    <div className="keypad" role="group" aria-label={label ?? t('keypad.label')} data-testid="keypad">
      {DIGITS.map(key)}
      <button
        type="button"
        className="button keypad__key keypad__key--edit"
        aria-controls={controls}
        data-key="clear"
        disabled={value === ''}
        onClick={() => onChange('')}
      >
        {t('keypad.clear')}
      </button>
      {key('0')}
      <button
        type="button"
        className="button keypad__key keypad__key--edit"
        aria-controls={controls}
        aria-label={t('keypad.backspace')}
        data-key="backspace"
        disabled={value === ''}
        onClick={() => onChange(value.slice(0, -1))}
      >
        ⌫
      </button>
    </div>
  )
}

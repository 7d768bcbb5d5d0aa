/** A labelled select with its error underneath (same contract as Field). */
import { useId } from 'react'

interface SelectProps<V extends string> {
  label: string
  value: V
  options: ReadonlyArray<readonly [V, string]>
  onChange: (value: V) => void
  error?: string | null | undefined
  name?: string
}

export function Select<V extends string>({
  label,
  value,
  options,
  onChange,
  error,
  name
}: SelectProps<V>): React.JSX.Element {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="input field__input"
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${id}-err`} className="field__error">
          {error}
        </span>
      )}
    </div>
  )
}

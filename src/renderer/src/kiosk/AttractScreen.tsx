/** The idle screen: invites a scan, with a typed fallback for people without a card at hand. */
import { useId, useState } from 'react'
import { NumericKeypad } from '../common/NumericKeypad'
import { useT } from '../i18n'

export function AttractScreen({
  onSubmit,
  onJoin
}: {
  onSubmit: (text: string) => void
  onJoin?: () => void
}): React.JSX.Element {
  const t = useT()
  const inputId = useId()
  const [text, setText] = useState('')
  // Touching the field opens the number pad (cards and phones are digits); the scan icon makes room for it.
  const [keypad, setKeypad] = useState(false)
  return (
    <section className={`attract${keypad ? ' attract--keypad' : ''}`} aria-labelledby="attract-title">
      {!keypad && (
        <div className="attract__scan-icon" aria-hidden="true">
          <span />
        </div>
      )}
      <h1 id="attract-title" className="attract__title">
        {t('attract.title')}
      </h1>
      <p className="attract__prompt">{t('attract.prompt')}</p>
      <form
        className="attract__form"
        onSubmit={(e) => {
          e.preventDefault()
          if (text.trim()) onSubmit(text)
        }}
      >
        <label htmlFor={inputId} className="attract__label">
          {t('attract.manualLabel')}
        </label>
        <div className="attract__row">
          <input
            id={inputId}
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={512}
            onFocus={() => setKeypad(true)}
          />
          <button type="submit" className="button button--primary">
            {t('attract.manualSubmit')}
          </button>
        </div>
        {keypad && <NumericKeypad value={text} onChange={setText} maxLength={512} controls={inputId} />}
      </form>
      {onJoin && (
        <button type="button" className="button button--secondary attract__join" onClick={onJoin}>
          {t('join.button')}
        </button>
      )}
    </section>
  )
}
